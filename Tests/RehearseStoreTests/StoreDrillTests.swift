import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// The drill's writes, read back through `transcript` and `sessions`.
@Suite("Store: recording a drill")
struct StoreDrillTests {
  let scoreJSON = #"{"categories":{"reasoning":{"level":2,"present":true}},"lang":"ja","total":72}"#

  @Test("a whole drill reads back exactly as it was written")
  func roundTrip() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let id = try store.startSession(Fixtures.session())
      let first = try store.addQuestion(Fixtures.question("intro", at: t), to: id)
      #expect(try store.appendLine("私は物流の会社で", to: first, typedAt: t + 20, elapsedSeconds: 5.25) == 1)
      try store.saveDraft(Draft(text: "在庫の", cursor: 3, elapsedSeconds: 7, savedAt: t + 22), for: first)
      #expect(try store.appendLine("在庫の仕組みを作りました。", to: first, typedAt: t + 30, elapsedSeconds: 15.5) == 2)
      try store.finishAnswer(
        first,
        outcome: AnswerOutcome(
          status: .answered, text: "私は物流の会社で\n在庫の仕組みを作りました。", secondsUsed: 16, overtimeSeconds: 0,
          hintUsed: true, scoreJSON: scoreJSON, totalScore: 72, finishedAt: t + 31))
      try store.saveReview(
        SelfReview(
          ratings: ["reasoning": 4, "evidence": 2], whatWentWrong: "数字がない", why: nil, nextTime: "結果を数字で",
          reviewedAt: t + 40), for: first)
      let followUp = try store.addQuestion(
        Fixtures.question(at: t + 45, followUp: .init(parent: first, category: .reasoning)), to: id)
      try store.appendLine("コストが半分だったからです。", to: followUp, typedAt: t + 60, elapsedSeconds: 10)
      try store.finishAnswer(
        followUp,
        outcome: AnswerOutcome(
          status: .timedOut, text: "コストが半分だったからです。", secondsUsed: 90, timedOut: true, scoreJSON: scoreJSON,
          totalScore: 40, finishedAt: t + 140))
      let second = try store.addQuestion(Fixtures.question("motivation", at: t + 150), to: id)
      try store.finishAnswer(
        second, outcome: AnswerOutcome(status: .skipped, text: "", secondsUsed: 2, finishedAt: t + 152))
      try store.finishSession(id, reason: .finished, at: t + 160)

