import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// Full-text search over answers, follow-up answers and reflections (schema v4).
@Suite("Store: search")
struct StoreSearchTests {
  /// A finished answer `text` to `question` of `company`, at `date`; returns its id.
  @discardableResult
  static func answer(
    _ store: Store, _ text: String, company: String = "kiso-consulting", question: String = "intro",
    at date: Date = Fixtures.start, followUp: String? = nil, reflection: String? = nil
  ) throws -> AskedQuestionID {
    let session = try store.startSession(Fixtures.session(company: company, at: date))
    let main = try store.addQuestion(Fixtures.question(question, at: date), to: session)
    try store.finishAnswer(
      main, outcome: AnswerOutcome(status: .answered, text: text, secondsUsed: 30, finishedAt: date))
    if let followUp {
      let asked = try store.addQuestion(
        Fixtures.question(at: date, followUp: NewQuestion.FollowUp(parent: main, category: .reasoning)), to: session)
      try store.finishAnswer(
        asked, outcome: AnswerOutcome(status: .answered, text: followUp, secondsUsed: 20, finishedAt: date))
    }
    if let reflection {
      try store.saveReview(SelfReview(ratings: [:], nextTime: reflection, reviewedAt: date), for: main)
    }
    try store.finishSession(session, reason: .finished, at: date.addingTimeInterval(60))
    return main
  }

  @Test("Japanese and English, any case, full-width and half-width alike; two characters too")
  func matches() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      try Self.answer(store, "スケーラビリティを改善するため、ＡＰＩのキャッシュを見直すと決めました。")
      try Self.answer(store, "I rebuilt the On-Call rota; UI errors fell from 9 to 2.", company: "larkspur-cloud")
      #expect(try store.search("ｽｹｰﾗ").count == 1, "half-width katakana finds full-width")
      #expect(try store.search("API").count == 1, "ＡＰＩ is stored as API")
      #expect(try store.search("ａｐｉ").count == 1)
      #expect(try store.search("改善").count == 1, "two characters: found without the index")
      #expect(try store.search("on-call rota").count == 1)
      #expect(try store.search("ui").count == 1, "short English, any case")
      #expect(try store.search("設計").isEmpty)
      let hit = try #require(try store.search("キャッシュ").first)
      #expect(hit.snippet.contains("\u{1}キャッシュ\u{2}"))
      #expect(hit.companyID == "kiso-consulting" && hit.questionID == "intro" && hit.field == .answer)
      #expect(try store.search("rota", company: "kiso-consulting").isEmpty)
      #expect(try store.search("rota", since: Fixtures.start.addingTimeInterval(86_400)).isEmpty)
      #expect(try store.search("\"; DROP TABLE session; --").isEmpty, "a query is a phrase, never SQL")
      #expect(try store.search("100%").isEmpty && store.search("a_b").isEmpty, "LIKE wildcards are literal")
    }
  }

  @Test("follow-up answers and reflections are found, with their question; a new review replaces the old")
  func followUpsAndReflections() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let main = try Self.answer(
        store, "在庫を見直しました。", followUp: "欠品が多かったからです。", reflection: "数字を先に言う")
      let followUp = try #require(try store.search("欠品が").first)
      #expect(followUp.isFollowUp && followUp.questionID == "intro")
      let reflection = try #require(try store.search("数字を先").first)
      #expect(reflection.field == .reflection && reflection.askedQuestionID == main)
      try store.saveReview(SelfReview(ratings: [:], nextTime: "結論から話す", reviewedAt: Fixtures.start), for: main)
      #expect(try store.search("数字を先").isEmpty)
      #expect(try store.search("結論から").count == 1)
    }
  }

  @Test("a v3 store migrates to v4 with its answers and reflections in the index")
  func migration() throws {
    try TemporaryDirectory.with { folder in
      let queue = try StorePracticeTests.oldStore(home: folder.url, upTo: 3)
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO session (id, company_id, company_name, mode, language, settings, started_at, ended_at, end_reason)
              VALUES (1, 'kiso-consulting', 'K', 'drill', 'ja', '{}', '2025-11-24 09:00:00.000',
                '2025-11-24 09:05:00.000', 'finished');
            INSERT INTO asked_question (id, session_id, company_id, position, bank_question_id, kind, text,
              answer_seconds, asked_at, status, answer_text, answer_text_nfkc, seconds_used, answered_at)
              VALUES (1, 1, 'kiso-consulting', 1, 'intro', 'self-introduction', 'Q', 90, '2025-11-24 09:00:00.000',
                'answered', 'ＡＰＩを直した', 'APIを直した', 30, '2025-11-24 09:01:00.000');
            INSERT INTO self_review (asked_question_id, next_time, reviewed_at)
              VALUES (1, 'ｽｹｰﾗの話を先に', '2025-11-24 09:02:00.000');
            """)
      }
      try queue.close()
      let store = try Store.open(home: folder.url)
      #expect(try store.search("APIを").count == 1)
      #expect(try store.search("スケーラ").first?.field == .reflection)
    }
  }
}
