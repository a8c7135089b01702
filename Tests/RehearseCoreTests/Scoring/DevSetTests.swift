import Foundation
import RehearseCore
import Testing
import Yams

/// One labelled answer of the development set (Fixtures/ScorerDevSet/writer-*.yaml).
struct DevSetItem: Decodable, Sendable {
  var id: String
  var lang: String
  var question: String
  var answer: String
  var levels: [String: Int]
  var traps: [String]?
}

/// Precision, recall and F1 of `present` against labelled levels (present = level ≥ 2).
struct Tally: CustomStringConvertible {
  var truePositive = 0
  var falsePositive = 0
  var falseNegative = 0
  var trueNegative = 0

  var precision: Double {
    truePositive + falsePositive == 0 ? 1 : Double(truePositive) / Double(truePositive + falsePositive)
  }
  var recall: Double {
    truePositive + falseNegative == 0 ? 1 : Double(truePositive) / Double(truePositive + falseNegative)
  }
  var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

  var description: String {
    String(
      format: "P %.2f  R %.2f  F1 %.2f  (tp %d fp %d fn %d tn %d)", precision, recall, f1, truePositive, falsePositive,
      falseNegative, trueNegative)
  }
}

enum DevSet {
  static let items: [DevSetItem] = {
    let folder = Bundle.module.url(forResource: "ScorerDevSet", withExtension: nil, subdirectory: "Fixtures")!
    let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }.flatMap { url in
      (try? YAMLDecoder().decode([DevSetItem].self, from: Data(contentsOf: url))) ?? []
    }
  }()
}

@Suite("Scorer development set")
struct DevSetTests {
  static let labels: [ScoreCategory] = [.reasoning, .reproducibility, .evidence]

  @Test("the development set is large and balanced: 120+ answers, half Japanese, several writers")
  func setShape() {
    let items = DevSet.items
    #expect(items.count >= 120)
    let japanese = items.filter { $0.lang == "ja" }.count
    #expect(abs(Double(japanese) / Double(items.count) - 0.5) < 0.1)
    #expect(Set(items.map { $0.id.prefix(1) }).count >= 2, "more than one writer")
  }

  @Test("reasoning, reproducibility and evidence reach F1 0.85 in each language")
  func f1PerLabelAndLanguage() throws {
    let scorer = try Scorer.shipped()
    var tallies: [String: Tally] = [:]
    var misses: [String] = []
    for item in DevSet.items {
      let report = scorer.score(item.answer, context: ScoringContext(question: item.question))
      for label in Self.labels {
        let expected = (item.levels[label.rawValue] ?? 0) >= 2
        let actual = report[label].present
        let key = "\(label.rawValue)/\(item.lang)"
        var tally = tallies[key, default: Tally()]
        switch (expected, actual) {
        case (true, true): tally.truePositive += 1
        case (false, true):
          tally.falsePositive += 1
          misses.append(
            "FP \(key) \(item.id) level \(report[label].level) vs \(item.levels[label.rawValue] ?? 0): \(report[label].matches.map(\.text))"
          )
        case (true, false):
          tally.falseNegative += 1
          misses.append(
            "FN \(key) \(item.id) level \(report[label].level) vs \(item.levels[label.rawValue] ?? 0): cancelled \(report[label].cancelled.map { "\($0.match.text)[\($0.rule)]" })"
          )
        case (false, false): tally.trueNegative += 1
        }
        tallies[key] = tally
      }
    }
    var lines: [String] = []
    for key in tallies.keys.sorted() {
      lines.append("\(key.padding(toLength: 20, withPad: " ", startingAt: 0)) \(tallies[key]!)")
    }
    print("Scorer development set (\(DevSet.items.count) answers):\n" + lines.joined(separator: "\n"))
    if ProcessInfo.processInfo.environment["REHEARSE_DEVSET_VERBOSE"] != nil {
      print(misses.sorted().joined(separator: "\n"))
    }
    for (key, tally) in tallies {
      #expect(tally.f1 >= 0.85, "\(key): \(tally)")
    }
  }
}
