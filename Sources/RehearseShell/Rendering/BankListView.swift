import RehearseCore

/// The `banks list` table: id, name, language, questions, stages, source, aligned by display
/// width so Japanese names line up.
struct BankListView {
  var banks: [LoadedBank]
  var messages: any Messages
  var style: Style
  var width: Int
  /// Followed companies, marked ★ after their id.
  var followed: Set<String> = []

  func render() -> String {
    guard !banks.isEmpty else { return messages.noBanks + "\n" }
    let header = [
      messages.columnID, messages.columnName, messages.columnLanguage, messages.columnQuestions,
      messages.columnStages, messages.columnSource,
    ]
    let rows: [[String]] = banks.map { loaded in
      let company = loaded.bank.company
      return [
        followed.contains(company.id) ? company.id + " ★" : company.id, company.name, company.language.rawValue,
        String(loaded.bank.questions.count),
        company.stages.map(\.id).joined(separator: ","), messages.origin(loaded.origin),
      ]
    }
    var widths = header.indices.map { column in
      ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
    // Names matter most: give them what the terminal has left (at least 20 columns) and cut
    // the stages list before cutting names further.
    let gap = 2
    let fixed = widths.enumerated().filter { ![1, 4].contains($0.offset) }.map(\.element).reduce(0, +)
    var available = width - fixed - gap * (widths.count - 1)
    widths[1] = min(widths[1], max(20, available - min(widths[4], 14)))
    available -= widths[1]
    widths[4] = max(DisplayWidth.of(header[4]), min(widths[4], available))

    let numeric: Set<Int> = [3]
    func format(_ cells: [String], isHeader: Bool) -> String {
      var line = ""
      for (column, cell) in cells.enumerated() {
        let text = column == 1 || column == 4 ? DisplayWidth.truncate(cell, to: widths[column]) : cell
        let isLast = column == cells.count - 1
        let padded: String
        if numeric.contains(column) {
          padded = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text))) + text
        } else {
          padded = isLast ? text : DisplayWidth.pad(text, to: widths[column])
        }
        line += (column == 0 || isHeader ? style.bold(padded) : padded)
        if !isLast { line += String(repeating: " ", count: gap) }
      }
      return line
    }

    var out = format(header, isHeader: true) + "\n"
    for row in rows { out += format(row, isHeader: false) + "\n" }
    let total = banks.reduce(0) { $0 + $1.bank.questions.count }
    out += "\n" + style.dim(messages.bankCount(banks: banks.count, questions: total)) + "\n"
    return out
  }
}
