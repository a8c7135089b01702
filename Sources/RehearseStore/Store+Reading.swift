import Foundation
import GRDB
import RehearseCore

/// Reading what was kept: `history`, `show`, resuming, and completion of session ids. Each call
/// reads one consistent snapshot, while other processes may go on writing.
extension Store {
  /// Every session, newest first, with its counts and mean score: of one company only, started
  /// at or after `since`, at most `limit` of them, when given.
  public func sessions(company: String? = nil, since: Date? = nil, limit: Int? = nil) throws(StoreError)
    -> [SessionSummary]
  {
    try read { db in
      let (filter, arguments) = Self.sessionFilter(company: company, since: since)
      return try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.company_id, s.company_name, s.mode, s.language, s.started_at, s.ended_at, s.end_reason,
            (SELECT count(*) FROM asked_question q
              WHERE q.session_id = s.id AND ifnull(q.parent_id, 0) = 0) AS questions,
            (SELECT count(*) FROM asked_question q
              WHERE q.session_id = s.id AND ifnull(q.parent_id, 0) = 0 AND q.status IN ('answered', 'timed_out'))
              AS answered,
            (SELECT avg(q.total_score) FROM asked_question q
              WHERE q.session_id = s.id AND ifnull(q.parent_id, 0) = 0 AND q.status IN ('answered', 'timed_out'))
              AS mean_total
          -- The sessions first (newest, filtered, limited), then the counts of those only.
          FROM (SELECT * FROM session s \(filter)
            ORDER BY s.started_at DESC, s.id DESC \(limit.map { "LIMIT \(max(0, $0))" } ?? "")) s
          ORDER BY s.started_at DESC, s.id DESC
          """,
        arguments: StatementArguments(arguments)
      ).map { row in
        SessionSummary(
          id: SessionID(row["id"]), companyID: row["company_id"], companyName: row["company_name"],
          mode: SessionMode(rawValue: row["mode"]), language: Language(rawValue: row["language"]),
          startedAt: row["started_at"], endedAt: row["ended_at"],
          endReason: (row["end_reason"] as String?).flatMap(EndReason.init(rawValue:)),
          questions: row["questions"], answered: row["answered"], meanTotal: row["mean_total"])
      }
    }
  }

  /// How many sessions there are (of one company, from `since` on, when given).
  /// The drill started just before (`newer` false) or just after `session`, by start time (the
  /// reader's keys between drills); nil at either end.
  public func neighbour(of session: SessionID, newer: Bool) throws(StoreError) -> SessionID? {
    try read { db in
      let sql: String =
        newer
        ? """
        SELECT s.id FROM session s, session o WHERE o.id = ?
          AND (s.started_at > o.started_at OR (s.started_at = o.started_at AND s.id > o.id))
        ORDER BY s.started_at, s.id LIMIT 1
        """
        : """
        SELECT s.id FROM session s, session o WHERE o.id = ?
          AND (s.started_at < o.started_at OR (s.started_at = o.started_at AND s.id < o.id))
        ORDER BY s.started_at DESC, s.id DESC LIMIT 1
        """
      let id: Int64? = try Int64.fetchOne(db, sql: sql, arguments: [session.rawValue])
      return id.map { SessionID($0) }
    }
  }

  public func sessionCount(company: String? = nil, since: Date? = nil) throws(StoreError) -> Int {
    try read { db in
      let (filter, arguments) = Self.sessionFilter(company: company, since: since)
      return try Int.fetchOne(
        db, sql: "SELECT count(*) FROM session s \(filter)", arguments: StatementArguments(arguments)) ?? 0
    }
  }

  /// `WHERE` for sessions (alias `s`) of one company, from one date on, when given. A session
  /// across banks (daily practice) belongs to each company it asked about.
  private static func sessionFilter(company: String?, since: Date?) -> (String, [any DatabaseValueConvertible]) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let company {
      conditions.append(
        "(s.company_id = ? OR EXISTS (SELECT 1 FROM asked_question a WHERE a.session_id = s.id AND a.company_id = ?))")
      arguments += [company, company]
    }
    if let since {
      conditions.append("s.started_at >= ?")
      arguments.append(since)
    }
    return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
  }

  /// Session ids, newest first (for completing `show ID`).
  public func sessionIDs() throws(StoreError) -> [SessionID] {
    try read { db in
      try Int64.fetchAll(db, sql: "SELECT id FROM session ORDER BY started_at DESC, id DESC").map { SessionID($0) }
    }
  }

  /// The whole session, or nil when no session has this id.
  public func transcript(_ session: SessionID) throws(StoreError) -> Transcript? {
    let path = self.path
    return try read { db in try Store.transcript(session, db: db, path: path) }
  }

  /// Unfinished sessions that can be resumed, newest first: those whose owner process is no longer
  /// running (`isAlive` is false), with everything needed to continue: the questions asked, their
  /// lines, outcomes and drafts. A session a live process is running is never offered; call
  /// `claim(_:pid:)` before continuing one, or end it with `finishSession(_:reason: .interrupted,
  /// at:)` when the person declines, so it is not offered again.
  public func resumableSessions(isAlive: (Int32) -> Bool = OwnerProcess.isAlive) throws(StoreError) -> [Transcript] {
    let path = self.path
    return try read { db in
      let open = try Row.fetchAll(
        db, sql: "SELECT id, owner_pid FROM session WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC")
      return try open.compactMap { row -> Transcript? in
        if let owner = row["owner_pid"] as Int32?, isAlive(owner) { return nil }
        return try Store.transcript(SessionID(row["id"]), db: db, path: path)
      }
    }
  }

  static func transcript(_ id: SessionID, db: Database, path: String) throws -> Transcript? {
    try transcripts(where: "s.id = ?", arguments: [id.rawValue], db: db, path: path).first
  }

  /// The whole sessions `filter` (a condition on `session s`) picks, oldest first, read with one
  /// query per table whatever their number (an export of every drill reads six queries, not six
  /// per drill).
  static func transcripts(
    where filter: String, arguments: StatementArguments, db: Database, path: String
  ) throws -> [Transcript] {
    var sessions: [(id: Int64, session: Transcript.Session)] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.*, (SELECT outcome FROM interview_outcome o WHERE o.session_id = s.id) AS outcome
        FROM session s WHERE \(filter) ORDER BY s.started_at, s.id
        """, arguments: arguments)
    {
      let id: Int64 = row["id"]
      let settings: DrillSettings
      do {
        settings = try JSONDecoder().decode(DrillSettings.self, from: Data((row["settings"] as String).utf8))
      } catch {
        throw StoreError.failed(path: path, reason: "the settings of session \(id) cannot be read: \(error)")
      }
      sessions.append(
        (
          id,
          Transcript.Session(
            id: SessionID(id), companyID: row["company_id"], companyName: row["company_name"],
            mode: SessionMode(rawValue: row["mode"]), language: Language(rawValue: row["language"]),
            settings: settings, startedAt: row["started_at"], endedAt: row["ended_at"],
            endReason: (row["end_reason"] as String?).flatMap(EndReason.init(rawValue:)), ownerPID: row["owner_pid"],
            outcome: (row["outcome"] as String?).flatMap(InterviewOutcome.init(rawValue:)))
        ))
    }
    guard !sessions.isEmpty else { return [] }
    /// The rows of `table` (alias `t`, keyed by `asked_question_id`) of the chosen sessions.
    func rows(_ table: String, order: String = "") throws -> [Row] {
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.* FROM \(table) t JOIN asked_question q ON q.id = t.asked_question_id
          JOIN session s ON s.id = q.session_id WHERE \(filter) \(order)
          """, arguments: arguments)
    }
    var lines: [Int64: [AnswerLine]] = [:]
    for row in try rows("answer_line", order: "ORDER BY t.asked_question_id, t.line_index") {
      lines[row["asked_question_id"], default: []].append(
        AnswerLine(
          index: row["line_index"], text: row["text"], typedAt: row["typed_at"], elapsedSeconds: row["elapsed_seconds"]
        ))
    }
    var drafts: [Int64: Draft] = [:]
    for row in try rows("draft") {
      drafts[row["asked_question_id"]] = Draft(
        text: row["text"], cursor: row["cursor"], elapsedSeconds: row["elapsed_seconds"], savedAt: row["saved_at"])
    }
    var ratings: [Int64: [String: Int]] = [:]
    for row in try rows("review_rating") {
      ratings[row["asked_question_id"], default: [:]][row["criterion"]] = row["rating"]
    }
    var reviews: [Int64: SelfReview] = [:]
    for row in try rows("self_review") {
      let question: Int64 = row["asked_question_id"]
      reviews[question] = SelfReview(
        ratings: ratings[question] ?? [:], whatWentWrong: row["what_went_wrong"], why: row["why"],
        nextTime: row["next_time"], reviewedAt: row["reviewed_at"])
    }

    var main: [Int64: [AskedQuestion]] = [:]
    var followUps: [Int64: [AskedQuestion]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT q.* FROM asked_question q JOIN session s ON s.id = q.session_id WHERE \(filter)
        ORDER BY q.session_id, q.position, q.id
        """, arguments: arguments)
    {
      let questionID: Int64 = row["id"]
      var outcome: AnswerOutcome?
      if let finishedAt = row["answered_at"] as Date? {
        outcome = AnswerOutcome(
          status: AnswerStatus(rawValue: row["status"]) ?? .unanswered, text: row["answer_text"] ?? "",
          secondsUsed: row["seconds_used"] ?? 0, timedOut: row["timed_out"], overtimeSeconds: row["overtime_seconds"],
          hintUsed: row["hint_used"], scoreJSON: row["score_json"], totalScore: row["total_score"],
          finishedAt: finishedAt)
      }
      let question = AskedQuestion(
        id: AskedQuestionID(questionID), position: row["position"], bankQuestionID: row["bank_question_id"],
        stage: row["stage"], kind: QuestionKind(rawValue: row["kind"]), text: row["text"],
        answerSeconds: row["answer_seconds"], thinkSeconds: row["think_seconds"], askedAt: row["asked_at"],
        followUpCategory: (row["follow_up_category"] as String?).flatMap(ScoreCategory.init(rawValue:)),
        lines: lines[questionID] ?? [], outcome: outcome, draft: drafts[questionID], review: reviews[questionID],
        followUps: [], companyID: row["company_id"], reaction: row["reaction"])
      if let parent = row["parent_id"] as Int64? {
        followUps[parent, default: []].append(question)
      } else {
        main[row["session_id"], default: []].append(question)
      }
    }
    return sessions.map { id, session in
      var questions = main[id] ?? []
      for index in questions.indices {
        questions[index].followUps = followUps[questions[index].id.rawValue] ?? []
      }
      return Transcript(session: session, questions: questions)
    }
  }
}
