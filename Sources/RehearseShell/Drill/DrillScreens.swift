import Foundation
import RehearseCore
import RehearseStore

/// What the drill shows, as lines of text: the question, the score after each answer, the
/// self-review, the summary. Pure functions of their input, so tests read them as strings.
struct DrillScreens {
  var messages: any Messages
  var style: Style
  var width: Int
  var company: Company

  /// The interface language, for the rubric's names and anchors (the interface's other words
  /// come from `messages`; the questions and the scorer's hints stay in the bank's language).
  var language: Language

  /// Rubric criterion names by id.
  private var criterionNames: [String: String] {
    // The drill's rubric, loaded once behind the first question.
    Dictionary(
      uniqueKeysWithValues: ((try? DrillCommand.rubric.value())?.criteria ?? []).map { ($0.id, $0.name(language)) })
  }

  /// A message wrapped to the width, continuation lines indented like the first.
  func wrapped(_ text: String, indent: String = "") -> [String] {
    DisplayWidth.wrap(text, width: max(20, width - DisplayWidth.of(indent))).map { indent + $0 }
  }

  func starting(plan: DrillPlan) -> [String] {
    wrapped(messages.drillStarting(company: company.name, count: plan.questions.count, strict: plan.options.strict))
      .map(style.heading) + wrapped(messages.drillInstructions).map(style.dim)
  }

  func question(_ question: DrillQuestion, total: Int) -> [String] {
    var lines = [
      "",
      style.dim(
        messages.drillHeader(
          company: question.company.name, stage: messages.stageTitle(question.stage), number: question.number,
          total: total)),
    ]
    lines += DisplayWidth.wrap(question.question.text, width: max(20, width)).map { style.bold($0) }
    return lines
  }

  func followUp(_ ask: FollowUpAsk) -> [String] {
    let label = "\(messages.interviewerLabel): "
    let lines = DisplayWidth.wrap(ask.text, width: max(20, width - DisplayWidth.of(label)))
    return [""]
      + lines.enumerated().map { index, line in
        (index == 0 ? style.heading(label) : String(repeating: " ", count: DisplayWidth.of(label))) + style.bold(line)
      }
  }

  func hint(_ points: [String]) -> [String] {
    guard !points.isEmpty else { return [style.dim(messages.noHints)] }
    return [style.dim(messages.hintHeading)] + points.map { style.dim("  ・\($0)") }
  }

  func answerEnded(_ record: AnswerRecord, hasCompany: Bool, question: DrillQuestion? = nil) -> [String] {
    var lines: [String] = []
    switch record.status {
    case .skipped: return [style.dim(messages.answerSkipped)]
    case .unanswered: return [style.dim(messages.answerEmpty)]
    case .abandoned: return [style.dim(messages.answerAbandoned)]
    default: break
    }
    lines.append(
      style.dim(
        messages.answerTime(
          seconds: Int(record.seconds.rounded()), limit: record.limitSeconds,
          overtime: Int(record.overtimeSeconds.rounded()), timedOut: record.timedOut)))
    if record.report == nil, let question, question.question.kind == .reverseQuestion {
      lines.append(style.dim(messages.reverseQuestionNotScored))
      lines += hint(question.question.answerPoints).dropFirst(question.question.answerPoints.isEmpty ? 1 : 0)
    }
    if let report = record.report {
      let view = ScoreView(
        report: report, answer: record.text, messages: messages, style: style, hasCompany: hasCompany, width: width,
        noCompany: messages.noCompanyInGeneralBank)
      lines.append(view.render().trimmingCharacters(in: .newlines))
    }
    return [""] + lines
  }

  func review(_ request: ReviewRequest) -> [String] {
    var lines = ["", style.heading(messages.reviewHeading), style.dim(messages.reviewInstructions)]
    for (index, criterion) in request.criteria.enumerated() {
      lines.append(
        "\(index + 1). \(style.bold(criterion.name(language)))  "
          + style.dim(messages.suggestion(request.suggestions[criterion.id])))
      for rating in [1, 3, 5] {
        if let anchor = criterion.anchor(rating, language) { lines.append(style.dim("     \(rating): \(anchor)")) }
      }
    }
    return lines
  }

