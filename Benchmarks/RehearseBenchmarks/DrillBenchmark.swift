import Foundation
import RehearseTestSupport

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `--drill [--binary PATH]`: the drill's budgets as a person meets them, with the release
/// `rehearse` that `Scripts/run` and `Scripts/install` build (Swift runtime linked statically, in
/// `.build-static`; build it first with `Scripts/run --version`) on a real pseudo-terminal:
/// - from exec to the first question on screen, shipped banks, warm bank cache, an existing
///   store (budget: under 20 ms);
/// - the same with one bank of 10,000 questions (budget: under 50 ms);
/// - how close to each whole second the countdown in the prompt changes (budget: within 50 ms);
/// - a whole drill's peak resident memory: three questions answered with 2,000 characters each,
///   follow-ups, score reports and self-reviews, in English and Japanese, and the big bank
///   (budget: under 50 MB).
enum DrillBenchmark {
  static func run(root: URL) throws {
    guard let binary = releaseBinary(root: root) else { return }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-drill-bench-\(getpid())")
    defer { if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: scratch) } }
    let runner = CommandRunner(home: scratch, workingDirectory: root)
    var environment = runner.environment
    environment["TERM"] = "xterm"
    environment["INPUTRC"] = "/dev/null"
    let drillArguments = ["drill", "larkspur-cloud", "--count", "1", "--think", "0", "--no-review", "--seed", "1"]

    // Warm up: the bank cache and the store exist, as on every day after the first.
    for _ in 0..<2 { _ = try drill(binary, drillArguments, environment, root) }

    var startup: [Double] = []
    for _ in 0..<40 { startup.append(try drill(binary, drillArguments, environment, root)) }
    report("exec to the first question on a terminal (40 runs)", startup, unit: "ms")

    let bigBank = scratch.appendingPathComponent("big-bank")
    try writeBigBank(into: bigBank, questions: 10_000)
    let bigArguments = ["drill", "bench-big", "--banks", bigBank.path] + drillArguments.dropFirst(2)
    for _ in 0..<2 { _ = try drill(binary, bigArguments, environment, root) }
    var big: [Double] = []
    for _ in 0..<40 { big.append(try drill(binary, bigArguments, environment, root)) }
    report("the same with a 10,000-question bank (40 runs)", big, unit: "ms")

    let lateness = try ticks(binary, environment, root)
    let sorted = lateness.sorted()
    print(
      String(
        format: "countdown ticks after the second (%d ticks): median %.1f ms, worst %.1f ms", lateness.count,
        sorted[sorted.count / 2], sorted.last ?? 0))

    let english = String(repeating: answerParagraph.english + " ", count: 20).prefix(2000)
    let japanese = String(repeating: answerParagraph.japanese, count: 30).prefix(2000)
    for (label, company, answer, extra) in [
      ("English drill, 3 questions", "larkspur-cloud", String(english), [String]()),
      ("Japanese drill, 3 questions", "kiso-consulting", String(japanese), []),
      ("the 10,000-question bank, 3 questions", "bench-big", String(english), ["--banks", bigBank.path]),
    ] {
      let peaks = try (0..<3).map { _ in
        try peakMemory(binary, ["drill", company, "--count", "3", "--think", "0", "--seed", "1"] + extra, answer, environment, root)
      }
      print(
        "peak resident memory, \(label) with answers of \(answer.count) characters, reviews and follow-ups: "
          + peaks.map { String(format: "%.1f MB", Double($0) / 1024) }.joined(separator: ", "))
    }
    // The first drill after the big bank changed parses its 3.5 MB of YAML (Yams builds the
    // whole document's node tree) before writing the cache.
    var cold = environment
    cold["REHEARSE_NO_CACHE"] = "1"
    let coldPeak = try peakMemory(
      binary, ["drill", "bench-big", "--count", "3", "--think", "0", "--seed", "1", "--banks", bigBank.path],
      String(english), cold, root)
    print(String(format: "peak resident memory, the same with the bank parsed from YAML (no cache): %.1f MB", Double(coldPeak) / 1024))
  }

  /// A 2,000-character answer is made of these, repeated.
  static let answerParagraph = (
    english: "I chose to rebuild the release checklist because two outages came from skipped steps; "
      + "I wrote it as a template the team still uses, and failed deploys fell from 6 to 1 a month.",
    japanese: "出荷ミスが続いていたため、検品の手順を見直すと決めました。手順書にして誰でも同じようにできる形にし、"
      + "ミスは月12件から3件に減りました。"
  )

  /// One whole drill on the terminal: each new question is answered with `answer` (then an empty
  /// line), and every other prompt (a follow-up, the report's Enter, ratings, reflections) with
  /// Enter, until the drill is saved. Returns the process's peak resident memory in KiB.
  static func peakMemory(
    _ binary: URL, _ arguments: [String], _ answer: String, _ environment: [String: String], _ root: URL
  ) throws -> Int {
    let pty = try Pty(arguments, environment: environment, workingDirectory: root, executable: binary)
    var answered = 0
    let deadline = ContinuousClock.now + .seconds(120)
    while !pty.output.contains("Saved."), ContinuousClock.now < deadline {
      // Act once the screen is quiet: the prompt is waiting.
      guard !pty.awaitOutput(timeout: .milliseconds(250)) else { continue }
      let text = pty.output
      let asked = text.matches(of: /Q(\d+)\/3/).compactMap { Int($0.1) }.max() ?? 0
      if asked > answered, text.hasSuffix("] > ") {
        pty.send(answer + "\r\r")
        answered = asked
      } else if text.hasSuffix("> ") {
        // Only at a prompt: an Enter sent while the next question is still loading would be
        // read as that question's (empty) answer.
        pty.send("\r")
      }
    }
    guard try pty.wait(timeout: .seconds(20)) == .exited(0), answered == 3, let peak = pty.peakResidentKiB else {
      throw DrillDidNotEnd(output: pty.output)
    }
    return peak
  }

  struct DrillDidNotEnd: Error, CustomStringConvertible {
    var output: String
    var description: String { "the drill did not end with three answered questions; the screen:\n\(output)" }
  }

  /// One bank of `questions` questions over four stages, each with a follow-up, answer points
  /// and a pitfall, as a person's large bank would have.
  static func writeBigBank(into folder: URL, questions: Int) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let kinds = ["self-introduction", "motivation", "behavioural", "decision", "failure", "career-plan", "values"]
    var yaml = """
      version: 1
      company:
        id: bench-big
        name: Big Bank Company
        language: en
        type: fictional
        stages:
          - id: first
            name: First interview
          - id: second
            name: Second interview
          - id: case
            name: Case interview
          - id: final
            name: Final interview
      questions:

      """
    for question in 0..<questions {
      yaml += """
          - id: q\(String(format: "%05d", question))
            text: Benchmark question \(question), long enough to wrap like a real one does on screen. Tell us about it.
            stage: \(["first", "second", "case", "final"][question % 4])
            kind: \(kinds[question % kinds.count])
            follow_ups:
              reasoning: Why did you decide that, rather than something else?
            answer_points: [What you decided and why, What changed afterwards]
            pitfalls: [Listing tasks without a decision]

        """
    }
    try yaml.write(to: folder.appendingPathComponent("bench-big.yaml"), atomically: true, encoding: .utf8)
  }

  /// The binary `--binary PATH` names, else the static release build; nil (said why) when it is
  /// not there.
  static func releaseBinary(root: URL) -> URL? {
    let arguments = CommandLine.arguments
    let binary =
      arguments.firstIndex(of: "--binary").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
      .map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(".build-static/release/rehearse")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      print("build the release binary first: Scripts/run --version (or give --binary PATH)")
      return nil
    }
    return binary
  }

  /// One drill started and quit; returns milliseconds from spawn to the question text on screen.
  static func drill(_ binary: URL, _ arguments: [String], _ environment: [String: String], _ root: URL) throws -> Double {
    let start = ContinuousClock.now
    let pty = try Pty(arguments, environment: environment, workingDirectory: root, executable: binary)
    try pty.waitFor("Q1/1\n")
    try pty.waitFor("\n")
    let elapsed = ContinuousClock.now - start
    try pty.waitFor("] > ")
    pty.send(":quit\r")
    _ = try pty.wait()
    return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
  }

  /// A 12-second answer clock: when each change of the prompt arrives, against the whole second
  /// since the first prompt appeared.
  static func ticks(_ binary: URL, _ environment: [String: String], _ root: URL) throws -> [Double] {
    let pty = try Pty(
      ["drill", "larkspur-cloud", "--count", "1", "--think", "0", "--no-review", "--seed", "1", "--time", "12"],
      environment: environment, workingDirectory: root, executable: binary)
    try pty.waitFor("[00:12] > ")
    let shown = ContinuousClock.now
    var lateness: [Double] = []
    while ContinuousClock.now - shown < .milliseconds(11_500) {
      guard pty.awaitOutput(timeout: .milliseconds(1200)) else { continue }
      let offset = ContinuousClock.now - shown
      let ms = Double(offset.components.seconds) * 1000 + Double(offset.components.attoseconds) / 1e15
      lateness.append(ms - (ms / 1000).rounded() * 1000)
    }
    pty.send(":quit\r")
    _ = try pty.wait()
    return lateness.map(abs)
  }

  static func report(_ label: String, _ values: [Double], unit: String) {
    let sorted = values.sorted()
    print(
      String(
        format: "%@: median %.1f %@, p90 %.1f %@", label, sorted[sorted.count / 2], unit,
        sorted[sorted.count * 9 / 10], unit))
  }
}
