import Foundation

/// The learned second opinion on `present` (README, "The scorer"): one logistic regression
/// per label and language over the rules' own findings (level, markers, what the guards
/// cancelled, the other labels' levels) and the answer's words (English words and word pairs,
/// Japanese character pairs and triples), hashed into a fixed number of weights.
///
/// It speaks both ways, but only where it is sure. When the model finds the quality and the
/// rules did not, the category rises to level 2 and the stretch of words that weighed most in
/// the model is shown as the span, so every `present` verdict still shows the words that earned
/// it. When the rules found it but the model, reading the whole answer, finds it very unlikely
/// ("because I'm passionate about safety", a tenure figure read as a result), the category falls
/// to level 1 and the rules' words are listed as not counted, under `doubtRule`. Otherwise the
/// verdict stays the rules', spans and all.
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
  /// a verdict of the rules: about one sentence.
  public static let doubtMinimum: [Language: Int] = [.en: 20, .ja: 30]

  public struct Model: Sendable, Equatable {
    public var bias: Float
    /// `present` when the probability reaches this (chosen by cross-validation over writers).
    public var threshold: Float
    /// A verdict the rules made at level 2 is lowered when the probability is under this (0:
    /// never).
    public var demotion: Float
    /// The same for a verdict made at level 3 (more than one strong marker): the model must be
    /// surer to overrule it.
    public var strongDemotion: Float
    public var weights: [Float]

    public init(bias: Float, threshold: Float, demotion: Float, strongDemotion: Float, weights: [Float]) {
      self.bias = bias
      self.threshold = threshold
      self.demotion = demotion
      self.strongDemotion = strongDemotion
      self.weights = weights
    }

    public func probability(_ features: [Int32]) -> Double {
      var sum = Double(bias)
      for feature in features { sum += Double(weights[Int(feature)]) }
      return 1 / (1 + exp(-sum))
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

  static let magic = Array("RHCAL003".utf8)

  /// `RHCAL003`, bits (UInt32), fingerprint (UInt64), then per label in `labels` order: bias,
  /// threshold, demotion, strong demotion and 2^bits weights (Float32), all little-endian.
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
          bias: -20, threshold: 1, demotion: 0, strongDemotion: 0, weights: [Float](repeating: 0, count: Self.width))
      append(model.bias.bitPattern)
      append(model.threshold.bitPattern)
      append(model.demotion.bitPattern)
      append(model.strongDemotion.bitPattern)
      for weight in model.weights { append(weight.bitPattern) }
    }
    return data
  }

  public init(data: Data) throws {
    // Read in place: a copy of the file's bytes would add its size to the drill's peak memory
    // while the lexicon loads behind the first question.
    let (models, fingerprint) = try data.withUnsafeBytes { raw in
      var offset = 0
      func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        guard offset + MemoryLayout<T>.size <= raw.count else { throw FormatError.malformed("it ends early") }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
      }
      guard raw.count >= Self.magic.count, raw.prefix(Self.magic.count).elementsEqual(Self.magic) else {
        throw FormatError.malformed("not a calibration file")
      }
      offset = Self.magic.count
      guard try read(UInt32.self) == UInt32(Self.bits) else { throw FormatError.malformed("another feature width") }
      let fingerprint = try read(UInt64.self)
      var models: [ScoreCategory: Model] = [:]
      for label in Self.labels {
        let bias = Float(bitPattern: try read(UInt32.self))
        let threshold = Float(bitPattern: try read(UInt32.self))
        let demotion = Float(bitPattern: try read(UInt32.self))
        let strongDemotion = Float(bitPattern: try read(UInt32.self))
        guard offset + 4 * Self.width <= raw.count else { throw FormatError.malformed("it ends early") }
        let start = offset
        let weights = [Float](unsafeUninitializedCapacity: Self.width) { buffer, count in
          for index in 0..<Self.width {
            buffer[index] = Float(
              bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self)))
          }
          count = Self.width
        }
        offset += 4 * Self.width
        models[label] = Model(
          bias: bias, threshold: threshold, demotion: demotion, strongDemotion: strongDemotion, weights: weights)
      }
      guard offset == raw.count else { throw FormatError.malformed("trailing bytes") }
      return (models, fingerprint)
    }
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
      guard demotion > 0, input.isDoubtable, model.probability(input.features(label)) < Double(demotion) else {
        return result
      }
      var lowered = result
      lowered.level = 1
      lowered.cancelled += result.matches.map { CancelledMatch(match: $0, rule: Self.doubtRule) }
      lowered.matches = []
      return lowered
    }
    guard !input.vetoed(label), model.probability(input.features(label)) >= Double(model.threshold) else {
      return result
    }
    var raised = result
    raised.level = 2
    if let span = input.strongestSpan(model) {
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
  let rules: [ScoreCategory: [Int32]]
  /// The language whose words were read.
  public let language: Language
  /// The rules' level per label, before calibration.
  public let ruleLevels: [ScoreCategory: Int]
  /// The guard rules that cancelled a marker, per label.
  let cancelledRules: [ScoreCategory: Set<String>]

  /// Guards the model may not overrule: a reason the rules cancelled as someone else's
  /// (「…と思ったからだそうです」, "my mgr decided … bc he reckoned…") is not the speaker's,
  /// however much its words look like one.
  static let vetoes: [ScoreCategory: Set<String>] = [.reasoning: ["someone-elses-decision"]]

  /// Whether the rules cancelled a marker for `label` by a guard the model may not overrule.
  public func vetoed(_ label: ScoreCategory) -> Bool {
    guard let vetoes = Self.vetoes[label] else { return false }
    return !(cancelledRules[label] ?? []).isDisjoint(with: vetoes)
  }

  init(text: NormalizedText, sentences: [Range<Int>], language: Language, categories: [ScoreCategory: CategoryResult]) {
    self.text = text
    var tokens: [Token] = []
    var grams: [Gram] = []
    let scalars = text.scalars
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
          var hash = FeatureHash("w:")
          hash.add(word: scalars[tokens[token].range])
          grams.append(Gram(feature: hash.feature, first: Int32(token), last: Int32(token)))
          if token + 1 < tokens.count {
            var pair = FeatureHash("b:")
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
        for token in first..<tokens.count {
          for length in 2...3 where token + length <= tokens.count {
            var hash = FeatureHash(length == 2 ? "c2:" : "c3:")
            for offset in 0..<length {
              let first = scalars[tokens[token + offset].range.lowerBound]
              hash.add(character: Self.isDigit(first) ? "#" : first)
            }
            grams.append(Gram(feature: hash.feature, first: Int32(token), last: Int32(token + length - 1)))
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

    var rules: [ScoreCategory: [Int32]] = [:]
    for label in ScorerCalibration.labels {
      guard let result = categories[label] else { continue }
      var features = [FeatureHash("lvl:\(result.level)").feature]
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

  /// Whether the answer is long enough for the model to doubt what the rules found: in a
  /// one-line answer there is no more of it to read than the rules' own words.
  public var isDoubtable: Bool { tokens.count >= ScorerCalibration.doubtMinimum[language, default: 0] }

  /// The model's features for one label: each hashed feature once.
  public func features(_ label: ScoreCategory) -> [Int32] {
    var features = lexical
    for feature in rules[label] ?? [] where !contains(feature) && !features[lexical.count...].contains(feature) {
      features.append(feature)
    }
    return features
  }

  func contains(_ feature: Int32) -> Bool {
    seen[Int(feature) >> 6] & (UInt64(1) << UInt64(feature & 63)) != 0
  }

  /// The stretch of one sentence whose words weigh most towards `present` (at least three
  /// English words or six Japanese characters when the sentence has them).
  func strongestSpan(_ model: ScorerCalibration.Model) -> Match? {
    guard !tokens.isEmpty else { return nil }
    var weight = [Double](repeating: 0, count: tokens.count)
    for gram in grams {
      let share = Double(model.weights[Int(gram.feature)]) / Double(gram.last - gram.first + 1)
      for token in Int(gram.first)...Int(gram.last) { weight[token] += share }
    }
    // Kadane's maximum-sum window, restarted at each sentence. Each word costs a share of the
    // strongest word's weight, so the window keeps the words that carry the verdict rather than
    // every mildly positive word around them.
    let cost = 0.3 * (weight.max() ?? 0)
    for index in weight.indices { weight[index] -= cost }
    var best: (sum: Double, range: ClosedRange<Int>)?
    var start = 0
    var sum = 0.0
    for index in tokens.indices {
      if index == 0 || tokens[index].sentence != tokens[index - 1].sentence || sum <= 0 {
        start = index
        sum = 0
      }
      sum += weight[index]
      if sum > 0, best.map({ sum > $0.sum }) ?? true { best = (sum, start...index) }
    }
    guard let core = best?.range else { return nil }
    // Widen the core to the clause around it, so the span reads as words rather than pieces
    // of them; a clause longer than `longest` keeps the core, widened to `shortest`.
    let (shortest, longest) = language == .ja ? (6, 40) : (3, 20)
    let sentence = tokens[core.lowerBound].sentence
    var lower = core.lowerBound
    while lower > 0, tokens[lower - 1].sentence == sentence, !isClauseBreak(between: lower - 1, and: lower) {
      lower -= 1
    }
    var upper = core.upperBound
    while upper + 1 < tokens.count, tokens[upper + 1].sentence == sentence,
      !isClauseBreak(between: upper, and: upper + 1)
    {
      upper += 1
    }
    var range = lower...upper
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

  /// Whether a clause ends between two neighbouring tokens: a comma, semicolon, colon, dash or
  /// bracket between English words; a Japanese comma, full stop or bracket as either token.
  func isClauseBreak(between left: Int, and right: Int) -> Bool {
    let breaks: Set<Unicode.Scalar> = [",", ";", ":", "—", "–", "(", ")", "、", "。", "「", "」", "『", "』", "（", "）", "・"]
    switch language {
    case .en:
      return text.scalars[tokens[left].range.upperBound..<tokens[right].range.lowerBound].contains {
        breaks.contains($0)
      }
    case .ja:
      return breaks.contains(text.scalars[tokens[left].range.lowerBound])
        || breaks.contains(text.scalars[tokens[right].range.lowerBound])
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

  /// A Japanese character (Latin letters lowercased).
  mutating func add(character scalar: Unicode.Scalar) {
    if (0x41...0x5A).contains(scalar.value) {
      add(byte: UInt8(scalar.value + 0x20))
      return
    }
    let value = scalar.value
    switch value {
    case 0..<0x80:
      add(byte: UInt8(value))
    case 0x80..<0x800:
      add(byte: UInt8(0xC0 | (value >> 6)))
      add(byte: UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      add(byte: UInt8(0xE0 | (value >> 12)))
      add(byte: UInt8(0x80 | ((value >> 6) & 0x3F)))
      add(byte: UInt8(0x80 | (value & 0x3F)))
    default:
      add(byte: UInt8(0xF0 | (value >> 18)))
      add(byte: UInt8(0x80 | ((value >> 12) & 0x3F)))
      add(byte: UInt8(0x80 | ((value >> 6) & 0x3F)))
      add(byte: UInt8(0x80 | (value & 0x3F)))
    }
  }

  var feature: Int32 {
    Int32(truncatingIfNeeded: (value ^ (value >> 31)) & UInt64(ScorerCalibration.width - 1))
  }
}
