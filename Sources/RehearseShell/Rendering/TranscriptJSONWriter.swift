import Foundation
import RehearseCore
import RehearseStore

/// `show --json`'s object for one drill, written directly as text: the same keys and values as
/// `TranscriptJSON.Session` (tested), pretty-printed with sorted keys, the stored score report
/// put in as it was kept. `export --all` writes thousands of drills; Foundation's `JSONEncoder`
/// spent half a millisecond on each.
struct TranscriptJSONWriter {
  var dates: DateText
  private(set) var out = ""

  init(dates: DateText) {
    self.dates = dates
  }

  /// The object for `transcript`, each line after the first indented by `indent` spaces.
  static func write(_ transcript: Transcript, dates: DateText, indent: Int = 0) -> String {
    var writer = TranscriptJSONWriter(dates: dates)
    writer.session(transcript, level: indent / 2)
    return writer.out
  }

  // MARK: Values

  private mutating func newline(_ level: Int) {
    out += "\n"
    out += String(repeating: "  ", count: level)
  }

  private mutating func string(_ value: String) {
    out += "\""
    // Most text needs no escaping: added whole.
    guard value.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
      out += value
      out += "\""
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16, uppercase: false)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }

  private mutating func optional(_ value: String?) {
    if let value { string(value) } else { out += "null" }
  }

  private mutating func number(_ value: Double) {
    if value.rounded() == value, abs(value) < 1e15 {
      out += String(Int64(value))
    } else {
      out += "\(value)"
    }
  }

  /// An object of `fields`, in the order given (callers give them sorted).
  private mutating func object(_ level: Int, _ fields: [(String, (inout TranscriptJSONWriter) -> Void)]) {
    guard !fields.isEmpty else {
      out += "{}"
      return
    }
    out += "{"
    for (index, (key, value)) in fields.enumerated() {
      newline(level + 1)
      string(key)
      out += " : "
      value(&self)
      if index < fields.count - 1 { out += "," }
    }
    newline(level)
    out += "}"
  }

  private mutating func array<T>(_ items: [T], level: Int, _ item: (inout TranscriptJSONWriter, T) -> Void) {
    guard !items.isEmpty else {
      out += "[]"
      return
    }
    out += "["
    for (index, element) in items.enumerated() {
      newline(level + 1)
      item(&self, element)
      if index < items.count - 1 { out += "," }
    }
    newline(level)
    out += "]"
  }

  // MARK: The transcript

  private mutating func session(_ transcript: Transcript, level: Int) {
    let session = transcript.session
    let dates = self.dates
    object(
      level,
      [
        ("company_id", { $0.string(session.companyID) }),
        ("company_name", { $0.string(session.companyName) }),
        ("end_reason", { $0.optional(session.endReason?.rawValue) }),
        ("ended_at", { $0.optional(session.endedAt.map(dates.iso)) }),
        ("id", { $0.out += String(session.id.rawValue) }),
        ("language", { $0.optional(session.language?.rawValue) }),
        ("mode", { $0.string(session.mode.rawValue) }),
        ("outcome", { $0.optional(session.outcome?.rawValue) }),
        ("questions", { $0.array(transcript.questions, level: level + 1) { $0.question($1, level: level + 2) } }),
        ("settings", { $0.settings(session.settings, level: level + 1) }),
        ("started_at", { $0.string(dates.iso(session.startedAt)) }),
      ])
  }

  private mutating func settings(_ settings: DrillSettings, level: Int) {
    object(
      level,
      [
        ("count", { $0.out += String(settings.count) }),
        ("questions", { $0.array(settings.questions, level: level + 1) { $0.string($1) } }),
        ("review", { $0.out += settings.review ? "true" : "false" }),
        ("seed", { $0.out += String(settings.seed) }),
        ("stage", { $0.optional(settings.stage) }),
        ("strict", { $0.out += settings.strict ? "true" : "false" }),
        ("think", { $0.out += settings.thinkSeconds.map(String.init) ?? "null" }),
        ("time", { $0.out += settings.answerSeconds.map(String.init) ?? "null" }),
      ])
  }

  private mutating func question(_ q: AskedQuestion, level: Int) {
    let outcome = q.outcome
    let dates = self.dates
    object(
      level,
      [
        ("answer", { $0.string(q.answerText) }),
        ("answer_seconds", { $0.out += String(q.answerSeconds) }),
        ("answered_at", { $0.optional(outcome.map { dates.iso($0.finishedAt) }) }),
        ("asked_at", { $0.string(dates.iso(q.askedAt)) }),
        ("category", { $0.optional(q.followUpCategory?.rawValue) }),
        ("company_id", { $0.optional(q.companyID) }),
        (
          "draft",
          { writer in
            guard let draft = q.draft else { return writer.out += "null" }
            writer.object(
              level + 1,
              [
                ("cursor", { $0.out += draft.cursor.map(String.init) ?? "null" }),
                ("elapsed_seconds", { $0.number(draft.elapsedSeconds) }),
                ("saved_at", { $0.string(dates.iso(draft.savedAt)) }),
                ("text", { $0.string(draft.text) }),
              ])
          }
        ),
        ("follow_ups", { $0.array(q.followUps, level: level + 1) { $0.question($1, level: level + 2) } }),
        ("hint_used", { $0.out += outcome?.hintUsed ?? false ? "true" : "false" }),
        ("id", { $0.out += String(q.id.rawValue) }),
        ("kind", { $0.optional(q.kind?.rawValue) }),
        ("lines", { $0.array(q.lines, level: level + 1) { $0.line($1, level: level + 2) } }),
        ("overtime_seconds", { $0.number(outcome?.overtimeSeconds ?? 0) }),
        ("position", { $0.out += String(q.position) }),
        ("question_id", { $0.optional(q.bankQuestionID) }),
        ("reaction", { $0.optional(q.reaction) }),
        (
          "review",
          { writer in
            guard let review = q.review else { return writer.out += "null" }
            writer.review(review, level: level + 1)
          }
        ),
        // The stored report as it was kept (it is `score --json`'s own text).
        ("score", { $0.out += outcome?.scoreJSON?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "null" }),
        (
          "seconds_used",
          { writer in
            if let seconds = outcome?.secondsUsed { writer.number(seconds) } else { writer.out += "null" }
          }
        ),
        ("stage", { $0.optional(q.stage) }),
        ("status", { $0.string((outcome?.status ?? .unanswered).rawValue) }),
        ("text", { $0.string(q.text) }),
        ("think_seconds", { $0.out += String(q.thinkSeconds) }),
        ("timed_out", { $0.out += outcome?.timedOut ?? false ? "true" : "false" }),
        ("total", { $0.out += outcome?.totalScore.map(String.init) ?? "null" }),
      ])
  }

  private mutating func line(_ line: AnswerLine, level: Int) {
    let dates = self.dates
    object(
      level,
      [
        ("elapsed_seconds", { $0.number(line.elapsedSeconds) }),
        ("index", { $0.out += String(line.index) }),
        ("text", { $0.string(line.text) }),
        ("typed_at", { $0.string(dates.iso(line.typedAt)) }),
      ])
  }

  private mutating func review(_ review: SelfReview, level: Int) {
    let dates = self.dates
    object(
      level,
      [
        ("next_time", { $0.optional(review.nextTime) }),
        (
          "ratings",
          { writer in
            writer.object(
              level + 1,
              review.ratings.sorted { $0.key < $1.key }.map { key, value in (key, { $0.out += String(value) }) })
          }
        ),
        ("reviewed_at", { $0.string(dates.iso(review.reviewedAt)) }),
        ("what_went_wrong", { $0.optional(review.whatWentWrong) }),
        ("why", { $0.optional(review.why) }),
      ])
  }
}
