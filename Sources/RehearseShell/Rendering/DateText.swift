import Foundation

/// Dates as Rehearse prints them, in one time zone passed in (the person's, `TZ`): ISO 8601 with
/// a numeric offset for JSON (`2025-11-24T18:43:05+09:00`, never `Z`), short local forms for people.
///
/// Written from the Gregorian calendar's fields by hand: a `DateFormatter` loads ICU's locale data
/// on first use, some milliseconds of every command that prints a date.
struct DateText {
  var timeZone: TimeZone

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  private func fields(_ date: Date) -> DateComponents {
    calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }

  private static func two(_ value: Int?) -> String {
    let value = value ?? 0
    return value < 10 ? "0\(value)" : String(value)
  }

  private static func ymd(_ parts: DateComponents) -> String {
    let year = String(parts.year ?? 0)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(parts.month) + "-" + two(parts.day)
  }

  /// `2025-11-24T18:43:05+09:00`.
  func iso(_ date: Date) -> String {
    let parts = fields(date)
    let offset = timeZone.secondsFromGMT(for: date)
    let sign = offset < 0 ? "-" : "+"
    let minutes = abs(offset) / 60
    return Self.ymd(parts) + "T" + Self.two(parts.hour) + ":" + Self.two(parts.minute) + ":" + Self.two(parts.second)
      + sign + Self.two(minutes / 60) + ":" + Self.two(minutes % 60)
  }

  /// `2025-11-24`.
  func day(_ date: Date) -> String { Self.ymd(fields(date)) }

  /// `2025-11-24 18:43`.
  func minute(_ date: Date) -> String {
    let parts = fields(date)
    return Self.ymd(parts) + " " + Self.two(parts.hour) + ":" + Self.two(parts.minute)
  }

  /// `11-24 18:43`, for narrow tables.
  func shortMinute(_ date: Date) -> String {
    let parts = fields(date)
    return Self.two(parts.month) + "-" + Self.two(parts.day) + " " + Self.two(parts.hour) + ":" + Self.two(parts.minute)
  }

  /// `18:43:05`.
  func time(_ date: Date) -> String {
    let parts = fields(date)
    return Self.two(parts.hour) + ":" + Self.two(parts.minute) + ":" + Self.two(parts.second)
  }

  /// Whether two dates fall on the same local day.
  func sameDay(_ a: Date, _ b: Date) -> Bool {
    calendar.isDate(a, inSameDayAs: b)
  }
}
