import Foundation
import RehearseCore
import Yams

/// One labelled answer: from the development set (`Fixtures/ScorerDevSet`, labelled in levels)
/// or the writers' corpus (`Fixtures/ScorerCorpus/{tuning,validation}`, labelled `present` by
/// the labelling guide of SCORING.md).
public struct LabelledAnswer: Sendable {
  /// Which writers an answer belongs to. Validation writers' answers are never read while
  /// changing lexicons or rules: only aggregate figures are ever printed for them.
  public enum Group: String, Sendable, CaseIterable {
    case tuning
    case validation
  }

  public var id: String
  public var writer: String
  public var language: String
  public var question: String
  public var answer: String
  public var present: [ScoreCategory: Bool]
  public var trap: String?
  public var note: String?
  public var group: Group
  /// From the original three-writer development set.
  public var isDevelopmentSet: Bool

  public var isTrap: Bool { trap.map { !$0.isEmpty && $0 != "none" } ?? false }
}

/// The labelled answers the scorer is measured on.
public enum ScorerCorpus {
  public static let labels: [ScoreCategory] = [.reasoning, .reproducibility, .evidence]

  public static var fixtures: URL {
    PackagePaths.root.appendingPathComponent("Tests/RehearseCoreTests/Fixtures", isDirectory: true)
  }

  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Every labelled answer: the development set (tuning group) and the writers' corpus.
  public static func load(fixtures: URL = fixtures) throws -> [LabelledAnswer] {
    try loadDevelopmentSet(fixtures.appendingPathComponent("ScorerDevSet"))
      + LabelledAnswer.Group.allCases.flatMap { group in
        try loadCorpus(fixtures.appendingPathComponent("ScorerCorpus/\(group.rawValue)"), group: group)
      }
  }

  private struct DevelopmentItem: Decodable {
    var id: String
    var lang: String
    var question: String
    var answer: String
    var levels: [String: Int]
    var traps: [String]?
    var note: String?
  }

  private struct CorpusItem: Decodable {
    var id: String
    var writer: String
    var lang: String
    var question: String
    var answer: String
    var present: [String: Bool]
    var trap: String?
    var note: String?
  }

  static func yamlFiles(in folder: URL) -> [URL] {
    let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
  }

  static func loadDevelopmentSet(_ folder: URL) throws -> [LabelledAnswer] {
    try yamlFiles(in: folder).flatMap { url in
      let items = try decode([DevelopmentItem].self, url)
      return items.map { item in
        LabelledAnswer(
          id: item.id, writer: "dev-" + String(item.id.prefix(1)), language: item.lang, question: item.question,
          answer: item.answer,
          present: Dictionary(uniqueKeysWithValues: labels.map { ($0, (item.levels[$0.rawValue] ?? 0) >= 2) }),
          trap: item.traps?.first, note: item.note, group: .tuning, isDevelopmentSet: true)
      }
    }
  }

  static func loadCorpus(_ folder: URL, group: LabelledAnswer.Group) throws -> [LabelledAnswer] {
    try yamlFiles(in: folder).flatMap { url in
      try decode([CorpusItem].self, url).map { item in
        var present: [ScoreCategory: Bool] = [:]
        for label in labels {
          guard let value = item.present[label.rawValue] else {
            throw LoadError(description: "\(url.lastPathComponent): \(item.id) has no \(label.rawValue) label")
          }
          present[label] = value
        }
        return LabelledAnswer(
          id: item.id, writer: item.writer, language: item.lang, question: item.question, answer: item.answer,
          present: present, trap: item.trap, note: item.note, group: group, isDevelopmentSet: false)
      }
    }
  }

  static func decode<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
    do {
      return try YAMLDecoder().decode(type, from: Data(contentsOf: url))
    } catch {
      throw LoadError(description: "\(url.path): \(error)")
    }
  }
}

