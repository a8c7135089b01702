import Foundation
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseShell

/// The hand-written transcript JSON means exactly what `JSONEncoder` writes for `show --json`.
@Suite("Transcript JSON writer")
struct TranscriptJSONWriterTests {
  @Test("the same values as JSONEncoder, awkward text included: quotes, backslashes, control characters, emoji")
  func sameAsEncoder() throws {
    let date = Date(timeIntervalSince1970: 1_763_974_805)
    let awkward = "He said \"no\" \\ then\nleft\t\u{1}😀 日本語 </script>"
    let followUp = AskedQuestion(
      id: AskedQuestionID(2), position: 1, bankQuestionID: nil, stage: "first", kind: .decision, text: "なぜ？",
      answerSeconds: 60, thinkSeconds: 0, askedAt: date, followUpCategory: .reasoning, lines: [], outcome: nil,
      draft: Draft(text: awkward, cursor: 3, elapsedSeconds: 1.25, savedAt: date), review: nil, followUps: [],
      companyID: "acme")
    let main = AskedQuestion(
      id: AskedQuestionID(1), position: 1, bankQuestionID: "decision", stage: "first", kind: .decision,
      text: awkward, answerSeconds: 90, thinkSeconds: 15, askedAt: date, followUpCategory: nil,
      lines: [AnswerLine(index: 1, text: awkward, typedAt: date, elapsedSeconds: 5.5)],
      outcome: AnswerOutcome(
        status: .answered, text: awkward, secondsUsed: 93.5, timedOut: false, overtimeSeconds: 3.5, hintUsed: true,
        scoreJSON: #"{"categories": {"reasoning": {"level": 2, "score": 0.67}}, "total": 53}"#, totalScore: 53,
        finishedAt: date),
      draft: nil,
      review: SelfReview(
        ratings: ["reasoning": 4, "evidence": 2], whatWentWrong: awkward, why: nil, nextTime: "数字", reviewedAt: date),
      followUps: [followUp], companyID: "acme")
    let transcript = Transcript(
      session: Transcript.Session(
        id: SessionID(7), companyID: "acme", companyName: "Acme \"Co\"", mode: .daily, language: .ja,
        settings: DrillSettings(stage: nil, count: 1, answerSeconds: 90, seed: 42, questions: ["acme/decision"]),
        startedAt: date, endedAt: nil, endReason: nil, ownerPID: 12),
      questions: [main])
    let dates = DateText(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    let written = TranscriptJSONWriter.write(transcript, dates: dates)
    let encoded = try JSONText.encode(TranscriptJSON.Session(transcript: transcript, dates: dates))
    let a = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary)
    let b = try #require(try JSONSerialization.jsonObject(with: Data(encoded.utf8)) as? NSDictionary)
    #expect(a == b, "\(written)")
  }
}
