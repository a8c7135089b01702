import Foundation
import RehearseCore

/// A whole session as stored: for `show`, exports, and resuming an unfinished drill.
public struct Transcript: Sendable, Equatable {
  public var session: Session
  /// The main questions in the order asked, each with its follow-ups.
  public var questions: [AskedQuestion]

  public init(session: Session, questions: [AskedQuestion]) {
    self.session = session
    self.questions = questions
  }

  /// The session itself.
  public struct Session: Sendable, Equatable {
    public var id: SessionID
    public var companyID: String
    public var companyName: String
    public var mode: SessionMode
    /// Nil only if a later version stored a language this one does not know.
    public var language: Language?
    public var settings: DrillSettings
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: EndReason?
    public var ownerPID: Int32?
    /// How the real interview it records ended (a debrief; `rehearse outcome`).
    public var outcome: InterviewOutcome?

    public init(
      id: SessionID, companyID: String, companyName: String, mode: SessionMode, language: Language?,
      settings: DrillSettings, startedAt: Date, endedAt: Date?, endReason: EndReason?, ownerPID: Int32?,
      outcome: InterviewOutcome? = nil
    ) {
      self.outcome = outcome
      self.id = id
      self.companyID = companyID
      self.companyName = companyName
      self.mode = mode
      self.language = language
      self.settings = settings
      self.startedAt = startedAt
      self.endedAt = endedAt
      self.endReason = endReason
      self.ownerPID = ownerPID
    }
  }

  /// Every question asked in the session, follow-ups included, in the order asked.
  public var allQuestions: [AskedQuestion] {
    questions.flatMap { [$0] + $0.followUps }
  }
}

/// One question as asked, with everything recorded about its answer.
public struct AskedQuestion: Sendable, Equatable {
  public var id: AskedQuestionID
  /// 1-based: among the session's main questions, or among its parent's follow-ups.
  public var position: Int
  public var bankQuestionID: String?
  public var stage: String?
  /// Nil only if a later version stored a kind this one does not know.
  public var kind: QuestionKind?
  public var text: String
  public var answerSeconds: Int
  public var thinkSeconds: Int
  public var askedAt: Date
  /// For a follow-up: what the main answer lacked.
  public var followUpCategory: ScoreCategory?
  /// The lines entered so far, in order.
  public var lines: [AnswerLine]
  /// Set once the answer finished.
  public var outcome: AnswerOutcome?
  /// The line being typed when the process stopped, if any.
  public var draft: Draft?
  public var review: SelfReview?
  /// The interviewer's follow-ups to this question, in order (always empty for a follow-up).
  public var followUps: [AskedQuestion]
  /// The question's bank (in daily practice and retries a session mixes banks).
  public var companyID: String?
  /// How the interviewer reacted (a debrief of a real interview).
  public var reaction: String?

  public init(
    id: AskedQuestionID, position: Int, bankQuestionID: String?, stage: String?, kind: QuestionKind?, text: String,
    answerSeconds: Int, thinkSeconds: Int, askedAt: Date, followUpCategory: ScoreCategory?, lines: [AnswerLine],
    outcome: AnswerOutcome?, draft: Draft?, review: SelfReview?, followUps: [AskedQuestion], companyID: String? = nil,
    reaction: String? = nil
  ) {
    self.companyID = companyID
    self.reaction = reaction
    self.id = id
    self.position = position
    self.bankQuestionID = bankQuestionID
    self.stage = stage
    self.kind = kind
    self.text = text
    self.answerSeconds = answerSeconds
    self.thinkSeconds = thinkSeconds
    self.askedAt = askedAt
    self.followUpCategory = followUpCategory
    self.lines = lines
    self.outcome = outcome
    self.draft = draft
    self.review = review
    self.followUps = followUps
  }

  /// The answer so far: the finished text, else the entered lines joined with newlines.
  public var answerText: String {
    outcome?.text ?? lines.map(\.text).joined(separator: "\n")
  }
}

/// One entered line of an answer.
public struct AnswerLine: Sendable, Equatable {
  /// 1-based.
  public var index: Int
  public var text: String
  public var typedAt: Date
  /// Seconds on the answer clock when Enter was pressed.
  public var elapsedSeconds: Double

  public init(index: Int, text: String, typedAt: Date, elapsedSeconds: Double) {
    self.index = index
    self.text = text
    self.typedAt = typedAt
    self.elapsedSeconds = elapsedSeconds
  }
}
