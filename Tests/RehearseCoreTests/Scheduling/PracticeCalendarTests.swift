import Foundation
import RehearseCore
import Testing

/// Practice days: local days from the rollover hour, across time zones and daylight saving.
@Suite("Practice days")
struct PracticeCalendarTests {
  static func date(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
  }

  @Test("1 am counts for the evening before; 4 am starts the next day")
  func rollover() {
    let tokyo = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    #expect(tokyo.day(of: Self.date("2026-12-05T01:30:00+09:00")) == PracticeDay(year: 2026, month: 12, day: 4))
    #expect(tokyo.day(of: Self.date("2026-12-05T03:59:59+09:00")) == PracticeDay(year: 2026, month: 12, day: 4))
    #expect(tokyo.day(of: Self.date("2026-12-05T04:00:00+09:00")) == PracticeDay(year: 2026, month: 12, day: 5))
    #expect(tokyo.day(of: Self.date("2026-12-05T23:59:00+09:00")) == PracticeDay(year: 2026, month: 12, day: 5))
    let midnight = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!, rolloverHour: 0)
    #expect(midnight.day(of: Self.date("2026-12-05T01:30:00+09:00")) == PracticeDay(year: 2026, month: 12, day: 5))
    #expect(tokyo.start(of: PracticeDay(year: 2026, month: 12, day: 5)) == Self.date("2026-12-05T04:00:00+09:00"))
    #expect(PracticeDay(year: 2026, month: 12, day: 5).description == "2026-12-05")
  }

  @Test("the same instant is a different day in another time zone, and moving keeps the days whole")
  func timeZoneChange() {
    let instant = Self.date("2026-12-05T02:00:00Z")  // 11:00 in Tokyo, 21:00 the evening before in New York
    let tokyo = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    let newYork = PracticeCalendar(timeZone: TimeZone(identifier: "America/New_York")!)
    #expect(tokyo.day(of: instant) == PracticeDay(year: 2026, month: 12, day: 5))
    #expect(newYork.day(of: instant) == PracticeDay(year: 2026, month: 12, day: 4))
    // Practice in Tokyo on the 5th, then fly to New York: the next session there is a new day.
    let later = Self.date("2026-12-06T14:00:00Z")  // 09:00 on the 6th in New York
    #expect(newYork.day(of: later).days(since: tokyo.day(of: instant)) == 1)
  }

  @Test("daylight-saving days are single days, and their start exists")
  func daylightSaving() {
    let newYork = PracticeCalendar(timeZone: TimeZone(identifier: "America/New_York")!, rolloverHour: 2)
    // 2026-03-08: 02:00 does not exist (clocks go to 03:00); 2026-11-01: 01:00–02:00 happens twice.
    let spring = PracticeDay(year: 2026, month: 3, day: 8)
    #expect(newYork.start(of: spring) == Self.date("2026-03-08T03:00:00-04:00"), "the first instant after 02:00")
    #expect(newYork.day(of: Self.date("2026-03-08T03:30:00-04:00")) == spring)
    #expect(newYork.day(of: Self.date("2026-03-08T01:30:00-05:00")) == spring.adding(days: -1))
    let autumn = PracticeDay(year: 2026, month: 11, day: 1)
    #expect(newYork.day(of: Self.date("2026-11-01T01:30:00-04:00")) == autumn.adding(days: -1))
    #expect(newYork.day(of: Self.date("2026-11-01T01:30:00-05:00")) == autumn.adding(days: -1), "the repeated hour")
    #expect(newYork.day(of: Self.date("2026-11-01T02:30:00-05:00")) == autumn)
    // A 23-hour and a 25-hour day are one day each.
    #expect(newYork.day(of: Self.date("2026-03-09T12:00:00-04:00")).days(since: spring) == 1)
    #expect(newYork.day(of: Self.date("2026-11-02T12:00:00-05:00")).days(since: autumn) == 1)
  }
}
