import RehearseCore
import Testing

/// The grade table of the README ("How an attempt is graded"), row by row.
@Suite("Grading an attempt")
struct AttemptGradeTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var facts: AttemptFacts
    var grade: FSRS.Grade
    var testDescription: String { name }
  }

  static func facts(
    _ outcome: AttemptFacts.Outcome = .answered, kind: QuestionKind = .behavioural, r: Int = 0, p: Int = 0,
    e: Int = 0, s: Int = 0, seconds: Double = 60, timedOut: Bool = false, hint: Bool = false, own: Double? = nil
  ) -> AttemptFacts {
    AttemptFacts(
      outcome: outcome, kind: kind, levels: [.reasoning: r, .reproducibility: p, .evidence: e, .structure: s],
      seconds: seconds, limitSeconds: 120, timedOut: timedOut, hintUsed: hint, selfRating: own)
  }

  static let rows: [Row] = [
    Row(name: "skipped → Again", facts: facts(.skipped, r: 3, p: 3, e: 3), grade: .again),
    Row(name: "abandoned → Again", facts: facts(.abandoned, r: 3, p: 3, e: 3), grade: .again),
    Row(name: "nothing typed → Again", facts: facts(.unanswered), grade: .again),
    Row(name: "mean level under 1 → Again", facts: facts(r: 1, p: 0, e: 1), grade: .again),
    Row(name: "mean level 1 to 2 → Hard", facts: facts(r: 2, p: 1, e: 1), grade: .hard),
    Row(name: "mean level 2 to 3 → Good", facts: facts(r: 2, p: 2, e: 3), grade: .good),
    Row(name: "every key category at 3 → Easy", facts: facts(r: 3, p: 3, e: 3), grade: .easy),
    Row(
      name: "the kind decides the keys: a motivation answer needs no number",
      facts: facts(kind: .motivation, r: 2, p: 2, e: 0), grade: .good),
    Row(
      name: "a question for the interviewer, answered, is not scored → Good",
      facts: AttemptFacts(outcome: .answered, kind: .reverseQuestion, levels: [:], seconds: 40, limitSeconds: 60),
      grade: .good),
    Row(
      name: "a question for the interviewer still follows the person's low rating",
      facts: AttemptFacts(
        outcome: .answered, kind: .reverseQuestion, levels: [:], seconds: 40, limitSeconds: 60, selfRating: 2),
      grade: .hard),
    Row(
      name: "a self-introduction is judged on structure", facts: facts(kind: .selfIntroduction, s: 3), grade: .easy),
    Row(name: "cut at the deadline → one step down", facts: facts(r: 2, p: 2, e: 2, timedOut: true), grade: .hard),
    Row(
      name: "over a quarter of the limit over time → one step down", facts: facts(r: 3, p: 3, e: 3, seconds: 151),
      grade: .good),
    Row(name: "a little overtime is no penalty", facts: facts(r: 3, p: 3, e: 3, seconds: 150), grade: .easy),
    Row(
      name: "the clock never makes a scored answer Again", facts: facts(r: 1, p: 1, e: 2, timedOut: true), grade: .hard),
    Row(name: "a hint used → at most Hard", facts: facts(r: 3, p: 3, e: 3, hint: true), grade: .hard),
    Row(name: "own rating 2 or less → one step down", facts: facts(r: 3, p: 3, e: 3, own: 2), grade: .good),
    Row(name: "own rating 4.5+ lifts Hard to Good", facts: facts(r: 2, p: 1, e: 1, own: 4.6), grade: .good),
    Row(name: "own rating does not lift Good to Easy", facts: facts(r: 2, p: 2, e: 3, own: 5), grade: .good),
    Row(name: "own rating cannot rescue Again", facts: facts(r: 0, p: 0, e: 1, own: 5), grade: .again),
  ]

  @Test("each row of the table", arguments: rows)
  func row(_ row: Row) {
    #expect(AttemptGrade.grade(row.facts) == row.grade)
  }
}