/// Precision, recall and F1 of `present` against labels.
public struct Tally: CustomStringConvertible, Sendable {
  public var truePositive = 0
  public var falsePositive = 0
  public var falseNegative = 0
  public var trueNegative = 0

  public init() {}

  public mutating func add(expected: Bool, actual: Bool) {
    switch (expected, actual) {
    case (true, true): truePositive += 1
    case (false, true): falsePositive += 1
    case (true, false): falseNegative += 1
    case (false, false): trueNegative += 1
    }
  }

  public var count: Int { truePositive + falsePositive + falseNegative + trueNegative }

  public var precision: Double {
    truePositive + falsePositive == 0 ? 1 : Double(truePositive) / Double(truePositive + falsePositive)
  }
  public var recall: Double {
    truePositive + falseNegative == 0 ? 1 : Double(truePositive) / Double(truePositive + falseNegative)
  }
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

  public var description: String {
    String(
      format: "P %.2f  R %.2f  F1 %.2f  (tp %d fp %d fn %d tn %d)", precision, recall, f1, truePositive, falsePositive,
      falseNegative, trueNegative)
  }
}

/// The scorer's `present` verdicts against the labels, tallied by group, label and language.
public struct CorpusEvaluation: Sendable {
  public struct Key: Hashable, Sendable, Comparable {
    public var group: LabelledAnswer.Group
    public var label: ScoreCategory
    public var language: String

    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.group.rawValue, lhs.label.rawValue, lhs.language) < (rhs.group.rawValue, rhs.label.rawValue, rhs.language)
    }
  }

  /// A wrong verdict on a tuning answer (validation answers are never listed).
  public struct Miss: Sendable {
    public var item: LabelledAnswer
    public var label: ScoreCategory
    public var result: CategoryResult
    public var expected: Bool
  }

  public var tallies: [Key: Tally] = [:]
  /// Per writer (tuning and validation), for spotting a writer the rules do not fit.
  public var writers: [String: [ScoreCategory: Tally]] = [:]
  public var misses: [Miss] = []

  public init(scorer: Scorer, items: [LabelledAnswer]) {
    for item in items {
      let report = scorer.score(item.answer, context: ScoringContext(question: item.question))
      for label in ScorerCorpus.labels {
        let expected = item.present[label] ?? false
        let result = report[label]
        tallies[Key(group: item.group, label: label, language: item.language), default: Tally()].add(
          expected: expected, actual: result.present)
        writers[item.writer, default: [:]][label, default: Tally()].add(expected: expected, actual: result.present)
        if item.group == .tuning, expected != result.present {
          misses.append(Miss(item: item, label: label, result: result, expected: expected))
        }
      }
    }
  }

  public func tally(_ group: LabelledAnswer.Group, _ label: ScoreCategory, _ language: String) -> Tally {
    tallies[Key(group: group, label: label, language: language)] ?? Tally()
  }

  /// One table of P / R / F1 per label and language for each group.
  public var table: String {
    var lines: [String] = []
    for key in tallies.keys.sorted() {
      lines.append(
        "\(key.group.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))"
          + "\(key.label.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\(key.language)  \(tallies[key]!)")
    }
    return lines.joined(separator: "\n")
  }
}

/// Agreement between two labellers on `present`, per label and language (Cohen's κ).
public enum Agreement {
  public struct Pair: Sendable {
    public var first: Bool
    public var second: Bool
    public init(_ first: Bool, _ second: Bool) {
      self.first = first
      self.second = second
    }
  }

  public static func kappa(_ pairs: [Pair]) -> Double {
    guard !pairs.isEmpty else { return .nan }
    let n = Double(pairs.count)
    let observed = Double(pairs.count { $0.first == $0.second }) / n
    let firstYes = Double(pairs.count { $0.first }) / n
    let secondYes = Double(pairs.count { $0.second }) / n
    let expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes)
    return expected >= 1 ? 1 : (observed - expected) / (1 - expected)
  }
}
