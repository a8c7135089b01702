import Foundation
import RehearseTestSupport

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `--compare-tools VENV [--binary PATH]`: start-up side by side with the command-line
/// interview-practice tools people install from PyPI, `interviewprep-cli` and `dooma`
/// (installed in the virtual environment `VENV` by `Scripts/compare-tools`), in one run: each
/// round runs every tool's command once, in turn, so all of them meet the same noise. Whole
/// processes from exec to exit (output to /dev/null), or to the first question on a terminal.
enum ToolComparisonBenchmark {
  struct Row {
    var label: String
    /// Per tool: its name and arguments, or nil where the tool has no such command.
    var commands: [(tool: String, arguments: [String])?]
  }

  static let tools = ["rehearse", "dooma", "interviewprep"]
  static let rounds = 20

  static func run(root: URL, venv: URL) throws {
    guard let binary = DrillBenchmark.releaseBinary(root: root) else { return }
    let python = tools.dropFirst().map { venv.appendingPathComponent("bin/\($0)") }
    for tool in python where !FileManager.default.isExecutableFile(atPath: tool.path) {
      print("\(tool.path) is missing: run Scripts/compare-tools, which installs the tools")
      return
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-compare-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let runner = CommandRunner(home: scratch.appendingPathComponent("rehearse"), workingDirectory: root)
    var environment = runner.environment
    // The Python tools keep their state under HOME; each starts from an empty one.
    environment["HOME"] = scratch.path
    environment["TERM"] = "xterm"
    environment["INPUTRC"] = "/dev/null"
    let paths = [binary] + python
    func executable(_ tool: String) -> String { paths[tools.firstIndex(of: tool)!].path }

    let rows = [
      Row(
        label: "print the version (interviewprep has none: --help)",
        commands: [("rehearse", ["--version"]), ("dooma", ["--version"]), ("interviewprep", ["--help"])]),
      Row(
        label: "list what there is to practise",
        commands: [("rehearse", ["banks", "list"]), ("dooma", ["companies"]), ("interviewprep", ["list"])]),
      Row(
        label: "today's practice / progress",
        commands: [("rehearse", ["plan"]), ("dooma", ["stats"]), ("interviewprep", ["today"])]),
    ]
    let processEnvironment = environment.map { "\($0.key)=\($0.value)" }
    // Warm: caches, stores and the tools' own data exist, as on every day after the first.
    for row in rows {
      for command in row.commands.compactMap({ $0 }) {
        for _ in 0..<2 { _ = BankBenchmark.spawn([executable(command.tool)] + command.arguments, processEnvironment) }
      }
    }
    let drill = ["drill", "larkspur-cloud", "--count", "1", "--think", "0", "--no-review", "--seed", "1"]
    for _ in 0..<2 {
      _ = try DrillBenchmark.drill(binary, drill, environment, root)
      _ = try doomaMock(python[0], environment, root)
    }

    print("\(rounds) rounds; medians (p90) of whole processes, ms; each tool's command in turn every round")
    print(line("", tools))
    for row in rows {
      var times = Array(repeating: [Double](), count: tools.count)
      for _ in 0..<rounds {
        for (index, command) in row.commands.enumerated() {
          guard let command else { continue }
          let start = ContinuousClock.now
          let status = BankBenchmark.spawn([executable(command.tool)] + command.arguments, processEnvironment)
          times[index].append(milliseconds(ContinuousClock.now - start))
          if status != 0 { print("\(command.tool) \(command.arguments.joined(separator: " ")): wait status \(status)") }
        }
      }
      printRow(row.label, times)
    }
    var first = [[Double](), [Double](), [Double]()]
    for _ in 0..<rounds {
      first[0].append(try DrillBenchmark.drill(binary, drill, environment, root))
      first[1].append(try doomaMock(python[0], environment, root))
    }
    printRow("the first question of a timed drill, on a terminal", first)
    print("(rehearse drill larkspur-cloud --count 1; dooma mock --count 1; interviewprep has no drill)")
  }

  /// `dooma mock --count 1` on a terminal: milliseconds from spawn to the first question's title.
  static func doomaMock(_ dooma: URL, _ environment: [String: String], _ root: URL) throws -> Double {
    let start = ContinuousClock.now
    let pty = try Pty(["mock", "--count", "1"], environment: environment, workingDirectory: root, executable: dooma)
    try pty.waitFor("Q1/1", timeout: .seconds(30))
    try pty.waitFor("\n", timeout: .seconds(30))
    let elapsed = milliseconds(ContinuousClock.now - start)
    pty.kill(SIGKILL)
    _ = try pty.wait()
    return elapsed
  }

  static func printRow(_ label: String, _ times: [[Double]]) {
    let cells = times.map { values -> String in
      guard !values.isEmpty else { return "—" }
      let sorted = values.sorted()
      return String(format: "%.1f (%.1f)", sorted[sorted.count / 2], sorted[sorted.count * 9 / 10])
    }
    let rehearse = times[0].sorted()[times[0].count / 2]
    let ratios = times.dropFirst().compactMap { values -> String? in
      guard !values.isEmpty else { return nil }
      return String(format: "%.0f×", values.sorted()[values.count / 2] / rehearse)
    }
    print(line(label, cells) + "   rehearse faster: " + ratios.joined(separator: ", "))
  }

  /// The label padded to 52 columns, then each cell right-aligned in 16.
  static func line(_ label: String, _ cells: [String]) -> String {
    label.padding(toLength: 52, withPad: " ", startingAt: 0)
      + cells.map { String(repeating: " ", count: max(1, 16 - $0.count)) + $0 }.joined()
  }
}
