import Foundation
import RehearseCore
import RehearseStore
import RehearseTestSupport

/// `--review [--binary PATH]`: issue 11's budgets on the store `--plan --process` builds (100,000
/// answers of ~320 mixed Japanese and English characters, 20,000 drills, the search index built):
/// `search` top 20 under 50 ms, `history` and `compare` under 10 ms, `stats` under 200 ms,
/// `report` under 1 s, `export --all` under 5 s. Each is timed in-process (the store call) and as
/// a whole process of the static release binary.
enum ReviewBenchmark {
  static func run(root: URL) throws {
    guard let binary = DrillBenchmark.releaseBinary(root: root) else { return }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-review-bench-\(getpid())")
    // `--keep` leaves the store for a look or a profile (its path is printed); `--exports` times
    // only the exports.
    let arguments = CommandLine.arguments
    defer {
      if arguments.contains("--keep") { print("kept: \(scratch.path)") } else { try? FileManager.default.removeItem(at: scratch) }
    }
    let runner = CommandRunner(home: scratch, workingDirectory: root)
    let home = URL(fileURLWithPath: runner.environment["REHEARSE_HOME"]!)
    try PracticeProcessBenchmark.fillStore(home: home)
    print("\(PracticeProcessBenchmark.answers) answers in \(PracticeProcessBenchmark.answers / 5) drills")

    let environment = runner.environment.map { "\($0.key)=\($0.value)" }
    if !arguments.contains("--exports") { try searchHistoryStats(home: home, binary: binary, environment: environment) }
    // The whole store out (budget: under 5 s), three runs each.
    for format in ["json", "md", "html"] {
      var failed = false
      let times = measure(3) {
        if BankBenchmark.spawn([binary.path, "export", "--all", "--format", format], environment) != 0 { failed = true }
      }
      report("process: rehearse export --all --format \(format)\(failed ? " (FAILED)" : "")", times)
    }
  }

  static func searchHistoryStats(home: URL, binary: URL, environment: [String]) throws {
    let store = try Store.open(home: home)
    let queries = [
      ("a rare Japanese phrase (ranked)", "物流センターで在庫の引当を見直し、欠品率を12%"),
      ("a Japanese phrase", "在庫の引当を見直し"), ("a common Japanese word", "欠品率"), ("an English phrase", "on-call rota"),
      ("a common English word", "because"), ("2 characters (LIKE)", "病棟"),
    ]
    for (label, query) in queries {
      var hits = 0
      let times = try measure(30) { hits = try store.search(query, limit: 20).count }
      report("in-process search, \(label) “\(query)”, top 20 (\(hits) hits)", times)
    }
    report("in-process history, the newest 20", try measure(30) { _ = try store.sessions(limit: 20) })
    report("in-process history, all 20,000 drills", try measure(10) { _ = try store.sessions() })
    var attempts = 0
    let compare = try measure(30) { attempts = try store.attempts(company: "bench-00", question: "q000").count }
    report("in-process compare, one question (\(attempts) attempts)", compare)
    try store.close()

    let commands: [(String, [String])] = [
      ("rehearse search 在庫の引当を見直し", ["search", "在庫の引当を見直し"]),
      ("rehearse search because", ["search", "because"]),
      ("rehearse search (a rare phrase, ranked)", ["search", "物流センターで在庫の引当を見直し、欠品率を12%"]),
      ("rehearse search 病棟", ["search", "病棟"]),
      ("rehearse history --limit 20", ["history", "--limit", "20"]),
      ("rehearse history (all 20,000)", ["history"]),
      ("rehearse compare q000 --company bench-00", ["compare", "q000", "--company", "bench-00"]),
      ("rehearse stats (8 weeks)", ["stats"]),
      ("rehearse stats --days 365", ["stats", "--days", "365"]),
      ("rehearse report (8 weeks)", ["report"]),
      ("rehearse report --days 365", ["report", "--days", "365"]),
    ]
    for (label, arguments) in commands {
      _ = BankBenchmark.spawn([binary.path] + arguments, environment)
      var failed = false
      let times = measure(30) {
        if BankBenchmark.spawn([binary.path] + arguments, environment) != 0 { failed = true }
      }
      report("process: \(label)\(failed ? " (FAILED)" : "")", times)
    }
  }

  static func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = ContinuousClock.now
      try body()
      times.append(milliseconds(ContinuousClock.now - start))
    }
    return times
  }

  static func report(_ label: String, _ times: [Double]) {
    DrillBenchmark.report(label, times, unit: "ms")
  }
}
