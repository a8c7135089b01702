/// One company's prep sheet and the questions it asks, loaded from a bank file (format version 1).
public struct QuestionBank: Equatable, Sendable {
  public static let formatVersion = 1

  public var company: Company
  public var questions: [Question]
  /// The file the bank was loaded from.
  public var path: String
  /// Where the company id is written in that file, for diagnostics about the bank as a whole.
  public var idLocation: SourceLocation = .start

  public init(company: Company, questions: [Question], path: String) {
    self.company = company
    self.questions = questions
    self.path = path
  }

  /// The questions of one stage, in file order.
  public func questions(inStage stage: String) -> [Question] {
    questions.filter { $0.stage == stage }
  }

  public func question(id: String) -> Question? {
    questions.first { $0.id == id }
  }
}

/// The company side of a bank: who they are, why they hire, what they value, how they interview.
public struct Company: Equatable, Sendable {
  public var id: String
  public var name: String
  public var language: Language
  public var type: BankType
  public var industry: String?
  public var summary: String?
  /// 募集背景: why they are hiring now.
  public var hiringBackground: String?
  /// 必須要件.
  public var requiredSkills: [String]
  /// 歓迎要件.
  public var preferredSkills: [String]
  public var mission: String?
  public var vision: String?
  public var values: [String]
  public var formatNotes: String?
  public var stages: [Stage]

  public init(
    id: String, name: String, language: Language, type: BankType = .company,
    industry: String? = nil, summary: String? = nil, hiringBackground: String? = nil,
    requiredSkills: [String] = [], preferredSkills: [String] = [],
    mission: String? = nil, vision: String? = nil, values: [String] = [],
    formatNotes: String? = nil, stages: [Stage] = Stage.defaultStages
  ) {
    self.id = id
    self.name = name
    self.language = language
    self.type = type
    self.industry = industry
    self.summary = summary
    self.hiringBackground = hiringBackground
    self.requiredSkills = requiredSkills
    self.preferredSkills = preferredSkills
    self.mission = mission
    self.vision = vision
    self.values = values
    self.formatNotes = formatNotes
    self.stages = stages
  }

  public func stage(id: String) -> Stage? {
    stages.first { $0.id == id }
  }
}

/// The language a bank's questions are written in (and answers are expected in).
public enum Language: String, CaseIterable, Codable, Sendable {
  case ja
  case en
}

/// What kind of question list a bank is.
public enum BankType: String, CaseIterable, Codable, Sendable {
  /// Common questions, not one company's.
  case general
  /// An invented example company, for practice.
  case fictional
  /// A real company the person prepares for (their own bank).
  case company
}

/// One interview round.
public struct Stage: Equatable, Sendable {
  public var id: String
  /// A display name given in the bank; known ids have localised names of their own.
  public var name: String?
  public var mode: InterviewMode?
  public var minutes: Int?
  public var interviewers: String?
  public var notes: String?

  public init(
    id: String, name: String? = nil, mode: InterviewMode? = nil, minutes: Int? = nil,
    interviewers: String? = nil, notes: String? = nil
  ) {
    self.id = id
    self.name = name
    self.mode = mode
    self.minutes = minutes
    self.interviewers = interviewers
    self.notes = notes
  }

  /// Stage ids with a meaning (and a localised name) of their own, in interview order.
  public static let knownIDs = ["casual", "group", "first", "case", "second", "third", "final"]

  public static let defaultStages = ["first", "second", "final"].map { Stage(id: $0) }
}

public enum InterviewMode: String, CaseIterable, Codable, Sendable {
  case online
  case inPerson = "in-person"
  case phone
}

/// One interview question with its timing, follow-ups and coaching notes.
public struct Question: Equatable, Sendable {
  public var id: String
  public var text: String
  public var stage: String
  public var kind: QuestionKind
  public var answerSeconds: Int
  public var thinkSeconds: Int
  /// Follow-ups asked when the scorer finds a category missing, in bank order.
  public var followUps: [FollowUp]
  public var tags: [String]
  public var answerPoints: [String]
  public var pitfalls: [String]
  public var source: QuestionSource?

  public init(
    id: String, text: String, stage: String, kind: QuestionKind,
    answerSeconds: Int = BankDefaults.standard.answerSeconds,
    thinkSeconds: Int = BankDefaults.standard.thinkSeconds,
    followUps: [FollowUp] = [], tags: [String] = [], answerPoints: [String] = [],
    pitfalls: [String] = [], source: QuestionSource? = nil
  ) {
    self.id = id
    self.text = text
    self.stage = stage
    self.kind = kind
    self.answerSeconds = answerSeconds
    self.thinkSeconds = thinkSeconds
    self.followUps = followUps
    self.tags = tags
    self.answerPoints = answerPoints
    self.pitfalls = pitfalls
    self.source = source
  }

  /// The follow-up questions that probe one category.
  public func followUps(for category: ScoreCategory) -> [String] {
    followUps.first { $0.category == category }?.questions ?? []
  }
}

/// Interviewer follow-ups for one scorer category.
public struct FollowUp: Equatable, Sendable {
  public var category: ScoreCategory
  public var questions: [String]

  public init(category: ScoreCategory, questions: [String]) {
    self.category = category
    self.questions = questions
  }
}

/// The scorer's categories (DESIGN §5); follow-ups are keyed by them.
public enum ScoreCategory: String, CaseIterable, Codable, Sendable {
  case reasoning
  case reproducibility
  case evidence
  case companyFit = "company_fit"
  case structure
}

public enum QuestionKind: String, CaseIterable, Codable, Sendable {
  case selfIntroduction = "self-introduction"
  case motivation
  case studentLife = "student-life"
  case behavioural
  case failure
  case decision
  case strengthsWeaknesses = "strengths-weaknesses"
  case careerChange = "career-change"
  case careerPlan = "career-plan"
  case roleSpecific = "role-specific"
  case `case`
  case values
  case reverseQuestion = "reverse-question"
  case other
}

extension QuestionKind {
  /// Which of why-you-decided, reproducibility and evidence a question of this kind asks an
  /// answer to show. The others are not held against it: no hint, not in the total, not in
  /// "weakest" (structure always counts, company fit when a company is known). A
  /// self-introduction or a question about the status of other applications needs no
  /// before/after number; a motivation answer needs its reasons and how the person's way of
  /// working would carry over to this company.
  public var asks: Set<ScoreCategory> {
    switch self {
    case .studentLife, .behavioural, .failure, .decision, .strengthsWeaknesses, .roleSpecific:
      [.reasoning, .reproducibility, .evidence]
    case .motivation, .careerChange, .careerPlan, .values: [.reasoning, .reproducibility]
    case .case, .other: [.reasoning]
    case .selfIntroduction, .reverseQuestion: []
    }
  }
}

/// Where a question comes from, and the years it was seen.
public struct QuestionSource: Equatable, Sendable {
  public enum Kind: String, CaseIterable, Codable, Sendable {
    case interviewReport = "interview-report"
    case ownInterview = "own-interview"
    case guide
    case example
  }

  public var kind: Kind
  public var years: [Int]
  public var note: String?

  public init(kind: Kind, years: [Int] = [], note: String? = nil) {
    self.kind = kind
    self.years = years
    self.note = note
  }
}

/// Values a bank's questions take when they leave them out.
public struct BankDefaults: Equatable, Sendable {
  public var answerSeconds: Int
  public var thinkSeconds: Int

  public static let standard = BankDefaults(answerSeconds: 90, thinkSeconds: 0)

  public static let answerSecondsRange = 10...1800
  public static let thinkSecondsRange = 0...600
}
