import Foundation
import GRDB
import RehearseCore

/// Removing what a person wrote (issue 11): one drill, or everything about one company. The
/// answers go from every table and from search, the schedule forgets the attempts, and the file
/// is rewritten so the text is not left in free pages or in the write-ahead log.
extension Store {
  /// What a removal took away.
  public struct Removed: Equatable, Sendable {
    public var sessions: Int
    public var answers: Int
  }

  /// Deletes drill `session` and everything in it. Its attempts leave the review log, and the
  /// cards they touched are scheduled again from the attempts that remain (`schedule`).
  @discardableResult
  public func delete(_ session: SessionID, schedule: PracticeSchedule) throws(StoreError) -> Removed {
    let path = self.path
    let removed = try write { db -> Removed in
      guard try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [session.rawValue]) != nil
      else { throw StoreError.unknownSession(path: path, id: session.rawValue) }
      let answers =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM asked_question WHERE session_id = ? AND parent_id IS NULL",
          arguments: [session.rawValue]) ?? 0
      let cards = try Self.cards(
        db,
        sql: """
          SELECT DISTINCT l.company_id, l.bank_question_id FROM review_log l
          JOIN asked_question q ON q.id = l.asked_question_id WHERE q.session_id = ?
          """,
        arguments: [session.rawValue])
      try db.execute(
        sql: """
          DELETE FROM review_log WHERE asked_question_id IN (SELECT id FROM asked_question WHERE session_id = ?)
          """,
        arguments: [session.rawValue])
      try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [session.rawValue])
      try Self.reschedule(cards, db: db, schedule: schedule)
      return Removed(sessions: 1, answers: answers)
    }
    try scrub()
    return removed
  }

  /// Deletes everything about `company`: its drills, its questions' answers in drills across
  /// banks (daily practice, retries), its schedule and review log, and following it.
  @discardableResult
  public func forget(company: String) throws(StoreError) -> Removed {
    let removed = try write { db -> Removed in
      let answers =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM asked_question WHERE company_id = ? AND parent_id IS NULL",
          arguments: [company]) ?? 0
      try db.execute(sql: "DELETE FROM review_log WHERE company_id = ?", arguments: [company])
      try db.execute(sql: "DELETE FROM card_state WHERE company_id = ?", arguments: [company])
      try db.execute(sql: "DELETE FROM followed_company WHERE company_id = ?", arguments: [company])
      try db.execute(sql: "DELETE FROM preflight WHERE company_id = ?", arguments: [company])
      try db.execute(sql: "DELETE FROM asked_question WHERE company_id = ?", arguments: [company])
      // Its own drills, and drills across banks left with nothing.
      try db.execute(
        sql: """
          DELETE FROM session WHERE company_id = ?
            OR (instr(',' || company_id || ',', ',' || ? || ',') > 0
              AND NOT EXISTS (SELECT 1 FROM asked_question q WHERE q.session_id = session.id))
          """,
        arguments: [company, company])
      let sessions = db.changesCount
      // Drills across banks that keep other companies' answers lose this one's name.
      let mixed = try Row.fetchAll(
        db,
        sql:
          "SELECT id, company_id, company_name FROM session WHERE instr(',' || company_id || ',', ',' || ? || ',') > 0",
        arguments: [company])
      for row in mixed {
        let ids = (row["company_id"] as String).split(separator: ",").map(String.init)
        let names = (row["company_name"] as String).components(separatedBy: " · ")
        let kept = ids.indices.filter { ids[$0] != company }
        try db.execute(
          sql: "UPDATE session SET company_id = ?, company_name = ? WHERE id = ?",
          arguments: [
            kept.map { ids[$0] }.joined(separator: ","),
            names.count == ids.count ? kept.map { names[$0] }.joined(separator: " · ") : row["company_name"],
            row["id"] as Int64,
          ])
      }
      return Removed(sessions: sessions, answers: answers)
    }
    try scrub()
    return removed
  }

  /// The cards named by the first two columns of `sql`.
  private static func cards(_ db: Database, sql: String, arguments: StatementArguments) throws -> [CardID] {
    try Row.fetchAll(db, sql: sql, arguments: arguments).map { CardID(bank: $0[0], question: $0[1]) }
  }

  /// Each card's kept state made again from its review log (or dropped with no reviews left).
  private static func reschedule(_ cards: [CardID], db: Database, schedule: PracticeSchedule) throws {
    for card in cards {
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT reviewed_at, grade FROM review_log WHERE company_id = ? AND bank_question_id = ?
          ORDER BY reviewed_at, id
          """,
        arguments: [card.bank, card.question])
      var state: CardState?
      for row in rows {
        guard let grade = FSRS.Grade(rawValue: row["grade"]) else { continue }
        let entry = schedule.review(card, state: state, grade: grade, at: row["reviewed_at"])
        state = entry.state(reviewsBefore: state?.reviews ?? 0)
      }
      guard let state else {
        try db.execute(
          sql: "DELETE FROM card_state WHERE company_id = ? AND bank_question_id = ?",
          arguments: [card.bank, card.question])
        continue
      }
      try db.execute(
        sql: """
          UPDATE card_state SET stability = ?, difficulty = ?, last_day = ?, due_day = ?, reviews = ?, last_grade = ?
          WHERE company_id = ? AND bank_question_id = ?
          """,
        arguments: [
          state.memory.stability, state.memory.difficulty, state.lastDay.number, state.due.number, state.reviews,
          state.lastGrade.rawValue, card.bank, card.question,
        ])
    }
  }

  /// Leaves no deleted text behind: the search index merged (its deleted entries dropped), the
  /// file rewritten without free pages, and the write-ahead log emptied.
  private func scrub() throws(StoreError) {
    do {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
        try db.execute(sql: "VACUUM")
        try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      }
    } catch {
      throw StoreError(error, path: path)
    }
  }
}
