import Foundation
import RehearseCore

/// The end of one answer: what `Store.finishAnswer(_:outcome:)` records in one transaction, along
/// with clearing the draft. The limit is the asked question's `answerSeconds`.
public struct AnswerOutcome: Sendable, Equatable {
  public var status: AnswerStatus
  /// The whole answer as submitted (its lines joined with newlines).
  public var text: String
  /// Seconds on the answer clock when the answer ended.
  public var secondsUsed: Double
  /// Cut at a strict deadline.
  public var timedOut: Bool
  /// Seconds past a soft deadline (0 when within time).
  public var overtimeSeconds: Double
  /// Whether the person asked for a hint before answering.
  public var hintUsed: Bool
  /// The scorer's report: exactly the object `rehearse score --json` prints, as JSON text. The
  /// store keeps it as it is (it checks only that it is a JSON object).
  public var scoreJSON: String?
  /// The report's `total`, 0–100, kept beside it for history and statistics.
  public var totalScore: Int?
  public var finishedAt: Date

  public init(
    status: AnswerStatus, text: String, secondsUsed: Double, timedOut: Bool = false, overtimeSeconds: Double = 0,
    hintUsed: Bool = false, scoreJSON: String? = nil, totalScore: Int? = nil, finishedAt: Date
  ) {
    self.status = status
    self.text = text
    self.secondsUsed = secondsUsed
    self.timedOut = timedOut
    self.overtimeSeconds = overtimeSeconds
    self.hintUsed = hintUsed
    self.scoreJSON = scoreJSON
    self.totalScore = totalScore
    self.finishedAt = finishedAt
  }
}
