/// A parsed bank and its diagnostics in the cache's binary form (`BinaryWriter`), field by
/// field in declaration order. Paths are left out: the same file is shown relative to
/// wherever Rehearse runs, so the reader puts the path back.
///
/// Adding a stored property to any bank type means writing and reading it here and raising
/// `BankCache.formatVersion`; `BankCacheTests` counts the properties to catch a forgotten one.
enum BankCoding {
  static func write(_ bank: QuestionBank, diagnostics: [Diagnostic], to writer: inout BinaryWriter) {
    write(bank.company, to: &writer)
    writer.count(bank.questions.count)
    for question in bank.questions { write(question, to: &writer) }
    writer.int(bank.idLocation.line)
    writer.int(bank.idLocation.column)
    writer.count(diagnostics.count)
    for diagnostic in diagnostics {
      writer.string(diagnostic.severity.rawValue)
      writer.int(diagnostic.line)
      writer.int(diagnostic.column)
      writer.string(diagnostic.message)
    }
  }

  static func read(
    from reader: inout BinaryReader, path: String
  ) throws(BinaryReader.Malformed) -> (bank: QuestionBank, diagnostics: [Diagnostic]) {
    let company = try self.company(&reader)
    let questionCount = try reader.count(minimumItemSize: 40)
    var questions: [Question] = []
    questions.reserveCapacity(questionCount)
    for _ in 0..<questionCount { questions.append(try question(&reader)) }
    var bank = QuestionBank(company: company, questions: questions, path: path)
    bank.idLocation = SourceLocation(line: try reader.int(), column: try reader.int())

    let diagnosticCount = try reader.count(minimumItemSize: 24)
    var diagnostics: [Diagnostic] = []
    diagnostics.reserveCapacity(diagnosticCount)
    for _ in 0..<diagnosticCount {
      let severity = try reader.choice(Diagnostic.Severity.self)
      let line = try reader.int()
      let column = try reader.int()
      diagnostics.append(Diagnostic(severity, path: path, line: line, column: column, message: try reader.string()))
    }
    return (bank, diagnostics)
  }

  // MARK: Company

  private static func write(_ company: Company, to writer: inout BinaryWriter) {
    writer.string(company.id)
    writer.string(company.name)
    writer.string(company.language.rawValue)
    writer.string(company.type.rawValue)
    writer.optionalString(company.industry)
    writer.optionalString(company.summary)
    writer.optionalString(company.hiringBackground)
    writer.strings(company.requiredSkills)
    writer.strings(company.preferredSkills)
    writer.optionalString(company.mission)
    writer.optionalString(company.vision)
    writer.strings(company.values)
    writer.optionalString(company.formatNotes)
    writer.count(company.stages.count)
    for stage in company.stages {
      writer.string(stage.id)
      writer.optionalString(stage.name)
      writer.optional(stage.mode) { $0.string($1.rawValue) }
      writer.optional(stage.minutes) { $0.int($1) }
      writer.optionalString(stage.interviewers)
      writer.optionalString(stage.notes)
    }
  }

  private static func company(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> Company {
    let id = try safeID(&reader)
    let name = try reader.string()
    let language = try reader.choice(Language.self)
    let type = try reader.choice(BankType.self)
    let industry = try reader.optionalString()
    let summary = try reader.optionalString()
    let hiringBackground = try reader.optionalString()
    let requiredSkills = try reader.strings()
    let preferredSkills = try reader.strings()
    let mission = try reader.optionalString()
    let vision = try reader.optionalString()
    let values = try reader.strings()
    let formatNotes = try reader.optionalString()
    let stageCount = try reader.count(minimumItemSize: 9)
    var stages: [Stage] = []
    stages.reserveCapacity(stageCount)
    for _ in 0..<stageCount {
      stages.append(
        Stage(
          id: try safeID(&reader),
          name: try reader.optionalString(),
          mode: try reader.optional { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.choice(InterviewMode.self)
          },
          minutes: try reader.optional { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.int()
          },
          interviewers: try reader.optionalString(),
          notes: try reader.optionalString()))
    }
    return Company(
      id: id, name: name, language: language, type: type, industry: industry, summary: summary,
      hiringBackground: hiringBackground, requiredSkills: requiredSkills, preferredSkills: preferredSkills,
      mission: mission, vision: vision, values: values, formatNotes: formatNotes, stages: stages)
  }

  // MARK: Question

  private static func write(_ question: Question, to writer: inout BinaryWriter) {
    writer.string(question.id)
    writer.string(question.text)
    writer.string(question.stage)
    writer.string(question.kind.rawValue)
    writer.int(question.answerSeconds)
    writer.int(question.thinkSeconds)
    writer.count(question.followUps.count)
    for followUp in question.followUps {
      writer.string(followUp.category.rawValue)
      writer.strings(followUp.questions)
    }
    writer.strings(question.tags)
    writer.strings(question.answerPoints)
    writer.strings(question.pitfalls)
    writer.optional(question.source) { writer, source in
      writer.string(source.kind.rawValue)
      writer.count(source.years.count)
      for year in source.years { writer.int(year) }
      writer.optionalString(source.note)
    }
  }

  private static func question(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> Question {
    let id = try safeID(&reader)
    let text = try reader.string()
    let stage = try safeID(&reader)
    let kind = try reader.choice(QuestionKind.self)
    let answerSeconds = try reader.int()
    let thinkSeconds = try reader.int()
    let followUpCount = try reader.count(minimumItemSize: 8)
    var followUps: [FollowUp] = []
    followUps.reserveCapacity(followUpCount)
    for _ in 0..<followUpCount {
      followUps.append(FollowUp(category: try reader.choice(ScoreCategory.self), questions: try reader.strings()))
    }
    let tags = try reader.strings()
    let answerPoints = try reader.strings()
    let pitfalls = try reader.strings()
    let source = try reader.optional { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
      let kind = try reader.choice(QuestionSource.Kind.self)
      let yearCount = try reader.count(minimumItemSize: 8)
      var years: [Int] = []
      years.reserveCapacity(yearCount)
      for _ in 0..<yearCount { years.append(try reader.int()) }
      return QuestionSource(kind: kind, years: years, note: try reader.optionalString())
    }
    return Question(
      id: id, text: text, stage: stage, kind: kind, answerSeconds: answerSeconds, thinkSeconds: thinkSeconds,
      followUps: followUps, tags: tags, answerPoints: answerPoints, pitfalls: pitfalls, source: source)
  }

  /// Ids end up in file names and terminal output; a cache file is checked like a bank is.
  private static func safeID(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> String {
    let id = try reader.string()
    guard SafeID.isSafe(id) else { throw BinaryReader.Malformed(reason: "unsafe id") }
    return id
  }
}
