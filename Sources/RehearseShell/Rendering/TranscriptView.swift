import Foundation
import RehearseCore
import RehearseStore

/// The human `show` transcript: the session's header and settings, then each question with its
/// answer line by line (local time and seconds on the answer clock), time used, the score from
/// the stored report, the self-review, and follow-ups indented under their main question.
struct TranscriptView {
  var transcript: Transcript
  var messages: any Messages
  var style: Style
  var width: Int
  var dates: DateText
  /// For criterion names and reflection prompts; ids are shown without it.
  var rubric: Rubric?
  var language: InterfaceLanguage
  /// The bank's own names of its stages (一次面接（人事・オンライン）), when the bank is still there.
  var stages: [Stage] = []

  /// Whether the questions come from more than one bank.
  var mixesBanks: Bool { Set(transcript.questions.compactMap(\.companyID)).count > 1 }

  /// Facts joined with " · ", a new line begun before a fact that would pass the width.
  static func joinWrapped(_ facts: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for fact in facts {
      let candidate = line.isEmpty ? fact : line + " · " + fact
      if !line.isEmpty, DisplayWidth.of(candidate) > width {
        lines.append(line)
        line = fact
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// In a session across banks, each bank's own stage names (the session's `stages` are empty).
  var companyStages: [String: [Stage]] = [:]

  private func stageTitle(_ id: String, company: String? = nil) -> String {
    messages.stageTitle(id, in: company.flatMap { companyStages[$0] } ?? stages)
  }

  func render() -> String {
    let session = transcript.session
    // Drill #3  Company name · company-id, wrapped to the width (the id on its own line if need be).
    let title = messages.sessionTitle(session.id, mode: session.mode)
    let nameIndent = String(repeating: " ", count: DisplayWidth.of(title) + 2)
    let names = DisplayWidth.wrap(session.companyName, width: max(10, width - nameIndent.count))
    var out = style.heading(title)
    for (index, name) in names.enumerated() { out += (index == 0 ? "  " : "\n" + nameIndent) + style.bold(name) }
    let lastWidth = nameIndent.count + DisplayWidth.of(names.last ?? "")
    out +=
      lastWidth + 3 + DisplayWidth.of(session.companyID) <= width
      ? style.dim(" · \(session.companyID)") + "\n" : "\n" + nameIndent + style.dim(session.companyID) + "\n"

    var when = dates.minute(session.startedAt)
    if let ended = session.endedAt {
      when +=
        " – " + (dates.sameDay(session.startedAt, ended) ? String(dates.minute(ended).suffix(5)) : dates.minute(ended))
    }
    var facts = [when, messages.sessionStatus(session.endReason), messages.sessionMode(session.mode)]
    let settings = session.settings
    if let stage = settings.stage { facts.append(stageTitle(stage)) }
    facts.append(messages.stageQuestionCount(transcript.questions.count))
    if let outcome = session.outcome { facts.append(messages.outcomeFact(outcome)) }
    // A debrief was written down, not timed: it has no drill settings to speak of.
    if session.mode != .debrief {
      if let seconds = settings.answerSeconds { facts.append(messages.answerTime(seconds)) }
      if let seconds = settings.thinkSeconds { facts.append(messages.thinkTime(seconds)) }
      if settings.strict { facts.append(messages.strictMode) }
      if !settings.review { facts.append(messages.reviewOff) }
      facts.append(messages.seed(settings.seed))
    }
    out += Self.joinWrapped(facts, width: width).map(style.dim).joined(separator: "\n") + "\n"

    for question in transcript.questions {
      out += "\n" + render(question, indent: "")
      for followUp in question.followUps {
        out += render(followUp, indent: "    ")
      }
    }
    return out
  }

  private func render(_ q: AskedQuestion, indent: String) -> String {
    let body = indent + "    "
    let textWidth = max(20, width - DisplayWidth.of(body))
    var out = ""

    // Q1  intro · First interview · self-introduction · answer 1 min 30 s · think 15 s  18:43:05
    let label =
      q.followUpCategory == nil && q.bankQuestionID != nil
      ? "Q\(q.position)" : messages.followUpHeading(q.position, category: q.followUpCategory)
    var facts: [String] = []
    // A session across banks (daily practice, retries) names each question's company.
    if mixesBanks, let company = q.companyID, q.followUpCategory == nil { facts.append(company) }
    if let id = q.bankQuestionID, q.followUpCategory == nil { facts.append(id) }
    if let stage = q.stage, q.followUpCategory == nil { facts.append(stageTitle(stage, company: q.companyID)) }
    if let kind = q.kind, q.followUpCategory == nil { facts.append(messages.kind(kind)) }
    facts.append(messages.answerTime(q.answerSeconds))
    if q.thinkSeconds > 0 { facts.append(messages.thinkTime(q.thinkSeconds)) }
    facts.append(dates.time(q.askedAt))
    // Wrapped between facts, never inside one ("St" / "ructure"), under the first fact; below a
    // label too long to leave them room.
    if width - DisplayWidth.of(indent) - DisplayWidth.of(label) - 2 >= 20 {
      out += hanging(
        style.bold(label), headWidth: DisplayWidth.of(label), indent: indent, parts: facts, styled: style.dim)
    } else {
      out +=
        indent + style.bold(label) + "\n" + hanging("", headWidth: 0, indent: body, parts: facts, styled: style.dim)
    }
    for line in DisplayWidth.wrap(q.text, width: textWidth) { out += body + line + "\n" }

    // The answer's status and time.
    let status =
      transcript.session.mode == .debrief
      ? [q.outcome.map { messages.answerStatus($0.status) } ?? messages.inProgress]
      : messages.answerFacts(q)
    out += hanging(
      style.heading(messages.answerHeading), headWidth: DisplayWidth.of(messages.answerHeading), indent: body,
      parts: status, styled: style.dim)

    // Each entered line with when it was entered; a finished answer with no lines shows its text.
    let lineIndent = body + "  "
    if !q.lines.isEmpty {
      // 18:00:20  +5.5s  text, with the clock column right-aligned.
      let clocks = q.lines.map { "+" + Self.seconds($0.elapsedSeconds) }
      let clockWidth = clocks.map(\.count).max() ?? 0
      for (line, clock) in zip(q.lines, clocks) {
        let stamp = dates.time(line.typedAt) + " " + String(repeating: " ", count: clockWidth - clock.count) + clock
        let wrapped = Self.wrapLine(line.text, width: max(10, textWidth - 2 - stamp.count - 2))
        for (index, part) in wrapped.enumerated() {
          let prefix = index == 0 ? style.dim(stamp) : String(repeating: " ", count: stamp.count)
          out += lineIndent + prefix + "  " + part + "\n"
        }
      }
    } else if let text = q.outcome?.text, !text.isEmpty {
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        for part in Self.wrapLine(String(line), width: textWidth - 2) { out += lineIndent + part + "\n" }
      }
    } else if q.draft == nil {
      out += lineIndent + style.dim(messages.noAnswerText) + "\n"
    }
    if let draft = q.draft, !draft.text.isEmpty {
      out += lineIndent + style.dim("\(messages.draftHeading) (\(dates.time(draft.savedAt))): ") + draft.text + "\n"
    }

    if let reaction = q.reaction {
      let head = messages.reactionHeading + ": "
      for (index, part) in Self.wrapLine(head + reaction, width: textWidth - 2).enumerated() {
        out += lineIndent + (index == 0 ? style.dim(head) + String(part.dropFirst(head.count)) : part) + "\n"
      }
    }
    if let score = q.outcome.flatMap(scoreParts) {
      for line in Self.joinWrapped(score, width: textWidth) { out += body + line + "\n" }
    }
    if let review = q.review { out += render(review, indent: body) }
    return out
  }

  /// `Total 72/100`, `why you decided ■■□`, … from the stored report; nil when nothing was scored.
  private func scoreParts(_ outcome: AnswerOutcome) -> [String]? {
    let report = outcome.scoreJSON.flatMap(JSONValue.init(text:))
    guard let total = outcome.totalScore ?? report?["total"]?.intValue else { return nil }
    var parts = [messages.totalScore(total)]
    for category in ScoreView.order {
      guard let level = report?["categories"]?[category.rawValue]?["level"]?.intValue,
        report?["categories"]?[category.rawValue]?["asked"] != .bool(false)
      else { continue }
      let clamped = max(0, min(3, level))
      parts.append(
        messages.category(category) + " " + String(repeating: "■", count: clamped)
          + String(repeating: "□", count: 3 - clamped))
    }
    return parts
  }

  /// `head` (styled, `headWidth` columns; none when 0) then `parts` joined with ` · `, wrapped
  /// between parts to the width, never inside one, the lines after the first under the first part.
  private func hanging(
    _ head: String, headWidth: Int, indent: String, parts: [String], styled: (String) -> String
  ) -> String {
    let hang = indent + String(repeating: " ", count: headWidth == 0 ? 0 : headWidth + 2)
    let lines = Self.joinWrapped(parts, width: max(20, width - DisplayWidth.of(hang)))
    guard !lines.isEmpty else { return indent + head + "\n" }
    return lines.enumerated().map { index, line in
      (index == 0 && headWidth > 0 ? indent + head + "  " : hang) + styled(line)
    }.joined(separator: "\n") + "\n"
  }

  private func render(_ review: SelfReview, indent: String) -> String {
    let lang: Language = language == .ja ? .ja : .en
    var ratings: [String] = []
    let order = rubric?.criteria.map(\.id) ?? []
    let ids = order.filter { review.ratings[$0] != nil } + review.ratings.keys.filter { !order.contains($0) }.sorted()
    for id in ids {
      let name = rubric?.criteria.first { $0.id == id }?.name(lang) ?? id
      ratings.append("\(name) \(review.ratings[id]!)")
    }
    var out = hanging(
      style.heading(messages.selfReviewHeading), headWidth: DisplayWidth.of(messages.selfReviewHeading),
      indent: indent, parts: ratings, styled: { $0 })
    let reflections: [(String, String?)] = [
      ("what_went_wrong", review.whatWentWrong), ("why", review.why), ("next_time", review.nextTime),
    ]
    for (id, text) in reflections {
      guard let text, !text.isEmpty else { continue }
      let prompt = rubric?.reflection.first { $0.id == id }?.text(lang) ?? id
      let textIndent = indent + "  " + String(repeating: " ", count: DisplayWidth.of(prompt) + 2)
      let room = width - DisplayWidth.of(textIndent)
      if room >= 20 {
        for (index, part) in Self.wrapLine(text, width: room).enumerated() {
          out += (index == 0 ? indent + "  " + style.dim(prompt) + "  " : textIndent) + part + "\n"
        }
      } else {
        out += indent + "  " + style.dim(prompt) + "\n"
        for part in Self.wrapLine(text, width: max(10, width - DisplayWidth.of(indent) - 4)) {
          out += indent + "    " + part + "\n"
        }
      }
    }
    return out
  }

  /// A typed line cut to the width, each part kept as typed (no paragraph joining).
  static func wrapLine(_ text: String, width: Int) -> [String] {
    guard DisplayWidth.of(text) > width else { return [text] }
    return text.isEmpty ? [""] : DisplayWidth.wrap(text, width: width)
  }

  /// Seconds with one decimal: `12.5s`.
  static func seconds(_ value: Double) -> String {
    String(format: "%.1fs", value)
  }
}
