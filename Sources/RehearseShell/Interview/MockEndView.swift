import RehearseCore
import RehearseStore

/// The end of a mock interview: the interviewer's closing, each answer's levels and the
/// follow-ups it needed, time, company fit against the prep sheet, the rubric as the scorer
/// sees it, and the three things to fix first.
struct MockEndView {
  var report: MockReport
  var plan: DrillPlan
  var script: InterviewerScript
  var rubric: Rubric?
  var messages: any Messages
  var style: Style
  var width: Int
  var language: InterfaceLanguage

  func render(session: SessionID, reason: EndReason) -> [String] {
    let m = messages
    let company = plan.company
    let stage = plan.questions.first?.stage
    let stageName = stage.map(m.stageTitle) ?? plan.options.stage ?? ""
    var lines = [""]
    // The interviewer closes an interview that ran to its end.
    if reason == .finished { lines += wrapped(script.closing.text(company.language)).map(style.dim) + [""] }
    lines += wrapped(m.mockEndHeading(company: company.name, stage: stageName)).map(style.heading)
    if reason != .finished { lines.append(style.dim(m.mockEndedEarly)) }

    lines += ["", style.bold(m.mockAnswersHeading)]
    for answer in report.answers {
      var parts: [String] = []
      for category in ScoreView.order {
        guard let level = answer.levels[category] else { continue }
        let bar = String(repeating: "■", count: level) + String(repeating: "□", count: 3 - min(3, level))
        parts.append(m.categoryShort(category) + " " + (level >= 2 ? style.good(bar) : style.dim(bar)))
      }
      if answer.levels.isEmpty {
        parts.append(style.dim(answer.status.isAnswered ? m.mockNotScored : m.answerStatus(answer.status)))
      }
      parts.append(m.timeUsed(Int(answer.seconds.rounded()), limit: answer.limitSeconds) + (answer.inTime ? "" : " !"))
      let again = answer.followUps.sorted { $0.key.rawValue < $1.key.rawValue }.map { category, count in
        m.categoryShort(category) + (count > 1 ? " ×\(count)" : "")
      }
      if !again.isEmpty { parts.append(style.warning(m.mockAskedAgain(again))) }
      let label = "Q\(answer.number) "
      let body = TranscriptView.joinWrapped([answer.questionID] + parts, width: max(20, width - label.count - 2))
      for (index, line) in body.enumerated() {
        lines.append("  " + (index == 0 ? style.bold(label) : String(repeating: " ", count: label.count)) + line)
      }
    }

    let time = report.inTime
    if time.of > 0 {
      lines +=
        [""]
        + wrapped(
          m.mockTime(
            inTime: time.count, of: time.of, seconds: Int(report.secondsUsed.rounded()), planned: stage?.minutes))
    }
    if !report.prepSheet.isEmpty {
      let touched = report.prepSheet.count { $0.touched }
      lines += wrapped(m.mockPrepSheet(touched: touched, of: report.prepSheet.count))
      let missing = report.prepSheet.filter { !$0.touched }.map(shortened)
      if !missing.isEmpty {
        // The first five; the whole sheet is `rehearse banks show`.
        var named = missing.prefix(5).map(m.quoted).joined(separator: " ")
        if missing.count > 5 { named += " " + m.andMore(missing.count - 5) }
        lines += wrapped(m.mockPrepSheetMissing + " " + named, indent: "  ").map(style.dim)
      }
    }
    if let rubric, !report.rubric.isEmpty {
      let lang: Language = language == .ja ? .ja : .en
      let parts = report.rubric.map { entry in
        (rubric.criteria.first { $0.id == entry.criterion }?.name(lang) ?? entry.criterion) + " "
          + String(format: "%.1f", entry.mean)
      }
      lines += ["", style.bold(m.mockRubricHeading)]
      lines += TranscriptView.joinWrapped(parts, width: max(20, width - 2)).map { "  " + $0 }
    }

    lines += ["", style.heading(m.mockFixHeading)]
    if report.fixes.isEmpty { lines += wrapped(m.mockNothingToFix, indent: "  ") }
    for (index, fix) in report.fixes.enumerated() {
      let text: String =
        switch fix {
        case .unanswered(let count): m.mockFixUnanswered(count)
        case .category(let category, let answers, let of): m.mockFixCategory(category, answers: answers, of: of)
        case .dugTwice(let category, let times): m.mockFixDugTwice(category, times: times)
        case .overtime(let count): m.mockFixOvertime(count)
        case .prepSheet(let missing):
          m.mockFixPrepSheet(missing.map { text in shortened(report.prepSheet.first { $0.text == text }) ?? text })
        }
      let number = "\(index + 1). "
      for (line, part) in wrapped(text, indent: "     ").enumerated() {
        lines.append(line == 0 ? "  " + number + part.dropFirst(5) : part)
      }
    }
    lines += [""] + wrapped(m.mockAfterwards(session)).map(style.dim)
    return lines
  }

  /// A prep-sheet line as named in the report: the hiring background by that name, a long line
  /// cut at 40 columns.
  private func shortened(_ item: MockReport.PrepItem?) -> String? {
    guard let item else { return nil }
    return item.kind == .background ? messages.mockPrepBackground : DisplayWidth.truncate(item.text, to: 40)
  }

  private func shortened(_ item: MockReport.PrepItem) -> String {
    item.kind == .background ? messages.mockPrepBackground : DisplayWidth.truncate(item.text, to: 40)
  }

  private func wrapped(_ text: String, indent: String = "") -> [String] {
    DisplayWidth.wrap(text, width: max(20, width - DisplayWidth.of(indent))).map { indent + $0 }
  }
}
