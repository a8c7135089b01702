import Foundation

/// The learned second opinion on `present` (README, "The scorer"). Per label and language, three
/// small logistic regressions:
///
/// - the *answer model* reads the rules' own findings (level, markers, what the guards cancelled,
///   the other labels' levels) and all of the answer's words (English words and word pairs,
///   Japanese character pairs and triples), hashed into a fixed number of weights;
/// - the *clause model* reads one clause at a time (its words, the lexicon roles the rules found
///   in it, where in the answer it stands), and was trained on the clause a labeller's note
///   points to ("E: 'no houses flooded above floor'") against the clauses of answers without the
///   quality: it finds the clause that says the result or the reason;
/// - the *combiner* weighs the rules' level, the answer model and the best clause into one
///   probability.
///
/// It speaks both ways, but only where it is sure. When the combined probability finds the
/// quality and the rules did not, the category rises to level 2 and the stretch of the best
/// clause whose words weighed most is shown as the span, so every `present` verdict still
/// shows the words that earned it. When the rules found it but the model, reading the whole
/// answer, finds it very unlikely ("because I'm passionate about safety", a tenure figure read as
/// a result), the category falls to level 1 and the rules' words are listed as not counted, under
/// `doubtRule`. Otherwise the verdict stays the rules', spans and all.
///
/// The weights are trained by `Scripts/train-calibration` from the tuning writers only (never
/// the validation writers), deterministically, and shipped as `Resources/Calibration/*.bin`.
public struct ScorerCalibration: Sendable, Equatable {
  /// The labels the model speaks for.
  public static let labels: [ScoreCategory] = [.reasoning, .reproducibility, .evidence]
  /// Weights per label: 2^bits hashed features.
  public static let bits = 15
  public static var width: Int { 1 << bits }
  /// The marker of a span found by the model rather than a lexicon entry.
  public static let marker = "learned"
  /// The rule under which the words of a verdict the model overruled are listed as not counted.
  public static let doubtRule = "learned-doubt"
  /// The fewest English words or Japanese characters an answer needs before the model may lower
  /// a verdict of the rules (it also needs two sentences: `CalibrationInput.isDoubtable`).
  public static let doubtMinimum: [Language: Int] = [.en: 30, .ja: 60]

  /// A table of 2^bits weights: an array when trained, or read in place from the shipped file,
  /// which stays memory-mapped (a copy would add its size to the drill's peak memory).
  public struct Weights: Sendable, Equatable {
    enum Storage: Sendable {
      case array([Float])
      case mapped(Data, offset: Int)
    }
    let storage: Storage

    public init(_ values: [Float]) {
      precondition(values.count == ScorerCalibration.width)
      storage = .array(values)
    }

    init(mapped data: Data, offset: Int) {
      storage = .mapped(data, offset: offset)
    }

    public static func zero() -> Weights { Weights([Float](repeating: 0, count: ScorerCalibration.width)) }

