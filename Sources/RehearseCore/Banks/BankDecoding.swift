import Yams

/// The semantic stage of bank parsing: from a YAML node tree to model values, recording
/// every problem through a `NodeReader`.
struct BankDecoding {
  let reader: NodeReader

  static let rootKeys = ["version", "defaults", "company", "questions"]
  static let defaultsKeys = ["answer_seconds", "think_seconds"]
  static let companyKeys = [
    "id", "name", "language", "type", "industry", "summary", "hiring_background",
    "required_skills", "preferred_skills", "mission", "vision", "values", "format_notes", "stages",
  ]
  static let stageKeys = ["id", "name", "mode", "minutes", "interviewers", "notes"]
  static let questionKeys = [
    "id", "text", "stage", "kind", "answer_seconds", "think_seconds", "follow_ups", "tags",
    "answer_points", "pitfalls", "source",
  ]
  static let sourceKeys = ["type", "years", "note"]
  static let stageMinutes = 5...480
  static let sourceYears = 1950...2100

  func bank(from root: Node) -> QuestionBank? {
    guard let fields = reader.mapping(root, "the bank", known: Self.rootKeys) else { return nil }

    guard let versionNode = fields["version"] else {
      reader.missing("version", in: fields, hint: " (add 'version: 1' at the top)")
      return nil
    }
    guard let version = reader.integer(versionNode, "version", in: 1...Int.max) else { return nil }
    if version > QuestionBank.formatVersion {
      reader.error(
        "bank format version \(version) is newer than this Rehearse understands (\(QuestionBank.formatVersion)); update Rehearse to load it",
        at: versionNode)
      return nil
    }

    let defaults = fields["defaults"].flatMap(self.defaults) ?? .standard
    var company: Company?
    var stageIDs: [String]?
    if let node = fields["company"] {
      (company, stageIDs) = self.company(node)
    } else {
      reader.missing("company", in: fields)
    }

    var questions: [Question] = []
    if let node = fields["questions"], let items = reader.sequence(node, "questions") {
      if items.isEmpty { reader.error("questions must list at least one question", at: node) }
      var firstSeen: [String: SourceLocation] = [:]
      for item in items {
        guard let question = self.question(item, defaults: defaults, stageIDs: stageIDs) else { continue }
        let location = reader.location(of: idNode(of: item))
        if let earlier = firstSeen[question.id] {
          reader.error(
            "duplicate question id '\(question.id)': it is already used at line \(earlier.line), column \(earlier.column)",
            at: location)
          continue
        }
        firstSeen[question.id] = location
        questions.append(question)
      }
    } else if fields["questions"] == nil {
      reader.missing("questions", in: fields)
    }

    guard let company, let companyNode = fields["company"] else { return nil }
    var bank = QuestionBank(company: company, questions: questions, path: reader.path)
    bank.idLocation = reader.location(of: companyNode["id"] ?? companyNode)
    return bank
  }

  // MARK: Sections

  private func defaults(_ node: Node) -> BankDefaults? {
    guard let fields = reader.mapping(node, "defaults", known: Self.defaultsKeys) else { return nil }
    var defaults = BankDefaults.standard
    if let node = fields["answer_seconds"],
      let value = reader.integer(node, "answer_seconds", in: BankDefaults.answerSecondsRange, unit: "seconds")
    {
      defaults.answerSeconds = value
    }
    if let node = fields["think_seconds"],
      let value = reader.integer(node, "think_seconds", in: BankDefaults.thinkSecondsRange, unit: "seconds")
    {
      defaults.thinkSeconds = value
    }
    return defaults
  }

  /// The company, and its stage ids even when something else in the company is wrong, so
  /// questions can still be checked against them.
  private func company(_ node: Node) -> (Company?, [String]?) {
    guard let fields = reader.mapping(node, "company", known: Self.companyKeys) else { return (nil, nil) }

    let id = required("id", in: fields) { reader.id($0, "company id") }
    let name = required("name", in: fields) { reader.text($0, "company name") }
    let language = required("language", in: fields, hint: " (ja or en)") {
      reader.choice($0, "language", as: Language.self)
    }
    let type = fields["type"].map { reader.choice($0, "type", as: BankType.self) } ?? .company
    let stages = fields["stages"].map(self.stages) ?? Stage.defaultStages

    guard let id, let name, let language, let type, let stages else { return (nil, stages?.map(\.id)) }
    let company = Company(
      id: id, name: name, language: language, type: type,
      industry: reader.optionalText(fields["industry"], "industry"),
      summary: reader.optionalText(fields["summary"], "summary"),
      hiringBackground: reader.optionalText(fields["hiring_background"], "hiring_background"),
      requiredSkills: reader.textList(fields["required_skills"], "required_skills"),
      preferredSkills: reader.textList(fields["preferred_skills"], "preferred_skills"),
      mission: reader.optionalText(fields["mission"], "mission"),
      vision: reader.optionalText(fields["vision"], "vision"),
      values: reader.textList(fields["values"], "values"),
      formatNotes: reader.optionalText(fields["format_notes"], "format_notes"),
      stages: stages)
    return (company, stages.map(\.id))
  }

  private func stages(_ node: Node) -> [Stage]? {
    guard let items = reader.sequence(node, "stages") else { return nil }
    if items.isEmpty {
      reader.error("stages must list at least one stage", at: node)
      return nil
    }
    var stages: [Stage] = []
    var seen: Set<String> = []
    var failed = false
    for item in items {
      guard let stage = self.stage(item) else {
        failed = true
        continue
      }
      if !seen.insert(stage.id).inserted {
        reader.error("stage '\(stage.id)' is listed twice", at: item)
        failed = true
        continue
      }
      if stage.name == nil, !Stage.knownIDs.contains(stage.id) {
        reader.warning(
          "stage '\(stage.id)' is not a known stage (\(Stage.knownIDs.joined(separator: ", "))); give it a 'name' to show",
          at: item)
      }
      stages.append(stage)
    }
    return failed ? nil : stages
  }

