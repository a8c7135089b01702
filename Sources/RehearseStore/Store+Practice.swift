import Foundation
import GRDB
import RehearseCore

/// Daily practice in the store: the review log and the followed companies (schema v2).
extension Store {
  /// Appends graded attempts to the review log, in one transaction.
  public func appendReviews(_ entries: [ReviewEntry], askedQuestionIDs: [Int64?] = []) throws(StoreError) {
    try write { db in
      for (index, entry) in entries.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO review_log (company_id, bank_question_id, asked_question_id, reviewed_at, grade,
              stability_before, difficulty_before, stability_after, difficulty_after, due_day)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            entry.card.bank, entry.card.question,
            askedQuestionIDs.indices.contains(index) ? askedQuestionIDs[index] : nil, entry.at, entry.grade.rawValue,
            entry.before?.stability, entry.before?.difficulty, entry.after.stability, entry.after.difficulty,
            entry.due.number,
          ])
      }
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
          due: PracticeDay(number: row["due_day"]))
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