    public subscript(index: Int) -> Float {
      switch storage {
      case .array(let values): values[index]
      case .mapped(let data, let offset):
        data.withUnsafeBytes {
          Self.float(half: UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: offset + 2 * index, as: UInt16.self)))
        }
      }
    }

    /// The weights of `features`, summed.
    func sum<C: Collection>(_ features: C) -> Double where C.Element == Int32 {
      var sum = 0.0
      switch storage {
      case .array(let values):
        for feature in features { sum += Double(values[Int(feature)]) }
      case .mapped(let data, let offset):
        data.withUnsafeBytes { raw in
          for feature in features {
            let bits = raw.loadUnaligned(fromByteOffset: offset + 2 * Int(feature), as: UInt16.self)
            sum += Double(Self.float(half: UInt16(littleEndian: bits)))
          }
        }
      }
      return sum
    }

    /// A half-precision number widened by bit arithmetic: `Float(Float16)` is a library call
    /// per weight on x86-64, which cost 0.15 ms per 2,000-character Japanese answer.
    @inline(__always) public static func float(half: UInt16) -> Float {
      let sign = UInt32(half & 0x8000) << 16
      let exponent = UInt32(half >> 10) & 0x1F
      let mantissa = UInt32(half & 0x3FF)
      switch exponent {
      case 0:
        let magnitude = Float(mantissa) * 0x1p-24  // zero or subnormal
        return sign == 0 ? magnitude : -magnitude
      case 31:
        return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
      default:
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
      }
    }

    public var values: [Float] {
      switch storage {
      case .array(let values): values
      case .mapped: (0..<ScorerCalibration.width).map { self[$0] }
      }
    }

    public static func == (lhs: Weights, rhs: Weights) -> Bool { lhs.values == rhs.values }
  }

  public struct Model: Sendable, Equatable {
    /// The answer model.
    public var bias: Float
    public var weights: Weights
    /// The clause model.
    public var clauseBias: Float
    public var clauseWeights: Weights
    /// The combiner: a bias, one weight per rules' level 0…3, then the weights of the answer
    /// model's log-odds, the best clause's log-odds and their product.
    public var combiner: [Float]
    /// `present` when the combined probability reaches this (chosen by cross-validation over
    /// writers).
    public var threshold: Float
    /// A verdict the rules made at level 2 is lowered when the combined probability is under
    /// this (0: never).
    public var demotion: Float
    /// The same for a verdict made at level 3 (more than one strong marker): the model must be
    /// surer to overrule it.
    public var strongDemotion: Float

    public static let combinerCount = 8

    public init(
      bias: Float, weights: Weights, clauseBias: Float, clauseWeights: Weights, combiner: [Float],
      threshold: Float, demotion: Float, strongDemotion: Float
    ) {
      precondition(combiner.count == Self.combinerCount)
      self.bias = bias
      self.weights = weights
      self.clauseBias = clauseBias
      self.clauseWeights = clauseWeights
      self.combiner = combiner
      self.threshold = threshold
      self.demotion = demotion
      self.strongDemotion = strongDemotion
    }

    /// The answer model's probability.
    public func probability(_ features: [Int32]) -> Double {
      1 / (1 + exp(-(Double(bias) + weights.sum(features))))
    }

    /// The clause model's probability for each clause of the answer; 0 for a clause without
    /// words (a Japanese sentence's closing 。), as in training, where such clauses are no
    /// examples at all.
    public func clauseProbabilities(_ input: CalibrationInput) -> [Double] {
      input.clauseFeatures.map { $0.isEmpty ? 0 : 1 / (1 + exp(-(Double(clauseBias) + clauseWeights.sum($0)))) }
    }

    /// The clause `clauseProbabilities` ranks first (the first of equals) and its probability;
    /// `nil` for an answer without clauses. Only a clause that beats the best so far has its
    /// probability computed.
    public func bestClause(_ input: CalibrationInput) -> (index: Int, probability: Double)? {
      guard !input.clauseFeatures.isEmpty else { return nil }
      var best = (index: 0, probability: 0.0)
      var bestLogit = -Double.infinity
      for (index, features) in input.clauseFeatures.enumerated() where !features.isEmpty {
        let z = Double(clauseBias) + clauseWeights.sum(features)
        guard z > bestLogit else { continue }
        bestLogit = z
        let probability = 1 / (1 + exp(-z))
        if probability > best.probability { best = (index, probability) }
      }
      return best
    }

    /// The answer model's probability for one label of an answer (`probability(input.features(label))`
    /// without building the list).
    public func probability(_ input: CalibrationInput, _ label: ScoreCategory) -> Double {
      1 / (1 + exp(-(Double(bias) + input.weightSum(weights, label))))
    }

    /// The combiner's inputs besides its bias: the rules' level, one-hot, then the log-odds.
    public static func combinerInputs(ruleLevel: Int, answer: Double, clause: Double) -> [Double] {
      let a = logit(answer)
      let s = logit(clause)
      var inputs = [Double](repeating: 0, count: combinerCount - 1)
      inputs[min(max(ruleLevel, 0), 3)] = 1
      inputs[4] = a
      inputs[5] = s
      inputs[6] = a * s
      return inputs
    }

    /// The combined probability.
    public func combined(ruleLevel: Int, answer: Double, clause: Double) -> Double {
      var z = Double(combiner[0])
      for (weight, input) in zip(
        combiner.dropFirst(), Self.combinerInputs(ruleLevel: ruleLevel, answer: answer, clause: clause))
      {
        z += Double(weight) * input
      }
      return 1 / (1 + exp(-z))
    }

    static func logit(_ p: Double) -> Double {
      let clamped = min(max(p, 1e-4), 1 - 1e-4)
      return log(clamped / (1 - clamped))
    }
  }

  public var models: [ScoreCategory: Model]
  /// A hash of the rule features of every training answer: when the rules or lexicons change,
  /// the shipped weights no longer match and a test says to retrain.
  public var fingerprint: UInt64

  public init(models: [ScoreCategory: Model], fingerprint: UInt64) {
    self.models = models
    self.fingerprint = fingerprint
  }

  /// A hash of every training answer's id and features, in training order: the shipped
  /// weights belong to exactly these rules, lexicons and answers.
  public static func fingerprint(ids: [String], inputs: [CalibrationInput]) -> UInt64 {
    var hash = FeatureHash("")
    func add(_ value: UInt64) {
      for shift in stride(from: 0, to: 64, by: 8) { hash.add(byte: UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
    for (id, input) in zip(ids, inputs) {
      for byte in id.utf8 { hash.add(byte: byte) }
      for label in labels {
        add(UInt64(input.ruleLevels[label] ?? 0))
        for feature in input.features(label) { add(UInt64(UInt32(bitPattern: feature))) }
      }
    }
    return hash.value
  }

  // MARK: - File format

  public enum FormatError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(String)

    public var description: String {
      switch self {
      case .missing(let name): "the calibration file \(name) is not in the bundle"
      case .malformed(let reason): "the calibration file is malformed: \(reason)"
      }
    }
  }

  static let magic = Array("RHCAL005".utf8)

  /// `RHCAL005`, bits (UInt32), fingerprint (UInt64), then per label in `labels` order: the
  /// threshold, demotion and strong demotion; the answer model's bias and 2^bits weights; the
  /// clause model's bias and 2^bits weights; the combiner's 8 weights. The weights are
  /// Float16 (half the pages a drill touches; the models do not need more), the rest Float32;
  /// all little-endian.
  public func encoded() -> Data {
    var data = Data(Self.magic)
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
    append(UInt32(Self.bits))
    append(fingerprint)
    for label in Self.labels {
      let model =
        models[label]
        ?? Model(
          bias: -20, weights: .zero(), clauseBias: -20, clauseWeights: .zero(),
          combiner: [-20] + [Float](repeating: 0, count: Model.combinerCount - 1), threshold: 1, demotion: 0,
          strongDemotion: 0)
      for value in [model.threshold, model.demotion, model.strongDemotion, model.bias] { append(value.bitPattern) }
      for weight in model.weights.values { append(Float16(weight).bitPattern) }
      append(model.clauseBias.bitPattern)
      for weight in model.clauseWeights.values { append(Float16(weight).bitPattern) }
      for weight in model.combiner { append(weight.bitPattern) }
    }
    return data
  }

  /// Reads a calibration file. The weights are read in place: `data` (a memory-mapped file when
  /// shipped) is kept, not copied.
  public init(data: Data) throws {
    let data = data.startIndex == 0 ? data : Data(data)
    var offset = 0
    func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
      guard offset + MemoryLayout<T>.size <= data.count else { throw FormatError.malformed("it ends early") }
      defer { offset += MemoryLayout<T>.size }
      return data.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
    func readFloat() throws -> Float { Float(bitPattern: try read(UInt32.self)) }
    func readWeights() throws -> Weights {
      guard offset + 2 * Self.width <= data.count else { throw FormatError.malformed("it ends early") }
      defer { offset += 2 * Self.width }
      return Weights(mapped: data, offset: offset)
    }
    guard data.count >= Self.magic.count, data.prefix(Self.magic.count).elementsEqual(Self.magic) else {
      throw FormatError.malformed("not a calibration file")
    }
    offset = Self.magic.count
    guard try read(UInt32.self) == UInt32(Self.bits) else { throw FormatError.malformed("another feature width") }
    let fingerprint = try read(UInt64.self)
    var models: [ScoreCategory: Model] = [:]
    for label in Self.labels {
      let threshold = try readFloat()
      let demotion = try readFloat()
      let strongDemotion = try readFloat()
      let bias = try readFloat()
      let weights = try readWeights()
      let clauseBias = try readFloat()
      let clauseWeights = try readWeights()
      let combiner = try (0..<Model.combinerCount).map { _ in try readFloat() }
      models[label] = Model(
        bias: bias, weights: weights, clauseBias: clauseBias, clauseWeights: clauseWeights, combiner: combiner,
        threshold: threshold, demotion: demotion, strongDemotion: strongDemotion)
    }
    guard offset == data.count else { throw FormatError.malformed("trailing bytes") }
    self.init(models: models, fingerprint: fingerprint)
  }

  nonisolated(unsafe) private static var cache: [Language: ScorerCalibration] = [:]
  private static let lock = NSLock()

  /// The shipped calibration for a language, read on first use and kept.
  public static func shipped(_ language: Language) throws -> ScorerCalibration {
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[language] { return cached }
    let name = "\(language.rawValue).bin"
    guard
      let url = Bundle.module.url(
        forResource: language.rawValue, withExtension: "bin", subdirectory: "Resources/Calibration")
    else { throw FormatError.missing(name) }
    let calibration = try ScorerCalibration(data: Data(contentsOf: url, options: .alwaysMapped))
    cache[language] = calibration
    return calibration
  }

  // MARK: - Deciding

  /// The rules' result for `label`, raised to `present` with the model's span when the model
  /// finds the quality and the rules did not, or lowered to level 1 with the rules' words
  /// listed as not counted when the rules found it and the model finds it very unlikely.
  func apply(_ result: CategoryResult, label: ScoreCategory, input: CalibrationInput) -> CategoryResult {
    guard let model = models[label] else { return result }
    if result.present {
      let demotion = result.level >= 3 ? model.strongDemotion : model.demotion
      guard demotion > 0, input.isDoubtable else { return result }
      let combined = model.combined(
        ruleLevel: result.level, answer: model.probability(input, label),
        clause: model.bestClause(input)?.probability ?? 0)
      guard combined < Double(demotion) else { return result }
      var lowered = result
      lowered.level = 1
      lowered.cancelled += result.matches.map { CancelledMatch(match: $0, rule: Self.doubtRule) }
      lowered.matches = []
      return lowered
    }
    guard !input.vetoed(label) else { return result }
    guard let best = model.bestClause(input),
      model.combined(ruleLevel: result.level, answer: model.probability(input, label), clause: best.probability)
        >= Double(model.threshold)
    else { return result }
    var raised = result
    raised.level = 2
    if let span = input.strongestSpan(model.clauseWeights, in: best.index) {
      raised.matches.append(span)
    } else if raised.matches.isEmpty {
      return result  // nothing to show for it: the verdict stays the rules'
    }
    return raised
  }
}

/// What the calibration reads from one answer: its words or characters, hashed, with where
/// each came from, and the rules' findings per label.
public struct CalibrationInput: Sendable {
  /// A word (English) or character (Japanese) in normalised scalar offsets.
  struct Token {
    var range: Range<Int>
    var sentence: Int
  }

  /// One hashed word or character n-gram over `tokens[first...last]`.
  struct Gram {
    var feature: Int32
    var first: Int32
    var last: Int32
  }

  let text: NormalizedText
  let tokens: [Token]
  let grams: [Gram]
  /// Each hashed word feature once, in the order first met.
  let lexical: [Int32]
  /// `lexical` as a bit set.
  let seen: [UInt64]
  /// The clause each token is in (`clauseFeatures`' index).
  let units: [Int]
  /// What the clause model reads: per clause, its hashed words (each once), the lexicon roles the
  /// rules found in it, whether it is the answer's first or last and the quarter of the answer
  /// it begins in; empty for a clause without words.
  public let clauseFeatures: [[Int32]]
  let rules: [ScoreCategory: [Int32]]
  /// The language whose words were read.
  public let language: Language
  /// The rules' level per label, before calibration.
  public let ruleLevels: [ScoreCategory: Int]
  /// The guard rules that cancelled a marker, per label.
  let cancelledRules: [ScoreCategory: Set<String>]

  /// Guards the model may not overrule: a reason the rules cancelled as someone else's
  /// (「…と思ったからだそうです」, "my mgr decided … bc he reckoned…") is not the speaker's,
  /// however much its words look like one; nor is one the speaker disclaimed (「なんとなく、家から
  /// 近いので選びました」, "I didn't really think it through").
  static let vetoes: [ScoreCategory: Set<String>] = [.reasoning: ["someone-elses-decision", "negation"]]

  /// Guards the model may not overrule in a one-sentence answer when they are all the rules found:
  /// a sentence in which every number is a hope, a target or context, or whose result words are
  /// denied ("Five years from now I wanna be a senior AE, closing like €500k in new ARR a year",
  /// "I didn't win a single contract in the first six months"), has no other sentence to hold a
  /// result. (Out of fold this changed one verdict of 5,342 English answers, a false one.)
  static let soleVetoes: [ScoreCategory: Set<String>] = [.evidence: ["target", "negation", "context-number"]]

  /// Whether the rules cancelled a marker for `label` by a guard the model may not overrule.
  public func vetoed(_ label: ScoreCategory) -> Bool {
    let cancelled = cancelledRules[label] ?? []
    if let sole = Self.soleVetoes[label], !cancelled.isEmpty, cancelled.isSubset(of: sole), let first = tokens.first,
      tokens.allSatisfy({ $0.sentence == first.sentence })
    {
      return true
    }
    guard let vetoes = Self.vetoes[label] else { return false }
    return !cancelled.isDisjoint(with: vetoes)
  }

  init(
    text: NormalizedText, sentences: [Range<Int>], language: Language, categories: [ScoreCategory: CategoryResult],
    roles: [(role: String, hits: [Hit])] = []
  ) {
    self.text = text
    var tokens: [Token] = []
    var grams: [Gram] = []
    let scalars = text.scalars
    // At most a token per scalar and two grams per token.
    tokens.reserveCapacity(language == .ja ? scalars.count : scalars.count / 2 + 1)
    grams.reserveCapacity(2 * tokens.capacity)
    for (index, sentence) in sentences.enumerated() {
      let first = tokens.count
      switch language {
      case .en:
        var position = sentence.lowerBound
        while position < sentence.upperBound {
          guard Self.isWordScalar(scalars[position]) else {
            position += 1
            continue
          }
          var end = position + 1
          while end < sentence.upperBound, Self.isWordScalar(scalars[end]) { end += 1 }
          tokens.append(Token(range: position..<end, sentence: index))
          position = end
        }
        for token in first..<tokens.count {
          var hash = Self.wordSeed
          hash.add(word: scalars[tokens[token].range])
          grams.append(Gram(feature: hash.feature, first: Int32(token), last: Int32(token)))
          if token + 1 < tokens.count {
            var pair = Self.pairSeed
            pair.add(word: scalars[tokens[token].range])
            pair.add(byte: 0x20)
            pair.add(word: scalars[tokens[token + 1].range])
            grams.append(Gram(feature: pair.feature, first: Int32(token), last: Int32(token + 1)))
          }
        }
      case .ja:
        // A run of digits is one token, read as "#": 3件 and 12件 are the same kind of words.
        var position = sentence.lowerBound
        while position < sentence.upperBound {
          var end = position + 1
          if Self.isDigit(scalars[position]) {
            while end < sentence.upperBound, Self.isDigit(scalars[end]) || Self.isDigitSeparator(scalars, end) {
              end += 1
            }
          }
          if !ScalarText.isSpace(scalars[position].value) {
            tokens.append(Token(range: position..<end, sentence: index))
          }
          position = end
        }
        // Each character as the hash reads it (a run of digits as "#"), hashed into the pairs
        // and triples that begin with it.
        let characters = tokens[first...].map { token -> UInt64 in
          let scalar = scalars[token.range.lowerBound]
          return FeatureHash.encoded(character: Self.isDigit(scalar) ? "#" : scalar)
        }
        let count = characters.count
        for offset in 0..<count {
          let token = Int32(first + offset)
          if offset + 2 <= count {
            var pair = Self.charPairSeed
            pair.add(encoded: characters[offset])
            pair.add(encoded: characters[offset + 1])
            grams.append(Gram(feature: pair.feature, first: token, last: token + 1))
          }
          if offset + 3 <= count {
            var triple = Self.charTripleSeed
            triple.add(encoded: characters[offset])
            triple.add(encoded: characters[offset + 1])
            triple.add(encoded: characters[offset + 2])
            grams.append(Gram(feature: triple.feature, first: token, last: token + 2))
          }
        }
      }
    }
    self.tokens = tokens
    self.grams = grams
    var seen = [UInt64](repeating: 0, count: ScorerCalibration.width / 64)
    var lexical: [Int32] = []
    lexical.reserveCapacity(grams.count)
    for gram in grams {
      let feature = Int(gram.feature)
      let bit = UInt64(1) << UInt64(feature & 63)
      if seen[feature >> 6] & bit == 0 {
        seen[feature >> 6] |= bit
        lexical.append(gram.feature)
      }
    }
    self.lexical = lexical
    self.seen = seen
    self.language = language
    // Clauses: a sentence cut at commas, semicolons, colons, dashes and brackets (、 and 。 in
    // Japanese).
    var units = [Int](repeating: 0, count: tokens.count)
    for index in tokens.indices.dropFirst() {
      let breaks =
        tokens[index].sentence != tokens[index - 1].sentence
        || Self.isClauseBreak(between: index - 1, and: index, tokens: tokens, scalars: scalars, language: language)
      units[index] = units[index - 1] + (breaks ? 1 : 0)
    }
    self.units = units
    // Each clause's words once: `seen` marks what the clause has so far and is cleared after it.
    var clauseFeatures = [[Int32]](repeating: [], count: (units.last ?? -1) + 1)
    var marked = [UInt64](repeating: 0, count: ScorerCalibration.width / 64)
    var gramIndex = 0
    var features: [Int32] = []
    while gramIndex < grams.count {
      let unit = units[Int(grams[gramIndex].first)]
      features.removeAll(keepingCapacity: true)
      while gramIndex < grams.count, units[Int(grams[gramIndex].first)] == unit {
        let feature = Int(grams[gramIndex].feature)
        let bit = UInt64(1) << UInt64(feature & 63)
        if marked[feature >> 6] & bit == 0 {
          marked[feature >> 6] |= bit
          features.append(grams[gramIndex].feature)
        }
        gramIndex += 1
      }
      for feature in features { marked[Int(feature) >> 6] = 0 }
      clauseFeatures[unit].append(contentsOf: features)
    }
    // The lexicon roles the rules found in each clause ("evidence.target", "reasoning.connective"):
    // what the hand-written patterns know, as the clause model reads it.
    if !tokens.isEmpty {
      // For each scalar, the last token that begins at or before it (the first token for
      // scalars before any).
      var tokenAt = [Int32](repeating: 0, count: scalars.count + 1)
      var next = 0
      for position in tokenAt.indices {
        while next + 1 < tokens.count, tokens[next + 1].range.lowerBound <= position { next += 1 }
        tokenAt[position] = Int32(next)
      }
      for (role, hits) in roles where !hits.isEmpty {
        let feature = Self.roleSeed.adding(role).feature
        var last = -1
        for hit in hits {  // in the text's order
          let unit = units[Int(tokenAt[Swift.min(hit.range.lowerBound, scalars.count)])]
          if unit != last { clauseFeatures[unit].append(feature) }
          last = unit
        }
      }
    }
    if let first = clauseFeatures.firstIndex(where: { !$0.isEmpty }),
      let last = clauseFeatures.lastIndex(where: { !$0.isEmpty })
    {
      clauseFeatures[first].append(Self.firstClause)
      clauseFeatures[last].append(Self.lastClause)
      // Where in the answer the clause stands, by the share of the answer's words before it:
      // situations come first, results last.
      var unitStart = [Int](repeating: 0, count: clauseFeatures.count)
      for index in tokens.indices where index == 0 || units[index] != units[index - 1] {
        unitStart[units[index]] = index
      }
      for unit in clauseFeatures.indices where !clauseFeatures[unit].isEmpty {
        clauseFeatures[unit].append(Self.quarters[min(3, 4 * unitStart[unit] / tokens.count)])
      }
    }
    self.clauseFeatures = clauseFeatures

    var rules: [ScoreCategory: [Int32]] = [:]
    // The lexicon roles the rules found anywhere in the answer ("evidence.before_after",
    // "evidence.target"): what kind of words earned or cancelled a verdict, which the matched
    // words themselves ("m:" + marker) say only for the one wording.
    let found = roles.filter { !$0.hits.isEmpty }.map { Self.answerRoleSeed.adding($0.role).feature }
    for label in ScorerCalibration.labels {
      guard let result = categories[label] else { continue }
      var features = [FeatureHash("lvl:\(result.level)").feature] + found
      for match in result.matches { features.append(FeatureHash("m:" + match.marker).feature) }
      for cancelled in result.cancelled { features.append(FeatureHash("x:" + cancelled.rule).feature) }
      for other in ScorerCalibration.labels where other != label {
        features.append(FeatureHash("o:\(other.rawValue):\(categories[other]?.level ?? 0)").feature)
      }
      rules[label] = features
    }
    self.rules = rules
    self.ruleLevels = categories.mapValues(\.level)
    self.cancelledRules = categories.mapValues { Set($0.cancelled.map(\.rule)) }
  }

  /// Each kind of gram's prefix, hashed once.
  static let wordSeed = FeatureHash("w:")
  static let pairSeed = FeatureHash("b:")
  static let charPairSeed = FeatureHash("c2:")
  static let charTripleSeed = FeatureHash("c3:")
  static let roleSeed = FeatureHash("r:")
  /// A lexicon role the rules found anywhere in the answer (the answer model's feature).
  static let answerRoleSeed = FeatureHash("R:")
  /// The quarter of the answer a clause begins in.
  static let quarters = (0..<4).map { FeatureHash("s:q\($0)").feature }
  static let firstClause = FeatureHash("s:first").feature
  static let lastClause = FeatureHash("s:last").feature

  /// Per clause, the keys a labeller's note is matched on (`CalibrationTrainer`): its English
  /// words other than `ignoring`, or its Japanese character pairs.
  public func clauseKeys(ignoring: Set<Int32> = []) -> [Set<Int32>] {
    var keys = [Set<Int32>](repeating: [], count: clauseFeatures.count)
    for gram in grams where language == .en ? gram.first == gram.last : gram.last == gram.first + 1 {
      guard !ignoring.contains(gram.feature) else { continue }
      keys[units[Int(gram.first)]].insert(gram.feature)
    }
    return keys
  }

  /// The key of an English word, as `clauseKeys` gives it.
  public static func wordKey(_ word: String) -> Int32 {
    var hash = FeatureHash("w:")
    hash.add(word: ArraySlice(Array(word.unicodeScalars)))
    return hash.feature
  }

  /// Whether the answer is long enough for the model to doubt what the rules found: at least two
  /// sentences and `doubtMinimum` words or characters. In a one-sentence answer there is no more
  /// of it to read than the sentence holding the rules' own words ("I decided to move the
  /// release by a week because the data was incomplete; …").
  public var isDoubtable: Bool {
    guard tokens.count >= ScorerCalibration.doubtMinimum[language, default: 0], let first = tokens.first else {
      return false
    }
    return tokens.contains { $0.sentence != first.sentence }
  }

  /// The model's features for one label: each hashed feature once.
  public func features(_ label: ScoreCategory) -> [Int32] { lexical + ruleFeatures(label) }

  /// The rules' features for `label` that are not among the answer's words, each once, in order.
  func ruleFeatures(_ label: ScoreCategory) -> [Int32] {
    var extra: [Int32] = []
    for feature in rules[label] ?? [] where !contains(feature) && !extra.contains(feature) { extra.append(feature) }
    return extra
  }

  /// The sum of `weights` over `features(label)`, in the same order.
  func weightSum(_ weights: ScorerCalibration.Weights, _ label: ScoreCategory) -> Double {
    var sum = weights.sum(lexical)
    for feature in ruleFeatures(label) { sum += Double(weights[Int(feature)]) }
    return sum
  }

  func contains(_ feature: Int32) -> Bool {
    seen[Int(feature) >> 6] & (UInt64(1) << UInt64(feature & 63)) != 0
  }

  /// The stretch of clause `unit` whose words weigh most towards `present` in `weights` (at
  /// least three English words or six Japanese characters when the sentence has them).
  func strongestSpan(_ weights: ScorerCalibration.Weights, in unit: Int) -> Match? {
    let inUnit = tokens.indices.filter { units[$0] == unit }
    guard let first = inUnit.first, let last = inUnit.last else { return nil }
    let sentence = tokens[first].sentence
    var weight = [Double](repeating: 0, count: tokens.count)
    for gram in grams where units[Int(gram.first)] == unit {
      let share = Double(weights[Int(gram.feature)]) / Double(gram.last - gram.first + 1)
      for token in Int(gram.first)...Int(gram.last) { weight[token] += share }
    }
    // Kadane's maximum-sum window. Each word costs a share of the strongest word's weight, so the
    // window keeps the words that carry the verdict rather than every mildly positive word
    // around them.
    let cost = 0.3 * (weight[first...last].max() ?? 0)
    for index in first...last { weight[index] -= cost }
    var best: (sum: Double, range: ClosedRange<Int>)?
    var start = first
    var sum = 0.0
    for index in first...last {
      if sum <= 0 {
        start = index
        sum = 0
      }
      sum += weight[index]
      if sum > 0, best.map({ sum > $0.sum }) ?? true { best = (sum, start...index) }
    }
    guard let core = best?.range else { return nil }
    // Show the whole clause, so the span reads as words rather than pieces of them; a clause
    // longer than `longest` keeps the core, widened to `shortest`.
    let (shortest, longest) = language == .ja ? (6, 40) : (3, 20)
    var range = first...last
    if range.count > longest {
      range = core
      while range.count < shortest {
        let before = range.lowerBound - 1
        let after = range.upperBound + 1
        let canBefore = before >= 0 && tokens[before].sentence == sentence
        let canAfter = after < tokens.count && tokens[after].sentence == sentence
        if canAfter, !canBefore || weight[after] >= weight[before] {
          range = range.lowerBound...after
        } else if canBefore {
          range = before...range.upperBound
        } else {
          break
        }
      }
    }
    let original = text.originalRange(
      tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound)
    return Match(
      marker: ScorerCalibration.marker, text: text.originalText(original), start: original.lowerBound,
      end: original.upperBound)
  }

  /// A comma, semicolon, colon, dash or bracket; 、。「」『』（）・ in Japanese.
  static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2C, 0x3B, 0x3A, 0x2014, 0x2013, 0x28, 0x29, 0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF08, 0xFF09,
      0x30FB:
      true
    default: false
    }
  }

  /// Whether a clause ends between two neighbouring tokens: a comma, semicolon, colon, dash or
  /// bracket between English words; a Japanese comma, full stop or bracket as either token.
  static func isClauseBreak(
    between left: Int, and right: Int, tokens: [Token], scalars: [Unicode.Scalar], language: Language
  ) -> Bool {
    switch language {
    case .en:
      // Not the comma inside a number: "AED 4,000 a month" is one clause.
      return (tokens[left].range.upperBound..<tokens[right].range.lowerBound).contains {
        isClauseBreak(scalars[$0]) && !isDigitSeparator(scalars, $0)
      }
    case .ja:
      return isClauseBreak(scalars[tokens[left].range.lowerBound])
        || isClauseBreak(scalars[tokens[right].range.lowerBound])
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

  /// A comma or point inside a number: 1,200 and 1.5 stay one number.
  static func isDigitSeparator(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    (scalars[index] == "," || scalars[index] == ".") && index + 1 < scalars.count && isDigit(scalars[index + 1])
      && index > 0 && isDigit(scalars[index - 1])
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27, 0x2019: true
    default: false
    }
  }
}

