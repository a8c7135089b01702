import Foundation
import GRDB
import GRDBSQLite
import RehearseCore

/// Daily practice in the store: the review log and the followed companies (schema v2).
extension Store {
  /// Appends graded attempts to the review log and moves each card's kept state on, in one
  /// transaction.
  public func appendReviews(_ entries: [ReviewEntry], askedQuestionIDs: [Int64?] = []) throws(StoreError) {
    try write { db in
      for (index, entry) in entries.enumerated() {
        let asked = askedQuestionIDs.indices.contains(index) ? askedQuestionIDs[index] : nil
        try db.execute(
          sql: """
            INSERT INTO review_log (company_id, bank_question_id, asked_question_id, reviewed_at, grade,
              stability_before, difficulty_before, stability_after, difficulty_after, day, due_day, answered)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ifnull((SELECT status IN ('answered', 'timed_out') FROM asked_question WHERE id = ?), 1))
            """,
          arguments: [
            entry.card.bank, entry.card.question, asked, entry.at, entry.grade.rawValue, entry.before?.stability,
            entry.before?.difficulty, entry.after.stability, entry.after.difficulty, entry.day.number,
            entry.due.number, asked,
          ])
        if let asked {
          try db.execute(sql: "UPDATE asked_question SET logged = 1 WHERE id = ?", arguments: [asked])
        }
        try db.execute(
          sql: """
            INSERT INTO card_state (company_id, bank_question_id, stability, difficulty, last_day, due_day, reviews,
              last_grade)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?)
            ON CONFLICT (company_id, bank_question_id) DO UPDATE SET stability = excluded.stability,
              difficulty = excluded.difficulty, last_day = excluded.last_day, due_day = excluded.due_day,
              reviews = reviews + 1, last_grade = excluded.last_grade
            """,
          arguments: [
            entry.card.bank, entry.card.question, entry.after.stability, entry.after.difficulty, entry.day.number,
            entry.due.number, entry.grade.rawValue,
          ])
      }
    }
  }

  /// Every card's state after its last review (one row per card).
  public func cardStates() throws(StoreError) -> [CardID: CardState] {
    try read { db in
      var states: [CardID: CardState] = [:]
      states.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM card_state") ?? 0)
      // Every card is read for a plan (10,000 of them for a heavy user, within plan's 20 ms):
      // straight from SQLite's columns, without a Row per card.
      let statement = try db.makeStatement(
        sql: """
          SELECT company_id, bank_question_id, stability, difficulty, last_day, due_day, reviews, last_grade
          FROM card_state
          """)
      let raw = statement.sqliteStatement
      defer { sqlite3_reset(raw) }
      func text(_ column: Int32) -> String {
        sqlite3_column_text(raw, column).map { String(cString: $0) } ?? ""
      }
      while true {
        let code = sqlite3_step(raw)
        if code == SQLITE_DONE { break }
        guard code == SQLITE_ROW else {
          throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        states[CardID(bank: text(0), question: text(1))] = CardState(
          memory: FSRS.Memory(stability: sqlite3_column_double(raw, 2), difficulty: sqlite3_column_double(raw, 3)),
          lastDay: PracticeDay(number: Int(sqlite3_column_int64(raw, 4))),
          due: PracticeDay(number: Int(sqlite3_column_int64(raw, 5))), reviews: Int(sqlite3_column_int64(raw, 6)),
          lastGrade: FSRS.Grade(rawValue: Int(sqlite3_column_int64(raw, 7))) ?? .good)
      }
      return states
    }
  }

  /// The streak on `today`: days with an answer in a row up to today, or up to yesterday while
  /// today has none yet (as `PracticeSchedule.streak`). One indexed probe per day of the
  /// streak, so a year of practice costs a few hundred lookups, not a read of the whole log.
  public func streak(today: PracticeDay) throws(StoreError) -> Int {
    try read { db in
      // A day counts when something was answered: a day of skips only is no practice.
      let statement = try db.cachedStatement(
        sql: "SELECT 1 FROM review_log INDEXED BY review_log_answered_by_day WHERE day = ? AND answered = 1 LIMIT 1")
      func practised(_ day: PracticeDay) throws -> Bool {
        try Int.fetchOne(statement, arguments: [day.number]) != nil
      }
      var day = try practised(today) ? today : today.adding(days: -1)
      var streak = 0
      while try practised(day) {
        streak += 1
        day = day.adding(days: -1)
      }
      return streak
    }
  }

  /// The whole review log, oldest first.
  public func reviewLog() throws(StoreError) -> [ReviewEntry] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY reviewed_at, id").compactMap { row in
        guard let grade = FSRS.Grade(rawValue: row["grade"]) else { return nil }
        let before: FSRS.Memory? = (row["stability_before"] as Double?).flatMap { stability in
          (row["difficulty_before"] as Double?).map { FSRS.Memory(stability: stability, difficulty: $0) }
        }
        return ReviewEntry(
          card: CardID(bank: row["company_id"], question: row["bank_question_id"]), at: row["reviewed_at"],
          grade: grade, before: before,
          after: FSRS.Memory(stability: row["stability_after"], difficulty: row["difficulty_after"]),
          day: PracticeDay(number: row["day"]), due: PracticeDay(number: row["due_day"]))
      }
    }
  }

  /// Follows companies (already followed ones keep their date).
  public func follow(_ companies: [String], at date: Date) throws(StoreError) {
    try write { db in
      for company in companies {
        try db.execute(
          sql: "INSERT OR IGNORE INTO followed_company (company_id, followed_at) VALUES (?, ?)",
          arguments: [company, date])
      }
    }
  }

  /// Stops following companies; returns those that were followed.
  @discardableResult
  public func unfollow(_ companies: [String]) throws(StoreError) -> [String] {
    try write { db in
      var removed: [String] = []
      for company in companies {
        try db.execute(sql: "DELETE FROM followed_company WHERE company_id = ?", arguments: [company])
        if db.changesCount > 0 { removed.append(company) }
      }
      return removed
    }
  }

  /// The followed companies, in the order they were followed.
  public func followedCompanies() throws(StoreError) -> [String] {
    try read { db in
      try String.fetchAll(db, sql: "SELECT company_id FROM followed_company ORDER BY followed_at, company_id")
    }
  }
}

