import RehearseCore

/// `banks show`: the company's prep sheet (background, requirements, mission, vision, values,
/// format), then its questions grouped by stage with their times.
struct PrepSheetView {
  var loaded: LoadedBank
  var messages: any Messages
  var style: Style
  var width: Int
  /// Show follow-ups, answer points and pitfalls under each question.
  var details: Bool
  /// Only this stage's questions.
  var stage: String?

  func render() -> String {
    let bank = loaded.bank
    let company = bank.company
    var out = ""
    out +=
      style.bold(company.name) + "  "
      + style.dim(
        [company.id, messages.languageName(company.language), messages.bankType(company.type)].joined(separator: " · ")
      ) + "\n"
    switch company.type {
    case .fictional: out += style.dim(messages.fictionalNotice) + "\n"
    case .general: out += style.dim(messages.generalNotice) + "\n"
    case .company: break
    }
    out += "\n"

    var fields: [(String, [String])] = []
    func add(_ label: String, _ value: String?) {
      if let value { fields.append((label, [value])) }
    }
    add(messages.industry, company.industry)
    add(messages.summary, company.summary)
    add(messages.hiringBackground, company.hiringBackground)
    if !company.requiredSkills.isEmpty {
      fields.append((messages.requiredSkills, company.requiredSkills.map { "• " + $0 }))
    }
    if !company.preferredSkills.isEmpty {
      fields.append((messages.preferredSkills, company.preferredSkills.map { "• " + $0 }))
    }
    add(messages.mission, company.mission)
    add(messages.vision, company.vision)
    if !company.values.isEmpty { fields.append((messages.values, company.values.map { "• " + $0 })) }
    add(messages.interviewFormat, company.formatNotes)

    let labelWidth = (fields.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
    let textWidth = max(20, width - labelWidth)
    for (label, values) in fields {
      var first = true
      for value in values {
        // List items hang under their bullet.
        let bullet = value.hasPrefix("• ") ? "• " : ""
        let body = String(value.dropFirst(bullet.count))
        for (index, line) in DisplayWidth.wrap(body, width: textWidth - bullet.count).enumerated() {
          let prefix =
            first ? style.heading(DisplayWidth.pad(label, to: labelWidth)) : String(repeating: " ", count: labelWidth)
          let lead = index == 0 ? bullet : String(repeating: " ", count: bullet.count)
          out += prefix + lead + line + "\n"
          first = false
        }
      }
    }
    if !fields.isEmpty { out += "\n" }

    out += style.heading(messages.stagesHeading) + "\n"
    for (number, stage) in company.stages.enumerated() {
      var facts: [String] = []
      if let mode = stage.mode { facts.append(messages.mode(mode)) }
      if let minutes = stage.minutes { facts.append(messages.minutes(minutes)) }
      if let interviewers = stage.interviewers { facts.append(interviewers) }
      facts.append(messages.stageQuestionCount(bank.questions(inStage: stage.id).count))
      out +=
        "  \(number + 1). " + style.bold(messages.stageTitle(stage)) + " (\(stage.id))  "
        + style.dim(facts.joined(separator: " · ")) + "\n"
      if let notes = stage.notes {
        for line in DisplayWidth.wrap(notes, width: max(20, width - 6)) { out += "     " + style.dim(line) + "\n" }
      }
    }

    for stage in company.stages where self.stage == nil || self.stage == stage.id {
      let questions = bank.questions(inStage: stage.id)
      guard !questions.isEmpty else { continue }
      out +=
        "\n" + style.heading("\(messages.stageTitle(stage)) — \(messages.stageQuestionCount(questions.count))") + "\n"
      for (number, question) in questions.enumerated() {
        out += render(question, number: number + 1)
      }
    }
    out += "\n" + style.dim("\(messages.file): \(bank.path)") + "\n"
    return out
  }

  private func render(_ question: Question, number: Int) -> String {
    var out = ""
    var facts = [messages.kind(question.kind), messages.answerTime(question.answerSeconds)]
    if question.thinkSeconds > 0 { facts.append(messages.thinkTime(question.thinkSeconds)) }
    if let source = question.source, !source.years.isEmpty || details { facts.append(messages.source(source)) }
    out +=
      "  " + style.bold("Q\(number)") + " " + style.dim(question.id + " · " + facts.joined(separator: " · ")) + "\n"
    let indent = "     "
    let textWidth = max(20, width - indent.count)
    for line in DisplayWidth.wrap(question.text, width: textWidth) { out += indent + line + "\n" }
    guard details else { return out }
    for followUp in question.followUps {
      for text in followUp.questions {
        let lead = "↳ \(messages.followUps)（\(messages.category(followUp.category))）: "
        for (index, line) in DisplayWidth.wrap(lead + text, width: textWidth).enumerated() {
          out += indent + (index == 0 ? style.dim(line) : "  " + style.dim(line)) + "\n"
        }
      }
    }
    for (title, items) in [(messages.answerPoints, question.answerPoints), (messages.pitfalls, question.pitfalls)]
    where !items.isEmpty {
      out += indent + style.dim(title + ":") + "\n"
      for item in items {
        for (index, line) in DisplayWidth.wrap(item, width: textWidth - 4).enumerated() {
          out += indent + (index == 0 ? "  • " : "    ") + line + "\n"
        }
      }
    }
    return out
  }
}
