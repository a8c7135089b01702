import Foundation
import RehearseCore
import RehearseStore

/// The `history --json` and `show --json` shapes (README, "History and transcripts (JSON)"):
/// snake_case keys, every key always present (`null` when there is no value), dates in ISO 8601
/// with the local offset.
enum TranscriptJSON {
  /// One `history --json` element.
  struct Summary: Encodable {
    var summary: SessionSummary
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case id, mode, language, questions, answered, score
      case startedAt = "started_at", endedAt = "ended_at", endReason = "end_reason"
      case companyID = "company_id", companyName = "company_name"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(summary.id.rawValue, forKey: .id)
      try c.encode(dates.iso(summary.startedAt), forKey: .startedAt)
      try c.encode(summary.endedAt.map(dates.iso), forKey: .endedAt)
      try c.encode(summary.endReason?.rawValue, forKey: .endReason)
      try c.encode(summary.companyID, forKey: .companyID)
      try c.encode(summary.companyName, forKey: .companyName)
      try c.encode(summary.mode.rawValue, forKey: .mode)
      try c.encode(summary.language?.rawValue, forKey: .language)
      try c.encode(summary.questions, forKey: .questions)
      try c.encode(summary.answered, forKey: .answered)
      try c.encode(summary.meanTotal.map { ($0 * 10).rounded() / 10 }, forKey: .score)
    }
  }

  /// The `show --json` object.
  struct Session: Encodable {
    var transcript: Transcript
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case id, mode, language, settings, questions, outcome
      case companyID = "company_id", companyName = "company_name"
      case startedAt = "started_at", endedAt = "ended_at", endReason = "end_reason"
    }

    func encode(to encoder: any Encoder) throws {
      let session = transcript.session
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(session.id.rawValue, forKey: .id)
      try c.encode(session.companyID, forKey: .companyID)
      try c.encode(session.companyName, forKey: .companyName)
      try c.encode(session.mode.rawValue, forKey: .mode)
      try c.encode(session.language?.rawValue, forKey: .language)
      try c.encode(session.settings, forKey: .settings)
      try c.encode(dates.iso(session.startedAt), forKey: .startedAt)
      try c.encode(session.endedAt.map(dates.iso), forKey: .endedAt)
      try c.encode(session.endReason?.rawValue, forKey: .endReason)
      try c.encode(session.outcome?.rawValue, forKey: .outcome)
      try c.encode(transcript.questions.map { Question(question: $0, dates: dates) }, forKey: .questions)
    }
  }

  struct Question: Encodable {
    var question: AskedQuestion
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case id, position, stage, kind, text, category, status, answer, lines, score, total, review, draft, reaction
      case companyID = "company_id", questionID = "question_id", answerSeconds = "answer_seconds", thinkSeconds =
        "think_seconds"
      case askedAt = "asked_at", answeredAt = "answered_at", secondsUsed = "seconds_used", timedOut = "timed_out"
      case overtimeSeconds = "overtime_seconds", hintUsed = "hint_used", followUps = "follow_ups"
    }

    func encode(to encoder: any Encoder) throws {
      let q = question
      let outcome = q.outcome
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(q.id.rawValue, forKey: .id)
      try c.encode(q.position, forKey: .position)
      try c.encode(q.companyID, forKey: .companyID)
      try c.encode(q.bankQuestionID, forKey: .questionID)
      try c.encode(q.followUpCategory?.rawValue, forKey: .category)
      try c.encode(q.stage, forKey: .stage)
      try c.encode(q.kind?.rawValue, forKey: .kind)
      try c.encode(q.text, forKey: .text)
      try c.encode(q.answerSeconds, forKey: .answerSeconds)
      try c.encode(q.thinkSeconds, forKey: .thinkSeconds)
      try c.encode(dates.iso(q.askedAt), forKey: .askedAt)
      try c.encode((outcome?.status ?? .unanswered).rawValue, forKey: .status)
      try c.encode(q.answerText, forKey: .answer)
      try c.encode(q.lines.map { Line(line: $0, dates: dates) }, forKey: .lines)
      try c.encode(outcome?.secondsUsed, forKey: .secondsUsed)
      try c.encode(outcome?.timedOut ?? false, forKey: .timedOut)
      try c.encode(outcome?.overtimeSeconds ?? 0, forKey: .overtimeSeconds)
      try c.encode(outcome?.hintUsed ?? false, forKey: .hintUsed)
      try c.encode(outcome.map { dates.iso($0.finishedAt) }, forKey: .answeredAt)
      // The stored `score --json` object, as an object.
      try c.encode(outcome?.scoreJSON.flatMap(JSONValue.init(text:)), forKey: .score)
      try c.encode(outcome?.totalScore, forKey: .total)
      try c.encode(q.reaction, forKey: .reaction)
      try c.encode(q.review.map { Review(review: $0, dates: dates) }, forKey: .review)
      try c.encode(q.draft.map { DraftJSON(draft: $0, dates: dates) }, forKey: .draft)
      try c.encode(q.followUps.map { Question(question: $0, dates: dates) }, forKey: .followUps)
    }
  }

  struct Line: Encodable {
    var line: AnswerLine
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case index, text
      case typedAt = "typed_at", elapsedSeconds = "elapsed_seconds"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(line.index, forKey: .index)
      try c.encode(line.text, forKey: .text)
      try c.encode(dates.iso(line.typedAt), forKey: .typedAt)
      try c.encode(line.elapsedSeconds, forKey: .elapsedSeconds)
    }
  }

  struct Review: Encodable {
    var review: SelfReview
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case ratings, why
      case whatWentWrong = "what_went_wrong", nextTime = "next_time", reviewedAt = "reviewed_at"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(review.ratings, forKey: .ratings)
      try c.encode(review.whatWentWrong, forKey: .whatWentWrong)
      try c.encode(review.why, forKey: .why)
      try c.encode(review.nextTime, forKey: .nextTime)
      try c.encode(dates.iso(review.reviewedAt), forKey: .reviewedAt)
    }
  }

  struct DraftJSON: Encodable {
    var draft: Draft
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case text, cursor
      case elapsedSeconds = "elapsed_seconds", savedAt = "saved_at"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(draft.text, forKey: .text)
      try c.encode(draft.cursor, forKey: .cursor)
      try c.encode(draft.elapsedSeconds, forKey: .elapsedSeconds)
      try c.encode(dates.iso(draft.savedAt), forKey: .savedAt)
    }
  }
}
