import Foundation
import RehearseTestSupport
import Testing

/// Issue 13: four drills and a daily practice writing one store at once keep every answer.
@Suite("concurrent writers")
struct ConcurrentWritersTests {
  @Test("4 piped drills and a daily at the same time: every session and every answer is there")
  func fourDrillsAndADaily() throws {
    let home = try TemporaryDirectory("rehearse-concurrent")
    defer { home.remove() }
    var runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    runner.environment["REHEARSE_SHIPPED_BANKS"] = PackagePaths.questionBanks.path
    // The store exists first, so the five start on one file.
    #expect(try runner.run(["history"]).exitCode == 0)
    let banks = ["larkspur-cloud", "hoshino-seiki", "meadowbrook-health", "hidamari-market"]
    var processes: [(Process, String)] = []
    for (index, bank) in banks.enumerated() {
      let marker = "concurrent-answer-\(index) because it mattered"
      processes.append(
        (
          try Self.start(
            runner, ["drill", bank, "--count", "3", "--no-review", "--seed", "\(index)"],
            input: Array(repeating: "\(marker)\n\n", count: 12).joined()), marker
        ))
    }
    let daily = "concurrent-daily because it mattered"
    processes.append(
      (
        try Self.start(
          runner, ["daily", "--count", "3", "--no-review"],
          input: Array(repeating: "\(daily)\n\n", count: 12).joined()), daily
      ))
    for (process, _) in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let history = try runner.run(["history", "--json"])
    let sessions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 5)
    #expect(sessions.allSatisfy { $0["end_reason"] as? String == "finished" }, "\(sessions)")
    for (_, marker) in processes {
      let hits = try runner.run(["search", String(marker.prefix(20)), "--json"])
      let found = try #require(try JSONSerialization.jsonObject(with: Data(hits.stdout.utf8)) as? [[String: Any]])
      // Every question and follow-up got the same answer; the three main answers are there.
      let main = found.filter { $0["follow_up"] as? Bool == false }
      #expect(main.count == 3, "\(marker): \(main.count) main answers found")
    }
  }

  static func start(_ runner: CommandRunner, _ arguments: [String], input: String) throws -> Process {
    let process = Process()
    process.executableURL = PackagePaths.binary
    process.arguments = arguments
    process.environment = runner.environment
    process.currentDirectoryURL = runner.workingDirectory
    let pipe = Pipe()
    process.standardInput = pipe
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    pipe.fileHandleForWriting.write(Data(input.utf8))
    try pipe.fileHandleForWriting.close()
    return process
  }
}
