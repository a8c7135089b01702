import Foundation
import RehearseCore
import Yams

// Scorer benchmark (issue budget: a 2,000-character answer scored in under 1 ms median).
// Run with `swift run -c release rehearse-benchmarks`. Answers are built from the labelled
// development set, so they read like real ones: 10,000 of mixed length, then 2,000-character
// answers in each language. `--profile LANG N [--rules]` scores only N such answers (for
// `perf record`); `--role-costs LANG` times each role on its own, `--pattern-costs LANG` each
// pattern's candidates, matches and time as the shared scan hands them out.
//
// `--drill` times a drill's start-up and countdown ticks on a terminal (DrillBenchmark.swift).
// `--banks` instead times loading the shipped banks with and without the parsed-bank cache
// (`--banks --process` also whole `rehearse banks show` processes; see BankBenchmark.swift).
// `--corpus [--misses]` measures the scorer on the labelled corpus (CorpusEvaluationTool.swift).
// `--train-calibration [DIR]` trains the scorer's calibration from the tuning writers
// (CalibrationTrainer.swift; `Scripts/train-calibration`).
// `--store [DIR]` times the store instead (StoreBenchmark.swift); `--store-writer HOME N [--hold]`
// is a writer process for the store tests (StoreWriter.swift).

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
if arguments.contains("--review") {
  try ReviewBenchmark.run(root: root)
  exit(0)
}
if arguments.contains("--plan") {
  if arguments.contains("--process") {
    try PracticeProcessBenchmark.run(root: root)
  } else {
    try PlanBenchmark.run()
  }
  exit(0)
}
if arguments.contains("--train-calibration") {
  try CalibrationTrainer.run(arguments)
  exit(0)
}
if let index = arguments.firstIndex(of: "--corpus") {
  do {
    try CorpusEvaluationTool.run(Array(arguments[(index + 1)...]))
  } catch let stale as CorpusEvaluationTool.StaleCalibration {
    FileHandle.standardError.write(Data("error: \(stale)\n".utf8))
    exit(1)
  }
  exit(0)
}
if let index = arguments.firstIndex(of: "--store-writer") {
  exit(StoreWriter.run(Array(arguments[(index + 1)...])))
}
if let index = arguments.firstIndex(of: "--store") {
  try StoreBenchmark.run(Array(arguments[(index + 1)...]))
  exit(0)
}

if let index = arguments.firstIndex(of: "--compare-tools"), arguments.count > index + 1 {
  try ToolComparisonBenchmark.run(root: root, venv: URL(fileURLWithPath: arguments[index + 1]))
  exit(0)
}
if CommandLine.arguments.contains("--drill") {
  try DrillBenchmark.run(root: root)
  exit(0)
}
if CommandLine.arguments.contains("--banks") {
  try BankBenchmark.run(root: root, process: CommandLine.arguments.contains("--process"))
  exit(0)
}
let folder = root.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/ScorerDevSet")
struct Item: Decodable {
  var lang: String
  var answer: String
}
let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "yaml" }
let items = try files.flatMap { try YAMLDecoder().decode([Item].self, from: Data(contentsOf: $0)) }
// `--lexicons DIR` times the lexicon files in DIR instead of the built ones (for experiments).
let scorer: Scorer = try {
  guard let flag = CommandLine.arguments.firstIndex(of: "--lexicons"), CommandLine.arguments.count > flag + 1 else {
    return try Scorer.shipped()
  }
  var lexicons: [Language: Lexicon] = [:]
  for language in [Language.ja, .en] {
    let url = URL(fileURLWithPath: CommandLine.arguments[flag + 1]).appendingPathComponent("\(language.rawValue).yaml")
    lexicons[language] = try Lexicon.parse(
      String(decoding: try Data(contentsOf: url), as: UTF8.self), language: language, path: url.path)
  }
  return Scorer(lexicons: lexicons)
}()

