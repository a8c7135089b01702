import Foundation
import GRDB
import RehearseCore

/// One place a search found its text: an answer (main or follow-up) or the reflections of a
/// self-review, with its drill, question and date.
public struct SearchHit: Sendable, Equatable {
  public enum Field: String, Sendable {
    case answer
    case reflection
  }

  public var sessionID: SessionID
  public var askedQuestionID: AskedQuestionID
  /// The question's bank.
  public var companyID: String
  /// The bank's question id (a follow-up's main question's).
  public var questionID: String?
  /// The question as it was asked (a follow-up's own words).
  public var questionText: String
  public var isFollowUp: Bool
  public var field: Field
  public var askedAt: Date
  /// Words around the match, the matches between `SearchHit.markStart` and `SearchHit.markEnd`;
  /// "…" where text was left out.
  public var snippet: String

  public static let markStart: Character = "\u{1}"
  public static let markEnd: Character = "\u{2}"
}

extension Store {
  /// The shortest query the trigram index can answer; shorter ones are found with `LIKE`.
  static let trigram = 3
  /// Up to this many matches are ranked by bm25; more are listed newest first.
  static let rankedMatches = 2_000

  /// Answers and reflections containing `query` (NFKC, any case), best first (bm25), at most
  /// `limit`, of one company and from one date on when given. Words in more than 2,000 answers
  /// are listed newest first instead (ranking them all would be slow and tell little). A query
  /// under three characters (設計, UI) cannot use the trigram index: it is found by `LIKE`
  /// instead, newest first.
  public func search(_ query: String, company: String? = nil, since: Date? = nil, limit: Int = 20)
    throws(StoreError) -> [SearchHit]
  {
    let needle = SearchText.normalize(query).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !needle.isEmpty else { return [] }
    return try read { db in
      var filters: [String] = []
      var arguments: [any DatabaseValueConvertible] = []
      let usesIndex = needle.count >= Self.trigram
      // Ranked by bm25 unless the words are in so many answers that ranking them all would be
      // slow and tell little: then newest first.
      var ranked = false
      if usesIndex {
        // One phrase: the whole query as typed, quotes doubled.
        let phrase = "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        filters.append("search_index MATCH ?")
        arguments.append(phrase)
        ranked =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
            arguments: [phrase, Self.rankedMatches + 1]) ?? 0 <= Self.rankedMatches
      } else {
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
          .replacingOccurrences(of: "_", with: "\\_")
        filters.append("s.body LIKE ? ESCAPE '\\'")
        arguments.append("%" + escaped + "%")
      }
      if let company {
        filters.append("q.company_id = ?")
        arguments.append(company)
      }
      if let since {
        filters.append("q.asked_at >= ?")
        arguments.append(since)
      }
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.body, s.field, q.id, q.session_id, q.company_id, q.text, q.asked_at,
            q.parent_id IS NOT NULL AS follow_up, ifnull(q.bank_question_id, p.bank_question_id) AS question_id
          FROM search_index s
          JOIN asked_question q ON q.id = s.asked_question_id
          LEFT JOIN asked_question p ON p.id = q.parent_id
          WHERE \(filters.joined(separator: " AND "))
          ORDER BY \(ranked ? "s.rank" : "s.rowid DESC")
          LIMIT ?
          """,
        arguments: StatementArguments(arguments + [max(1, limit)]))
      return rows.map { row in
        // The words around the match, cut at word boundaries (FTS5's own snippets cut trigrams).
        return SearchHit(
          sessionID: SessionID(row["session_id"]), askedQuestionID: AskedQuestionID(row["id"]),
          companyID: row["company_id"], questionID: row["question_id"], questionText: row["text"],
          isFollowUp: row["follow_up"], field: SearchHit.Field(rawValue: row["field"]) ?? .answer,
          askedAt: row["asked_at"], snippet: Self.snippet(of: needle, in: row["body"]))
      }
    }
  }

  /// About `context` characters either side of the first occurrence of `needle` (any case), moved
  /// out to the nearest space so English words stay whole, every occurrence in that window
  /// marked, "…" where the text goes on.
  static func snippet(of needle: String, in text: String, context: Int = 40) -> String {
    guard let first = text.range(of: needle, options: [.caseInsensitive]) else { return text }
    var start = text.index(first.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
    var end = text.index(first.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
    // At most 12 characters further, to a space or line break.
    for _ in 0..<12 where start > text.startIndex && !text[text.index(before: start)].isWhitespace {
      start = text.index(before: start)
    }
    for _ in 0..<12 where end < text.endIndex && !text[end].isWhitespace {
      end = text.index(after: end)
    }
    var window = String(text[start..<end])
    var marked = ""
    while let range = window.range(of: needle, options: [.caseInsensitive]) {
      marked +=
        window[..<range.lowerBound] + String(SearchHit.markStart) + window[range]
        + String(SearchHit.markEnd)
      window = String(window[range.upperBound...])
    }
    marked += window
    return (start > text.startIndex ? "…" : "") + marked + (end < text.endIndex ? "…" : "")
  }
}

/// One finished attempt at a bank question, for `compare`.
public struct QuestionAttempt: Sendable, Equatable {
  public var sessionID: SessionID
  public var askedQuestionID: AskedQuestionID
  public var askedAt: Date
  public var status: AnswerStatus
  /// The question as it was asked then.
  public var text: String
  /// The main answer's level per category it was judged on (empty when not scored).
  public var levels: [ScoreCategory: Int]
  public var total: Int?
  public var secondsUsed: Double
  public var answerSeconds: Int
  public var timedOut: Bool
  /// The mean of the person's own ratings, when they gave any.
  public var selfRating: Double?
}

extension Store {
  /// Every finished attempt at `question` of `company`, oldest first.
  public func attempts(company: String, question: String) throws(StoreError) -> [QuestionAttempt] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT q.id, q.session_id, q.asked_at, q.status, q.text, q.score_json, q.total_score, q.seconds_used,
            q.answer_seconds, q.timed_out,
            (SELECT avg(rating) FROM review_rating r WHERE r.asked_question_id = q.id) AS self_rating
          FROM asked_question q
          WHERE q.company_id = ? AND q.bank_question_id = ? AND q.parent_id IS NULL AND q.answered_at IS NOT NULL
          ORDER BY q.asked_at, q.id
          """,
        arguments: [company, question]
      ).map { row in
        QuestionAttempt(
          sessionID: SessionID(row["session_id"]), askedQuestionID: AskedQuestionID(row["id"]),
          askedAt: row["asked_at"], status: AnswerStatus(rawValue: row["status"]) ?? .unanswered, text: row["text"],
          levels: Self.levels(row["score_json"] as String?), total: row["total_score"],
          secondsUsed: row["seconds_used"] ?? 0, answerSeconds: row["answer_seconds"], timedOut: row["timed_out"],
          selfRating: row["self_rating"])
      }
    }
  }

  /// The companies whose questions with this bank id were answered (to tell which one is meant).
  public func companies(answering question: String) throws(StoreError) -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT company_id FROM asked_question
          WHERE bank_question_id = ? AND parent_id IS NULL AND answered_at IS NOT NULL ORDER BY company_id
          """,
        arguments: [question])
    }
  }
}

/// A scored main answer, for `stats`.
public struct ScoredAnswer: Sendable, Equatable {
  public var card: CardID
  /// The drill it was answered in, and the question's place there.
  public var sessionID: SessionID
  public var position: Int
  public var answeredAt: Date
  public var levels: [ScoreCategory: Int]
  public var total: Int
  public var secondsUsed: Double
  public var answerSeconds: Int
  public var timedOut: Bool
}

extension Store {
  /// Every scored main answer of bank questions answered on or after `since`, of `company` when
  /// given, oldest first.
  public func scoredAnswers(company: String? = nil, since: Date) throws(StoreError) -> [ScoredAnswer] {
    try read { db in
      // Each category's level read by SQLite's JSON functions: parsing every stored report in
      // Swift took most of a year's statistics.
      let levels = ScoreCategory.allCases.map { category in
        """
        CASE WHEN ifnull(json_extract(score_json, '$.categories.\(category.rawValue).asked'), 1)
          THEN json_extract(score_json, '$.categories.\(category.rawValue).level') END
        """
      }.joined(separator: ", ")
      var sql = """
        SELECT company_id, bank_question_id, answered_at, total_score, seconds_used, answer_seconds, timed_out,
          session_id, position, \(levels)
        FROM asked_question
        WHERE parent_id IS NULL AND bank_question_id IS NOT NULL AND total_score IS NOT NULL AND answered_at >= ?
        """
      var arguments: [any DatabaseValueConvertible] = [since]
      if let company {
        sql += " AND company_id = ?"
        arguments.append(company)
      }
      sql += " ORDER BY answered_at, id"
      return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
        var levels: [ScoreCategory: Int] = [:]
        for (offset, category) in ScoreCategory.allCases.enumerated() {
          if let level = row[9 + offset] as Int? { levels[category] = level }
        }
        return ScoredAnswer(
          card: CardID(bank: row[0], question: row[1]), sessionID: SessionID(row[7] as Int64), position: row[8],
          answeredAt: row[2], levels: levels, total: row[3],
          secondsUsed: row[4] ?? 0, answerSeconds: row[5], timedOut: row[6])
      }
    }
  }

  /// Every practice day with an answer (of `company`'s questions when given).
  public func answeredDays(company: String? = nil) throws(StoreError) -> Set<PracticeDay> {
    try read { db in
      let days =
        company == nil
        ? try Int.fetchAll(db, sql: "SELECT DISTINCT day FROM review_log WHERE answered = 1")
        : try Int.fetchAll(
          db, sql: "SELECT DISTINCT day FROM review_log WHERE answered = 1 AND company_id = ?", arguments: [company])
      return Set(days.map(PracticeDay.init(number:)))
    }
  }
}
