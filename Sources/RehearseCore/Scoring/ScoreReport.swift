/// What the scorer found in one answer (DESIGN §5): per category a level 0–3, the exact words
/// that matched, the matches a guard rule removed, and a hint when the category is missing.
public struct ScoreReport: Equatable, Sendable {
  public var language: Language
  public var categories: [ScoreCategory: CategoryResult]
  /// 0–100.
  public var total: Int
  public var ownership: Ownership
  /// Only for failure questions: cause, change and result found.
  public var failureReview: FailureReview?
  public var fillers: [Match]
  /// The categories this answer is judged on: all of them unless the question's kind asks for
  /// fewer (`QuestionKind.asks`); structure always, company fit only when a company was given.
  public var asked: Set<ScoreCategory> = Set(ScoreCategory.allCases)

  /// Whether a category counts for this answer (its total, its hints, "weakest").
  public func isAsked(_ category: ScoreCategory) -> Bool { asked.contains(category) }

  public subscript(category: ScoreCategory) -> CategoryResult {
    categories[category] ?? CategoryResult(level: 0, matches: [], cancelled: [], hint: nil)
  }
}

public struct CategoryResult: Equatable, Sendable {
  /// 0 none · 1 a weak signal · 2 the quality is there · 3 and more (SCORING.md).
  public var level: Int
  public var matches: [Match]
  public var cancelled: [CancelledMatch]
  /// One sentence saying what to add; only when the category is not present.
  public var hint: String?

  public var present: Bool { level >= 2 }
  public var score: Double { Double(level) / 3 }

  public init(level: Int, matches: [Match], cancelled: [CancelledMatch], hint: String?) {
    self.level = level
    self.matches = matches
    self.cancelled = cancelled
    self.hint = hint
  }
}

/// Matched words, located in the original answer in Unicode scalars, end exclusive.
public struct Match: Equatable, Hashable, Sendable {
  public var marker: String
  public var text: String
  public var start: Int
  public var end: Int

  public init(marker: String, text: String, start: Int, end: Int) {
    self.marker = marker
    self.text = text
    self.start = start
    self.end = end
  }
}

/// A match a guard rule took away, and the rule's name.
public struct CancelledMatch: Equatable, Hashable, Sendable {
  public var match: Match
  public var rule: String

  public init(match: Match, rule: String) {
    self.match = match
    self.rule = rule
  }
}

/// Whose actions the answer tells: 私/I against 私たち/we.
public struct Ownership: Equatable, Sendable {
  public var firstPersonSingular: Int
  public var firstPersonPlural: Int

  public init(firstPersonSingular: Int, firstPersonPlural: Int) {
    self.firstPersonSingular = firstPersonSingular
    self.firstPersonPlural = firstPersonPlural
  }
}

/// A failure answer's review: cause in one's own actions → change → result.
public struct FailureReview: Equatable, Sendable {
  public var cause: Bool
  public var change: Bool
  public var result: Bool

  public init(cause: Bool, change: Bool, result: Bool) {
    self.cause = cause
    self.change = change
    self.result = result
  }

  public var level: Int { [cause, change, result].filter { $0 }.count }
}
