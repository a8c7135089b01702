import Foundation
import RehearseCore

/// One row of `history`: a session and how it went, without its answers.
public struct SessionSummary: Sendable, Equatable {
  public var id: SessionID
  public var companyID: String
  public var companyName: String
  public var mode: SessionMode
  public var language: Language?
  public var startedAt: Date
  /// Nil while the session runs (or after its process died, until it is resumed or closed).
  public var endedAt: Date?
  public var endReason: EndReason?
  /// Main questions asked (follow-ups not counted).
  public var questions: Int
  /// Main questions answered (`answered` or `timed_out`).
  public var answered: Int
  /// The mean `total` of the answered main questions that were scored; nil when none was.
  public var meanTotal: Double?

  public init(
    id: SessionID, companyID: String, companyName: String, mode: SessionMode, language: Language?, startedAt: Date,
    endedAt: Date?, endReason: EndReason?, questions: Int, answered: Int, meanTotal: Double?
  ) {
    self.id = id
    self.companyID = companyID
    self.companyName = companyName
    self.mode = mode
    self.language = language
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.endReason = endReason
    self.questions = questions
    self.answered = answered
    self.meanTotal = meanTotal
  }
}
