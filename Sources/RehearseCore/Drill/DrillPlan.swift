/// What a drill was asked for: `rehearse drill COMPANY [--stage S] [--count N] [--time SEC]
/// [--think SEC] [--strict] [--seed N] [--no-review]`.
public struct DrillOptions: Equatable, Sendable {
  /// Only this stage's questions; all stages in order when `nil`.
  public var stage: String?
  /// How many questions; `nil` for the default.
  public var count: Int?
  /// Answer and think time for every question, instead of each question's own.
  public var answerSeconds: Int?
  public var thinkSeconds: Int?
  /// At zero the answer is submitted as typed; otherwise the clock goes into overtime.
  public var strict: Bool
  /// The order within each stage; the same seed asks the same questions in the same order.
  public var seed: UInt64
  /// Whether the self-review rubric follows each answer.
  public var review: Bool
  /// Exactly these questions (bank ids), in this order, instead of a draw (`--question`): the
  /// stage and count then follow from them.
  public var questionIDs: [String]

  /// Five questions: a short session, as DESIGN §2 has for daily practice.
  public static let defaultCount = 5

  public init(
    stage: String? = nil, count: Int? = nil, answerSeconds: Int? = nil, thinkSeconds: Int? = nil,
    strict: Bool = false, seed: UInt64, review: Bool = true, questionIDs: [String] = []
  ) {
    self.questionIDs = questionIDs
    self.stage = stage
    self.count = count
    self.answerSeconds = answerSeconds
    self.thinkSeconds = thinkSeconds
    self.strict = strict
    self.seed = seed
    self.review = review
  }
}

/// One question as this drill asks it: its number, company, stage and times.
public struct DrillQuestion: Equatable, Sendable {
  /// 1-based.
  public var number: Int
  public var question: Question
  /// The bank's company (daily practice mixes banks, so each question carries its own).
  public var company: Company
  /// The stage as the bank describes it (a question of an undeclared stage has a bare one).
  public var stage: Stage
  public var answerSeconds: Int
  public var thinkSeconds: Int
}

/// The questions of one drill, in the order they are asked: stage by stage in the bank's
/// order, drawn at random within each stage by the seed (the count shared across stages in
/// turn, so a short drill still visits every stage), an introduction first and a question for
/// the interviewer last.
public struct DrillPlan: Equatable, Sendable {
  public var company: Company
  public var options: DrillOptions
  public var questions: [DrillQuestion]
  /// A mock interview's interviewer (`init(mock:)`); nil for drills.
  public var interviewer: MockInterviewer?

  public enum Problem: Error, Equatable, Sendable {
    /// `--stage` names a stage the bank does not have.
    case unknownStage(String, known: [String])
    /// The bank (or the stage) has no questions.
    case noQuestions
    /// `--count`, `--time` or `--think` out of range.
    case badNumber(option: String, value: Int)
    /// `--question` names a question the bank does not have (with the closest id, if any).
    case unknownQuestion(String, suggestion: String?)
  }

