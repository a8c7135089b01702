/// What Rehearse knows about one attempt at a question, for grading it (README, "How an
/// attempt is graded").
public struct AttemptFacts: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    /// Submitted (or cut at the deadline, `timedOut`).
    case answered
    case skipped
    case abandoned
    /// Nothing typed.
    case unanswered
  }

  public var outcome: Outcome
  public var kind: QuestionKind
  /// The scorer's level per category (follow-ups included), for the categories it judged.
  public var levels: [ScoreCategory: Int]
  public var seconds: Double
  public var limitSeconds: Int
  /// Cut at the deadline by `--strict`.
  public var timedOut: Bool
  public var hintUsed: Bool
  /// The mean of the person's own 1–5 ratings, when they gave any.
  public var selfRating: Double?

  public init(
    outcome: Outcome, kind: QuestionKind, levels: [ScoreCategory: Int], seconds: Double, limitSeconds: Int,
    timedOut: Bool = false, hintUsed: Bool = false, selfRating: Double? = nil
  ) {
    self.outcome = outcome
    self.kind = kind
    self.levels = levels
    self.seconds = seconds
    self.limitSeconds = limitSeconds
    self.timedOut = timedOut
    self.hintUsed = hintUsed
    self.selfRating = selfRating
  }
}

/// The FSRS grade of an attempt, from the scorer's levels for what the question's kind asks
/// for, the clock, skips, abandons and hints, moved one step by the person's own rating:
///
/// 1. Skipped, abandoned or unanswered: Again.
/// 2. The mean level of the key categories (`QuestionKind.asks`; structure for a kind that asks
///    none): under 1 Again, under 2 Hard, under 3 Good, 3 (every one at its best) Easy. A
///    question for the interviewer (逆質問) is not scored: answered, it is Good.
/// 3. Cut at the deadline, or more than a quarter of the limit over time: one step down (not
///    below Hard). A hint used: at most Hard.
/// 4. The person's own mean rating, when given: 2 or less moves one step down (not below Hard),
///    4.5 or more moves Hard up to Good. The scorer decides Again and Easy alone.
public enum AttemptGrade {
  public static func grade(_ facts: AttemptFacts) -> FSRS.Grade {
    guard facts.outcome == .answered else { return .again }
    guard facts.kind != .reverseQuestion else { return adjusted(.good, facts) }
    let asked = facts.kind.asks
    let keys: [ScoreCategory] =
      asked.isEmpty ? [.structure] : [.reasoning, .reproducibility, .evidence].filter(asked.contains)
    let mean = Double(keys.reduce(0) { $0 + (facts.levels[$1] ?? 0) }) / Double(keys.count)
    let grade: FSRS.Grade =
      switch mean {
      case ..<1: .again
      case ..<2: .hard
      case ..<3: .good
      default: .easy
      }
    guard grade != .again else { return .again }
    return adjusted(grade, facts)
  }

  /// Rules 3 and 4: the clock, a hint and the person's own rating.
  private static func adjusted(_ scored: FSRS.Grade, _ facts: AttemptFacts) -> FSRS.Grade {
    var grade = scored
    let overtime = facts.seconds - Double(facts.limitSeconds)
    if facts.timedOut || overtime > Double(facts.limitSeconds) / 4 { grade = lower(grade) }
    if facts.hintUsed, grade.rawValue > FSRS.Grade.hard.rawValue { grade = .hard }
    if let own = facts.selfRating {
      if own <= 2 {
        grade = lower(grade)
      } else if own >= 4.5, grade == .hard {
        grade = .good
      }
    }
    return grade
  }

  /// One step down, but a scored answer is never Again for its clock or the person's modesty.
  private static func lower(_ grade: FSRS.Grade) -> FSRS.Grade {
    FSRS.Grade(rawValue: max(FSRS.Grade.hard.rawValue, grade.rawValue - 1)) ?? .hard
  }
}
