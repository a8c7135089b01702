import Foundation
import RehearseCore
import RehearseTestSupport
import Testing
import Yams

/// The scorer against labelled answers from many writers (SCORING.md's labelling guide).
/// Tuning writers' answers are read while changing lexicons and rules; validation writers'
/// answers never are, so this suite prints only aggregate figures for them.
@Suite("Scorer corpus")
struct ScorerCorpusTests {
  static let items: [LabelledAnswer] = {
    do {
      return try ScorerCorpus.load()
    } catch {
      Issue.record("the corpus does not load: \(error)")
      return []
    }
  }()

  static let evaluation: CorpusEvaluation? = (try? Scorer.shipped()).map {
    CorpusEvaluation(scorer: $0, items: items)
  }

  static let languages = ["ja", "en"]

  @Test("the corpus: 1,000+ answers by 12+ writers, half Japanese, every item labelled and explained")
  func shape() {
    let corpus = Self.items.filter { !$0.isDevelopmentSet }
    #expect(corpus.count >= 1000)
    #expect(Set(corpus.map(\.writer)).count >= 12)
    let japanese = corpus.count { $0.language == "ja" }
    #expect(abs(Double(japanese) / Double(max(corpus.count, 1)) - 0.5) < 0.05)
    #expect(Set(Self.items.map(\.id)).count == Self.items.count, "ids are unique")
    for item in corpus {
      #expect(item.language == "ja" || item.language == "en", "\(item.id)")
      #expect(!(item.note ?? "").isEmpty, "\(item.id) has a note")
      #expect(!item.answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(item.id)")
      #expect(item.id.hasPrefix(item.writer + "-"), "\(item.id) is named after its writer")
    }
  }

  @Test("validation writers: 2+ per language, none of them also a tuning writer")
  func groups() {
    let corpus = Self.items.filter { !$0.isDevelopmentSet }
    for language in Self.languages {
      let validation = Set(corpus.filter { $0.group == .validation && $0.language == language }.map(\.writer))
      let tuning = Set(corpus.filter { $0.group == .tuning && $0.language == language }.map(\.writer))
      #expect(validation.count >= 2, "\(language): \(validation.count) validation writers")
      #expect(validation.isDisjoint(with: tuning))
    }
  }

  @Test("labels are roughly balanced and about a third of answers are traps, per language")
  func balance() {
    let corpus = Self.items.filter { !$0.isDevelopmentSet }
    for language in Self.languages {
      let answers = corpus.filter { $0.language == language }
      guard !answers.isEmpty else { continue }
      for label in ScorerCorpus.labels {
        let share = Double(answers.count { $0.present[label] == true }) / Double(answers.count)
        #expect((0.3...0.7).contains(share), "\(language) \(label.rawValue): \(share) present")
      }
      let traps = Double(answers.count(where: \.isTrap)) / Double(answers.count)
      #expect((0.2...0.5).contains(traps), "\(language): \(traps) traps")
    }
  }

  @Test("validation writers: F1 0.85+ for reasoning, reproducibility and evidence in each language")
  func validationF1() throws {
    let evaluation = try #require(Self.evaluation)
    var lines: [String] = []
    for label in ScorerCorpus.labels {
      for language in Self.languages {
        let tally = evaluation.tally(.validation, label, language)
        lines.append("validation \(label.rawValue) \(language): \(tally)")
        #expect(tally.count > 0)
        #expect(tally.f1 >= 0.85, "validation \(label.rawValue) \(language): \(tally)")
      }
    }
    // Aggregates only: the answers themselves stay unread.
    print(lines.joined(separator: "\n"))
  }

  @Test("tuning writers and the development set: F1 0.85+ per label and language")
  func tuningF1() throws {
    let evaluation = try #require(Self.evaluation)
    print(evaluation.table)
    for label in ScorerCorpus.labels {
      for language in Self.languages {
        let tally = evaluation.tally(.tuning, label, language)
        #expect(tally.f1 >= 0.85, "tuning \(label.rawValue) \(language): \(tally)")
      }
    }
  }
}

/// Two labellers on the same answers (Fixtures/ScorerCorpus/agreement): the writer's labels and a
/// blind second labeller's, by SCORING.md's labelling guide; disagreements settled by the guide.
@Suite("Scorer corpus: labeller agreement")
struct LabellerAgreementTests {
  struct Item: Decodable {
    var id: String
    var first: [String: Bool]
    var second: [String: Bool]
    var settled: [String: Bool]
  }

  static let files: [String: [Item]] = {
    var result: [String: [Item]] = [:]
    for language in ["ja", "en"] {
      let url = ScorerCorpus.fixtures.appendingPathComponent("ScorerCorpus/agreement/\(language).yaml")
      result[language] = (try? YAMLDecoder().decode([Item].self, from: Data(contentsOf: url))) ?? []
    }
    return result
  }()

  @Test("200+ answers relabelled blind, from tuning and validation writers, in both languages")
  func size() {
    let all = Self.files.values.flatMap { $0 }
    #expect(all.count >= 200)
    for (language, items) in Self.files {
      #expect(items.count >= 100, "\(language)")
      #expect(Set(items.map { $0.id.split(separator: "-")[0] }).count >= 3, "\(language): several writers")
    }
  }

  @Test("Cohen's κ per label and language is at least substantial (0.6)")
  func kappa() {
    var lines: [String] = []
    for language in ["ja", "en"] {
      for label in ScorerCorpus.labels {
        let pairs = (Self.files[language] ?? []).map {
          Agreement.Pair($0.first[label.rawValue] ?? false, $0.second[label.rawValue] ?? false)
        }
        let kappa = Agreement.kappa(pairs)
        lines.append(String(format: "κ %@ %@: %.2f over %d answers", label.rawValue, language, kappa, pairs.count))
        #expect(kappa >= 0.6, "\(label.rawValue) \(language): κ \(kappa)")
      }
    }
    print(lines.joined(separator: "\n"))
  }

  @Test("the corpus carries the settled label of every relabelled answer")
  func settled() {
    let corpus = Dictionary(ScorerCorpusTests.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for item in Self.files.values.flatMap({ $0 }) {
      guard let answer = corpus[item.id] else {
        Issue.record("\(item.id) is not in the corpus")
        continue
      }
      for label in ScorerCorpus.labels {
        #expect(answer.present[label] == item.settled[label.rawValue], "\(item.id) \(label.rawValue)")
      }
    }
  }

  @Test("κ is 1 for identical labels, 0 for chance agreement, negative for systematic disagreement")
  func kappaDefinition() {
    let same = [Agreement.Pair(true, true), Agreement.Pair(false, false), Agreement.Pair(true, true)]
    #expect(Agreement.kappa(same) == 1)
    let chance = [
      Agreement.Pair(true, true), Agreement.Pair(true, false), Agreement.Pair(false, true),
      Agreement.Pair(false, false),
    ]
    #expect(abs(Agreement.kappa(chance)) < 1e-9)
    let opposite = [Agreement.Pair(true, false), Agreement.Pair(false, true)]
    #expect(Agreement.kappa(opposite) < 0)
  }
}
