import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse compare QUESTION`: every attempt at one question over time, side by side (issue 11).
struct CompareCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Every attempt at one question, side by side: levels, total, time, your own rating.",
    discussion: """
      QUESTION is the bank's question id (`rehearse banks show COMPANY` lists them). When \
      several companies have a question with that id, name one with --company. The best attempt \
      is marked ★; below the table, what the latest attempt gained or lost against the first.
      """)

  @Argument(
    help: ArgumentHelp("The question id.", valueName: "question"),
    completion: .custom { _, _, _ in CompareCommand.questionCompletions() })
  var question: String

  @Option(
    help: ArgumentHelp("The question's company, when several have that id.", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String?

  @OptionGroup var output: JSONOption

  func run(in context: AppContext) throws {
    let m = context.messages
    guard let store = try context.existingStore() else {
      throw RehearseError.usage(m.compareNoAttempts(question))
    }
    let attempts: [QuestionAttempt]
    let companyID: String
    do {
      if let company {
        companyID = company
      } else {
        let companies = try store.companies(answering: question)
        guard companies.count <= 1 else {
          throw RehearseError.usage(m.compareWhichCompany(question, companies: companies))
        }
        companyID = companies.first ?? ""
      }
      attempts = companyID.isEmpty ? [] : try store.attempts(company: companyID, question: question)
    } catch let error as StoreError {
      throw RehearseError(error)
    }
    guard !attempts.isEmpty else { throw RehearseError.usage(m.compareNoAttempts(question)) }
    let comparison = AttemptComparison(levels: attempts.map(\.levels), totals: attempts.map(\.total))
    if output.json {
      context.console.write(
        try JSONText.encode(
          Report(
            company: companyID, question: question, attempts: attempts, comparison: comparison,
            dates: context.dates)))
      return
    }
    let view = CompareView(
      company: companyID, question: question, attempts: attempts, comparison: comparison, messages: m,
      style: context.console.outStyle, width: min(context.console.width, 100), dates: context.dates)
    context.console.write(view.render())
  }

  /// Every question id of every bank, for Tab.
  static func questionCompletions() -> [String] {
    Array(Set(AppContext.live().loadBanks(extra: []).banks.flatMap { $0.bank.questions.map(\.id) })).sorted()
  }

  /// `compare --json`.
  struct Report: Encodable {
    var company: String
    var question: String
    var attempts: [QuestionAttempt]
    var comparison: AttemptComparison
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case attempts, gained, lost
      case company = "company_id", question = "question_id"
    }

    struct Attempt: Encodable {
      var attempt: QuestionAttempt
      var best: Bool
      var dates: DateText

      enum CodingKeys: String, CodingKey {
        case session, date, status, levels, total, best
        case askedQuestionID = "asked_question_id", secondsUsed = "seconds_used", answerSeconds = "answer_seconds"
        case timedOut = "timed_out", selfRating = "self_rating"
      }

      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(attempt.sessionID.rawValue, forKey: .session)
        try c.encode(attempt.askedQuestionID.rawValue, forKey: .askedQuestionID)
        try c.encode(dates.iso(attempt.askedAt), forKey: .date)
        try c.encode(attempt.status.rawValue, forKey: .status)
        try c.encode(
          Dictionary(uniqueKeysWithValues: attempt.levels.map { ($0.key.rawValue, $0.value) }), forKey: .levels)
        try c.encode(attempt.total, forKey: .total)
        try c.encode(attempt.secondsUsed, forKey: .secondsUsed)
        try c.encode(attempt.answerSeconds, forKey: .answerSeconds)
        try c.encode(attempt.timedOut, forKey: .timedOut)
        try c.encode(attempt.selfRating, forKey: .selfRating)
        try c.encode(best, forKey: .best)
      }
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(company, forKey: .company)
      try c.encode(question, forKey: .question)
      try c.encode(
        attempts.enumerated().map { Attempt(attempt: $0.element, best: $0.offset == comparison.best, dates: dates) },
        forKey: .attempts)
      try c.encode(comparison.gained.map(\.rawValue), forKey: .gained)
      try c.encode(comparison.lost.map(\.rawValue), forKey: .lost)
    }
  }
}

/// The attempts as a table: one row each, oldest first, the best marked.
struct CompareView {
  var company: String
  var question: String
  var attempts: [QuestionAttempt]
  var comparison: AttemptComparison
  var messages: any Messages
  var style: Style
  var width: Int
  var dates: DateText

  func render() -> String {
    let m = messages
    var out = style.heading("\(company) · \(question)") + "\n"
    if let text = attempts.last?.text {
      out += DisplayWidth.wrap(text, width: max(20, width)).map(style.bold).joined(separator: "\n") + "\n"
    }
    out += "\n"
    let categories = ScoreCategory.allCases.filter { category in attempts.contains { $0.levels[category] != nil } }
    var rows = [
      ["", "#", m.columnDate] + categories.map(m.categoryShort) + [m.columnTotal, m.columnTime, m.columnSelf]
    ]
    for (index, attempt) in attempts.enumerated() {
      let used = EnglishMessages.clock(Int(attempt.secondsUsed.rounded()))
      let limit = EnglishMessages.clock(attempt.answerSeconds)
      let time = used + "/" + limit + (attempt.timedOut ? "!" : "")
      let start: [String] = [
        index == comparison.best ? "★" : "", String(attempt.sessionID.rawValue), dates.day(attempt.askedAt),
      ]
      let levels: [String] = categories.map { category in attempt.levels[category].map { String($0) } ?? "–" }
      let total: String = attempt.total.map { String($0) } ?? m.compareStatus(attempt.status)
      let rating: String = attempt.selfRating.map { String(format: "%.1f", $0) } ?? "–"
      rows.append(start + levels + [total, time, rating])
    }
    let widths = rows[0].indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    for (number, row) in rows.enumerated() {
      let line = row.enumerated().map { column, cell in
        // Numbers right-aligned, words left.
        column >= 3 && column <= 3 + categories.count
          ? String(repeating: " ", count: widths[column] - DisplayWidth.of(cell)) + cell
          : DisplayWidth.pad(cell, to: widths[column])
      }.joined(separator: "  ")
      out += (number == 0 ? style.dim(line) : line).trimmingTrailingSpaces() + "\n"
    }
    out += "\n"
    if attempts.count > 1 {
      out +=
        DisplayWidth.wrap(
          m.compareChanged(gained: comparison.gained.map(m.category), lost: comparison.lost.map(m.category)),
          width: max(20, width)
        ).joined(separator: "\n") + "\n"
    }
    out += DisplayWidth.wrap(m.compareLegend, width: max(20, width)).map(style.dim).joined(separator: "\n") + "\n"
    return out
  }
}
