import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// Schemas v2 and v3: the review log, kept card states and followed companies, and the
/// migrations from v1 and v2 stores.
@Suite("Store: daily practice")
struct StorePracticeTests {
  @Test("a v1 store migrates to the newest schema on opening, keeping every drill")
  func migrationFromV1() throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url
      // A store as the previous build left it: schema v1 and one drill.
      try Self.oldStore(home: home, upTo: 1).close()
      let old = try Store.open(home: home)
      #expect(try old.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == StoreSchema.version)
      let session = try old.startSession(Fixtures.session())
      #expect(try old.sessions().map(\.id) == [session])
      #expect(try old.reviewLog().isEmpty)
      #expect(try old.followedCompanies().isEmpty)
    }
  }

  @Test("review entries and followed companies are kept and read back")
  func roundTrip() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let calendar = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
      let schedule = PracticeSchedule(calendar: calendar)
      let card = CardID(bank: "kiso-consulting", question: "intro")
      let first = schedule.review(card, state: nil, grade: .good, at: Fixtures.start)
      let state = schedule.states(replaying: [first])[card]
      let second = schedule.review(card, state: state, grade: .hard, at: Fixtures.start.addingTimeInterval(3 * 86_400))
      try store.appendReviews([first, second])
      let log = try store.reviewLog()
      #expect(log.count == 2)
      #expect(log.map(\.grade) == [.good, .hard])
      #expect(log[1].before == first.after)
      #expect(abs(log[1].after.stability - second.after.stability) < 1e-12)
      #expect(log.map(\.due) == [first.due, second.due])
      #expect(schedule.states(replaying: log) == schedule.states(replaying: [first, second]))
      // The kept state is the replayed one: a plan reads one row per card.
      #expect(try store.cardStates() == schedule.states(replaying: log))
      #expect(try store.cardStates()[card]?.reviews == 2)
      // Each review is kept on its own practice day.
      #expect(try store.practice(on: first.day).cards == [card])
      #expect(try store.practice(on: second.day).cards == [card])
      #expect(try store.practice(on: first.day.adding(days: 1)).cards.isEmpty)

      try store.follow(["kiso-consulting", "hoshino-seiki"], at: Fixtures.start)
      try store.follow(["kiso-consulting"], at: Fixtures.start.addingTimeInterval(60))
      #expect(try store.followedCompanies() == ["hoshino-seiki", "kiso-consulting"])
      #expect(try store.unfollow(["kiso-consulting", "nobody"]) == ["kiso-consulting"])
      #expect(try store.followedCompanies() == ["hoshino-seiki"])
    }
  }

  /// A store in `home` as an older build left it: the migrations up to `version` only.
  static func oldStore(home: URL, upTo version: Int) throws -> DatabaseQueue {
    let first = try Store.open(home: home)
    let url = first.url
    try first.close()
    try FileManager.default.removeItem(at: url)
    let queue = try DatabaseQueue(path: url.path)
    try StoreSchema.migrator(upTo: version).migrate(queue)
    return queue
  }

  /// A finished answer at `id` in a new session of `company`, scored with `level` in every
  /// category; the session is ended unless `open`.
  static func answer(
    _ store: Store, company: String = "kiso-consulting", id: String = "intro", level: Int = 2, open: Bool = false,
    at date: Date = Fixtures.start
  ) throws -> (SessionID, AskedQuestionID) {
    let session = try store.startSession(Fixtures.session(company: company, at: date))
    let asked = try store.addQuestion(Fixtures.question(id, at: date), to: session)
    let score = #"{"categories":{"reasoning":{"level":\#(level)},"structure":{"level":\#(level)}}}"#
    try store.finishAnswer(
      asked,
      outcome: AnswerOutcome(
        status: .answered, text: "答え", secondsUsed: 40, timedOut: false, overtimeSeconds: 0, hintUsed: false,
        scoreJSON: score, totalScore: 50, finishedAt: date.addingTimeInterval(40)))
    if !open { try store.finishSession(session, reason: .finished, at: date.addingTimeInterval(60)) }
    return (session, asked)
  }

  @Test("a v2 store migrates to v3: answers already in the review log are marked, the others still wait")
  func migrationFromV2() throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url
      let queue = try Self.oldStore(home: home, upTo: 2)
      // Two finished answers on the v2 schema, the first graded into the log as v2 did.
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO session (id, company_id, company_name, mode, language, settings, started_at, ended_at, end_reason)
              VALUES (1, 'kiso-consulting', 'K', 'drill', 'ja', '{}', '2025-11-24 09:00:00.000',
                '2025-11-24 09:05:00.000', 'finished');
            INSERT INTO asked_question (id, session_id, company_id, position, bank_question_id, kind, text,
              answer_seconds, asked_at, status, answer_text, seconds_used, answered_at)
              VALUES (1, 1, 'kiso-consulting', 1, 'intro', 'self-introduction', 'Q', 90, '2025-11-24 09:00:00.000',
                'answered', 'A', 30, '2025-11-24 09:01:00.000'),
                (2, 1, 'kiso-consulting', 2, 'why-us', 'motivation', 'Q', 90, '2025-11-24 09:02:00.000',
                'answered', 'A', 30, '2025-11-24 09:03:00.000');
            INSERT INTO review_log (company_id, bank_question_id, asked_question_id, reviewed_at, grade,
              stability_after, difficulty_after, day, due_day)
              VALUES ('kiso-consulting', 'intro', 1, '2025-11-24 09:01:00.000', 3, 2.3, 5, 0, 2);
            """)
      }
      try queue.close()
      let schedule = PracticeSchedule(calendar: PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!))
      let store = try Store.open(home: home)
      #expect(try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == StoreSchema.version)
      #expect(try store.unloggedAttempts().map(\.askedQuestionID) == [2])
      try store.syncReviewLog(schedule)
      #expect(try store.unloggedAttempts().isEmpty)
      #expect(try store.reviewLog().count == 2)
    }
  }

  @Test("only ended sessions are graded: a drill still running may yet get follow-ups and a self-review")
  func openSessionsWait() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let schedule = PracticeSchedule(calendar: PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!))
      let (open, asked) = try Self.answer(store, id: "intro", open: true)
      #expect(try store.unloggedAttempts().isEmpty)
      #expect(try store.syncReviewLog(schedule).isEmpty)
      try store.finishSession(open, reason: .quit, at: Fixtures.start.addingTimeInterval(120))
      let attempts = try store.unloggedAttempts()
      #expect(attempts.map(\.askedQuestionID) == [asked.rawValue])
      #expect(attempts.first?.facts.levels[.reasoning] == 2)
      let states = try store.syncReviewLog(schedule)
      #expect(states.keys.sorted() == [CardID(bank: "kiso-consulting", question: "intro")])
      // Graded once: a second sync finds nothing new.
      try store.syncReviewLog(schedule)
      #expect(try store.reviewLog().count == 1)
    }
  }

  @Test("a question of another bank in a mixed session is kept under its own company, its follow-ups too")
  func questionsKeepTheirBank() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let session = try store.startSession(Fixtures.session(company: "kiso-consulting,hoshino-seiki"))
      var question = Fixtures.question("intro")
      question.companyID = "hoshino-seiki"
      let main = try store.addQuestion(question, to: session)
      let followUp = try store.addQuestion(
        Fixtures.question(followUp: NewQuestion.FollowUp(parent: main, category: .reasoning)), to: session)
      let companies = try store.queue.read { db in
        try String.fetchAll(db, sql: "SELECT company_id FROM asked_question ORDER BY id")
      }
      #expect(companies == ["hoshino-seiki", "hoshino-seiki"])
      _ = followUp
    }
  }

  @Test("the question on screen when a drill is quit with nothing typed is no attempt; a day of skips is no streak")
  func unattempted() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let calendar = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
      let schedule = PracticeSchedule(calendar: calendar)
      let session = try store.startSession(Fixtures.session())
      let skipped = try store.addQuestion(Fixtures.question("intro"), to: session)
      try store.finishAnswer(
        skipped, outcome: AnswerOutcome(status: .skipped, text: "", secondsUsed: 3, finishedAt: Fixtures.start))
      let empty = try store.addQuestion(Fixtures.question("why-us"), to: session)
      try store.finishAnswer(
        empty, outcome: AnswerOutcome(status: .unanswered, text: "", secondsUsed: 5, finishedAt: Fixtures.start))
      // On screen when :quit came: nothing typed.
      let shown = try store.addQuestion(Fixtures.question("strengths"), to: session)
      try store.finishAnswer(
        shown, outcome: AnswerOutcome(status: .unanswered, text: "", secondsUsed: 1, finishedAt: Fixtures.start))
      try store.finishSession(session, reason: .quit, at: Fixtures.start.addingTimeInterval(30))
      #expect(try store.unloggedAttempts().map(\.askedQuestionID) == [skipped.rawValue, empty.rawValue])
      try store.syncReviewLog(schedule)
      #expect(try store.reviewLog().map(\.card.question) == ["intro", "why-us"], "an empty answer is still Again")
      let day = calendar.day(of: Fixtures.start)
      #expect(try store.streak(today: day) == 0, "nothing answered that day")
      #expect(try store.practice(on: day).cards.count == 2)
      #expect(try store.practice(on: day).answered.isEmpty)
      // An answer the next day starts a streak.
      let next = Fixtures.start.addingTimeInterval(86_400)
      _ = try Self.answer(store, id: "strengths", at: next)
      try store.syncReviewLog(schedule)
      #expect(try store.streak(today: calendar.day(of: next)) == 1)
      #expect(try store.streak(today: calendar.day(of: next).adding(days: 1)) == 1, "today not over yet")
    }
  }
}
