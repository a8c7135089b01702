import Foundation

/// Dates as Rehearse prints them, in one time zone passed in (the person's, `TZ`): ISO 8601 with
/// a numeric offset for JSON (`2025-11-24T18:43:05+09:00`, never `Z`), short local forms for people.
struct DateText {
  var timeZone: TimeZone

  private func formatter(_ format: String) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = timeZone
    formatter.dateFormat = format
    return formatter
  }

  /// `2025-11-24T18:43:05+09:00`.
  func iso(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ssxxxxx").string(from: date) }

  /// `2025-11-24 18:43`.
  func day(_ date: Date) -> String { formatter("yyyy-MM-dd").string(from: date) }
  func minute(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm").string(from: date) }

  /// `11-24 18:43`, for narrow tables.
  func shortMinute(_ date: Date) -> String { formatter("MM-dd HH:mm").string(from: date) }

  /// `18:43:05`.
  func time(_ date: Date) -> String { formatter("HH:mm:ss").string(from: date) }

  /// Whether two dates fall on the same local day.
  func sameDay(_ a: Date, _ b: Date) -> Bool {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.isDate(a, inSameDayAs: b)
  }
}