      let transcript = try #require(try store.transcript(id))
      #expect(
        transcript.session
          == Transcript.Session(
            id: id, companyID: "kiso-consulting", companyName: "基礎コンサルティング（架空）", mode: .drill, language: .ja,
            settings: DrillSettings(stage: "first", count: 3, answerSeconds: 90, strict: true, seed: 42),
            startedAt: t, endedAt: t + 160, endReason: .finished, ownerPID: getpid()))
      #expect(transcript.questions.map(\.id) == [first, second])
      #expect(transcript.questions.map(\.position) == [1, 2])
      let q1 = transcript.questions[0]
      #expect(q1.bankQuestionID == "intro")
      #expect(q1.kind == .selfIntroduction)
      #expect(q1.answerSeconds == 90 && q1.thinkSeconds == 15)
      #expect(
        q1.lines == [
          AnswerLine(index: 1, text: "私は物流の会社で", typedAt: t + 20, elapsedSeconds: 5.25),
          AnswerLine(index: 2, text: "在庫の仕組みを作りました。", typedAt: t + 30, elapsedSeconds: 15.5),
        ])
      #expect(q1.draft == nil, "finishing the answer clears the draft")
      #expect(
        q1.outcome
          == AnswerOutcome(
            status: .answered, text: "私は物流の会社で\n在庫の仕組みを作りました。", secondsUsed: 16, hintUsed: true,
            scoreJSON: scoreJSON, totalScore: 72, finishedAt: t + 31))
      #expect(
        q1.review
          == SelfReview(
            ratings: ["reasoning": 4, "evidence": 2], whatWentWrong: "数字がない", nextTime: "結果を数字で", reviewedAt: t + 40))
      #expect(q1.followUps.map(\.id) == [followUp])
      let f = q1.followUps[0]
      #expect(f.position == 1 && f.followUpCategory == .reasoning && f.bankQuestionID == nil)
      #expect(f.outcome?.status == .timedOut && f.outcome?.timedOut == true)
      #expect(transcript.questions[1].outcome?.status == .skipped)
      #expect(transcript.allQuestions.map(\.id) == [first, followUp, second])

      let summary = try #require(try store.sessions().first)
      #expect(summary.questions == 2, "follow-ups are not counted")
      #expect(summary.answered == 1, "the skipped question is not answered")
      #expect(summary.meanTotal == 72)
      #expect(summary.endReason == .finished && summary.endedAt == t + 160)
    }
  }

  @Test("history lists sessions newest first; the mean counts answered main questions only")
  func history() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let old = try store.startSession(Fixtures.session(company: "a", name: "A", at: t))
      let new = try store.startSession(Fixtures.session(company: "b", name: "B", at: t + 3600))
      let empty = try store.startSession(Fixtures.session(company: "c", name: "C", at: t + 60))
      for (index, total) in [80, 61].enumerated() {
        let q = try store.addQuestion(Fixtures.question("q\(index)"), to: new)
        try store.finishAnswer(
          q,
          outcome: AnswerOutcome(
            status: index == 0 ? .answered : .timedOut, text: "x", secondsUsed: 1, totalScore: total, finishedAt: t))
      }
      let unscored = try store.addQuestion(Fixtures.question("q2"), to: new)
      try store.finishAnswer(
        unscored, outcome: AnswerOutcome(status: .skipped, text: "", secondsUsed: 0, finishedAt: t))
      let q = try store.addQuestion(Fixtures.question(), to: old)
      try store.appendLine("typed", to: q, typedAt: t, elapsedSeconds: 1)

      let sessions = try store.sessions()
      #expect(sessions.map(\.id) == [new, empty, old])
      #expect(try store.sessionIDs() == [new, empty, old])
      #expect(sessions[0].questions == 3 && sessions[0].answered == 2 && sessions[0].meanTotal == 70.5)
      #expect(sessions[1].questions == 0 && sessions[1].answered == 0 && sessions[1].meanTotal == nil)
      #expect(sessions[2].questions == 1 && sessions[2].answered == 0 && sessions[2].endedAt == nil)
    }
  }

  @Test("ending a session closes its open answers: abandoned when typed, unanswered when not")
  func finishSessionClosesOpenAnswers() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let id = try store.startSession(Fixtures.session())
      let typed = try store.addQuestion(Fixtures.question("a"), to: id)
      try store.appendLine("one", to: typed, typedAt: t, elapsedSeconds: 4)
      try store.appendLine("two", to: typed, typedAt: t, elapsedSeconds: 9)
      let drafted = try store.addQuestion(Fixtures.question("b"), to: id)
      try store.saveDraft(Draft(text: "half a li", elapsedSeconds: 12, savedAt: t), for: drafted)
      let untouched = try store.addQuestion(Fixtures.question("c"), to: id)
      try store.finishSession(id, reason: .quit, at: t + 99)

      let questions = try #require(try store.transcript(id)).questions
      #expect(questions.map { $0.outcome?.status } == [.abandoned, .abandoned, .unanswered])
      #expect(questions[0].outcome?.text == "one\ntwo" && questions[0].outcome?.secondsUsed == 9)
      #expect(questions[1].draft?.text == "half a li", "the draft is kept for the transcript")
      #expect(questions[1].outcome?.secondsUsed == 12)
      #expect(questions.allSatisfy { $0.outcome?.finishedAt == t + 99 })
      #expect(questions[2].id == untouched)
      #expect(throws: StoreError.rejected(path: store.path, reason: "session \(id) has already ended")) {
        try store.finishSession(id, reason: .finished, at: t + 100)
      }
      #expect(throws: StoreError.rejected(path: store.path, reason: "session \(id) has ended")) {
        try store.addQuestion(Fixtures.question("d"), to: id)
      }
    }
  }

  @Test("writes the store refuses: finished answers, unknown ids, bad ratings, nested follow-ups, bad JSON")
  func refusedWrites() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let path = store.path
      let t = Fixtures.start
      let id = try store.startSession(Fixtures.session())
      let q = try store.addQuestion(Fixtures.question(), to: id)
      try store.finishAnswer(q, outcome: AnswerOutcome(status: .answered, text: "a", secondsUsed: 1, finishedAt: t))
      let finished = StoreError.rejected(path: path, reason: "the answer to question \(q) has already finished")
      #expect(throws: finished) { try store.appendLine("late", to: q, typedAt: t, elapsedSeconds: 2) }
      #expect(throws: finished) { try store.saveDraft(Draft(text: "late", elapsedSeconds: 2, savedAt: t), for: q) }
      #expect(throws: finished) {
        try store.finishAnswer(q, outcome: AnswerOutcome(status: .answered, text: "b", secondsUsed: 1, finishedAt: t))
      }

      let nobody = AskedQuestionID(9999)
      #expect(throws: StoreError.unknownQuestion(path: path, id: 9999)) {
        try store.appendLine("x", to: nobody, typedAt: t, elapsedSeconds: 0)
      }
      #expect(throws: StoreError.unknownQuestion(path: path, id: 9999)) {
        try store.saveReview(SelfReview(ratings: [:], reviewedAt: t), for: nobody)
      }
      #expect(throws: StoreError.unknownSession(path: path, id: 77)) {
        try store.addQuestion(Fixtures.question(), to: SessionID(77))
      }
      #expect(throws: StoreError.unknownSession(path: path, id: 77)) {
        try store.finishSession(SessionID(77), reason: .quit, at: t)
      }
      #expect(throws: StoreError.rejected(path: path, reason: "the rating 6 for 'reasoning' is not between 1 and 5")) {
        try store.saveReview(SelfReview(ratings: ["reasoning": 6], reviewedAt: t), for: q)
      }

      let followUp = try store.addQuestion(
        Fixtures.question(followUp: .init(parent: q, category: .reproducibility)), to: id)
      #expect(throws: StoreError.self) {
        try store.addQuestion(Fixtures.question(followUp: .init(parent: followUp, category: .reasoning)), to: id)
      }
      let other = try store.startSession(Fixtures.session())
      #expect(throws: StoreError.self) {
        try store.addQuestion(Fixtures.question(followUp: .init(parent: q, category: .reasoning)), to: other)
      }

      let open = try store.addQuestion(Fixtures.question("open"), to: id)
      let badJSON = AnswerOutcome(status: .answered, text: "a", secondsUsed: 1, scoreJSON: "[1, 2]", finishedAt: t)
      #expect {
        try store.finishAnswer(open, outcome: badJSON)
      } throws: { error in
        guard case .rejected(let errorPath, let reason) = error as? StoreError else { return false }
        return errorPath == path && reason.contains("CHECK constraint failed")
      }
      let badTotal = AnswerOutcome(status: .answered, text: "a", secondsUsed: 1, totalScore: 101, finishedAt: t)
      #expect(throws: StoreError.self) { try store.finishAnswer(open, outcome: badTotal) }
      #expect(try store.transcript(id)?.questions.last?.outcome == nil, "a refused write changes nothing")
    }
  }

  @Test("drafts are replaced, cleared, and come back with the transcript")
  func drafts() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let id = try store.startSession(Fixtures.session())
      let q = try store.addQuestion(Fixtures.question(), to: id)
      try store.saveDraft(Draft(text: "a", elapsedSeconds: 1, savedAt: t), for: q)
      try store.saveDraft(Draft(text: "ab", cursor: 2, elapsedSeconds: 2, savedAt: t + 1), for: q)
      #expect(
        try store.transcript(id)?.questions.first?.draft
          == Draft(text: "ab", cursor: 2, elapsedSeconds: 2, savedAt: t + 1))
      try store.clearDraft(for: q)
      #expect(try store.transcript(id)?.questions.first?.draft == nil)
    }
  }

  @Test("answer text is also kept in NFKC form for search")
  func normalisedCopies() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let id = try store.startSession(Fixtures.session())
      let q = try store.addQuestion(Fixtures.question(), to: id)
      try store.appendLine("ＡＰＩをｽｹｰﾗﾌﾞﾙに", to: q, typedAt: t, elapsedSeconds: 1)
      try store.finishAnswer(
        q, outcome: AnswerOutcome(status: .answered, text: "ＡＰＩを１０倍", secondsUsed: 1, finishedAt: t))
      let (line, answer) = try store.queue.read { db in
        (
          try String.fetchOne(db, sql: "SELECT text_nfkc FROM answer_line"),
          try String.fetchOne(db, sql: "SELECT answer_text_nfkc FROM asked_question")
        )
      }
      #expect(line == "APIをスケーラブルに")
      #expect(answer == "APIを10倍")
      #expect(try store.transcript(id)?.questions.first?.lines.first?.text == "ＡＰＩをｽｹｰﾗﾌﾞﾙに", "typed text is kept")
    }
  }

  @Test("settings are stored as JSON with every key; unknown keys from a later version are ignored")
  func settingsJSON() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let id = try store.startSession(Fixtures.session())
      let stored = try store.queue.read { db in try String.fetchOne(db, sql: "SELECT settings FROM session") }
      #expect(
        stored
          == #"{"count":3,"questions":[],"review":true,"seed":42,"stage":"first","strict":true,"think":null,"time":90}"#
      )
      try store.queue.write { db in
        try db.execute(sql: #"UPDATE session SET settings = '{"count":2,"seed":7,"pace":"fast"}'"#)
      }
      #expect(try store.transcript(id)?.session.settings == DrillSettings(count: 2, seed: 7))
    }
  }
}