var generator = SystemRandomNumberGenerator()
func answer(characters: Int, language: String?, seed: Int) -> String {
  let pool = items.filter { language == nil || $0.lang == language }
  var text = ""
  var index = seed
  while text.count < characters {
    text += pool[index % pool.count].answer
    index += 7
  }
  return String(text.prefix(characters))
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

// `--profile LANG N [--rules]`: only score N 2,000-character answers, for `perf record` (or
// callgrind's instruction counts where valgrind reads the binary).
if let flag = CommandLine.arguments.firstIndex(of: "--profile"), CommandLine.arguments.count > flag + 2 {
  let language = CommandLine.arguments[flag + 1]
  let count = Int(CommandLine.arguments[flag + 2]) ?? 10
  let texts = (0..<count).map { answer(characters: 2000, language: language, seed: $0) }
  // `--rules`: the rules alone, without the calibration.
  let profiled = CommandLine.arguments.contains("--rules") ? scorer.rulesOnly : scorer
  for text in texts { _ = profiled.score(text) }
  exit(0)
}

// `--calibration-costs LANG`: where the calibration's share of the budget goes, over 200
// 2,000-character answers, each timed three ways (medians): the rules alone, the rules and the
// calibration's reading of the answer (`CalibrationInput`), and the whole scorer.
if let flag = CommandLine.arguments.firstIndex(of: "--calibration-costs"), CommandLine.arguments.count > flag + 1 {
  let language = CommandLine.arguments[flag + 1]
  let texts = (0..<200).map { answer(characters: 2000, language: language, seed: $0) }
  let clock = ContinuousClock()
  var rules: [Double] = []
  var reading: [Double] = []
  var whole: [Double] = []
  for _ in 0..<3 {
    for text in texts {
      var t0 = clock.now
      _ = scorer.rulesOnly.score(text)
      rules.append(milliseconds(clock.now - t0))
      t0 = clock.now
      _ = scorer.calibrationInput(text)
      reading.append(milliseconds(clock.now - t0))
      t0 = clock.now
      _ = scorer.score(text)
      whole.append(milliseconds(clock.now - t0))
    }
  }
  print(
    String(
      format: "%@: rules alone %.3f ms, rules and the calibration's reading %.3f ms, whole scorer %.3f ms", language,
      median(rules), median(reading), median(whole)))
  exit(0)
}

// `--role-costs LANG`: what each lexicon role costs on its own over 200 2,000-character answers
// (for finding the pattern that eats the budget; the scorer runs them through one shared index).
if let flag = CommandLine.arguments.firstIndex(of: "--role-costs"), CommandLine.arguments.count > flag + 1,
  let language = Language(rawValue: CommandLine.arguments[flag + 1])
{
  let lexicon: Lexicon
  if let dir = CommandLine.arguments.firstIndex(of: "--lexicons").map({ CommandLine.arguments[$0 + 1] }) {
    let url = URL(fileURLWithPath: dir).appendingPathComponent("\(language.rawValue).yaml")
    lexicon = try Lexicon.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self), language: language, path: url.path)
  } else {
    lexicon = try Lexicon.shipped(language)
  }
  let texts = (0..<200).map { NormalizedText(answer(characters: 2000, language: language.rawValue, seed: $0)) }
  let clock = ContinuousClock()
  var costs: [(String, Double)] = []
  for role in lexicon.roleNames {
    let start = clock.now
    for text in texts { _ = lexicon.role(role).matches(in: text) }
    costs.append((role, milliseconds(clock.now - start) / Double(texts.count)))
  }
  for (role, cost) in costs.sorted(by: { $0.1 > $1.1 }).prefix(15) {
    print(String(format: "%7.3f ms  %@", cost, role))
  }
  exit(0)
}

