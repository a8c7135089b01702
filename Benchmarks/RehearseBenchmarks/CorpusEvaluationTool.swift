import Foundation
import RehearseCore
import RehearseTestSupport

/// `rehearse-benchmarks --corpus [--misses] [--writer W] [--lexicons DIR] [--rules-only]`: the scorer against
/// the labelled corpus (development set, tuning and validation writers), P / R / F1 per group,
/// label and language, and per writer. `--misses` lists the wrong verdicts on *tuning* answers
/// only: validation answers are never printed, so rules are never fitted to them.
/// `--lexicons DIR` scores with the lexicon files in DIR (e.g. the source folder) instead of the
/// built ones, so lexicon edits can be measured without a rebuild; `--rules-only` leaves the
/// learned calibration out (so does `--lexicons`: the shipped weights belong to the shipped
/// lexicons). With the calibration, the tuning rows are the model judging answers it was
/// trained on: the honest tuning figures are the out-of-fold ones `Scripts/train-calibration`
/// prints.
enum CorpusEvaluationTool {
  struct StaleCalibration: Error, CustomStringConvertible {
    var language: Language
    var description: String {
      "the built calibration (\(language.rawValue).bin) was not trained on the current rules, lexicons and tuning "
        + "answers: run Scripts/train-calibration, then rebuild (resources are copied at build time)"
    }
  }

  /// Figures measured with weights that belong to other rules would describe no scorer that
  /// ships: the same check as `ScorerCalibrationTests`, on the built bundle.
  static func requireCurrentCalibration(_ scorer: Scorer, tuning: [LabelledAnswer]) throws {
    let items = tuning.sorted { $0.id < $1.id }
    let rules = scorer.rulesOnly
    let inputs = items.map { rules.calibrationInput($0.answer, context: ScoringContext(question: $0.question)) }
    for language in [Language.ja, .en] {
      let chosen = items.indices.filter { inputs[$0].language == language }
      let expected = ScorerCalibration.fingerprint(ids: chosen.map { items[$0].id }, inputs: chosen.map { inputs[$0] })
      guard try ScorerCalibration.shipped(language).fingerprint == expected else { throw StaleCalibration(language: language) }
    }
  }

  static func run(_ arguments: [String]) throws {
    func value(after flag: String) -> String? {
      arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
    let scorer: Scorer
    if let folder = value(after: "--lexicons") {
      var lexicons: [Language: Lexicon] = [:]
      for language in [Language.ja, .en] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("\(language.rawValue).yaml")
        lexicons[language] = try Lexicon.parse(
          String(decoding: try Data(contentsOf: path), as: UTF8.self), language: language, path: path.path)
      }
      scorer = Scorer(lexicons: lexicons)
    } else {
      scorer = arguments.contains("--rules-only") ? try Scorer.shipped().rulesOnly : try Scorer.shipped()
    }
    var items = try ScorerCorpus.load()
    if value(after: "--lexicons") == nil, !arguments.contains("--rules-only") {
      try requireCurrentCalibration(scorer, tuning: items.filter { $0.group == .tuning })
    }
    if let writer = value(after: "--writer") { items = items.filter { $0.writer == writer } }
    let evaluation = CorpusEvaluation(scorer: scorer, items: items)

    if arguments.contains("--misses") {
      // Misses are for changing rules: they are the rules' own, never the calibration's.
      let evaluation = arguments.contains("--rules-only") ? evaluation : CorpusEvaluation(scorer: scorer.rulesOnly, items: items)
      let label = value(after: "--label")
      let language = value(after: "--lang")
      for miss in evaluation.misses.sorted(by: { ($0.item.id, $0.label.rawValue) < ($1.item.id, $1.label.rawValue) })
      where (label == nil || miss.label.rawValue == label) && (language == nil || miss.item.language == language) {
        let kind = miss.expected ? "FN" : "FP"
        print("── \(kind) \(miss.label.rawValue) \(miss.item.id) (level \(miss.result.level))")
        print("   Q: \(miss.item.question)")
        print("   A: \(miss.item.answer.trimmingCharacters(in: .whitespacesAndNewlines))")
        if let note = miss.item.note { print("   note: \(note)") }
        print("   matched: \(miss.result.matches.map(\.text))")
        print("   cancelled: \(miss.result.cancelled.map { "\($0.match.text)[\($0.rule)]" })")
      }
    }
    // `--learned`: the tuning answers where the calibration added a verdict, with its span and
    // whether the label agreed (for reading what the model does; never validation answers).
    if arguments.contains("--learned") {
      let rules = scorer.rulesOnly
      for item in items where item.group == .tuning {
        let full = scorer.score(item.answer, context: ScoringContext(question: item.question))
        let alone = rules.score(item.answer, context: ScoringContext(question: item.question))
        for label in ScorerCorpus.labels where full[label].present && !alone[label].present {
          let spans = full[label].matches.filter { $0.marker == ScorerCalibration.marker }.map(\.text)
          print("\(item.present[label] == true ? "✓" : "✗") \(label.rawValue) \(item.id) \(spans)")
        }
      }
    }
    print("\(items.count) answers (\(items.count { $0.group == .validation }) from validation writers)")
    print(evaluation.table)
    print("per writer (F1 reasoning / reproducibility / evidence):")
    for writer in evaluation.writers.keys.sorted() {
      let tallies = evaluation.writers[writer]!
      let figures = ScorerCorpus.labels.map { String(format: "%.2f", tallies[$0]?.f1 ?? .nan) }
      print("  \(writer.padding(toLength: 8, withPad: " ", startingAt: 0)) \(figures.joined(separator: " / "))")
    }
  }
}
