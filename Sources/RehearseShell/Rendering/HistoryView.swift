import Foundation
import RehearseStore

/// The `history` table: id, start, company, mode, questions, answered, mean score, status,
/// aligned by display width and fitted to the terminal (narrow ones lose the status, mode and
/// questions columns and the year, then company names are shortened).
struct HistoryView {
  var sessions: [SessionSummary]
  var messages: any Messages
  var style: Style
  var width: Int
  var dates: DateText
  /// Whether `--company` or `--since` narrowed the list (an empty list then says so).
  var filtered = false

  func render() -> String {
    guard !sessions.isEmpty else { return (filtered ? messages.noMatchingSessions : messages.noSessions) + "\n" }
    let header = [
      messages.columnID, messages.columnStarted, messages.columnCompany, messages.columnMode,
      messages.columnQuestions, messages.columnAnswered, messages.columnScore, messages.columnStatus,
    ]
    var rows: [[String]] = sessions.map { session in
      [
        session.id.description, dates.minute(session.startedAt), session.companyName,
        messages.sessionMode(session.mode), String(session.questions), String(session.answered),
        session.meanTotal.map { String(Int($0.rounded())) } ?? "—", messages.sessionStatus(session.endReason),
      ]
    }
    // The company name takes what the other columns leave, at least 12 columns; on a narrow
    // terminal the status, the mode and then the questions columns are left out, and then the
    // year, before names get shorter (down to 8 columns).
    let gap = 2
    let company = 2
    var columns = Array(header.indices)
    // Each column is measured once (fifty rows of Japanese names add up), again only if changed.
    var measured: [Int: Int] = [:]
    func measure(_ column: Int) -> Int {
      if let width = measured[column] { return width }
      let width = ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
      measured[column] = width
      return width
    }
    func othersWidth() -> Int {
      columns.filter { $0 != company }.map(measure).reduce(0, +) + gap * (columns.count - 1)
    }
    for optional in [7, 3, 4] where width - othersWidth() < 12 {
      columns.removeAll { $0 == optional }
    }
    if width - othersWidth() < 12 {
      for (index, session) in sessions.enumerated() { rows[index][1] = dates.shortMinute(session.startedAt) }
      measured[1] = nil
    }
    var widths = Dictionary(uniqueKeysWithValues: columns.map { ($0, measure($0)) })
    widths[company] = min(widths[company]!, max(8, width - othersWidth()))

    let numeric: Set<Int> = [0, 4, 5, 6]
    func format(_ cells: [String], isHeader: Bool) -> String {
      var line = ""
      for column in columns {
        let cell = cells[column]
        let text = column == company ? DisplayWidth.truncate(cell, to: widths[column]!) : cell
        let isLast = column == columns.last
        let fill = String(repeating: " ", count: max(0, widths[column]! - DisplayWidth.of(text)))
        let padded = numeric.contains(column) ? fill + text : (isLast ? text : text + fill)
        line += isHeader || column == 0 ? style.bold(padded) : padded
        if !isLast { line += String(repeating: " ", count: gap) }
      }
      return line
    }

    var out = format(header, isHeader: true) + "\n"
    for row in rows { out += format(row, isHeader: false) + "\n" }
    out += "\n" + style.dim(messages.sessionCount(sessions.count)) + "\n"
    return out
  }
}
