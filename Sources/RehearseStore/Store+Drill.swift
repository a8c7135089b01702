import Foundation
import GRDB
import RehearseCore

/// Writing a drill as it happens. The drill loop calls these in this order:
///
/// ```
/// let id = try store.startSession(NewSession(…, startedAt: now, ownerPID: getpid()))
/// for each question:
///   let q = try store.addQuestion(NewQuestion(…, askedAt: now), to: id)
///   while typing:  try store.saveDraft(Draft(text: line, …), for: q)    // about every second
///   on Enter:      try store.appendLine(line, to: q, typedAt: now, elapsedSeconds: clock)
///   at the end:    try store.finishAnswer(q, outcome: AnswerOutcome(…))   // also clears the draft
///   review:        try store.saveReview(SelfReview(…), for: q)
///   follow-up:     addQuestion(NewQuestion(…, followUp: .init(parent: q, category: .reasoning)), to: id)
/// try store.finishSession(id, reason: .finished, at: now)
/// ```
///
/// Each call is one transaction, committed and synced to disk (WAL, `synchronous=FULL`) before
/// it returns. A finished answer and an ended session are final: writing to them again is
/// refused (`StoreError.rejected`).
extension Store {
  /// Records a new session, owned by `session.ownerPID`, and returns its id.
  public func startSession(_ session: NewSession) throws(StoreError) -> SessionID {
    let settings = try json(session.settings)
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO session (company_id, company_name, mode, language, settings, seed, started_at, owner_pid)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          session.companyID, session.companyName, session.mode.rawValue, session.language.rawValue, settings,
          Int64(bitPattern: session.settings.seed), session.startedAt, session.ownerPID,
        ])
      return SessionID(db.lastInsertedRowID)
    }
  }

  /// Records a question as it is asked and returns its id. Its position is the next one: among the
  /// session's main questions, or among the parent's follow-ups. A follow-up's parent must be a
  /// main question of the same session.
  public func addQuestion(_ question: NewQuestion, to session: SessionID) throws(StoreError) -> AskedQuestionID {
    let path = self.path
    return try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT company_id, ended_at FROM session WHERE id = ?", arguments: [session.rawValue])
      else { throw StoreError.unknownSession(path: path, id: session.rawValue) }
      guard row["ended_at"] as DatabaseValue == .null else {
        throw StoreError.rejected(path: path, reason: "session \(session) has ended")
      }
      var companyID: String = question.companyID ?? row["company_id"]
      var parentID: Int64?
      if let followUp = question.followUp {
        guard
          let parent = try Row.fetchOne(
            db, sql: "SELECT session_id, parent_id, company_id FROM asked_question WHERE id = ?",
            arguments: [followUp.parent.rawValue])
        else { throw StoreError.unknownQuestion(path: path, id: followUp.parent.rawValue) }
        guard parent["session_id"] == session.rawValue, parent["parent_id"] as DatabaseValue == .null else {
          throw StoreError.rejected(
            path: path,
            reason: "a follow-up belongs to a main question of the same session, and \(followUp.parent) is not one")
        }
        parentID = followUp.parent.rawValue
        companyID = parent["company_id"]
      } else if question.bankQuestionID == nil {
        throw StoreError.rejected(path: path, reason: "a main question needs its bank question id")
      }
      let position =
        try Int.fetchOne(
          db,
          sql: """
            SELECT ifnull(max(position), 0) + 1 FROM asked_question
            WHERE session_id = ? AND ifnull(parent_id, 0) = ?
            """,
          arguments: [session.rawValue, parentID ?? 0]) ?? 1
      try db.execute(
        sql: """
          INSERT INTO asked_question (
            session_id, company_id, position, parent_id, follow_up_category, bank_question_id, stage, kind, text,
            answer_seconds, think_seconds, asked_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          session.rawValue, companyID, position, parentID, question.followUp?.category.rawValue,
          question.bankQuestionID, question.stage, question.kind.rawValue, question.text, question.answerSeconds,
          question.thinkSeconds, question.askedAt,
        ])
      return AskedQuestionID(db.lastInsertedRowID)
    }
  }

  /// Appends one entered line to an unfinished answer, durably, and returns its 1-based index.
  @discardableResult
  public func appendLine(
    _ text: String, to question: AskedQuestionID, typedAt: Date, elapsedSeconds: Double
  ) throws(StoreError) -> Int {
    let path = self.path
    return try write { db in
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO answer_line (asked_question_id, line_index, text, text_nfkc, typed_at, elapsed_seconds)
          SELECT q.id, (SELECT ifnull(max(l.line_index), 0) + 1 FROM answer_line l WHERE l.asked_question_id = q.id),
                 ?, ?, ?, ?
          FROM asked_question q WHERE q.id = ? AND q.answered_at IS NULL
          RETURNING line_index
          """)
      let arguments: StatementArguments = [
        text, SearchText.normalize(text), typedAt, elapsedSeconds, question.rawValue,
      ]
      if let index = try Int.fetchOne(statement, arguments: arguments) { return index }
      throw try Store.finishedOrUnknown(question, db: db, path: path)
    }
  }

  /// Saves the line being typed for an unfinished answer, replacing the previous draft.
  public func saveDraft(_ draft: Draft, for question: AskedQuestionID) throws(StoreError) {
    let path = self.path
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO draft (asked_question_id, text, cursor, elapsed_seconds, saved_at)
          SELECT id, ?, ?, ?, ? FROM asked_question WHERE id = ? AND answered_at IS NULL
          ON CONFLICT (asked_question_id) DO UPDATE SET
            text = excluded.text, cursor = excluded.cursor, elapsed_seconds = excluded.elapsed_seconds,
            saved_at = excluded.saved_at
          """,
        arguments: [draft.text, draft.cursor, draft.elapsedSeconds, draft.savedAt, question.rawValue])
      if db.changesCount == 0 { throw try Store.finishedOrUnknown(question, db: db, path: path) }
    }
  }

  /// Removes the draft of a question (when the line was entered, or the text deleted).
  public func clearDraft(for question: AskedQuestionID) throws(StoreError) {
    try write { db in
      try db.execute(sql: "DELETE FROM draft WHERE asked_question_id = ?", arguments: [question.rawValue])
    }
  }

  /// Records how an answer ended, with its score, and clears its draft, in one transaction.
  public func finishAnswer(_ question: AskedQuestionID, outcome: AnswerOutcome) throws(StoreError) {
    let path = self.path
    try write { db in
      try db.execute(
        sql: """
          UPDATE asked_question SET
            status = ?, answer_text = ?, answer_text_nfkc = ?, seconds_used = ?, timed_out = ?, overtime_seconds = ?,
            hint_used = ?, score_json = ?, total_score = ?, answered_at = ?
          WHERE id = ? AND answered_at IS NULL
          """,
        arguments: [
          outcome.status.rawValue, outcome.text, SearchText.normalize(outcome.text), outcome.secondsUsed,
          outcome.timedOut, max(0, outcome.overtimeSeconds), outcome.hintUsed, outcome.scoreJSON, outcome.totalScore,
          outcome.finishedAt, question.rawValue,
        ])
      if db.changesCount == 0 { throw try Store.finishedOrUnknown(question, db: db, path: path) }
      try db.execute(sql: "DELETE FROM draft WHERE asked_question_id = ?", arguments: [question.rawValue])
    }
  }

  /// Saves the self-review of an answer, replacing an earlier one.
  public func saveReview(_ review: SelfReview, for question: AskedQuestionID) throws(StoreError) {
    let path = self.path
    if let (criterion, rating) = review.ratings.first(where: { !(1...5).contains($0.value) }) {
      throw .rejected(path: path, reason: "the rating \(rating) for '\(criterion)' is not between 1 and 5")
    }
    try write { db in
      guard
        try Bool.fetchOne(db, sql: "SELECT 1 FROM asked_question WHERE id = ?", arguments: [question.rawValue])
          != nil
      else { throw StoreError.unknownQuestion(path: path, id: question.rawValue) }
      try db.execute(
        sql: """
          INSERT INTO self_review (asked_question_id, what_went_wrong, why, next_time, reviewed_at, search_text)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (asked_question_id) DO UPDATE SET
            what_went_wrong = excluded.what_went_wrong, why = excluded.why, next_time = excluded.next_time,
            reviewed_at = excluded.reviewed_at, search_text = excluded.search_text
          """,
        arguments: [
          question.rawValue, review.whatWentWrong, review.why, review.nextTime, review.reviewedAt,
          SearchText.reflections([review.whatWentWrong, review.why, review.nextTime]),
        ])
      try db.execute(sql: "DELETE FROM review_rating WHERE asked_question_id = ?", arguments: [question.rawValue])
      for (criterion, rating) in review.ratings.sorted(by: { $0.key < $1.key }) {
        try db.execute(
          sql: "INSERT INTO review_rating (asked_question_id, criterion, rating) VALUES (?, ?, ?)",
          arguments: [question.rawValue, criterion, rating])
      }
    }
  }

  /// Ends a session. Answers still open are closed with it: `abandoned` when lines or a draft were
  /// typed (the draft is kept, so the transcript shows it), else `unanswered`.
  public func finishSession(_ session: SessionID, reason: EndReason, at date: Date) throws(StoreError) {
    let path = self.path
    try write { db in
      guard
        let endedAt = try Row.fetchOne(
          db, sql: "SELECT ended_at FROM session WHERE id = ?", arguments: [session.rawValue])
      else { throw StoreError.unknownSession(path: path, id: session.rawValue) }
      guard endedAt["ended_at"] as DatabaseValue == .null else {
        throw StoreError.rejected(path: path, reason: "session \(session) has already ended")
      }
      let open = try Row.fetchAll(
        db,
        sql: """
          SELECT q.id,
            (SELECT group_concat(text, char(10)) FROM
              (SELECT l.text FROM answer_line l WHERE l.asked_question_id = q.id ORDER BY l.line_index)) AS text,
            max(ifnull((SELECT max(l.elapsed_seconds) FROM answer_line l WHERE l.asked_question_id = q.id), 0),
                ifnull((SELECT d.elapsed_seconds FROM draft d WHERE d.asked_question_id = q.id), 0)) AS used,
            EXISTS (SELECT 1 FROM draft d WHERE d.asked_question_id = q.id) AS has_draft
          FROM asked_question q WHERE q.session_id = ? AND q.answered_at IS NULL
          """,
        arguments: [session.rawValue])
      for row in open {
        let text: String = row["text"] ?? ""
        let typed = !text.isEmpty || row["has_draft"] as Bool
        try db.execute(
          sql: """
            UPDATE asked_question SET status = ?, answer_text = ?, answer_text_nfkc = ?, seconds_used = ?,
              answered_at = ?
            WHERE id = ?
            """,
          arguments: [
            (typed ? AnswerStatus.abandoned : .unanswered).rawValue, text, SearchText.normalize(text),
            row["used"] as Double, date, row["id"] as Int64,
          ])
      }
      try db.execute(
        sql: "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ?",
        arguments: [date, reason.rawValue, session.rawValue])
    }
  }

  /// Takes over an unfinished session for process `pid` (to resume it). Returns false when the
  /// session has ended or its owner is another live process (for instance a second terminal
  /// that claimed it first); the check and the change are one transaction.
  public func claim(
    _ session: SessionID, pid: Int32, isAlive: (Int32) -> Bool = OwnerProcess.isAlive
  ) throws(StoreError) -> Bool {
    let path = self.path
    return try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT ended_at, owner_pid FROM session WHERE id = ?", arguments: [session.rawValue])
      else { throw StoreError.unknownSession(path: path, id: session.rawValue) }
      guard row["ended_at"] as DatabaseValue == .null else { return false }
      let owner: Int32? = row["owner_pid"]
      if let owner, owner != pid, isAlive(owner) { return false }
      try db.execute(sql: "UPDATE session SET owner_pid = ? WHERE id = ?", arguments: [pid, session.rawValue])
      return true
    }
  }

  /// Why a write to an answer changed nothing: the question is unknown, or already finished.
  static func finishedOrUnknown(_ question: AskedQuestionID, db: Database, path: String) throws -> StoreError {
    let exists =
      try Bool.fetchOne(db, sql: "SELECT 1 FROM asked_question WHERE id = ?", arguments: [question.rawValue]) != nil
    return exists
      ? .rejected(path: path, reason: "the answer to question \(question) has already finished")
      : .unknownQuestion(path: path, id: question.rawValue)
  }

  func json<T: Encodable>(_ value: T) throws(StoreError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw .failed(path: path, reason: "cannot encode \(T.self): \(error)")
    }
  }
}
