import Foundation

/// A practice day: a local calendar day that starts at the rollover hour (04:00 by default, as
/// in Anki), so practice at 1 am counts for the evening before.
public struct PracticeDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (the calendar day, whatever the time zone).
  public var number: Int

  public init(number: Int) {
    self.number = number
  }

  public init(year: Int, month: Int, day: Int) {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC")!
    let noon = utc.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    number = Int((noon.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  public static func < (lhs: PracticeDay, rhs: PracticeDay) -> Bool { lhs.number < rhs.number }

  public func adding(days: Int) -> PracticeDay { PracticeDay(number: number + days) }
  public func days(since other: PracticeDay) -> Int { number - other.number }

  /// The day of the week, Monday 0 to Sunday 6 (1970-01-01, day 0, was a Thursday).
  public var weekday: Int { ((number + 3) % 7 + 7) % 7 }

  /// `2026-12-05`.
  public var description: String {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC")!
    let parts = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(number) * 86_400))
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }
}

/// Which practice day an instant falls on, for a time zone and rollover hour (injected: the core
/// reads no clock and no system time zone).
public struct PracticeCalendar: Sendable, Equatable {
  public var timeZone: TimeZone
  /// 0–23: the hour a new practice day begins.
  public var rolloverHour: Int

  public init(timeZone: TimeZone, rolloverHour: Int = 4) {
    precondition((0...23).contains(rolloverHour), "the rollover hour is 0–23")
    self.timeZone = timeZone
    self.rolloverHour = rolloverHour
  }

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  /// The practice day of `date`: its local calendar day, or the one before when it is earlier
  /// than the rollover hour. Wall-clock hours decide, so a daylight-saving day is still one day.
  public func day(of date: Date) -> PracticeDay {
    let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
    let today = PracticeDay(year: parts.year!, month: parts.month!, day: parts.day!)
    return parts.hour! < rolloverHour ? today.adding(days: -1) : today
  }

  /// The instant a practice day begins (its rollover hour, local time; on a day when that hour
  /// does not exist, the first instant after it).
  public func start(of day: PracticeDay) -> Date {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC")!
    let parts = utc.dateComponents(
      [.year, .month, .day], from: Date(timeIntervalSince1970: Double(day.number) * 86_400))
    let wanted = DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: rolloverHour)
    return calendar.date(from: wanted) ?? calendar.nextDate(
      after: calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))!,
      matching: DateComponents(hour: rolloverHour), matchingPolicy: .nextTime)!
  }
}
