import Foundation
import RehearseCore
import RehearseStore

extension BankCatalog {
  /// The stages (with the banks' own names) of every bank a transcript's questions come from.
  func stages(for transcript: Transcript) -> [String: [Stage]] {
    var stages: [String: [Stage]] = [:]
    for company in Set(transcript.questions.compactMap(\.companyID) + [transcript.session.companyID]) {
      stages[company] = bank(id: company)?.bank.company.stages
    }
    return stages
  }
}

/// One screen of the reader: a question of a drill with its answer (the scorer's words marked),
/// levels and hints, follow-ups, and the self-review beside the scorer's view. Pure: lines of
/// text for a width; the reader scrolls them.
struct ReviewScreen {
  var transcript: Transcript
  var messages: any Messages
  var style: Style
  var width: Int
  var dates: DateText
  var rubric: Rubric?
  var language: InterfaceLanguage
  /// Each bank's stages (its own names for them), by company id.
  var stages: [String: [Stage]] = [:]

  var questions: [AskedQuestion] { transcript.questions }

  /// The two lines above the scrolled part: the drill, and where this question is.
  func header(_ index: Int) -> [String] {
    let m = messages
    let session = transcript.session
    let when = dates.minute(session.startedAt)
    let title = m.sessionTitle(session.id, mode: session.mode) + "  " + session.companyName
    let room = width - DisplayWidth.of(when) - 2
    let first =
      DisplayWidth.of(title) <= room
      ? style.heading(title) + String(repeating: " ", count: room - DisplayWidth.of(title) + 2) + style.dim(when)
      : style.heading(DisplayWidth.truncate(title, to: max(10, width)))
    guard questions.indices.contains(index) else { return [first, style.dim(m.noAnswerText)] }
    let q = questions[index]
    var facts = [m.reviewPosition(index + 1, of: questions.count)]
    if let company = q.companyID, company != session.companyID { facts.append(company) }
    if let id = q.bankQuestionID { facts.append(id) }
    if let stage = q.stage {
      facts.append(m.stageTitle(stage, in: stages[q.companyID ?? session.companyID] ?? []))
    }
    if let kind = q.kind { facts.append(m.kind(kind)) }
    let second = DisplayWidth.truncate(facts.joined(separator: " · "), to: max(10, width))
    return [first, style.dim(second)]
  }

  /// The scrolled part for question `index`.
  func body(_ index: Int) -> [String] {
    guard questions.indices.contains(index) else { return [] }
    let q = questions[index]
    var lines: [String] = [""]
    lines += DisplayWidth.wrap(q.text, width: max(10, width)).map(style.bold)
    lines.append("")
    lines += answer(q, indent: "")
    for followUp in q.followUps {
      lines.append("")
      lines.append(style.heading(messages.followUpHeading(followUp.position, category: followUp.followUpCategory)))
      lines += DisplayWidth.wrap(followUp.text, width: max(10, width - 2)).map { "  " + $0 }
      lines += answer(followUp, indent: "  ")
    }
    lines.append("")
    lines += review(q)
    return lines
  }

  private func answer(_ q: AskedQuestion, indent: String) -> [String] {
    let m = messages
    let status = m.answerFacts(q)
    var lines = [indent + style.heading(m.answerHeading) + "  " + style.dim(status.joined(separator: " · "))]
    let text = q.answerText
    let score = StoredScore(json: q.outcome?.scoreJSON)
    if text.isEmpty {
      if let draft = q.draft, !draft.text.isEmpty {
        lines += DisplayWidth.wrap(m.draftHeading + ": " + draft.text, width: max(10, width - indent.count - 2))
          .map { indent + "  " + style.dim($0) }
      } else {
        lines.append(indent + "  " + style.dim(m.noAnswerText))
      }
    } else {
      let marks = SpanMarks(text, spans: score?.spans ?? [])
      lines += ScoreView.highlighted(marks, style: style, width: width, indent: indent + "  ")
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    if let reaction = q.reaction {
      lines += DisplayWidth.wrap(m.reactionHeading + ": " + reaction, width: max(10, width - indent.count - 2)).map {
        indent + "  " + style.dim($0)
      }
    }
    guard let score, !score.categories.isEmpty else { return lines }
    var parts: [String] = []
    for category in ScoreView.order {
      guard let result = score.categories[category] else { continue }
      let bar = String(repeating: "■", count: result.level) + String(repeating: "□", count: 3 - result.level)
      let name =
        style.mode == .on && category != .structure
        ? style.highlight(m.category(category), category: category) : m.category(category)
      parts.append(name + " " + (result.present ? style.good(bar) : style.dim(bar)))
    }
    if let total = score.total { parts.append(style.bold(m.totalScore(total))) }
    lines += TranscriptView.joinWrapped(parts, width: max(20, width - indent.count - 2)).map { indent + "  " + $0 }
    for category in ScoreView.order {
      guard let result = score.categories[category], !result.present, let hint = result.hint else { continue }
      let wrapped = DisplayWidth.wrap(hint, width: max(10, width - indent.count - 6))
      for (index, line) in wrapped.enumerated() {
        lines.append(indent + (index == 0 ? "  → " : "    ") + style.dim(line))
      }
    }
    return lines
  }

  private func review(_ q: AskedQuestion) -> [String] {
    let m = messages
    let lang: Language = language == .ja ? .ja : .en
    var lines = [style.heading(m.selfReviewHeading)]
    let review = q.review
    let criteria = rubric?.criteria ?? []
    if let review, !review.ratings.isEmpty {
      let order =
        criteria.map(\.id).filter { review.ratings[$0] != nil }
        + review.ratings.keys.filter { id in !criteria.contains { $0.id == id } }.sorted()
      let suggestions = q.scorerSuggestions(criteria)
      let calibration = Calibration.compare(ratings: review.ratings, suggestions: suggestions, order: order)
      let names = calibration.entries.map { entry in
        criteria.first { $0.id == entry.criterion }?.name(lang) ?? entry.criterion
      }
      let nameWidth = max(names.map(DisplayWidth.of).max() ?? 0, 4)
      lines.append(
        "  " + String(repeating: " ", count: nameWidth) + "  "
          + style.dim(m.reviewRatingYours + " / " + m.reviewRatingScorer))
      for (entry, name) in zip(calibration.entries, names) {
        var line =
          "  " + DisplayWidth.pad(name, to: nameWidth) + "  \(entry.selfRating) / "
          + (entry.suggested.map(String.init) ?? "–")
        if entry.verdict != .aligned { line += "  " + style.warning(m.calibrationVerdict(entry.verdict)) }
        lines.append(line)
      }
    }
    let reflections: [(String, String?)] = [
      ("what_went_wrong", review?.whatWentWrong), ("why", review?.why), ("next_time", review?.nextTime),
    ]
    for (id, text) in reflections {
      let prompt = rubric?.reflection.first { $0.id == id }?.text(lang) ?? id
      lines.append("  " + style.dim(prompt))
      let shown = (text ?? "").isEmpty ? style.dim("—") : text!
      for line in (text ?? "").isEmpty ? [shown] : DisplayWidth.wrap(shown, width: max(10, width - 4)) {
        lines.append("    " + line)
      }
    }
    return lines
  }
}
