import Foundation

/// The end of a mock interview, scored as a whole (pure: the interview's results and the
/// company's prep sheet in, the report out): each answer's levels and the follow-ups it needed,
/// time discipline, which parts of the prep sheet the answers touched, the rubric's view, and
/// the three things to fix first.
public struct MockReport: Equatable, Sendable {
  public struct Answer: Equatable, Sendable {
    public var number: Int
    public var questionID: String
    public var kind: QuestionKind
    public var status: AnswerStatus
    /// The levels of the categories the question asks for (with the follow-ups' help).
    public var levels: [ScoreCategory: Int]
    /// The follow-ups asked, per category (2 when the interviewer dug twice).
    public var followUps: [ScoreCategory: Int]
    /// The main answer's time and limit.
    public var seconds: Double
    public var limitSeconds: Int
    /// The main answer and every follow-up answered within its own limit.
    public var inTime: Bool
    /// The time of the main answer and its follow-ups together.
    public var totalSeconds: Double
  }

  /// One line of the company's prep sheet and whether any answer touched it.
  public struct PrepItem: Equatable, Sendable {
    public enum Kind: String, Sendable { case background, required, preferred, value }
    public var kind: Kind
    public var text: String
    public var touched: Bool
  }

  /// What to work on, most important first.
  public enum Fix: Equatable, Sendable {
    /// Questions left unanswered or skipped.
    case unanswered(Int)
    /// A category missing from `answers` of the `of` answers that ask for it.
    case category(ScoreCategory, answers: Int, of: Int)
    /// The interviewer had to ask twice about a category, `times` times.
    case dugTwice(ScoreCategory, times: Int)
    /// Answers over their time or cut at it.
    case overtime(answers: Int)
    /// Prep-sheet lines no answer touched (the required skills and values first).
    case prepSheet([String])
  }

  public var answers: [Answer]
  public var prepSheet: [PrepItem]
  /// Each rubric criterion's mean rating (1–5) as the scorer sees it, in the rubric's order.
  public var rubric: [(criterion: String, mean: Double)]
  public var fixes: [Fix]

  public static func == (lhs: MockReport, rhs: MockReport) -> Bool {
    lhs.answers == rhs.answers && lhs.prepSheet == rhs.prepSheet && lhs.fixes == rhs.fixes
      && lhs.rubric.map(\.criterion) == rhs.rubric.map(\.criterion) && lhs.rubric.map(\.mean) == rhs.rubric.map(\.mean)
  }

  /// Answers within their time limit, of those given.
  public var inTime: (count: Int, of: Int) {
    let given = answers.filter { $0.status.isAnswered }
    return (given.count { $0.inTime }, given.count)
  }

  /// Seconds the answers took, main and follow-ups.
  public var secondsUsed: Double { answers.reduce(0) { $0 + $1.totalSeconds } }