  public init(bank: QuestionBank, options: DrillOptions) throws(Problem) {
    if let count = options.count, count < 1 { throw .badNumber(option: "--count", value: count) }
    if let time = options.answerSeconds, !(5...3600).contains(time) { throw .badNumber(option: "--time", value: time) }
    if let think = options.thinkSeconds, !(0...600).contains(think) {
      throw .badNumber(option: "--think", value: think)
    }
    if !options.questionIDs.isEmpty {
      if let missing = options.questionIDs.first(where: { id in !bank.questions.contains { $0.id == id } }) {
        throw .unknownQuestion(missing, suggestion: Spelling.closest(to: missing, in: bank.questions.map(\.id)))
      }
      company = bank.company
      self.options = options
      questions = Self.chosen(options.questionIDs, bank: bank, options: options)
      return
    }
    var stageOrder = bank.company.stages.map(\.id)
    for question in bank.questions where !stageOrder.contains(question.stage) { stageOrder.append(question.stage) }
    if let stage = options.stage {
      guard stageOrder.contains(stage) else { throw .unknownStage(stage, known: stageOrder) }
      stageOrder = [stage]
    }
    var random = SplitMix64(seed: options.seed)
    var byStage: [[Question]] = stageOrder.map { stage in
      var questions = bank.questions.filter { $0.stage == stage }
      random.shuffle(&questions)
      // A short drill spends its questions on answers worth scoring: a question for the
      // interviewer is drawn only when the count reaches it.
      return questions.filter { $0.kind != .reverseQuestion } + questions.filter { $0.kind == .reverseQuestion }
    }
    let available = byStage.reduce(0) { $0 + $1.count }
    guard available > 0 else { throw .noQuestions }
    // Deal the count out one stage at a time, so five questions over three stages are 2, 2, 1.
    let wanted = min(options.count ?? DrillOptions.defaultCount, available)
    var taken = Array(repeating: 0, count: byStage.count)
    var dealt = 0
    while dealt < wanted {
      for index in byStage.indices where dealt < wanted && taken[index] < byStage[index].count {
        taken[index] += 1
        dealt += 1
      }
    }
    var questions: [DrillQuestion] = []
    for (index, stage) in stageOrder.enumerated() {
      // The drawn questions in an interview's order: introductions open, questions for the
      // interviewer close, the rest as shuffled.
      byStage[index] = Array(byStage[index].prefix(taken[index])).enumerated()
        .sorted { (Self.rank($0.element.kind), $0.offset) < (Self.rank($1.element.kind), $1.offset) }.map(\.element)
      let described = bank.company.stages.first { $0.id == stage } ?? Stage(id: stage)
      for question in byStage[index] {
        questions.append(
          DrillQuestion(
            number: questions.count + 1, question: question, company: bank.company, stage: described,
            answerSeconds: options.answerSeconds ?? question.answerSeconds,
            thinkSeconds: options.thinkSeconds ?? question.thinkSeconds))
      }
    }
    company = bank.company
    self.options = options
    self.questions = questions
  }
}

/// How the interviewer of a mock interview digs: the probes in the bank's language and how many
/// times one missing category is asked about.
public struct MockInterviewer: Equatable, Sendable {
  /// 1 at the bank's first stage; 2 at later ones, the way second-round interviewers probe.
  public var depth: Int
  public var script: InterviewerScript
  public var language: Language

  public init(depth: Int, script: InterviewerScript, language: Language) {
    self.depth = depth
    self.script = script
    self.language = language
  }

  public func probes(_ category: ScoreCategory, level: Int) -> [String] {
    script.probes(category, level: level, language: language)
  }
}

extension DrillPlan {
  /// The default number of questions of a mock interview (the question for the interviewer
  /// included).
  public static let mockCount = 8

  /// A mock interview of one stage (`options.stage`, required): the stage's questions in the
  /// bank's order, an introduction first and one question for the interviewer last (the
  /// stage's, else the bank's first, else the script's), at most `options.count` (default 8).
  public init(mock bank: QuestionBank, options: DrillOptions, script: InterviewerScript) throws(Problem) {
    if let count = options.count, count < 1 { throw .badNumber(option: "--count", value: count) }
    if let time = options.answerSeconds, !(5...3600).contains(time) { throw .badNumber(option: "--time", value: time) }
    if let think = options.thinkSeconds, !(0...600).contains(think) {
      throw .badNumber(option: "--think", value: think)
    }
    var stageOrder = bank.company.stages.map(\.id)
    for question in bank.questions where !stageOrder.contains(question.stage) { stageOrder.append(question.stage) }
    guard let stage = options.stage, stageOrder.contains(stage) else {
      throw .unknownStage(options.stage ?? "", known: stageOrder)
    }
    let inStage = bank.questions(inStage: stage).enumerated()
      .sorted { (Self.rank($0.element.kind), $0.offset) < (Self.rank($1.element.kind), $1.offset) }.map(\.element)
    let asked = inStage.filter { $0.kind != .reverseQuestion }
    guard !asked.isEmpty else { throw .noQuestions }
    let reverse =
      inStage.last { $0.kind == .reverseQuestion } ?? bank.questions.first { $0.kind == .reverseQuestion }
      ?? Question(
        id: "reverse-question", text: script.reverseQuestion.text(bank.company.language), stage: stage,
        kind: .reverseQuestion, answerSeconds: 120, thinkSeconds: 0)
    let count = max(2, options.count ?? Self.mockCount)
    let described = bank.company.stages.first { $0.id == stage } ?? Stage(id: stage)
    company = bank.company
    self.options = options
    questions = (Array(asked.prefix(count - 1)) + [reverse]).enumerated().map { offset, question in
      DrillQuestion(
        number: offset + 1, question: question, company: bank.company, stage: described,
        answerSeconds: options.answerSeconds ?? question.answerSeconds,
        thinkSeconds: options.thinkSeconds ?? question.thinkSeconds)
    }
    interviewer = MockInterviewer(
      depth: stageOrder.first == stage ? 1 : 2, script: script, language: bank.company.language)
  }

