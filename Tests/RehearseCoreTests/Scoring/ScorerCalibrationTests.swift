import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

/// The learned calibration (`ScorerCalibration.swift`): it belongs to the current rules, it adds
/// verdicts the rules missed and lowers a few they made, every verdict it adds shows the words
/// that earned it, and the words of a verdict it lowers are listed as not counted.
@Suite("Scorer calibration")
struct ScorerCalibrationTests {
  static let scorer = try! Scorer.shipped()

  @Test("the shipped weights were trained on the current rules, lexicons and tuning answers")
  func fingerprint() throws {
    let rules = Self.scorer.rulesOnly
    let items = try ScorerCorpus.load().filter { $0.group == .tuning }.sorted { $0.id < $1.id }
    let inputs = items.map { rules.calibrationInput($0.answer, context: ScoringContext(question: $0.question)) }
    for language in [Language.ja, .en] {
      let chosen = items.indices.filter { inputs[$0].language == language }
      let expected = ScorerCalibration.fingerprint(
        ids: chosen.map { items[$0].id }, inputs: chosen.map { inputs[$0] })
      #expect(
        try ScorerCalibration.shipped(language).fingerprint == expected,
        "\(language.rawValue): the rules, lexicons or corpus changed since training: run Scripts/train-calibration")
    }
  }

  @Test("a file reads back as written; a foreign, truncated or padded file is an error")
  func fileFormat() throws {
    let shipped = try ScorerCalibration.shipped(.en)
    let data = shipped.encoded()
    // Per label: three thresholds, the answer model's bias and weights (Float16), the clause
    // model's bias and weights, the combiner's eight weights.
    #expect(data.count == 8 + 4 + 8 + 3 * (12 + 4 + 2 * ScorerCalibration.width + 4 + 2 * ScorerCalibration.width + 32))
    #expect(try ScorerCalibration(data: data) == shipped)
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: data.prefix(1000)) }
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: data + Data([0])) }
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: Data("not weights".utf8)) }
  }

  @Test("a weight stored as Float16 widens to exactly the Float the standard library gives")
  func halfPrecision() {
    for bits in UInt16.min...UInt16.max {
      let expected = Float(Float16(bitPattern: bits))
      let widened = ScorerCalibration.Weights.float(half: bits)
      if expected.isNaN {
        #expect(widened.isNaN)
      } else if widened.bitPattern != expected.bitPattern {
        #expect(widened.bitPattern == expected.bitPattern, "\(bits)")
      }
    }
  }

  @Test("a clause without words (a Japanese sentence's closing 。) weighs nothing, as in training")
  func emptyClauses() throws {
    let input = Self.scorer.rulesOnly.calibrationInput("在庫の数え方を変えました。欠品は減りました。")
    let empty = input.clauseFeatures.indices.filter { input.clauseFeatures[$0].isEmpty }
    #expect(!empty.isEmpty, "the sentences' closing 。 stand alone")
    for label in ScorerCalibration.labels {
      let model = try #require(try ScorerCalibration.shipped(.ja).models[label])
      let probabilities = model.clauseProbabilities(input)
      for index in empty { #expect(probabilities[index] == 0, "\(label.rawValue)") }
    }
  }

  @Test("an English clause ends at a comma between words, not at the comma inside a number")
  func numberCommas() {
    let rules = Self.scorer.rulesOnly
    #expect(rules.calibrationInput("They offered AED 4,000 a month more than the resort.").clauseFeatures.count == 1)
    #expect(rules.calibrationInput("They offered more, and I said no.").clauseFeatures.count == 2)
  }

  @Test("the shortcuts the scorer takes give exactly the full computation: the best clause and the answer model")
  func shortcuts() throws {
    let rules = Self.scorer.rulesOnly
    var clauses = 0
    for item in try ScorerCorpus.load().prefix(600) {
      let language = try #require(Language(rawValue: item.language))
      let input = rules.calibrationInput(item.answer, context: ScoringContext(question: item.question))
      for label in ScorerCalibration.labels {
        let model = try #require(try ScorerCalibration.shipped(language).models[label])
        let probabilities = model.clauseProbabilities(input)
        let expected = probabilities.indices.max { probabilities[$0] < probabilities[$1] }
        let best = model.bestClause(input)
        #expect(best?.index == expected, "\(item.id) \(label.rawValue)")
        #expect(best?.probability == expected.map { probabilities[$0] }, "\(item.id) \(label.rawValue)")
        #expect(model.probability(input, label) == model.probability(input.features(label)), "\(item.id)")
        clauses += probabilities.count
      }
    }
    #expect(clauses > 5000)
  }

  @Test("it never raises a reason the rules gave to someone else")
  func vetoedReasons() throws {
    let rules = Self.scorer.rulesOnly
    var checked = 0
    for item in try ScorerCorpus.load() {
      let context = ScoringContext(question: item.question)
      let alone = rules.score(item.answer, context: context)[.reasoning]
      guard !alone.present, alone.cancelled.contains(where: { $0.rule == "someone-elses-decision" }) else { continue }
      checked += 1
      #expect(!Self.scorer.score(item.answer, context: context)[.reasoning].present, "\(item.id)")
    }
    #expect(checked >= 50, "answers with a reason cancelled as someone else's (\(checked))")
  }

  @Test("a one-sentence answer whose numbers are all targets or context, or whose result is denied, is never raised")
  func vetoedHopes() {
    let rules = Self.scorer.rulesOnly
    let hope = "Five years from now I wanna be a senior AE, closing like €500k in new ARR a year."
    #expect(rules.score(hope)[.evidence].cancelled.allSatisfy { $0.rule == "target" })
    #expect(rules.calibrationInput(hope).vetoed(.evidence))
    #expect(!Self.scorer.score(hope)[.evidence].present)
    // With a second sentence the model may still find the result the rules missed.
    let told = hope + " Last year I closed about 380k."
    #expect(!rules.calibrationInput(told).vetoed(.evidence))
    // Nor one whose result is denied.
    let denied = "I didn't win a single contract in the first six months."
    #expect(rules.calibrationInput(denied).vetoed(.evidence))
    #expect(!Self.scorer.score(denied)[.evidence].present)
    // Tenure alone in one sentence is vetoed too; with another sentence it is not.
    #expect(rules.calibrationInput("I ran the floor for 8 years.").vetoed(.evidence))
    #expect(!rules.calibrationInput("I ran the floor for 8 years. Breakages fell a lot after that.").vetoed(.evidence))
    // Nor is a guard the set does not name: a vague result.
    #expect(!rules.calibrationInput("It went really well.").vetoed(.evidence))
  }

  @Test("it keeps or lowers the rules' verdicts, never loses their words, and every present verdict has its words")
  func raisesAndLowers() throws {
    let rules = Self.scorer.rulesOnly
    // Every fourth corpus answer: both languages, every writer, tuning and validation alike.
    let items = try ScorerCorpus.load().enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
    var added = 0
    var lowered = 0
    for item in items {
      let context = ScoringContext(question: item.question)
      let full = Self.scorer.score(item.answer, context: context)
      let alone = rules.score(item.answer, context: context)
      for label in ScorerCalibration.labels {
        if alone[label].present, full[label].present {
          #expect(full[label] == alone[label], "\(item.id) \(label.rawValue): the rules' verdict is kept as it was")
        }
        if alone[label].present, !full[label].present {
          lowered += 1
          #expect(
            rules.calibrationInput(item.answer, context: context).isDoubtable,
            "\(item.id): a one-line answer is the rules' alone")
          #expect(full[label].level == 1, "\(item.id) \(label.rawValue): a lowered verdict is a level-1 signal")
          #expect(full[label].matches.isEmpty)
          let doubted = full[label].cancelled.filter { $0.rule == ScorerCalibration.doubtRule }.map(\.match)
          #expect(Set(doubted) == Set(alone[label].matches), "\(item.id): the rules' words are listed as not counted")
          #expect(full[label].hint != nil, "\(item.id): a lowered category says what to add")
        }
        if full[label].present {
          #expect(!full[label].matches.isEmpty, "\(item.id) \(label.rawValue): a present verdict shows its words")
        }
        if full[label].present, !alone[label].present {
          added += 1
          #expect(full[label].level == 2)
          let scalars = Array(item.answer.unicodeScalars)
          for match in full[label].matches where match.marker == ScorerCalibration.marker {
            #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == match.text)
            #expect(!match.text.contains("\n"), "\(item.id): a learned span stays in one sentence")
          }
        }
      }
    }
    #expect(added >= 50, "the calibration adds verdicts on this sample (\(added))")
    #expect(lowered >= 10, "the calibration lowers verdicts on this sample (\(lowered))")

  }

  @Test(
    "a reason and a result the rules miss are raised to level 2, showing their clause",
    arguments: [
      (
        "結論として、製造業の原価構造を7年間監査で見てきたからである。標準原価と実際原価の差異がどこで生まれるか分かる人間は、メーカーの企画部門でこそ役に立つと考えた。",
        "なぜメーカーの経営企画なのですか？", ScoreCategory.reasoning, "7年間監査で見てきたから"
      ),
      (
        "Mill St drainage upgrade. 1.1 km of new trunk drainage through an older area that flooded every few years. Since it went in there have been two events bigger than the design storm and no houses flooded above floor. 23 did in the 2013 event.",
        "What's your greatest achievement?", ScoreCategory.evidence, "no houses flooded above floor"
      ),
    ])
  func raised(answer: String, question: String, label: ScoreCategory, words: String) {
    let context = ScoringContext(question: question)
    #expect(!Self.scorer.rulesOnly.score(answer, context: context)[label].present)
    let result = Self.scorer.score(answer, context: context)[label]
    #expect(result.level == 2)
    let learned = result.matches.filter { $0.marker == ScorerCalibration.marker }
    #expect(learned.count == 1)
    #expect(learned.first?.text.contains(words) == true, "\(learned.map(\.text))")
    #expect(result.hint == nil, "a present category has no hint")
  }

  @Test(
    "a method the rules found in slogans is lowered to level 1, its words not counted",
    arguments: [
      (
        "I'm a people person and I always go above and beyond because I genuinely care about the customer experience. In my last role I handled a lot of tickets every day and I always put the customer first, which is why I'd be a great fit here.",
        "Why do you want this role?", ScoreCategory.reproducibility
      )
    ])
  func lowered(answer: String, question: String, label: ScoreCategory) {
    let context = ScoringContext(question: question)
    let rules = Self.scorer.rulesOnly.score(answer, context: context)[label]
    #expect(rules.present)
    let result = Self.scorer.score(answer, context: context)[label]
    #expect(result.level == 1)
    #expect(Set(result.cancelled.filter { $0.rule == ScorerCalibration.doubtRule }.map(\.match)) == Set(rules.matches))
    #expect(result.hint != nil, "a lowered category says what to add")
  }

  @Test("a model that doubts everything lowers every verdict of the rules, but not in a one-sentence answer")
  func lowers() throws {
    let doubtful = ScorerCalibration(
      models: Dictionary(
        uniqueKeysWithValues: ScorerCalibration.labels.map {
          (
            $0,
            ScorerCalibration.Model(
              bias: -10, weights: .zero(), clauseBias: -10, clauseWeights: .zero(),
              combiner: [-10, 0, 0, 0, 0, 0, 0, 0], threshold: 1, demotion: 0.5, strongDemotion: 0.5)
          )
        }), fingerprint: 0)
    let scorer = Scorer(lexicons: [.en: try Lexicon.shipped(.en)], calibrations: [.en: doubtful])
    let long =
      "We moved the weekly stock count to Monday mornings because the weekend deliveries made Friday counts wrong every single time. The store managers agreed after a month of trying it out on the late shift."
    let rules = scorer.rulesOnly.score(long)[.reasoning]
    #expect(rules.present)
    let result = scorer.score(long)[.reasoning]
    #expect(result.level == 1)
    #expect(result.matches.isEmpty)
    #expect(result.cancelled.filter { $0.rule == ScorerCalibration.doubtRule }.map(\.match) == rules.matches)
    #expect(result.hint != nil)
    let short = "I moved the count to Monday because Friday counts were wrong."
    #expect(scorer.score(short)[.reasoning] == scorer.rulesOnly.score(short)[.reasoning])
    let oneSentence =
      "We moved the weekly stock count to Monday mornings because the weekend deliveries made Friday counts wrong every single time, and the managers agreed to it."
    #expect(scorer.score(oneSentence)[.reasoning] == scorer.rulesOnly.score(oneSentence)[.reasoning])
  }

  @Test("an answer with nothing in it stays at level 0 everywhere")
  func nothingToFind() {
    for answer in ["頑張りました。", "I did my best.", "", "。。。"] {
      let report = Self.scorer.score(answer)
      for label in ScorerCalibration.labels {
        #expect(!report[label].present, "\(answer) \(label.rawValue)")
      }
    }
  }
}
