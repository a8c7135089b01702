import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

/// The learned calibration (`ScorerCalibration.swift`): it belongs to the current rules, it only
/// adds verdicts the rules missed, and every verdict it adds shows the words that earned it.
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
    #expect(data.count == 8 + 4 + 8 + 3 * (8 + 4 * ScorerCalibration.width))
    #expect(try ScorerCalibration(data: data) == shipped)
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: data.prefix(1000)) }
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: data + Data([0])) }
    #expect(throws: ScorerCalibration.FormatError.self) { try ScorerCalibration(data: Data("not weights".utf8)) }
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

  @Test("it never takes away a verdict the rules made, and every present verdict has its words")
  func onlyAdds() throws {
    let rules = Self.scorer.rulesOnly
    // Every fourth corpus answer: both languages, every writer, tuning and validation alike.
    let items = try ScorerCorpus.load().enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
    var added = 0
    for item in items {
      let context = ScoringContext(question: item.question)
      let full = Self.scorer.score(item.answer, context: context)
      let alone = rules.score(item.answer, context: context)
      for label in ScorerCalibration.labels {
        if alone[label].present {
          #expect(full[label] == alone[label], "\(item.id) \(label.rawValue): the rules' verdict is kept as it was")
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
  }

  @Test(
    "a reason and a result the rules miss are raised to level 2, showing their clause",
    arguments: [
      (
        "結論として、製造業の原価構造を7年間監査で見てきたからである。標準原価と実際原価の差異がどこで生まれるか分かる人間は、メーカーの企画部門でこそ役に立つと考えた。",
        "なぜメーカーの経営企画なのですか？", ScoreCategory.reasoning, "7年間監査で見てきたから"
      ),
      (
        "I led the foster carer recruitment campaign for our area for 2 years. We approved 3 new general foster carers in 2019, and in 2022 we approved 11.",
        "What's your greatest achievement?", ScoreCategory.evidence, "in 2022 we approved 11"
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