  /// The chosen questions in the order given (unknown ids are left out; the caller reports them).
  private static func chosen(_ chosen: [String], bank: QuestionBank, options: DrillOptions) -> [DrillQuestion] {
    var questions: [DrillQuestion] = []
    for id in chosen {
      guard let question = bank.questions.first(where: { $0.id == id }) else { continue }
      questions.append(
        DrillQuestion(
          number: questions.count + 1, question: question, company: bank.company,
          stage: bank.company.stages.first { $0.id == question.stage } ?? Stage(id: question.stage),
          answerSeconds: options.answerSeconds ?? question.answerSeconds,
          thinkSeconds: options.thinkSeconds ?? question.thinkSeconds))
    }
    return questions
  }

  /// A drill of questions from several banks, in the order given (daily practice): each
  /// question keeps its own company; `company` names the whole (its id is the banks' ids
  /// joined by commas, its name their names joined by " · ", its language the first one's).
  public init(practice cards: [(bank: QuestionBank, question: Question)], options: DrillOptions) throws(Problem) {
    if let time = options.answerSeconds, !(5...3600).contains(time) { throw .badNumber(option: "--time", value: time) }
    if let think = options.thinkSeconds, !(0...600).contains(think) {
      throw .badNumber(option: "--think", value: think)
    }
    guard let first = cards.first else { throw .noQuestions }
    var companies: [Company] = []
    for card in cards where !companies.contains(where: { $0.id == card.bank.company.id }) {
      companies.append(card.bank.company)
    }
    company =
      companies.count == 1
      ? first.bank.company
      : Company(
        id: companies.map(\.id).joined(separator: ","), name: companies.map(\.name).joined(separator: " · "),
        language: first.bank.company.language, type: companies.allSatisfy { $0.type == .general } ? .general : .company,
        stages: [])
    self.options = options
    questions = cards.enumerated().map { offset, card in
      DrillQuestion(
        number: offset + 1, question: card.question, company: card.bank.company,
        stage: card.bank.company.stages.first { $0.id == card.question.stage } ?? Stage(id: card.question.stage),
        answerSeconds: options.answerSeconds ?? card.question.answerSeconds,
        thinkSeconds: options.thinkSeconds ?? card.question.thinkSeconds)
    }
  }

  /// Whether the questions come from more than one bank.
  public var mixesBanks: Bool { questions.contains { $0.company.id != questions.first?.company.id } }

  /// Where a kind of question falls in an interview: 0 opens, 2 closes.
  static func rank(_ kind: QuestionKind) -> Int {
    switch kind {
    case .selfIntroduction: 0
    case .reverseQuestion: 2
    default: 1
    }
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, seedable generator, so `--seed` reproduces a
/// drill on every platform and Swift version (the standard library's generator is not seedable).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Fisher–Yates with this generator (`Array.shuffle(using:)` may change its algorithm).
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for index in stride(from: items.count - 1, to: 0, by: -1) {
      let other = Int(next() % UInt64(index + 1))
      items.swapAt(index, other)
    }
  }
}

extension DrillQuestion {
  /// The question as a spaced-repetition card.
  public var card: CardID { CardID(bank: company.id, question: question.id) }

  /// The company an answer's fit is judged against: the question's own bank, unless it is a
  /// general bank (no company, so no company fit: not scored, not rated, not shown).
  public var judgedCompany: Company? { company.type == .general ? nil : company }

  /// The self-review criteria for this question: company fit only when there is a company,
  /// and of why-you-decided, reproducibility and evidence only what the question's kind asks
  /// for (`QuestionKind.asks`).
  public func reviewCriteria(_ criteria: [Rubric.Criterion]) -> [Rubric.Criterion] {
    let kind = question.kind
    return criteria.filter { criterion in
      if criterion.scorer == "company_fit" { return judgedCompany != nil }
      guard let category = ScoreCategory(rawValue: criterion.scorer),
        [.reasoning, .reproducibility, .evidence].contains(category)
      else { return true }
      return kind.asks.contains(category)
    }
  }
}
