import Foundation
import RehearseCore
import RehearseTestSupport

/// `rehearse-benchmarks --train-calibration [DIR]` (run by `Scripts/train-calibration`): trains
/// the scorer's calibration (`ScorerCalibration.swift`) from the *tuning* writers only and writes
/// `DIR/{ja,en}.bin` (default: the source resources). Deterministic: the same corpus and rules
/// give the same bytes.
///
/// Per language and label: L2-regularised logistic regression (λ = 1), fitted by L-BFGS, over
/// the rules' findings and the answer's words. Three thresholds are chosen together by
/// cross-validation grouped by writer (6 folds; a writer's answers are never both trained on
/// and judged): the model raises a verdict the rules did not make at or above `threshold`, and
/// lowers one they made below `demotion` (`strongDemotion` when the rules found it at level 3),
/// in an answer long enough to doubt (`CalibrationInput.isDoubtable`). Of the triples whose
/// out-of-fold F1 is within `flatness` of the best, the one that changes the fewest of the
/// rules' verdicts wins; those out-of-fold figures are printed, and are the tuning figures the
/// README reports.
enum CalibrationTrainer {
  static let folds = 6
  static let lambda = 1.0
  static let thresholds = stride(from: 0.20, through: 0.801, by: 0.05).map { $0 }
  /// Demotion thresholds tried (0 never lowers a verdict). At most 0.20: chosen freely, 0.36
  /// lowered a textbook reason in a short answer shaped like the keyword-stuffing traps.
  static let demotions = [0.0] + stride(from: 0.02, through: 0.201, by: 0.02).map { $0 }
  /// How far below the best out-of-fold F1 a higher threshold may be and still be chosen.
  static let flatness = 0.002

  struct Example {
    var features: [Int32]
    var present: Bool
    var rulePresent: Bool
    var writer: String
    var vetoed = false
    /// Whether the answer is long enough for the model to doubt the rules.
    var doubtable = true
    /// The rules' level: a level-3 verdict has its own, lower, demotion threshold.
    var ruleLevel = 0
  }

  static func run(_ arguments: [String]) throws {
    let output = URL(
      fileURLWithPath: arguments.firstIndex(of: "--train-calibration").flatMap {
        arguments.indices.contains($0 + 1) && !arguments[$0 + 1].hasPrefix("--") ? arguments[$0 + 1] : nil
      } ?? PackagePaths.root.appendingPathComponent("Sources/RehearseCore/Resources/Calibration").path)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let rules = Scorer(lexicons: [.ja: try Lexicon.shipped(.ja), .en: try Lexicon.shipped(.en)])
    let items = try ScorerCorpus.load().filter { $0.group == .tuning }.sorted { $0.id < $1.id }
    let inputs = items.map { rules.calibrationInput($0.answer, context: ScoringContext(question: $0.question)) }

    for language in [Language.ja, .en] {
      let chosen = items.indices.filter { inputs[$0].language == language }
      var models: [ScoreCategory: ScorerCalibration.Model] = [:]
      for label in ScorerCalibration.labels {
        let examples = chosen.map { index in
          Example(
            features: inputs[index].features(label), present: items[index].present[label] ?? false,
            rulePresent: (inputs[index].ruleLevels[label] ?? 0) >= 2, writer: items[index].writer,
            vetoed: inputs[index].vetoed(label), doubtable: inputs[index].isDoubtable,
            ruleLevel: inputs[index].ruleLevels[label] ?? 0)
        }
        let chosen = crossValidate(examples)
        let (weights, bias) = fit(examples)
        models[label] = ScorerCalibration.Model(
          bias: Float(bias), threshold: Float(chosen.threshold), demotion: Float(chosen.demotion),
          strongDemotion: Float(chosen.strongDemotion), weights: weights.map { Float($0) })
        print(
          "\(language.rawValue) \(label.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))"
            + "rules \(describe(chosen.rules))  →  with calibration (out-of-fold, "
            + String(
              format: "raise ≥ %.2f, lower level 2 < %.2f, level 3 < %.2f", chosen.threshold, chosen.demotion,
              chosen.strongDemotion)
            + ") \(describe(chosen.calibrated))"
        )
      }
      let calibration = ScorerCalibration(
        models: models,
        fingerprint: ScorerCalibration.fingerprint(ids: chosen.map { items[$0].id }, inputs: chosen.map { inputs[$0] }))
      let file = output.appendingPathComponent("\(language.rawValue).bin")
      try calibration.encoded().write(to: file, options: .atomic)
      print("wrote \(file.path) (\(chosen.count) answers)")
    }
  }

  static func describe(_ tally: Tally) -> String {
    String(
      format: "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", tally.precision, tally.recall, tally.f1, tally.truePositive,
      tally.falsePositive, tally.falseNegative)
  }

  struct Choice {
    var threshold: Double
    var demotion: Double
    var strongDemotion: Double
    var rules: Tally
    var calibrated: Tally
    /// How many of the rules' verdicts the calibration changes, out of fold.
    var changed: Int
  }

