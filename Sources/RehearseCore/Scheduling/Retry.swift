import Foundation

/// A question's latest graded attempt, as `rehearse retry` weighs it: how it went and what the
/// person wrote for next time.
public struct PreviousAttempt: Sendable, Equatable {
  public var card: CardID
  public var grade: FSRS.Grade
  public var facts: AttemptFacts
  /// Its total score, when scored.
  public var total: Int?
  public var answeredAt: Date
  /// The person's "what will you do next time" reflection from then.
  public var nextTime: String?
  /// The main answer's own levels (the facts' are the best of it and its follow-ups): what a new
  /// main answer is compared with.
  public var mainLevels: [ScoreCategory: Int]

  public init(
    card: CardID, grade: FSRS.Grade, facts: AttemptFacts, total: Int?, answeredAt: Date, nextTime: String? = nil,
    mainLevels: [ScoreCategory: Int]? = nil
  ) {
    self.mainLevels = mainLevels ?? facts.levels
    self.card = card
    self.grade = grade
    self.facts = facts
    self.total = total
    self.answeredAt = answeredAt
    self.nextTime = nextTime
  }

  /// The categories a retry looks at: what the kind asks for (structure for a kind that asks
  /// none), and company fit when it was judged (a company's bank).
  public var judged: [ScoreCategory] {
    let asked = facts.kind.asks.isEmpty ? [.structure] : facts.kind.asks
    return ScoreCategory.allCases.filter {
      asked.contains($0) || ($0 == .companyFit && facts.levels[.companyFit] != nil)
    }
  }

  /// What the attempt lacked: of `judged`, what the scorer put under level 2; none for an
  /// attempt that was not answered (the outcome says it).
  public var lacked: [ScoreCategory] {
    guard facts.outcome == .answered else { return [] }
    return judged.filter { (facts.levels[$0] ?? 0) < 2 }
  }
}

/// How one category went this time against the previous attempt.
public struct LevelChange: Sendable, Equatable {
  public enum Direction: Sendable, Equatable {
    case better, same, worse
  }

  public var category: ScoreCategory
  /// Nil when that attempt had no level for it (not answered, or not scored).
  public var before: Int?
  public var after: Int?

  public init(category: ScoreCategory, before: Int?, after: Int?) {
    self.category = category
    self.before = before
    self.after = after
  }

  public var direction: Direction {
    let (old, new) = (before ?? 0, after ?? 0)
    return new > old ? .better : new < old ? .worse : .same
  }
}

/// `rehearse retry`: a second chance for the answers that went worst (pure).
public enum Retry {
  /// The attempts worth a second chance, worst first: only those graded Again or Hard; among
  /// them skipped, abandoned and empty answers first, then Again before Hard, cut at the deadline
  /// before on time, the lowest mean level of what the kind asks for, the lowest total, the
  /// oldest.
  public static func choose(_ attempts: [PreviousAttempt], count: Int) -> [PreviousAttempt] {
    let weak = attempts.filter { $0.grade == .again || $0.grade == .hard }
    func key(_ attempt: PreviousAttempt) -> (Int, Int, Int, Double, Int, Date) {
      let keys = attempt.facts.kind.asks.isEmpty ? [ScoreCategory.structure] : Array(attempt.facts.kind.asks)
      let mean = Double(keys.reduce(0) { $0 + (attempt.facts.levels[$1] ?? 0) }) / Double(max(1, keys.count))
      return (
        attempt.facts.outcome == .answered ? 1 : 0, attempt.grade.rawValue, attempt.facts.timedOut ? 0 : 1, mean,
        attempt.total ?? 0, attempt.answeredAt
      )
    }
    return Array(
      weak.sorted { lhs, rhs in
        let (a, b) = (key(lhs), key(rhs))
        if (a.0, a.1, a.2) != (b.0, b.1, b.2) { return (a.0, a.1, a.2) < (b.0, b.1, b.2) }
        if a.3 != b.3 { return a.3 < b.3 }
        if a.4 != b.4 { return a.4 < b.4 }
        if a.5 != b.5 { return a.5 < b.5 }
        return lhs.card < rhs.card
      }
      .prefix(max(0, count)))
  }

  /// Each category the kind asks for, structure, and company fit when either attempt was
  /// judged on it, side by side: the previous main answer's level and this one's.
  public static func compare(previous: PreviousAttempt, now levels: [ScoreCategory: Int]?) -> [LevelChange] {
    let asked = previous.facts.kind.asks
    let companyFit = previous.mainLevels[.companyFit] != nil || levels?[.companyFit] != nil
    return ScoreCategory.allCases.filter {
      $0 == .structure || asked.contains($0) || ($0 == .companyFit && companyFit)
    }.map { category in
      LevelChange(
        category: category, before: previous.facts.outcome == .answered ? previous.mainLevels[category] : nil,
        after: levels?[category])
    }
  }
}
