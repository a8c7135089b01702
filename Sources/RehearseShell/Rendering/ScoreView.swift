import RehearseCore

/// The human `score` report: each category's level as a small bar with the words that earned
/// it, the answer with matched spans highlighted (colour on a terminal, 【】 otherwise), what
/// the guards cancelled and why, and a hint for what is missing.
struct ScoreView {
  var report: ScoreReport
  var answer: String
  var messages: any Messages
  var style: Style
  var hasCompany: Bool
  var width: Int
  /// What the company fit line says without a company (default: how to give one).
  var noCompany: String? = nil

  static let order: [ScoreCategory] = [.reasoning, .reproducibility, .evidence, .companyFit, .structure]

  func render() -> String {
    var out = ""
    let labelWidth = Self.order.map { DisplayWidth.of(messages.category($0)) }.max() ?? 0
    for category in Self.order {
      let result = report[category]
      let label = DisplayWidth.pad(messages.category(category), to: labelWidth)
      if category == .companyFit, !hasCompany {
        out += style.dim("\(label)  ---  \(noCompany ?? messages.notChecked)") + "\n"
        continue
      }
      if !report.isAsked(category) {
        out += style.dim("\(label)  ---  \(messages.notAsked)") + "\n"
        continue
      }
      let bar = String(repeating: "■", count: result.level) + String(repeating: "□", count: 3 - result.level)
      let coloured = result.present ? style.good(bar) : (result.level == 1 ? style.warning(bar) : style.dim(bar))
      var line = "\(style.bold(label))  \(coloured)  \(messages.level(result.level))"
      // Long spans (a whole clause) are cut here; the answer below shows them whole.
      let words = Self.shownWords(result.matches, of: category, in: answer).prefix(4)
      if !words.isEmpty { line += "  " + style.dim(words.map { "「\($0)」" }.joined(separator: " ")) }
      out += line + "\n"
      if let hint = result.hint, !result.present {
        for (index, wrapped) in DisplayWidth.wrap(hint, width: max(20, width - labelWidth - 6)).enumerated() {
          out += String(repeating: " ", count: labelWidth + 2) + (index == 0 ? "→ " : "  ") + wrapped + "\n"
        }
      }
    }
    out += style.bold(messages.totalScore(report.total)) + "\n\n"

    out += style.heading(messages.answerHeading) + legend() + "\n"
    out += highlighted() + "\n"

    let cancelled = Self.order.flatMap { report[$0].cancelled }
    if !cancelled.isEmpty {
      out += "\n" + style.heading(messages.cancelledHeading) + "\n"
      var seen: Set<String> = []
      for item in cancelled where seen.insert("\(item.match.start):\(item.rule)").inserted {
        out += "  「\(item.match.text)」 " + style.dim(messages.rule(item.rule)) + "\n"
      }
    }

    var notes: [String] = []
    let own = report.ownership
    if own.firstPersonSingular + own.firstPersonPlural > 0 {
      notes.append(messages.ownership(i: own.firstPersonSingular, we: own.firstPersonPlural))
    }
    if !report.fillers.isEmpty {
      notes.append(messages.fillers(report.fillers.map(\.text)))
    }
    if let review = report.failureReview {
      notes.append(messages.failureReview(cause: review.cause, change: review.change, result: review.result))
    }
    if !notes.isEmpty { out += "\n" + notes.map { style.dim($0) }.joined(separator: "\n") + "\n" }
    return out
  }

  /// On a colour terminal, which colour marks which category (only those with words marked).
  func legend() -> String {
    guard style.mode == .on else { return "" }
    let marked = Self.order.filter { $0 != .structure && !report[$0].matches.isEmpty }
    guard !marked.isEmpty else { return "" }
    return "  " + marked.map { style.highlight(messages.category($0), category: $0) }.joined(separator: "  ")
  }

  /// The words a category's line shows: in the order the answer says them, each once, and
  /// overlapping finds as one stretch of the answer (two patterns finding "went from 14 a week
  /// to" and "from 14 a week to 2" show "went from 14 a week to 2"), merged as the marked answer
  /// below merges them.
  static func shownWords(_ matches: [Match], of category: ScoreCategory, in answer: String) -> [String] {
    let marks = SpanMarks(answer, spans: matches.map { (category: category, range: $0.start..<max($0.start, $0.end)) })
    var seen: Set<String> = []
    return marks.runs(in: 0..<marks.scalars.count, byCategory: false)
      .filter { $0.category != nil }
      .map { shortened($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
      .filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// A span cut to 24 columns for the level line, at a space when the text has them.
  static func shortened(_ text: String) -> String {
    let limit = 24
    guard DisplayWidth.of(text) > limit else { return text }
    let words = text.split(separator: " ")
    guard words.count > 1 else { return DisplayWidth.truncate(text, to: limit) }
    var kept = ""
    for word in words {
      let next = kept.isEmpty ? String(word) : kept + " " + word
      if DisplayWidth.of(next) > limit - 1 { break }
      kept = next
    }
    return kept.isEmpty ? DisplayWidth.truncate(text, to: limit) : kept + "…"
  }

  /// The answer with every scored span marked: on a colour terminal each category in its own
  /// colour (where spans overlap, the first category in the report's order), otherwise every
  /// span, merged, in 【】.
  func highlighted() -> String {
    let spans = Self.order.filter { $0 != .structure }.flatMap { category in
      report[category].matches.map { (category: category, range: $0.start..<max($0.start, $0.end)) }
    }
    return Self.highlighted(SpanMarks(answer, spans: spans), style: style, width: width)
  }

  /// Marked answer text, word-wrapped to `width` with a two-space indent.
  static func highlighted(_ marks: SpanMarks, style: Style, width: Int, indent: String = "  ") -> String {
    var lines = wrappedRanges(marks.scalars, width: width - DisplayWidth.of(indent)).map { range in
      indent
        + marks.runs(in: range, byCategory: style.mode == .on).map { run in
          guard let category = run.category else { return run.text }
          return style.mode == .on ? style.highlight(run.text, category: category) : "【\(run.text)】"
        }.joined()
    }
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The answer's lines word-wrapped to `width` columns (the person's own line breaks kept), as
  /// ranges of `scalars`, so the marks can be put back on the words they belong to.
  static func wrappedRanges(_ scalars: [Unicode.Scalar], width: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var lineStart = 0
    for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
      var position = lineStart
      var source = String.UnicodeScalarView()
      source.append(contentsOf: scalars[lineStart..<index])
      let text = String(source)
      // Each wrapped piece is the line's text in order, with the spaces at the breaks dropped.
      for piece in text.isEmpty ? [""] : DisplayWidth.wrap(text, width: max(10, width)) {
        let pieceScalars = Array(piece.unicodeScalars)
        while position < index, scalars[position] == " ", pieceScalars.first != " " { position += 1 }
        let end = position + pieceScalars.count
        guard end <= index, Array(scalars[position..<end]) == pieceScalars else {
          // Not a plain re-flow of the line: keep it whole rather than mark the wrong words.
          ranges.append(lineStart..<index)
          position = index
          break
        }
        ranges.append(position..<end)
        position = end
      }
      lineStart = index + 1
    }
    return ranges
  }
}
