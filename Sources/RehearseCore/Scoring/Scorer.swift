import Foundation

/// What the scorer knows besides the answer: the question, its bank and its time.
public struct ScoringContext: Sendable {
  public var question: String?
  public var kind: QuestionKind?
  public var answerSeconds: Int?
  /// Enables company fit against the bank's values, skills and hiring background.
  public var company: Company?
  /// Overrides language detection.
  public var language: Language?

  public init(
    question: String? = nil, kind: QuestionKind? = nil, answerSeconds: Int? = nil, company: Company? = nil,
    language: Language? = nil
  ) {
    self.question = question
    self.kind = kind
    self.answerSeconds = answerSeconds
    self.company = company
    self.language = language
  }
}

/// The explainable answer scorer (DESIGN §5, SCORING.md): rules over marker lexicons, offline,
/// then a small learned calibration that adds what the rules missed and, where it is sure,
/// lowers what they found wrongly. Pipeline: NFKC
/// with an offset map → language detection → sentences → marker matching per lexicon role →
/// guard rules (negation, denial, attachment to the speaker's own decision, context numbers,
/// targets…) → a level 0–3 per category → the calibration (`ScorerCalibration.swift`).
public struct Scorer: Sendable {
  private let parts: LanguageParts
  private let calibrated: Bool

  /// Without `calibrations` the verdicts are the rules' alone.
  public init(lexicons: [Language: Lexicon], calibrations: [Language: ScorerCalibration] = [:]) {
    var ready: [Language: LanguageParts.Part] = [:]
    for (language, lexicon) in lexicons {
      ready[language] = LanguageParts.Part(lexicon: lexicon, calibration: calibrations[language])
    }
    parts = LanguageParts(ready: ready, load: nil)
    calibrated = true
  }

  init(parts: LanguageParts, calibrated: Bool = true) {
    self.parts = parts
    self.calibrated = calibrated
  }

  /// A scorer over the shipped lexicons and calibration. `loading` are compiled now (their
  /// failure thrown here); any other language is compiled the first time an answer needs it, so
  /// a drill in one language never holds the other's lexicon (~150 ms and a few MB each).
  public static func shipped(loading languages: [Language] = Language.allCases) throws -> Scorer {
    let parts = LanguageParts(ready: [:]) { language in
      LanguageParts.Part(lexicon: try Lexicon.shipped(language), calibration: try ScorerCalibration.shipped(language))
    }
    try parts.prepare(languages)
    return Scorer(parts: parts, calibrated: true)
  }

  /// Compiles the lexicons of `languages` now, unless they are already; throws what loading
  /// them threw (again to every caller).
  public func prepare(_ languages: [Language]) throws {
    try parts.prepare(languages)
  }

  /// This scorer with the rules alone deciding.
  public var rulesOnly: Scorer { Scorer(parts: parts, calibrated: false) }

  /// `score`, unless a lexicon the answer needs could not be loaded (a broken installation):
  /// then that error, rather than a report made without it.
  public func checkedScore(_ answer: String, context: ScoringContext = ScoringContext()) throws -> ScoreReport {
    let input = Input(answer, context: context)
    try parts.prepare(input.languages)
    return score(input, context: context)
  }

  /// What the calibration reads from an answer: the rules' findings and its words. For
  /// training and for checking that the shipped weights still match the rules.
  public func calibrationInput(_ answer: String, context: ScoringContext = ScoringContext()) -> CalibrationInput {
    ruleCategories(Input(answer, context: context), context: context).calibrationInput
  }

  /// The answer normalised, its language and the languages whose lexicons read it: the one
  /// `context.language` names, else those detected (a mixed answer runs both).
  private struct Input {
    var text: NormalizedText
    var language: Language
    var languages: [Language]

    init(_ answer: String, context: ScoringContext) {
      text = NormalizedText(answer)
      let detection = LanguageDetection.detect(text.text)
      language = context.language ?? detection.primary
      languages = context.language != nil ? [language] : detection.languages
    }
  }

  /// The rules' reading of an answer: its analysis and the three categories the calibration
  /// speaks for.
  private struct RuleReading {
    var analysis: Analysis
    var text: NormalizedText
    var sentences: [Range<Int>]
    var language: Language
    var categories: [ScoreCategory: CategoryResult]

    var calibrationInput: CalibrationInput {
      CalibrationInput(
        text: text, sentences: sentences, language: language, categories: categories, roles: analysis.askedRoles)
    }
  }

  private func ruleCategories(_ input: Input, context: ScoringContext) -> RuleReading {
    let (text, language) = (input.text, input.language)
    let active: [Lexicon] = input.languages.compactMap { parts.part($0)?.lexicon }
    let sentences = Sentences.split(text)
    let analysis = Analysis(text: text, sentences: sentences, lexicons: active)
    var categories: [ScoreCategory: CategoryResult] = [:]
    categories[.reasoning] = analysis.reasoning(question: context.question)
    categories[.reproducibility] = analysis.reproducibility()
    categories[.evidence] = analysis.evidence()
    return RuleReading(
      analysis: analysis, text: text, sentences: sentences, language: language, categories: categories)
  }

  public func score(_ answer: String, context: ScoringContext = ScoringContext()) -> ScoreReport {
    score(Input(answer, context: context), context: context)
  }

