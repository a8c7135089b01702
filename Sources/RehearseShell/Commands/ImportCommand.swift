import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse import FILE.json`: brings an `export --all --format json` backup back (issue 11).
struct ImportCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring drills back from a JSON export (into a new or existing store).",
    discussion: """
      Drills the store already holds (the same company and start) are skipped, so importing \
      twice adds nothing. Answers come back searchable, and count for daily practice again.
      """)

  @Argument(help: ArgumentHelp("The export file.", valueName: "file"), completion: .file(extensions: ["json"]))
  var file: String

  func run(in context: AppContext) throws {
    let url = URL(fileURLWithPath: file, relativeTo: context.workingDirectory)
    let data: Data
    switch FileReading.read(url.path, limit: 1 << 30) {
    case .success(let read): data = read
    case .failure(let failure): throw RehearseError.io("\(url.path): \(failure)")
    }
    let transcripts: [Transcript]
    do {
      let document = try JSONDecoder().decode(ImportDocument.self, from: data)
      guard document.format == ExportDocument.format else {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "format is '\(document.format)'"))
      }
      guard document.version <= ExportDocument.version else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: [], debugDescription: "version \(document.version) comes from a newer Rehearse"))
      }
      transcripts = try document.sessions.map { try $0.transcript() }
    } catch let error as DecodingError {
      throw RehearseError.badData(context.messages.importNotExport(url.path, reason: Self.describe(error)))
    }
    let store = try RehearseError.storing { try Store.open(home: context.paths.home) }
    var added = 0
    for transcript in transcripts where try RehearseError.storing({ try store.importTranscript(transcript) }) {
      added += 1
    }
    context.console.message(context.messages.imported(count: added, skipped: transcripts.count - added))
  }

  /// Where the file went wrong, in a line.
  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
      return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
    }
    switch error {
    case .keyNotFound(let key, let context): return "'\(key.stringValue)' is missing\(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return context.debugDescription + path(context)
    @unknown default: return "\(error)"
    }
  }
}

/// The export document as read back (see `ExportDocument`, `TranscriptJSON.Session`).
struct ImportDocument: Decodable {
  var format: String
  var version: Int
  var sessions: [SessionDocument]

  struct SessionDocument: Decodable {
    var companyID: String
    var companyName: String
    var mode: String
    var language: String?
    var settings: DrillSettings
    var startedAt: String
    var endedAt: String?
    var endReason: String?
    var outcome: String?
    var questions: [QuestionDocument]

    enum CodingKeys: String, CodingKey {
      case mode, language, settings, questions, outcome
      case companyID = "company_id", companyName = "company_name", startedAt = "started_at", endedAt = "ended_at"
      case endReason = "end_reason"
    }

    func transcript() throws -> Transcript {
      Transcript(
        session: Transcript.Session(
          id: SessionID(0), companyID: companyID, companyName: companyName, mode: SessionMode(rawValue: mode),
          language: language.flatMap(Language.init(rawValue:)), settings: settings,
          startedAt: try ImportDocument.date(startedAt, key: "started_at"),
          endedAt: try endedAt.map { try ImportDocument.date($0, key: "ended_at") },
          endReason: endReason.flatMap(EndReason.init(rawValue:)), ownerPID: nil,
          outcome: outcome.flatMap(InterviewOutcome.init(rawValue:))),
        questions: try questions.map { try $0.question() })
    }
  }

  struct QuestionDocument: Decodable {
    var position: Int
    var companyID: String?
    var questionID: String?
    var category: String?
    var stage: String?
    var kind: String?
    var text: String
    var answerSeconds: Int
    var thinkSeconds: Int
    var askedAt: String
    var status: String
    var answer: String
    var lines: [LineDocument]
    var secondsUsed: Double?
    var timedOut: Bool
    var overtimeSeconds: Double
    var hintUsed: Bool
    var answeredAt: String?
    var score: JSONValue?
    var total: Int?
    var review: ReviewDocument?
    var draft: DraftDocument?
    var followUps: [QuestionDocument]
    var reaction: String?

    enum CodingKeys: String, CodingKey {
      case position, category, stage, kind, text, status, answer, lines, score, total, review, draft, reaction
      case companyID = "company_id", questionID = "question_id", answerSeconds = "answer_seconds"
      case thinkSeconds = "think_seconds", askedAt = "asked_at", secondsUsed = "seconds_used", timedOut = "timed_out"
      case overtimeSeconds = "overtime_seconds", hintUsed = "hint_used", answeredAt = "answered_at"
      case followUps = "follow_ups"
    }

    func question() throws -> AskedQuestion {
      let scoreJSON: String? =
        switch score {
        case .none, .null?: nil
        case let value?: try JSONText.encode(value)
        }
      let outcome = try answeredAt.map { finished in
        AnswerOutcome(
          status: AnswerStatus(rawValue: status) ?? .answered, text: answer.withoutNUL, secondsUsed: secondsUsed ?? 0,
          timedOut: timedOut, overtimeSeconds: overtimeSeconds, hintUsed: hintUsed, scoreJSON: scoreJSON,
          totalScore: total, finishedAt: try ImportDocument.date(finished, key: "answered_at"))
      }
      return AskedQuestion(
        id: AskedQuestionID(0), position: position, bankQuestionID: questionID, stage: stage,
        kind: kind.flatMap(QuestionKind.init(rawValue:)), text: text.withoutNUL, answerSeconds: answerSeconds,
        thinkSeconds: thinkSeconds, askedAt: try ImportDocument.date(askedAt, key: "asked_at"),
        followUpCategory: category.flatMap(ScoreCategory.init(rawValue:)),
        lines: try lines.map {
          AnswerLine(
            index: $0.index, text: $0.text.withoutNUL, typedAt: try ImportDocument.date($0.typedAt, key: "typed_at"),
            elapsedSeconds: $0.elapsedSeconds)
        },
        outcome: outcome,
        draft: try draft.map {
          Draft(
            text: $0.text.withoutNUL, cursor: $0.cursor, elapsedSeconds: $0.elapsedSeconds,
            savedAt: try ImportDocument.date($0.savedAt, key: "saved_at"))
        },
        review: try review.map {
          SelfReview(
            ratings: $0.ratings, whatWentWrong: $0.whatWentWrong?.withoutNUL, why: $0.why?.withoutNUL,
            nextTime: $0.nextTime?.withoutNUL,
            reviewedAt: try ImportDocument.date($0.reviewedAt, key: "reviewed_at"))
        },
        followUps: try followUps.map { try $0.question() }, companyID: companyID, reaction: reaction?.withoutNUL)
    }
  }

  struct LineDocument: Decodable {
    var index: Int
    var text: String
    var typedAt: String
    var elapsedSeconds: Double

    enum CodingKeys: String, CodingKey {
      case index, text
      case typedAt = "typed_at", elapsedSeconds = "elapsed_seconds"
    }
  }

  struct ReviewDocument: Decodable {
    var ratings: [String: Int]
    var whatWentWrong: String?
    var why: String?
    var nextTime: String?
    var reviewedAt: String

    enum CodingKeys: String, CodingKey {
      case ratings, why
      case whatWentWrong = "what_went_wrong", nextTime = "next_time", reviewedAt = "reviewed_at"
    }
  }

  struct DraftDocument: Decodable {
    var text: String
    var cursor: Int?
    var elapsedSeconds: Double
    var savedAt: String

    enum CodingKeys: String, CodingKey {
      case text, cursor
      case elapsedSeconds = "elapsed_seconds", savedAt = "saved_at"
    }
  }

  /// An ISO 8601 date with its offset, as exports write them.
  static func date(_ text: String, key: String) throws -> Date {
    guard let date = try? Date(text, strategy: .iso8601) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "'\(text)' in \(key) is not a date like 2025-11-24T18:43:05+09:00"))
    }
    return date
  }
}

extension String {
  /// NUL as U+FFFD: text read back from the store ends at a NUL, so one would cut it short.
  var withoutNUL: String {
    contains("\u{0}") ? replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : self
  }
}
