import Foundation
import RehearseCore

/// A question about to be asked: what `Store.addQuestion(_:to:)` records. The text and times are
/// copied from the bank (as adjusted by the drill's settings), so the transcript stays true when
/// the bank changes later.
public struct NewQuestion: Sendable, Equatable {
  /// An interviewer's follow-up: the main question it probes, and what the answer lacked.
  public struct FollowUp: Sendable, Equatable {
    public var parent: AskedQuestionID
    public var category: ScoreCategory

    public init(parent: AskedQuestionID, category: ScoreCategory) {
      self.parent = parent
      self.category = category
    }
  }

  /// The question's id in its bank; nil only for a follow-up, which banks do not name.
  public var bankQuestionID: String?
  public var stage: String?
  public var kind: QuestionKind
  public var text: String
  /// The answer time limit, in seconds.
  public var answerSeconds: Int
  /// The think time before the answer clock starts, in seconds (0 for none).
  public var thinkSeconds: Int
  public var askedAt: Date
  public var followUp: FollowUp?
  /// The question's bank when it is not the session's (daily practice mixes banks); nil for the
  /// session's. A follow-up always belongs to its main question's bank.
  public var companyID: String?

  public init(
    bankQuestionID: String?, stage: String?, kind: QuestionKind, text: String, answerSeconds: Int,
    thinkSeconds: Int = 0, askedAt: Date, followUp: FollowUp? = nil, companyID: String? = nil
  ) {
    self.companyID = companyID
    self.bankQuestionID = bankQuestionID
    self.stage = stage
    self.kind = kind
    self.text = text
    self.answerSeconds = answerSeconds
    self.thinkSeconds = thinkSeconds
    self.askedAt = askedAt
    self.followUp = followUp
  }
}
