import Foundation
import GRDB
import RehearseCore

/// Bringing drills back from an `export --all` backup (issue 11).
extension Store {
  /// All sessions, whole, oldest first: for `export --all`.
  public func allTranscripts() throws(StoreError) -> [Transcript] {
    let path = self.path
    return try read { db in try Store.transcripts(where: "1", arguments: [], db: db, path: path) }
  }

  /// Adds an exported drill with everything in it, in one transaction, under a new id. A drill
  /// this store already holds (the same company and start, to the second) is skipped: returns
  /// false. A drill exported while unfinished comes back ended (interrupted), never resumable.
  @discardableResult
  public func importTranscript(_ transcript: Transcript) throws(StoreError) -> Bool {
    let settings = try json(transcript.session.settings)
    return try write { db in
      let session = transcript.session
      // The same second (exports keep seconds), found through the index of starts.
      let second = Date(timeIntervalSince1970: session.startedAt.timeIntervalSince1970.rounded(.down))
      let held = try Bool.fetchOne(
        db, sql: "SELECT 1 FROM session WHERE started_at >= ? AND started_at < ? AND company_id = ?",
        arguments: [second, second.addingTimeInterval(1), session.companyID])
      guard held == nil else { return false }
      let lastActivity =
        transcript.allQuestions.map { $0.outcome?.finishedAt ?? $0.askedAt }.max() ?? session.startedAt
      try db.execute(
        sql: """
          INSERT INTO session (company_id, company_name, mode, language, settings, seed, started_at, ended_at,
            end_reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          session.companyID, session.companyName, session.mode.rawValue,
          (session.language ?? .en).rawValue, settings, Int64(bitPattern: session.settings.seed), session.startedAt,
          session.endedAt ?? max(lastActivity, session.startedAt), (session.endReason ?? .interrupted).rawValue,
        ])
      let sessionID = db.lastInsertedRowID
      if let outcome = session.outcome {
        try db.execute(
          sql: "INSERT INTO interview_outcome (session_id, outcome, recorded_at) VALUES (?, ?, ?)",
          arguments: [sessionID, outcome.rawValue, session.endedAt ?? session.startedAt])
      }
      for main in transcript.questions {
        let mainID = try Self.insert(main, session: sessionID, parent: nil, company: session.companyID, db: db)
        for followUp in main.followUps {
          _ = try Self.insert(followUp, session: sessionID, parent: mainID, company: session.companyID, db: db)
        }
      }
      return true
    }
  }

  /// One asked question with its lines, draft and self-review; returns its new id.
  private static func insert(
    _ question: AskedQuestion, session: Int64, parent: Int64?, company: String, db: Database
  ) throws -> Int64 {
    let outcome = question.outcome
    try db.execute(
      sql: """
        INSERT INTO asked_question (session_id, company_id, position, parent_id, follow_up_category, bank_question_id,
          stage, kind, text, answer_seconds, think_seconds, asked_at, status, answer_text, seconds_used, timed_out,
          overtime_seconds, hint_used, score_json, total_score, answered_at, reaction)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        session, question.companyID ?? company, question.position, parent,
        parent == nil ? nil : (question.followUpCategory ?? .reasoning).rawValue,
        parent == nil ? question.bankQuestionID : nil, question.stage, (question.kind ?? .other).rawValue,
        question.text, max(1, question.answerSeconds), max(0, question.thinkSeconds), question.askedAt,
        (outcome?.status ?? .unanswered).rawValue, outcome?.text, outcome?.secondsUsed, outcome?.timedOut ?? false,
        max(0, outcome?.overtimeSeconds ?? 0), outcome?.hintUsed ?? false, outcome?.scoreJSON, outcome?.totalScore,
        outcome?.finishedAt, question.reaction,
      ])
    let id = db.lastInsertedRowID
    // Set apart from the insert so the search index's trigger sees it.
    if let text = outcome?.text {
      try db.execute(
        sql: "UPDATE asked_question SET answer_text_nfkc = ? WHERE id = ?",
        arguments: [SearchText.normalize(text), id])
    }
    for line in question.lines {
      try db.execute(
        sql: """
          INSERT INTO answer_line (asked_question_id, line_index, text, text_nfkc, typed_at, elapsed_seconds)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [id, line.index, line.text, SearchText.normalize(line.text), line.typedAt, line.elapsedSeconds])
    }
    if let draft = question.draft {
      try db.execute(
        sql: "INSERT INTO draft (asked_question_id, text, cursor, elapsed_seconds, saved_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [id, draft.text, draft.cursor, draft.elapsedSeconds, draft.savedAt])
    }
    if let review = question.review {
      try db.execute(
        sql: """
          INSERT INTO self_review (asked_question_id, what_went_wrong, why, next_time, reviewed_at, search_text)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          id, review.whatWentWrong, review.why, review.nextTime, review.reviewedAt,
          SearchText.reflections([review.whatWentWrong, review.why, review.nextTime]),
        ])
      for (criterion, rating) in review.ratings.sorted(by: { $0.key < $1.key }) where (1...5).contains(rating) {
        try db.execute(
          sql: "INSERT INTO review_rating (asked_question_id, criterion, rating) VALUES (?, ?, ?)",
          arguments: [id, criterion, rating])
      }
    }
    return id
  }
}

extension Store {
  /// Every session, whole, oldest first, handed over `batch` at a time within one read (an export
  /// of a year of practice never holds it all in memory at once).
  public func eachTranscript(batch: Int = 500, _ body: (Transcript) -> Void) throws(StoreError) {
    let path = self.path
    try read { db in
      let ids = try Int64.fetchAll(db, sql: "SELECT id FROM session ORDER BY started_at, id")
      var start = 0
      while start < ids.count {
        let chunk = Array(ids[start..<min(ids.count, start + max(1, batch))])
        start += chunk.count
        let placeholders = chunk.map { _ in "?" }.joined(separator: ", ")
        for transcript in try Store.transcripts(
          where: "s.id IN (\(placeholders))", arguments: StatementArguments(chunk), db: db, path: path)
        {
          body(transcript)
        }
      }
    }
  }
}