  static func crossValidate(_ examples: [Example]) -> Choice {
    let writers = Array(Set(examples.map(\.writer))).sorted()
    let fold = Dictionary(uniqueKeysWithValues: writers.enumerated().map { ($1, $0 % folds) })
    var probabilities = [Double](repeating: 0, count: examples.count)
    for held in 0..<folds {
      let training = examples.filter { fold[$0.writer] != held }
      let (weights, bias) = fit(training)
      for (index, example) in examples.enumerated() where fold[example.writer] == held {
        probabilities[index] = probability(example.features, weights, bias)
      }
    }
    var rules = Tally()
    for example in examples { rules.add(expected: example.present, actual: example.rulePresent) }
    var choices: [Choice] = []
    for threshold in thresholds {
      for demotion in demotions {
        for strongDemotion in demotions where strongDemotion <= demotion {
          var tally = Tally()
          var changed = 0
          for (example, p) in zip(examples, probabilities) {
            let lowered = example.doubtable && p < (example.ruleLevel >= 3 ? strongDemotion : demotion)
            let actual = example.rulePresent ? !lowered : !example.vetoed && p >= threshold
            if actual != example.rulePresent { changed += 1 }
            tally.add(expected: example.present, actual: actual)
          }
          choices.append(
            Choice(
              threshold: threshold, demotion: demotion, strongDemotion: strongDemotion, rules: rules, calibrated: tally,
              changed: changed))
        }
      }
    }
    // The best F1 is flat over a wide range of thresholds: within `flatness` of it (one or two
    // answers in a thousand), the triple that overrules the rules least; a writer unlike the
    // tuning writers is where the model is least sure.
    let bestF1 = max(rules.f1, choices.map(\.calibrated.f1).max() ?? 0)
    let unchanged = Choice(threshold: 1, demotion: 0, strongDemotion: 0, rules: rules, calibrated: rules, changed: 0)
    return choices.filter { $0.calibrated.f1 >= bestF1 - flatness }
      .min {
        ($0.changed, -$0.threshold, $0.demotion, $0.strongDemotion) < ($1.changed, -$1.threshold, $1.demotion, $1.strongDemotion)
      } ?? unchanged
  }

  static func probability(_ features: [Int32], _ weights: [Double], _ bias: Double) -> Double {
    var z = bias
    for feature in features { z += weights[Int(feature)] }
    return 1 / (1 + exp(-z))
  }

  /// Minimises Σ log(1 + e^(−y·z)) + λ/2·‖w‖² (the bias unpenalised) by L-BFGS with a
  /// backtracking line search. Parameters: the weights, then the bias, in one vector.
  static func fit(_ examples: [Example]) -> (weights: [Double], bias: Double) {
    let width = ScorerCalibration.width
    let count = width + 1

    func evaluate(_ x: [Double]) -> (value: Double, gradient: [Double]) {
      var gradient = [Double](repeating: 0, count: count)
      var value = 0.0
      for index in 0..<width {
        value += 0.5 * lambda * x[index] * x[index]
        gradient[index] = lambda * x[index]
      }
      for example in examples {
        var z = x[width]
        for feature in example.features { z += x[Int(feature)] }
        let sign = example.present ? 1.0 : -1.0
        let margin = sign * z
        // log(1 + e^−m), stably.
        value += margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin))
        let residual = -sign / (1 + exp(margin))
        for feature in example.features { gradient[Int(feature)] += residual }
        gradient[width] += residual
      }
      return (value, gradient)
    }
    func dot(_ a: [Double], _ b: [Double]) -> Double {
      var sum = 0.0
      for index in a.indices { sum += a[index] * b[index] }
      return sum
    }

    var x = [Double](repeating: 0, count: count)
    var (value, gradient) = evaluate(x)
    var history: [(s: [Double], y: [Double], rho: Double)] = []
    for iteration in 0..<1000 {
      // Two-loop recursion: direction = −H·g.
      var q = gradient
      var alphas: [Double] = []
      for entry in history.reversed() {
        let alpha = entry.rho * dot(entry.s, q)
        alphas.append(alpha)
        for index in q.indices { q[index] -= alpha * entry.y[index] }
      }
      if let last = history.last {
        let gamma = dot(last.s, last.y) / dot(last.y, last.y)
        for index in q.indices { q[index] *= gamma }
      } else {
        let norm = sqrt(dot(gradient, gradient))
        for index in q.indices { q[index] /= max(norm, 1) }
      }
      for (entry, alpha) in zip(history, alphas.reversed()) {
        let beta = entry.rho * dot(entry.y, q)
        for index in q.indices { q[index] += (alpha - beta) * entry.s[index] }
      }
      let direction = q.map { -$0 }
      let slope = dot(gradient, direction)
      guard slope < 0 else { break }
      var step = 1.0
      var next = x
      var result = (value: value, gradient: gradient)
      while true {
        for index in x.indices { next[index] = x[index] + step * direction[index] }
        result = evaluate(next)
        if result.value <= value + 1e-4 * step * slope || step < 1e-10 { break }
        step *= 0.5
      }
      let s = zip(next, x).map { $0 - $1 }
      let y = zip(result.gradient, gradient).map { $0 - $1 }
      let sy = dot(s, y)
      let improvement = value - result.value
      x = next
      value = result.value
      gradient = result.gradient
      if sy > 1e-12 {
        history.append((s, y, 1 / sy))
        if history.count > 10 { history.removeFirst() }
      }
      if sqrt(dot(gradient, gradient)) < 1e-5 || (iteration > 10 && improvement < 1e-9 * max(1, abs(value))) { break }
    }
    return (Array(x[0..<width]), x[width])
  }
}