/// FNV-1a over UTF-8 bytes, folded into `ScorerCalibration.bits` bits.
struct FeatureHash {
  var value: UInt64 = 0xcbf2_9ce4_8422_2325

  init(_ prefix: String) {
    for byte in prefix.utf8 { add(byte: byte) }
  }

  /// This hash with `text`'s UTF-8 bytes added: a seed's prefix, then a role's name.
  func adding(_ text: String) -> FeatureHash {
    var hash = self
    for byte in text.utf8 { hash.add(byte: byte) }
    return hash
  }

  mutating func add(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  /// An English word: ASCII lowercased, ’ read as ', each run of digits as one "#" (so 12
  /// and 4, 30% and 5% read alike).
  mutating func add(word: ArraySlice<Unicode.Scalar>) {
    var inNumber = false
    for scalar in word {
      let isDigit = (0x30...0x39).contains(scalar.value)
      defer { inNumber = isDigit }
      switch scalar.value {
      case 0x30...0x39: if !inNumber { add(byte: 0x23) }
      case 0x41...0x5A: add(byte: UInt8(scalar.value + 0x20))
      case 0x2019: add(byte: 0x27)
      default: add(byte: UInt8(truncatingIfNeeded: scalar.value))
      }
    }
  }

  /// A Japanese character (Latin letters lowercased), as UTF-8 bytes from the lowest byte up
  /// and their count in the top byte: a character is read into several grams, so it is
  /// encoded once.
  static func encoded(character scalar: Unicode.Scalar) -> UInt64 {
    let value = UInt64((0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value)
    switch value {
    case 0..<0x80: return 1 << 56 | value
    case 0x80..<0x800: return 2 << 56 | (0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8
    case 0x800..<0x10000:
      return 3 << 56 | (0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16
    default:
      return 4 << 56 | (0xF0 | value >> 18) | (0x80 | value >> 12 & 0x3F) << 8 | (0x80 | value >> 6 & 0x3F) << 16
        | (0x80 | value & 0x3F) << 24
    }
  }

  /// A character encoded by `encoded(character:)`.
  @inline(__always)
  mutating func add(encoded: UInt64) {
    for index in 0..<Int(encoded >> 56) { add(byte: UInt8(truncatingIfNeeded: encoded >> (8 * UInt64(index)))) }
  }

  var feature: Int32 {
    Int32(truncatingIfNeeded: (value ^ (value >> 31)) & UInt64(ScorerCalibration.width - 1))
  }
}
