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
/// - how close to each whole second the countdown in the prompt changes (budget: within 50 ms).
enum DrillBenchmark {
  static func run(root: URL) throws {
    guard let binary = releaseBinary(root: root) else { return }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-drill-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
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

    let lateness = try ticks(binary, environment, root)
    let sorted = lateness.sorted()
    print(
      String(
        format: "countdown ticks after the second (%d ticks): median %.1f ms, worst %.1f ms", lateness.count,
        sorted[sorted.count / 2], sorted.last ?? 0))
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