  public init(results: [QuestionResult], company: Company, rubric: Rubric) {
    var answers: [Answer] = []
    var texts: [String] = []
    var ratings: [String: [Int]] = [:]
    for result in results {
      guard let main = result.main else { continue }
      let question = result.question
      texts.append(([main] + result.followUps).map(\.text).joined(separator: "\n"))
      let asks = question.question.kind.asks
      let report = result.combinedReport
      var levels: [ScoreCategory: Int] = [:]
      if let report {
        for category in ScoreCategory.allCases where asks.contains(category) || category == .structure {
          levels[category] = report[category].level
        }
        if question.judgedCompany != nil { levels[.companyFit] = report[.companyFit].level }
        let criteria = question.reviewCriteria(rubric.criteria(for: question.question.kind))
        let suggestions = Calibration.suggestions(
          for: criteria, report: report, hasCompany: question.judgedCompany != nil)
        for (criterion, rating) in suggestions { ratings[criterion, default: []].append(rating) }
      }
      var followUps: [ScoreCategory: Int] = [:]
      for followUp in result.followUps {
        if let category = followUp.followUp?.category { followUps[category, default: 0] += 1 }
      }
      let records = [main] + result.followUps
      answers.append(
        Answer(
          number: question.number, questionID: question.question.id, kind: question.question.kind,
          status: main.status, levels: levels, followUps: followUps, seconds: main.seconds,
          limitSeconds: main.limitSeconds,
          inTime: records.filter { $0.status.isAnswered }.allSatisfy {
            !$0.timedOut && $0.overtimeSeconds == 0 && $0.seconds <= Double($0.limitSeconds)
          },
          totalSeconds: records.reduce(0) { $0 + $1.seconds }))
    }
    self.answers = answers
    let said = texts.joined(separator: "\n").precomposedStringWithCompatibilityMapping
    var items: [PrepItem] = []
    if let background = company.hiringBackground {
      items.append(PrepItem(kind: .background, text: background, touched: Self.touches(said, background)))
    }
    items += company.requiredSkills.map { PrepItem(kind: .required, text: $0, touched: Self.touches(said, $0)) }
    items += company.values.map { PrepItem(kind: .value, text: $0, touched: Self.touches(said, $0, whole: true)) }
    items += company.preferredSkills.map { PrepItem(kind: .preferred, text: $0, touched: Self.touches(said, $0)) }
    prepSheet = company.type == .general ? [] : items
    self.rubric = rubric.criteria.compactMap { criterion in
      guard let given = ratings[criterion.id], !given.isEmpty else { return nil }
      return (criterion.id, Double(given.reduce(0, +)) / Double(given.count))
    }
    fixes = Self.fixes(answers: answers, prepSheet: prepSheet)
  }

  /// Whether `said` uses the prep-sheet line's words: a value whole (or its content words when
  /// long), skills and the background by their content words (CompanyTerms).
  static func touches(_ said: String, _ line: String, whole: Bool = false) -> Bool {
    let normalized = line.precomposedStringWithCompatibilityMapping
    var terms = CompanyTerms.contentWords(normalized)
    if whole { terms.insert(normalized, at: 0) }
    let lowered = said.lowercased()
    return terms.contains { term in
      let term = term.lowercased()
      guard term.unicodeScalars.first.map({ $0.isASCII }) == true else { return lowered.contains(term) }
      // A Latin word counts whole: "care" is not in "childcare".
      return lowered.ranges(of: term).contains { range in
        let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
        let after = range.upperBound == lowered.endIndex ? nil : lowered[range.upperBound]
        return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
      }
    }
  }

  /// The three things that would change the next interview most, weighed as: an unanswered
  /// question 3, each answer without why / carry-over / a result 2, a second probe 2, each
  /// answer over time 1.5, the untouched prep sheet 1 a line (at most 3).
  static func fixes(answers: [Answer], prepSheet: [PrepItem]) -> [Fix] {
    var weighed: [(Fix, Double)] = []
    let unanswered = answers.count { !$0.status.isAnswered && $0.kind != .reverseQuestion }
    if unanswered > 0 { weighed.append((.unanswered(unanswered), Double(unanswered) * 3)) }
    for category in [ScoreCategory.reasoning, .reproducibility, .evidence] {
      let asking = answers.filter { $0.levels[category] != nil }
      let missing = asking.count { ($0.levels[category] ?? 0) < 2 }
      if missing > 0 { weighed.append((.category(category, answers: missing, of: asking.count), Double(missing) * 2)) }
      let twice = answers.count { ($0.followUps[category] ?? 0) >= 2 }
      if twice > 0 { weighed.append((.dugTwice(category, times: twice), Double(twice) * 2 - 0.5)) }
    }
    let over = answers.count { $0.status.isAnswered && !$0.inTime }
    if over > 0 { weighed.append((.overtime(answers: over), Double(over) * 1.5)) }
    let untouched = prepSheet.filter { !$0.touched }
    let first =
      untouched.filter { $0.kind == .required || $0.kind == .value }
      + untouched.filter {
        $0.kind == .background || $0.kind == .preferred
      }
    if !first.isEmpty {
      weighed.append((.prepSheet(first.prefix(3).map(\.text)), Double(min(3, first.count))))
    }
    // Stable: equal weights keep the order above.
    return weighed.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.prefix(3).map(
      \.element.0)
  }
}
