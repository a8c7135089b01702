import Foundation
import GRDB
import RehearseCore

/// A preflight checklist as answered before a real interview (`rehearse preflight`).
public struct PreflightRecord: Sendable, Equatable {
  public var id: Int64?
  public var companyID: String
  public var stage: String?
  /// `online`, `in-person` or `phone`.
  public var mode: String
  /// When the interview is, when given.
  public var interviewAt: Date?
  public var checkedAt: Date
  /// Each item's id and whether it is done, in the order asked.
  public var answers: [(item: String, ready: Bool)]

  public var ready: Bool { answers.allSatisfy(\.ready) }

  public init(
    id: Int64? = nil, companyID: String, stage: String?, mode: String, interviewAt: Date?, checkedAt: Date,
    answers: [(item: String, ready: Bool)]
  ) {
    self.id = id
    self.companyID = companyID
    self.stage = stage
    self.mode = mode
    self.interviewAt = interviewAt
    self.checkedAt = checkedAt
    self.answers = answers
  }

  public static func == (lhs: PreflightRecord, rhs: PreflightRecord) -> Bool {
    lhs.id == rhs.id && lhs.companyID == rhs.companyID && lhs.stage == rhs.stage && lhs.mode == rhs.mode
      && lhs.interviewAt == rhs.interviewAt && lhs.checkedAt == rhs.checkedAt
      && lhs.answers.map(\.item) == rhs.answers.map(\.item) && lhs.answers.map(\.ready) == rhs.answers.map(\.ready)
  }
}

/// One readiness self-check (`rehearse check`).
public struct ReadinessRecord: Sendable, Equatable {
  public var takenAt: Date
  public var score: Int
  /// Question id → the answer on its scale.
  public var answers: [String: Int]

  public init(takenAt: Date, score: Int, answers: [String: Int]) {
    self.takenAt = takenAt
    self.score = score
    self.answers = answers
  }
}

/// How a real interview ended (`rehearse outcome`).
public enum InterviewOutcome: String, CaseIterable, Sendable, Equatable {
  case passed, rejected, waiting
}

extension Store {
  // MARK: Preflight

  /// Keeps a preflight; returns its id.
  @discardableResult
  public func savePreflight(_ record: PreflightRecord) throws(StoreError) -> Int64 {
    // An array, so the order asked is kept: [{"item": "link", "ready": true}, …].
    let objects = record.answers.map { ["item": $0.item, "ready": $0.ready] as [String: Any] }
    let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8)
    let answers = String(decoding: data, as: UTF8.self)
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO preflight (company_id, stage, mode, interview_at, checked_at, ready, answers)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          record.companyID, record.stage, record.mode, record.interviewAt, record.checkedAt, record.ready, answers,
        ])
      return db.lastInsertedRowID
    }
  }

  /// The preflights of `company` (of every company when nil), newest first.
  public func preflights(company: String? = nil) throws(StoreError) -> [PreflightRecord] {
    try read { db in
      let rows =
        company == nil
        ? try Row.fetchAll(db, sql: "SELECT * FROM preflight ORDER BY checked_at DESC, id DESC")
        : try Row.fetchAll(
          db, sql: "SELECT * FROM preflight WHERE company_id = ? ORDER BY checked_at DESC, id DESC",
          arguments: [company])
      return rows.map { row in
        PreflightRecord(
          id: row["id"], companyID: row["company_id"], stage: row["stage"], mode: row["mode"],
          interviewAt: row["interview_at"], checkedAt: row["checked_at"], answers: Self.preflightAnswers(row["answers"])
        )
      }
    }
  }

  /// `[{"item": "link", "ready": true}, …]` read back.
  static func preflightAnswers(_ json: String) -> [(item: String, ready: Bool)] {
    let objects = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] ?? []
    return objects.compactMap { object in
      guard let item = object["item"] as? String, let ready = object["ready"] as? Bool else { return nil }
      return (item, ready)
    }
  }

  // MARK: Readiness checks

  public func saveReadinessCheck(_ record: ReadinessRecord) throws(StoreError) {
    let data = (try? JSONSerialization.data(withJSONObject: record.answers, options: [.sortedKeys])) ?? Data("{}".utf8)
    try write { db in
      try db.execute(
        sql: "INSERT INTO readiness_check (taken_at, score, answers) VALUES (?, ?, ?)",
        arguments: [record.takenAt, record.score, String(decoding: data, as: UTF8.self)])
    }
  }

  /// Every readiness check, oldest first.
  public func readinessChecks() throws(StoreError) -> [ReadinessRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT taken_at, score, answers FROM readiness_check ORDER BY taken_at, id").map {
        row in
        let answers =
          (try? JSONSerialization.jsonObject(with: Data((row["answers"] as String).utf8))) as? [String: Int] ?? [:]
        return ReadinessRecord(takenAt: row["taken_at"], score: row["score"], answers: answers)
      }
    }
  }

  // MARK: Reactions

  /// Keeps how the interviewer reacted to an answer (nil or empty clears it).
  public func setReaction(_ reaction: String?, for question: AskedQuestionID) throws(StoreError) {
    let path = self.path
    try write { db in
      try db.execute(
        sql: "UPDATE asked_question SET reaction = ? WHERE id = ?",
        arguments: [reaction.flatMap { $0.isEmpty ? nil : $0 }, question.rawValue])
      if db.changesCount == 0 { throw StoreError.unknownQuestion(path: path, id: question.rawValue) }
    }
  }

  // MARK: Bringing questions back

  /// Makes `cards` due on `day` when they were due later (the weakest questions of an
  /// interview just lost come back today); returns how many moved.
  @discardableResult
  public func makeDue(_ cards: [CardID], on day: PracticeDay) throws(StoreError) -> Int {
    try write { db in
      var moved = 0
      for card in cards {
        try db.execute(
          sql: "UPDATE card_state SET due_day = ? WHERE company_id = ? AND bank_question_id = ? AND due_day > ?",
          arguments: [day.number, card.bank, card.question, day.number])
        moved += db.changesCount
      }
      return moved
    }
  }

  // MARK: Outcomes

  /// Records (or changes) how the interview kept as `session` ended.
  public func setOutcome(_ outcome: InterviewOutcome, for session: SessionID, at date: Date) throws(StoreError) {
    let path = self.path
    try write { db in
      guard try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [session.rawValue]) != nil
      else { throw StoreError.unknownSession(path: path, id: session.rawValue) }
      try db.execute(
        sql: """
          INSERT INTO interview_outcome (session_id, outcome, recorded_at) VALUES (?, ?, ?)
          ON CONFLICT (session_id) DO UPDATE SET outcome = excluded.outcome, recorded_at = excluded.recorded_at
          """,
        arguments: [session.rawValue, outcome.rawValue, date])
    }
  }
}