  /// Before the reflections, while the ratings can still be changed: the ratings 2+ points from
  /// the scorer's and the criteria left unrated.
  func ratingCheck(_ calibration: Calibration, unrated: [Rubric.Criterion]) -> [String] {
    self.calibration(calibration) + unrated.map { "  " + style.warning(messages.unrated($0.name(language))) }
  }

  func calibration(_ calibration: Calibration) -> [String] {
    let names = criterionNames
    return calibration.flagged.map { entry in
      let name = names[entry.criterion] ?? entry.criterion
      return "  " + style.warning("\(name) \(entry.selfRating) / \(entry.suggested.map(String.init) ?? "-")") + "  "
        + messages.calibrationVerdict(entry.verdict)
    }
  }

  func summary(_ summary: DrillSummary, reason: EndReason, sessionID: SessionID) -> [String] {
    var lines = ["", style.heading(messages.summaryHeading)]
    if reason != .finished { lines.append(style.dim(messages.drillQuit)) }
    let answered = summary.answered
    if answered.isEmpty {
      lines.append(messages.noAnsweredQuestions)
    } else {
      lines.append(style.bold(messages.summaryLevels))
      let labelWidth = summary.categories.map { DisplayWidth.of(messages.category($0)) }.max() ?? 0
      for category in summary.categories {
        let cells = zip(answered, summary.levels(category)).map { result, level in
          result.combinedReport?.isAsked(category) == false
            ? "Q\(result.question.number) " + style.dim("---")
            : "Q\(result.question.number) " + String(repeating: "■", count: level)
              + String(repeating: "□", count: 3 - level)
        }
        lines.append(
          "  " + DisplayWidth.pad(messages.category(category), to: labelWidth) + "  " + cells.joined(separator: "  "))
      }
    }
    let skipped = summary.results.filter { $0.main?.status == .skipped }.map(\.question.number)
    if !skipped.isEmpty { lines.append(messages.skippedQuestions(skipped)) }
    let times = summary.timeUse
    if !times.isEmpty {
      lines.append(style.bold(messages.summaryTime))
      for row in times {
        let text = messages.timeRow(
          seconds: Int(row.seconds.rounded()), limit: row.limit, overtime: Int(row.overtime.rounded()),
          timedOut: row.timedOut)
        lines.append("  Q\(row.number)  " + (row.overtime > 0 ? style.warning(text) : text))
      }
    }
    let calibration = summary.calibration
    let unrated = summary.unrated
    let rubricNames = criterionNames
    // One column for the criteria, rated or not.
    let labelWidth = (calibration.map(\.criterion) + unrated).map { DisplayWidth.of(rubricNames[$0] ?? $0) }.max() ?? 0
    if !calibration.isEmpty {
      lines.append(style.bold(messages.summaryCalibration))
      for row in calibration {
        let name = DisplayWidth.pad(rubricNames[row.criterion] ?? row.criterion, to: labelWidth)
        let mine = String(format: "%.1f", row.selfRating)
        let scorer = row.scorer.map { String(format: "%.1f", $0) } ?? " - "
        var line = "  \(name)  \(mine) / \(scorer)"
        if row.verdict != .aligned { line += "  " + style.warning(messages.calibrationVerdict(row.verdict)) }
        lines.append(line)
      }
    }
    if !unrated.isEmpty {
      lines += unrated.map {
        "  " + style.dim(messages.notRated(DisplayWidth.pad(rubricNames[$0] ?? $0, to: labelWidth)))
      }
    }
    if let weakest = summary.weakest, answered.count > 1 {
      let text = messages.weakestQuestion(number: weakest.question.number, text: weakest.question.question.text)
      let wrappedText = wrapped(text)
      lines += [wrappedText[0]] + wrappedText.dropFirst().map { "  " + $0 }
    }
    if !answered.isEmpty {
      // The question's own bank: a daily drill mixes banks.
      let weakest = answered.count > 1 ? summary.weakest?.question : answered.first?.question
      lines += wrapped(
        messages.retryHint(company: weakest?.company.id ?? company.id, question: weakest?.question.id)
      ).map(style.dim)
    }
    lines.append(style.dim(messages.drillSaved(sessionID: String(sessionID.rawValue))))
    return lines
  }
}