  private func stage(_ node: Node) -> Stage? {
    if case .scalar = node {
      return reader.id(node, "stage id").map { Stage(id: $0) }
    }
    guard let fields = reader.mapping(node, "a stage", known: Self.stageKeys) else { return nil }
    guard let id = required("id", in: fields, { reader.id($0, "stage id") }) else { return nil }
    let mode = fields["mode"].map { reader.choice($0, "mode", as: InterviewMode.self) }
    let minutes = fields["minutes"].map {
      reader.integer($0, "minutes", in: Self.stageMinutes, unit: "minutes")
    }
    if mode == .some(nil) || minutes == .some(nil) { return nil }
    return Stage(
      id: id,
      name: reader.optionalText(fields["name"], "stage name"),
      mode: mode ?? nil,
      minutes: minutes ?? nil,
      interviewers: reader.optionalText(fields["interviewers"], "interviewers"),
      notes: reader.optionalText(fields["notes"], "stage notes"))
  }

  private func question(_ node: Node, defaults: BankDefaults, stageIDs: [String]?) -> Question? {
    guard let fields = reader.mapping(node, "a question", known: Self.questionKeys) else { return nil }
    let errorsBefore = reader.diagnostics.errors.count

    let id = required("id", in: fields) { reader.id($0, "question id") }
    let label = id.map { "question '\($0)'" } ?? "a question"
    let text = required("text", in: fields) { reader.text($0, "the text of \(label)") }
    let stage = required("stage", in: fields) { node -> String? in
      guard let stage = reader.id(node, "stage") else { return nil }
      if let stageIDs, !stageIDs.contains(stage) {
        var message =
          "stage '\(stage)' of \(label) is not one of the company's stages (\(stageIDs.joined(separator: ", ")))"
        if let suggestion = Spelling.closest(to: stage, in: stageIDs) {
          message += "; did you mean '\(suggestion)'?"
        }
        reader.error(message, at: node)
        return nil
      }
      return stage
    }
    let kind = required("kind", in: fields) { reader.choice($0, "kind", as: QuestionKind.self) }
    let answerSeconds = fields["answer_seconds"].map {
      reader.integer($0, "answer_seconds", in: BankDefaults.answerSecondsRange, unit: "seconds")
    }
    let thinkSeconds = fields["think_seconds"].map {
      reader.integer($0, "think_seconds", in: BankDefaults.thinkSecondsRange, unit: "seconds")
    }
    let followUps = fields["follow_ups"].map(self.followUps) ?? []
    let source = fields["source"].flatMap(self.source)
    let tags = reader.textList(fields["tags"], "tags")
    let answerPoints = reader.textList(fields["answer_points"], "answer_points")
    let pitfalls = reader.textList(fields["pitfalls"], "pitfalls")

    guard reader.diagnostics.errors.count == errorsBefore,
      let id, let text, let stage, let kind
    else { return nil }
    return Question(
      id: id, text: text, stage: stage, kind: kind,
      answerSeconds: (answerSeconds ?? nil) ?? defaults.answerSeconds,
      thinkSeconds: (thinkSeconds ?? nil) ?? defaults.thinkSeconds,
      followUps: followUps, tags: tags, answerPoints: answerPoints, pitfalls: pitfalls,
      source: source)
  }

  private func followUps(_ node: Node) -> [FollowUp] {
    let known = ScoreCategory.allCases.map(\.rawValue)
    guard reader.refuseAnchor(node) else { return [] }
    guard case .mapping(let mapping) = node else {
      _ = reader.mapping(node, "follow_ups", known: known)
      return []
    }
    var followUps: [FollowUp] = []
    for (keyNode, value) in mapping {
      guard let category = reader.choice(keyNode, "follow-up category", as: ScoreCategory.self) else { continue }
      let questions = reader.textList(value, "follow_ups.\(category.rawValue)")
      if questions.isEmpty {
        if case .scalar(let scalar) = value, reader.isNull(scalar) {
          reader.error("follow_ups.\(category.rawValue) must not be empty", at: value)
        }
        continue
      }
      followUps.append(FollowUp(category: category, questions: questions))
    }
    return followUps
  }

  private func source(_ node: Node) -> QuestionSource? {
    guard let fields = reader.mapping(node, "source", known: Self.sourceKeys) else { return nil }
    let kind = required("type", in: fields, hint: " (interview-report, own-interview, guide or example)") {
      reader.choice($0, "source type", as: QuestionSource.Kind.self)
    }
    var years: [Int] = []
    if let node = fields["years"] {
      let items: [Node]
      if case .scalar = node { items = [node] } else { items = reader.sequence(node, "years") ?? [] }
      years = items.compactMap { reader.integer($0, "a year", in: Self.sourceYears) }
    }
    guard let kind else { return nil }
    return QuestionSource(kind: kind, years: years, note: reader.optionalText(fields["note"], "source note"))
  }

  // MARK: Helpers

  /// Reads a required key, reporting it as missing at the start of its mapping.
  private func required<T>(
    _ key: String, in fields: Fields, hint: String = "", _ read: (Node) -> T?
  ) -> T? {
    guard let node = fields[key] else {
      reader.missing(key, in: fields, hint: hint)
      return nil
    }
    return read(node)
  }

  /// Where a question's id is, for duplicate reports (the question itself when it has none).
  private func idNode(of question: Node) -> Node {
    if case .mapping(let mapping) = question {
      for (key, value) in mapping where key.string == "id" { return value }
    }
    return question
  }
}
