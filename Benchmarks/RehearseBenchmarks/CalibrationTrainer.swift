import Foundation
import RehearseCore
import RehearseTestSupport

/// `rehearse-benchmarks --train-calibration [DIR] [--oof-misses DIR]` (run by
/// `Scripts/train-calibration`): trains the scorer's calibration (`ScorerCalibration.swift`)
/// from the *tuning* writers only and writes `DIR/{ja,en}.bin` (default: the source resources).
/// Deterministic: the same corpus and rules give the same bytes.
///
/// Per language and label, three L2-regularised logistic regressions:
/// - the answer model (λ = 1, L-BFGS) over the rules' findings and the answer's words;
/// - the clause model (λ = `clauseLambda`) over one clause's features
///   (`CalibrationInput.clauseFeatures`). Its positive examples are the clauses a labeller's note
///   points to: the note's part for the label ("E: 'went from 40 a month to single figures'") is
///   matched to the answer's clause sharing the most words with it (at least `noteOverlap`). Its
///   negative examples are every clause of the
///   answers without the quality;
/// - the combiner (Newton's method) over the rules' level, the answer model's log-odds and the
///   best clause's, fitted on out-of-fold probabilities of the other two.
///
/// Three thresholds on the combined probability are chosen together by cross-validation grouped
/// by writer (6 folds; a writer's answers are never both trained on and judged): the scorer
/// raises a verdict the rules did not make at or above `threshold`, and lowers one they made
/// below `demotion` (`strongDemotion` when the rules found it at level 3), in an answer long
/// enough to doubt (`CalibrationInput.isDoubtable`). Of the triples whose out-of-fold F1 is
/// within `flatness` of the best, the one that changes the fewest of the rules' verdicts wins;
/// those out-of-fold figures are printed, and are the tuning figures the README reports.
enum CalibrationTrainer {
  static let folds = 6
  static let lambda = 1.0
  static let clauseLambda = 3.0
  /// The fewest words (English) or character pairs (Japanese) a note's part and a clause must
  /// share for the clause to be the one the note points to.
  static let noteOverlap = 2
  /// English words a note and a clause share without pointing to the same thing.
  static let stopWords = Set(
    ("the a an and or to of in on for with was were is are it i we my our that this at as by be been had have has "
      + "from not no but so they he she them his her their you your me us its just did do when then there what which "
      + "who all one").split(separator: " ").map { CalibrationInput.wordKey(String($0)) })
  /// Raising thresholds tried: from 0.5, so a verdict is raised only when the model finds it more
  /// likely than not (below that, F1 trades precision for recall, and short answers such as
  /// 「4月から5月まで学校が休校になりました」 were raised to a result).
  static let thresholds = stride(from: 0.50, through: 0.801, by: 0.05).map { $0 }
  /// Demotion thresholds tried (0 never lowers a verdict). At most 0.40. Before lowering needed
  /// two sentences, thresholds of 0.36–0.40 lowered textbook one-sentence reasons (the
  /// keyword-stuffing traps' shape, and the trap table's 「狙いは…」「…をもとに算出」); above
  /// 0.40 out-of-fold F1 no longer rises.
  static let demotions = [0.0] + stride(from: 0.02, through: 0.401, by: 0.02).map { $0 }
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
    /// The answer's corpus id, for `--oof-misses`.
    var id = ""
    /// The answer's clauses, as the clause model reads them.
    var clauses: [[Int32]] = []
    /// The clause the labeller's note points to, when the quality is present and found.
    var marked: Int?
  }

  static func run(_ arguments: [String]) throws {
    let output = URL(
      fileURLWithPath: arguments.firstIndex(of: "--train-calibration").flatMap {
        arguments.indices.contains($0 + 1) && !arguments[$0 + 1].hasPrefix("--") ? arguments[$0 + 1] : nil
      } ?? PackagePaths.root.appendingPathComponent("Sources/RehearseCore/Resources/Calibration").path)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    // `--oof-misses DIR`: list each tuning answer the calibrated scorer gets wrong out of fold
    // (judged by a model that never saw its writer), one file per language and label.
    let missesDirectory = arguments.firstIndex(of: "--oof-misses").flatMap {
      arguments.indices.contains($0 + 1) ? URL(fileURLWithPath: arguments[$0 + 1]) : nil
    }
    if let missesDirectory {
      try FileManager.default.createDirectory(at: missesDirectory, withIntermediateDirectories: true)
    }
    let rules = Scorer(lexicons: [.ja: try Lexicon.shipped(.ja), .en: try Lexicon.shipped(.en)])
    let items = try ScorerCorpus.load().filter { $0.group == .tuning }.sorted { $0.id < $1.id }
    let inputs = items.map { rules.calibrationInput($0.answer, context: ScoringContext(question: $0.question)) }

    for language in [Language.ja, .en] {
      let chosen = items.indices.filter { inputs[$0].language == language }
      var models: [ScoreCategory: ScorerCalibration.Model] = [:]
      for label in ScorerCalibration.labels {
        let examples = chosen.map { index -> Example in
          let present = items[index].present[label] ?? false
          let marked: Int? =
            present
            ? markedClause(
              note: items[index].note ?? "", label: label, input: inputs[index], language: language, rules: rules) : nil
          return Example(
            features: inputs[index].features(label), present: present,
            rulePresent: (inputs[index].ruleLevels[label] ?? 0) >= 2, writer: items[index].writer,
            vetoed: inputs[index].vetoed(label), doubtable: inputs[index].isDoubtable,
            ruleLevel: inputs[index].ruleLevels[label] ?? 0, id: items[index].id,
            clauses: inputs[index].clauseFeatures, marked: marked)
        }
        let chosen = crossValidate(examples)
        if let missesDirectory {
          try writeMisses(chosen, label: label, language: language, items: items, to: missesDirectory)
        }
        let (weights, bias) = fit(examples)
        let (clauseWeights, clauseBias) = fit(clauseExamples(examples), lambda: clauseLambda)
        models[label] = ScorerCalibration.Model(
          bias: Float(bias), weights: .init(weights.map { Float($0) }), clauseBias: Float(clauseBias),
          clauseWeights: .init(clauseWeights.map { Float($0) }), combiner: chosen.combiner.map { Float($0) },
          threshold: Float(chosen.threshold), demotion: Float(chosen.demotion),
          strongDemotion: Float(chosen.strongDemotion))
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

  static func writeMisses(
    _ choice: Choice, label: ScoreCategory, language: Language, items: [LabelledAnswer], to directory: URL
  ) throws {
    let answers = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
    var text = ""
    for miss in choice.misses.sorted(by: { ($0.present ? 1 : 0, $0.id) < ($1.present ? 1 : 0, $1.id) }) {
      let kind = miss.present ? "missed" : "false"
      text += String(format: "── %@ %@ (rules level %d, p %.2f)\n", miss.id, kind, miss.ruleLevel, miss.probability)
      text += (answers[miss.id]?.answer ?? "") + "\n"
    }
    try text.write(
      to: directory.appendingPathComponent("\(language.rawValue)-\(label.rawValue).txt"), atomically: true,
      encoding: .utf8)
    let table = choice.all.map { "\($0.id)\t\($0.ruleLevel)\t\($0.present ? 1 : 0)\t\($0.probability)\n" }.joined()
    try table.write(
      to: directory.appendingPathComponent("\(language.rawValue)-\(label.rawValue).tsv"), atomically: true,
      encoding: .utf8)
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
    /// The answers whose out-of-fold verdict is wrong: id, the model's probability, the rules'
    /// level and the label.
    var misses: [(id: String, probability: Double, ruleLevel: Int, present: Bool)] = []
    /// Every answer's out-of-fold probability, for `--oof-misses`.
    var all: [(id: String, probability: Double, ruleLevel: Int, present: Bool)] = []
    /// The combiner fitted on every answer's out-of-fold probabilities.
    var combiner: [Double] = []
  }

  static func crossValidate(_ examples: [Example]) -> Choice {
    let writers = Array(Set(examples.map(\.writer))).sorted()
    let fold = Dictionary(uniqueKeysWithValues: writers.enumerated().map { ($1, $0 % folds) })
    var answer = [Double](repeating: 0, count: examples.count)
    var clause = [Double](repeating: 0, count: examples.count)
    for held in 0..<folds {
      let training = examples.filter { fold[$0.writer] != held }
      let (weights, bias) = fit(training)
      let (clauseWeights, clauseBias) = fit(clauseExamples(training), lambda: clauseLambda)
      for (index, example) in examples.enumerated() where fold[example.writer] == held {
        answer[index] = probability(example.features, weights, bias)
        clause[index] = bestClause(example.clauses, clauseWeights, clauseBias)
      }
    }
    let inputs = examples.indices.map {
      ScorerCalibration.Model.combinerInputs(
        ruleLevel: examples[$0].ruleLevel, answer: answer[$0], clause: clause[$0])
    }
    var probabilities = [Double](repeating: 0, count: examples.count)
    for held in 0..<folds {
      let training = examples.indices.filter { fold[examples[$0].writer] != held }
      let combiner = fitDense(training.map { inputs[$0] }, training.map { examples[$0].present })
      for index in examples.indices where fold[examples[index].writer] == held {
        probabilities[index] = dense(combiner, inputs[index])
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
    var chosen =
      choices.filter { $0.calibrated.f1 >= bestF1 - flatness }
      .min {
        ($0.changed, -$0.threshold, $0.demotion, $0.strongDemotion) < ($1.changed, -$1.threshold, $1.demotion, $1.strongDemotion)
      } ?? unchanged
    for (example, p) in zip(examples, probabilities) {
      let lowered = example.doubtable && p < (example.ruleLevel >= 3 ? chosen.strongDemotion : chosen.demotion)
      let actual = example.rulePresent ? !lowered : !example.vetoed && p >= chosen.threshold
      if actual != example.present {
        chosen.misses.append((example.id, p, example.ruleLevel, example.present))
      }
      chosen.all.append((example.id, p, example.ruleLevel, example.present))
    }
    chosen.combiner = fitDense(inputs, examples.map(\.present))
    return chosen
  }

  /// The clause model's examples: the clause a note points to in each answer with the quality,
  /// and every clause of each answer without it.
  static func clauseExamples(_ examples: [Example]) -> [Example] {
    var clauses: [Example] = []
    for example in examples {
      if example.present {
        guard let marked = example.marked else { continue }
        clauses.append(
          Example(features: example.clauses[marked], present: true, rulePresent: false, writer: example.writer))
      } else {
        for words in example.clauses where !words.isEmpty {
          clauses.append(Example(features: words, present: false, rulePresent: false, writer: example.writer))
        }
      }
    }
    return clauses
  }

  static func bestClause(_ clauses: [[Int32]], _ weights: [Double], _ bias: Double) -> Double {
    clauses.filter { !$0.isEmpty }.map { probability($0, weights, bias) }.max() ?? 0
  }

  /// The clause of an answer its note's part for `label` points to: the one sharing the most
  /// words (English) or character pairs (Japanese) with it, at least `noteOverlap`.
  static func markedClause(
    note: String, label: ScoreCategory, input: CalibrationInput, language: Language, rules: Scorer
  ) -> Int? {
    guard let part = noteSection(note, label: label), !part.isEmpty else { return nil }
    let noteInput = rules.calibrationInput(part, context: ScoringContext(language: language))
    let noteKeys = noteInput.clauseKeys(ignoring: stopWords).reduce(into: Set<Int32>()) { $0.formUnion($1) }
    let shared = input.clauseKeys(ignoring: stopWords).map { $0.intersection(noteKeys).count }
    guard let best = shared.indices.max(by: { (shared[$0], -$0) < (shared[$1], -$1) }), shared[best] >= noteOverlap
    else { return nil }
    return best
  }

  /// A note's part for one label: "R: … P: … E: …" → the text after "E:" up to the next part.
  static func noteSection(_ note: String, label: ScoreCategory) -> String? {
    let letters: [ScoreCategory: Character] = [.reasoning: "R", .reproducibility: "P", .evidence: "E"]
    let characters = Array(note)
    var starts: [(letter: Character, index: Int)] = []
    for index in characters.indices.dropLast() where "RPE".contains(characters[index]) && characters[index + 1] == ":" {
      if index == 0 || !characters[index - 1].isLetter { starts.append((characters[index], index)) }
    }
    guard let letter = letters[label], let start = starts.firstIndex(where: { $0.letter == letter }) else { return nil }
    let from = starts[start].index + 2
    let to = start + 1 < starts.count ? starts[start + 1].index : characters.count
    return from < to ? String(characters[from..<to]).trimmingCharacters(in: .whitespaces) : nil
  }

  static func dense(_ weights: [Double], _ inputs: [Double]) -> Double {
    var z = weights[0]
    for (weight, input) in zip(weights.dropFirst(), inputs) { z += weight * input }
    return 1 / (1 + exp(-z))
  }

  /// A logistic regression over a few dense inputs (the combiner), by Newton's method: a bias,
  /// then one weight per input, the weights (not the bias) penalised by λ = 0.01.
  static func fitDense(_ rows: [[Double]], _ labels: [Bool]) -> [Double] {
    let count = (rows.first?.count ?? 0) + 1
    var weights = [Double](repeating: 0, count: count)
    for _ in 0..<100 {
      var gradient = [Double](repeating: 0, count: count)
      var hessian = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
      for (row, label) in zip(rows, labels) {
        let x = [1] + row
        let p = dense(weights, row)
        let residual = p - (label ? 1 : 0)
        for i in 0..<count {
          gradient[i] += residual * x[i]
          for j in 0..<count { hessian[i][j] += p * (1 - p) * x[i] * x[j] }
        }
      }
      for i in 1..<count {
        gradient[i] += 0.01 * weights[i]
        hessian[i][i] += 0.01
      }
      hessian[0][0] += 1e-9
      let step = solve(hessian, gradient)
      for i in 0..<count { weights[i] -= step[i] }
      if step.map(abs).max() ?? 0 < 1e-10 { break }
    }
    return weights
  }

  /// Solves A·x = b by Gaussian elimination with partial pivoting.
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
    var a = a
    var b = b
    let n = b.count
    for column in 0..<n {
      let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) } ?? column
      a.swapAt(column, pivot)
      b.swapAt(column, pivot)
      guard abs(a[column][column]) > 1e-300 else { continue }
      for row in (column + 1)..<n {
        let factor = a[row][column] / a[column][column]
        guard factor != 0 else { continue }
        for k in column..<n { a[row][k] -= factor * a[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
      x[row] = abs(a[row][row]) > 1e-300 ? sum / a[row][row] : 0
    }
    return x
  }

  static func probability(_ features: [Int32], _ weights: [Double], _ bias: Double) -> Double {
    var z = bias
    for feature in features { z += weights[Int(feature)] }
    return 1 / (1 + exp(-z))
  }

  /// Minimises Σ log(1 + e^(−y·z)) + λ/2·‖w‖² (the bias unpenalised) by L-BFGS with a
  /// backtracking line search. Parameters: the weights, then the bias, in one vector.
  static func fit(_ examples: [Example], lambda: Double = lambda) -> (weights: [Double], bias: Double) {
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