  private func score(_ input: Input, context: ScoringContext) -> ScoreReport {
    let reading = ruleCategories(input, context: context)
    let (analysis, language) = (reading.analysis, reading.language)
    var categories = reading.categories
    if calibrated, let calibration = parts.part(language)?.calibration {
      let features = reading.calibrationInput
      for label in ScorerCalibration.labels {
        if let result = categories[label] {
          categories[label] = calibration.apply(result, label: label, input: features)
        }
      }
    }
    // When the answer shows a method anyway, a note that a document "was not made" or "was a
    // one-off" reads as contradicting it (the person said they made it, in words the rules did
    // not tie to it): the note is left out.
    if var reproducibility = categories[.reproducibility], reproducibility.present {
      reproducibility.cancelled.removeAll { $0.rule == "not-built" || $0.rule == "not-adopted" }
      categories[.reproducibility] = reproducibility
    }
    categories[.companyFit] = analysis.companyFit(company: context.company)
    categories[.structure] = analysis.structure(answerSeconds: context.answerSeconds, language: language)

    // A marker cancelled in one reading but credited in another (チェックリスト alone, and in
    // チェックリストを作) is not worth reporting as "not counted".
    for (category, result) in categories {
      var pruned = result
      pruned.cancelled.removeAll { item in
        result.matches.contains { $0.start < item.match.end && item.match.start < $0.end }
      }
      categories[category] = pruned
    }

    var asked = Set(ScoreCategory.allCases)
    // Company fit is judged only against a company: without one it is not in the total.
    if context.company == nil { asked.remove(.companyFit) }
    if let kind = context.kind {
      asked.subtract([ScoreCategory.reasoning, .reproducibility, .evidence].filter { !kind.asks.contains($0) })
    }
    let hints = parts.part(language)?.lexicon.hints ?? [:]
    for (category, result) in categories where !result.present && asked.contains(category) {
      var updated = result
      let key =
        category == .evidence && result.level == 0 && !analysis.vagueResults.isEmpty
        ? "evidence_vague" : category.rawValue
      updated.hint = hints[key] ?? hints[category.rawValue]
      categories[category] = updated
    }

    let isFailure = context.kind == .failure || (context.question.map(analysis.looksLikeFailureQuestion) ?? false)
    return ScoreReport(
      language: language,
      categories: categories,
      total: Self.total(categories, hasCompany: context.company != nil, asked: asked),
      ownership: analysis.ownership(),
      failureReview: isFailure ? analysis.failureReview(evidencePresent: categories[.evidence]?.present ?? false) : nil,
      fillers: analysis.fillers(), asked: asked)
  }

  /// Weighted levels, 0–100, over the categories the question asks for. Company fit counts
  /// only when a company was given.
  static func total(
    _ categories: [ScoreCategory: CategoryResult], hasCompany: Bool,
    asked: Set<ScoreCategory> = Set(ScoreCategory.allCases)
  ) -> Int {
    var weights: [(ScoreCategory, Double)] = [
      (.reasoning, 30), (.reproducibility, 25), (.evidence, 25), (.structure, 20),
    ].filter { asked.contains($0.0) }
    if hasCompany { weights.append((.companyFit, 20)) }
    let sum = weights.reduce(0) { $0 + $1.1 }
    let score = weights.reduce(0) { $0 + (categories[$1.0]?.score ?? 0) * $1.1 }
    return Int((score / sum * 100).rounded())
  }
}

/// Each language's lexicon and calibration, made the first time they are needed and kept; safe
/// to use from several threads (the drill compiles one behind its first question).
final class LanguageParts: @unchecked Sendable {
  struct Part: Sendable {
    var lexicon: Lexicon
    var calibration: ScorerCalibration?
  }

  // Guarded by `lock`.
  private let lock = NSLock()
  private var made: [Language: Result<Part, any Error>]
  private let load: (@Sendable (Language) throws -> Part)?

  init(ready: [Language: Part], load: (@Sendable (Language) throws -> Part)?) {
    made = ready.mapValues { .success($0) }
    self.load = load
  }

  /// The language's part, made now if it was not; nil when there is none or it failed to load.
  func part(_ language: Language) -> Part? {
    try? made(language)?.get()
  }

  func prepare(_ languages: [Language]) throws {
    for language in languages { _ = try made(language)?.get() }
  }

  /// Holding the lock while loading: a second thread asking for the same language waits for
  /// the first instead of compiling it twice.
  private func made(_ language: Language) -> Result<Part, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    if let result = made[language] { return result }
    guard let load else { return nil }
    let result = Result { try load(language) }
    made[language] = result
    return result
  }
}

/// Which lexicons an answer needs: Japanese when kana and kanji carry it, English when Latin
/// letters do, both when each has a real share.
public enum LanguageDetection {
  public struct Result: Equatable, Sendable {
    public var primary: Language
    public var languages: [Language]
  }

  public static func detect(_ text: String) -> Result {
    var japanese = 0
    var latin = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x3040...0x30FF, 0x4E00...0x9FFF, 0x3400...0x4DBF: japanese += 1
      case 0x41...0x5A, 0x61...0x7A: latin += 1
      default: break
      }
    }
    // A Japanese character carries about as much as a short English word's letters.
    let jaWeight = Double(japanese) * 3
    let enWeight = Double(latin)
    let primary: Language = jaWeight >= enWeight && japanese > 0 ? .ja : .en
    let total = jaWeight + enWeight
    guard total > 0 else { return Result(primary: .en, languages: [.en]) }
    let minority = min(jaWeight, enWeight) / total
    let languages: [Language] = minority >= 0.25 ? [primary, primary == .ja ? .en : .ja] : [primary]
    return Result(primary: primary, languages: languages)
  }
}