/// One practice day's reviews, for `daily` and `plan`.
public struct PracticedDay: Sendable, Equatable {
  /// Every card practised that day: none is offered again that day.
  public var cards: Set<CardID>
  /// Those answered (not skipped, abandoned or left empty): what counts towards the goal.
  public var answered: Set<CardID>
  /// How many were practised for the first time that day (the new-question ration).
  public var introduced: Int

  public init(cards: Set<CardID> = [], answered: Set<CardID> = [], introduced: Int = 0) {
    self.cards = cards
    self.answered = answered
    self.introduced = introduced
  }
}

/// A finished attempt at a bank question, as daily practice grades it.
public struct PracticeAttempt: Sendable, Equatable {
  public var askedQuestionID: Int64
  public var card: CardID
  public var answeredAt: Date
  /// What the grade is made of.
  public var facts: AttemptFacts
}

extension Store {
  /// Finished attempts at bank questions not yet in the review log, oldest first: the levels
  /// are the best of the answer and its follow-ups, the self-rating the mean of its ratings.
  /// Only attempts of ended sessions count: in a drill still running (or killed and not yet
  /// resumed or closed) an answer's follow-ups and self-review may still come, and they move
  /// its grade. The last question of a drill quit or cut off with nothing typed is no attempt.
  public func unloggedAttempts() throws(StoreError) -> [PracticeAttempt] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.attemptColumns)
          FROM asked_question q INDEXED BY asked_question_unlogged
          JOIN session s ON s.id = q.session_id
          WHERE q.logged = 0 AND q.parent_id IS NULL AND q.bank_question_id IS NOT NULL AND q.answered_at IS NOT NULL
            AND s.ended_at IS NOT NULL
            -- The question on screen when the drill was quit or cut off, with nothing typed, was
            -- not attempted: it is not practice (an empty answer submitted earlier is).
            AND NOT (q.status = 'unanswered' AND s.end_reason IN ('quit', 'interrupted')
              AND ifnull(q.answer_text, '') = ''
              AND NOT EXISTS (SELECT 1 FROM asked_question n
                WHERE n.session_id = q.session_id AND n.parent_id IS NULL AND n.position > q.position))
          ORDER BY q.answered_at, q.id
          """)
      return rows.map { row in
        PracticeAttempt(
          askedQuestionID: row["id"], card: CardID(bank: row["company_id"], question: row["bank_question_id"]),
          answeredAt: row["answered_at"], facts: Self.facts(row))
      }
    }
  }

  /// The columns an attempt is graded from (`attemptColumns`, with the question as `q`).
  static let attemptColumns = """
    q.id, q.company_id, q.bank_question_id, q.kind, q.status, q.answered_at, q.seconds_used,
    q.answer_seconds, q.timed_out, q.hint_used, q.score_json, q.total_score,
    (SELECT avg(rating) FROM review_rating r WHERE r.asked_question_id = q.id) AS self_rating,
    (SELECT json_group_array(f.score_json) FROM asked_question f
      WHERE f.parent_id = q.id AND f.score_json IS NOT NULL) AS follow_up_scores
    """

  /// What an attempt is graded from, read from `attemptColumns`.
  static func facts(_ row: Row) -> AttemptFacts {
    var levels = Self.levels(row["score_json"] as String?)
    if let followUps = (row["follow_up_scores"] as String?).flatMap({ Data($0.utf8) }),
      let scores = try? JSONSerialization.jsonObject(with: followUps) as? [String]
    {
      for score in scores { levels.merge(Self.levels(score)) { max($0, $1) } }
    }
    let status = AnswerStatus(rawValue: row["status"]) ?? .unanswered
    let outcome: AttemptFacts.Outcome =
      switch status {
      case .answered, .timedOut: .answered
      case .skipped: .skipped
      case .abandoned: .abandoned
      case .unanswered: .unanswered
      }
    return AttemptFacts(
      outcome: outcome, kind: QuestionKind(rawValue: row["kind"]) ?? .other, levels: levels,
      seconds: row["seconds_used"] ?? 0, limitSeconds: row["answer_seconds"], timedOut: row["timed_out"],
      hintUsed: row["hint_used"], selfRating: row["self_rating"])
  }

  /// The practice day's reviews: the cards practised (never offered again that day), those
  /// answered (what counts towards the daily goal: not skipped, abandoned or left empty), and
  /// how many of them were new that day.
  public func practice(on day: PracticeDay) throws(StoreError) -> PracticedDay {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT company_id, bank_question_id, stability_before IS NULL AS new, answered
          FROM review_log WHERE day = ?
          """,
        arguments: [day.number])
      func card(_ row: Row) -> CardID { CardID(bank: row["company_id"], question: row["bank_question_id"]) }
      return PracticedDay(
        cards: Set(rows.map(card)), answered: Set(rows.filter { $0["answered"] ?? true }.map(card)),
        introduced: Set(rows.filter { $0["new"] }.map(card)).count)
    }
  }

  /// Each card's latest graded attempt before `date` (all of them without it), of these
  /// companies only when given: what `rehearse retry` chooses from and compares with.
  public func latestAttempts(companies: [String]? = nil, before date: Date? = nil) throws(StoreError)
    -> [PreviousAttempt]
  {
    try read { db in
      var conditions = ["reviewed_at < ?"]
      var arguments: [any DatabaseValueConvertible] = [date ?? Date.distantFuture]
      if let companies {
        conditions.append("company_id IN (\(companies.map { _ in "?" }.joined(separator: ", ")))")
        arguments += companies as [any DatabaseValueConvertible]
      }
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.attemptColumns), l.grade,
            -- The person's latest note for next time on this question, up to this attempt.
            (SELECT r.next_time FROM self_review r JOIN asked_question a ON a.id = r.asked_question_id
              WHERE a.company_id = q.company_id AND a.bank_question_id = q.bank_question_id
                AND a.parent_id IS NULL AND a.asked_at <= q.asked_at AND ifnull(r.next_time, '') != ''
              ORDER BY a.asked_at DESC LIMIT 1) AS next_time
          FROM review_log l
          JOIN asked_question q ON q.id = l.asked_question_id
          WHERE l.id IN (
            SELECT max(id) FROM review_log WHERE \(conditions.joined(separator: " AND "))
            GROUP BY company_id, bank_question_id)
          ORDER BY l.reviewed_at, l.id
          """,
        arguments: StatementArguments(arguments))
      return rows.compactMap { row in
        guard let grade = FSRS.Grade(rawValue: row["grade"]), let answeredAt = row["answered_at"] as Date? else {
          return nil
        }
        return PreviousAttempt(
          card: CardID(bank: row["company_id"], question: row["bank_question_id"]), grade: grade,
          facts: Self.facts(row), total: row["total_score"], answeredAt: answeredAt,
          nextTime: (row["next_time"] as String?).flatMap { $0.isEmpty ? nil : $0 },
          mainLevels: Self.levels(row["score_json"] as String?))
      }
    }
  }

  /// Each category's level in a stored `score --json` object (the categories it was judged on).
  public static func levels(_ json: String?) -> [ScoreCategory: Int] {
    guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let categories = object["categories"] as? [String: [String: Any]]
    else { return [:] }
    var levels: [ScoreCategory: Int] = [:]
    for (name, category) in categories {
      // A category the answer was not judged on (company fit in a general bank) has no level.
      if let key = ScoreCategory(rawValue: name), let level = category["level"] as? Int,
        category["asked"] as? Bool ?? true
      {
        levels[key] = level
      }
    }
    return levels
  }

  /// Grades every attempt not yet in the review log and appends it (the first use after an
  /// upgrade derives the whole schedule from the drills already kept).
  /// Returns every card's state afterwards.
  @discardableResult
  public func syncReviewLog(_ schedule: PracticeSchedule) throws(StoreError) -> [CardID: CardState] {
    var states = try cardStates()
    let attempts = try unloggedAttempts()
    guard !attempts.isEmpty else { return states }
    var entries: [ReviewEntry] = []
    for attempt in attempts {
      let entry = schedule.review(
        attempt.card, state: states[attempt.card], grade: AttemptGrade.grade(attempt.facts), at: attempt.answeredAt)
      states[attempt.card] = entry.state(reviewsBefore: states[attempt.card]?.reviews ?? 0)
      entries.append(entry)
    }
    try appendReviews(entries, askedQuestionIDs: attempts.map(\.askedQuestionID))
    return states
  }
}