// `--pattern-costs LANG`: each pattern's candidates, matches and machine time per answer over
// 200 2,000-character answers, as the shared scan hands them out (the heaviest 40 first; `--all`
// lists every pattern).
if let flag = CommandLine.arguments.firstIndex(of: "--pattern-costs"), CommandLine.arguments.count > flag + 1,
  let language = Language(rawValue: CommandLine.arguments[flag + 1])
{
  let texts = (0..<200).map { NormalizedText(answer(characters: 2000, language: language.rawValue, seed: $0)) }
  let (scan, costs) = try Lexicon.shipped(language).patternCosts(in: texts)
  let total = costs.reduce(0) { $0 + $1.milliseconds }
  let candidates = costs.reduce(0) { $0 + $1.candidates }
  print(String(format: "the shared scan: %.3f ms per answer, %.0f candidates", scan, Double(candidates) / 200))
  print(String(format: "machine time per answer, all patterns (each call timed): %.3f ms", total))
  for cost in costs.prefix(CommandLine.arguments.contains("--all") ? costs.count : 40) {
    print(
      String(
        format: "%7.4f ms %8.1f cand %7.1f hits  %@  %@", cost.milliseconds, Double(cost.candidates) / 200,
        Double(cost.matches) / 200, cost.role, String(cost.pattern.prefix(90))))
  }
  exit(0)
}

// Reading one language's calibration weights (done once per process, on first use).
do {
  let url = root.appendingPathComponent("Sources/RehearseCore/Resources/Calibration/en.bin")
  var times: [Double] = []
  for _ in 0..<50 {
    let t0 = ContinuousClock.now
    _ = try ScorerCalibration(data: Data(contentsOf: url, options: .alwaysMapped))
    times.append(milliseconds(ContinuousClock.now - t0))
  }
  let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
  print(
    String(
      format: "reading one language's calibration (%d KB, mapped, not copied): median %.3f ms", size / 1024,
      median(times)))
}

// Warm up (lexicons compile on first use).
_ = scorer.score(answer(characters: 500, language: nil, seed: 0))

let clock = ContinuousClock()
// `--quick` skips the 10,000-answer run (only the 2,000-character budget rows).
let mixed = CommandLine.arguments.contains("--quick") ? [] : (0..<10_000).map { answer(characters: [80, 200, 400, 800, 1500][$0 % 5], language: nil, seed: $0) }
if !mixed.isEmpty {
  let totalCharacters = mixed.reduce(0) { $0 + $1.count }
  let start = clock.now
  for text in mixed { _ = scorer.score(text) }
  let elapsed = milliseconds(clock.now - start)
  print(
    String(
      format: "10,000 mixed answers (avg %d chars): %.0f ms, %.0f answers/s", totalCharacters / mixed.count, elapsed,
      10_000 / (elapsed / 1000)))
}

for language in ["ja", "en"] {
  let texts = (0..<200).map { answer(characters: 2000, language: language, seed: $0) }
  var times: [Double] = []
  for text in texts {
    let t0 = clock.now
    _ = scorer.score(text)
    times.append(milliseconds(clock.now - t0))
  }
  print(String(format: "2,000-character %@ answer: median %.3f ms, p90 %.3f ms", language, median(times), times.sorted()[times.count * 9 / 10]))
}

// `--huge`: one answer of a million characters (mixed languages): linear time, no blow-up.
if CommandLine.arguments.contains("--huge") {
  let text = answer(characters: 1_000_000, language: nil, seed: 1)
  let t0 = clock.now
  _ = scorer.score(text)
  print(String(format: "1,000,000-character answer: %.0f ms", milliseconds(clock.now - t0)))
}

// What the learned calibration adds to that budget (it reads every answer): the same answers
// scored by the rules alone.
for language in ["ja", "en"] {
  let rules = scorer.rulesOnly
  let texts = (0..<200).map { answer(characters: 2000, language: language, seed: $0) }
  var times: [Double] = []
  for text in texts {
    let t0 = clock.now
    _ = rules.score(text)
    times.append(milliseconds(clock.now - t0))
  }
  print(
    String(
      format: "2,000-character %@ answer, rules alone: median %.3f ms, p90 %.3f ms", language, median(times),
      times.sorted()[times.count * 9 / 10]))
}
