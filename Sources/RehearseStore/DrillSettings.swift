/// The options a drill ran with, kept so a resumed drill continues the same way and a transcript
/// says how it was run. Stored as JSON (`stage`, `count`, `time`, `think`, `strict`, `seed`,
/// `review`, `questions`); keys a later version adds are ignored when read, missing ones take the defaults.
public struct DrillSettings: Codable, Equatable, Sendable {
  /// Only this stage's questions, or every stage.
  public var stage: String?
  /// How many questions were planned.
  public var count: Int
  /// An answer time that replaces the bank's (`--time`), in seconds.
  public var answerSeconds: Int?
  /// A think time that replaces the bank's (`--think`), in seconds.
  public var thinkSeconds: Int?
  /// The answer is submitted at the deadline (`--strict`) instead of running into overtime.
  public var strict: Bool
  /// The seed of the question order, so a resumed drill draws the same questions.
  public var seed: UInt64
  /// Whether the self-review follows each answer.
  public var review: Bool
  /// The questions asked by id (`--question`), or empty for a draw.
  public var questions: [String]

  public init(
    stage: String? = nil, count: Int, answerSeconds: Int? = nil, thinkSeconds: Int? = nil, strict: Bool = false,
    seed: UInt64, review: Bool = true, questions: [String] = []
  ) {
    self.questions = questions
    self.stage = stage
    self.count = count
    self.answerSeconds = answerSeconds
    self.thinkSeconds = thinkSeconds
    self.strict = strict
    self.seed = seed
    self.review = review
  }

  enum CodingKeys: String, CodingKey {
    case stage, count, strict, seed, review, questions
    case answerSeconds = "time"
    case thinkSeconds = "think"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    stage = try container.decodeIfPresent(String.self, forKey: .stage)
    count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 0
    answerSeconds = try container.decodeIfPresent(Int.self, forKey: .answerSeconds)
    thinkSeconds = try container.decodeIfPresent(Int.self, forKey: .thinkSeconds)
    strict = try container.decodeIfPresent(Bool.self, forKey: .strict) ?? false
    seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0
    review = try container.decodeIfPresent(Bool.self, forKey: .review) ?? true
    questions = try container.decodeIfPresent([String].self, forKey: .questions) ?? []
  }

  /// Every key, `null` included, so the stored JSON always has the same shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(stage, forKey: .stage)
    try container.encode(count, forKey: .count)
    try container.encode(answerSeconds, forKey: .answerSeconds)
    try container.encode(thinkSeconds, forKey: .thinkSeconds)
    try container.encode(strict, forKey: .strict)
    try container.encode(seed, forKey: .seed)
    try container.encode(review, forKey: .review)
    try container.encode(questions, forKey: .questions)
  }
}
