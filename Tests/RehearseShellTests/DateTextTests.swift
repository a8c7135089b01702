import Foundation
import Testing

@testable import RehearseShell

/// Dates as printed: ISO 8601 with the offset for JSON, short local forms for people.
@Suite("Printed dates")
struct DateTextTests {
  /// 2025-11-24 09:00:05.7 UTC.
  static let date = Date(timeIntervalSince1970: 1_763_974_805.7)

  @Test("ISO 8601 with a numeric offset, east and west of UTC, and UTC itself")
  func iso() {
    #expect(DateText(timeZone: TimeZone(identifier: "Asia/Tokyo")!).iso(Self.date) == "2025-11-24T18:00:05+09:00")
    #expect(
      DateText(timeZone: TimeZone(identifier: "America/St_Johns")!).iso(Self.date) == "2025-11-24T05:30:05-03:30")
    #expect(DateText(timeZone: TimeZone(identifier: "UTC")!).iso(Self.date) == "2025-11-24T09:00:05+00:00")
  }

  @Test("the short forms, in the local day (a day ahead in Tokyo late in the evening UTC)")
  func shortForms() {
    let tokyo = DateText(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    let late = Date(timeIntervalSince1970: 1_764_018_000)  // 2025-11-24 21:00 UTC
    #expect(tokyo.day(late) == "2025-11-25")
    #expect(tokyo.minute(late) == "2025-11-25 06:00")
    #expect(tokyo.shortMinute(Self.date) == "11-24 18:00")
    #expect(tokyo.time(Self.date) == "18:00:05")
    #expect(tokyo.sameDay(late, late.addingTimeInterval(3_600)))
  }
}
