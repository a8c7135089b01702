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

/// Issue 13: odd standard input to a piped drill: kept as well as it can be, never a crash.
@Suite("odd standard input")
struct OddInputTests {
  /// Runs a one-question drill on `input` and returns the stored answer.
  static func answer(_ input: Data) throws -> (status: Int32, answer: String?) {
    let home = try TemporaryDirectory("rehearse-odd-input")
    defer { home.remove() }
    var runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    runner.environment["REHEARSE_SHIPPED_BANKS"] = PackagePaths.questionBanks.path
    let drill = try runner.run(
      ["drill", "larkspur-cloud", "--question", "self-intro", "--no-review"], stdinData: input)
    let show = try runner.run(["show", "1", "--json"])
    let session = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
    let question = (session?["questions"] as? [[String: Any]])?.first
    return (drill.exitCode, question?["answer"] as? String)
  }

  @Test("invalid UTF-8 and NUL bytes, CRLF, no newline at the end, a 1 MB line, input closed at once")
  func oddInput() throws {
    let broken = try Self.answer(Data([0x61, 0xFF, 0x62, 0x00, 0x63, 0x0A, 0x0A]))
    #expect(broken.status == 0)
    #expect(
      broken.answer == "a\u{FFFD}b\u{FFFD}c",
      "invalid bytes and NUL become U+FFFD: \(String(describing: broken.answer))")
    let crlf = try Self.answer(Data("first line\r\nsecond line\r\n\r\n".utf8))
    #expect(crlf.answer == "first line\nsecond line")
    let unterminated = try Self.answer(Data("no newline at the end".utf8))
    #expect(unterminated.status == 0 && unterminated.answer == "no newline at the end", "the tail is kept")
    let long = String(repeating: "a", count: 1_048_576)
    let huge = try Self.answer(Data((long + "\n\n").utf8))
    #expect(huge.status == 0 && huge.answer?.count == 1_048_576, "a 1 MB line arrives whole")
    let closed = try Self.answer(Data())
    #expect(closed.status == 0, "input closed before anything: the drill ends, nothing lost")
  }

  @Test("a NUL inside an imported answer becomes U+FFFD, the rest of the answer kept")
  func nulInImport() throws {
    let home = try TemporaryDirectory("rehearse-odd-import")
    defer { home.remove() }
    let runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    let export = try String(
      contentsOf: PackagePaths.root.appendingPathComponent("Fuzz/Corpus/import/two-drills.json"), encoding: .utf8)
    #expect(export.contains("I decided to wait"))
    let file = home.url.appendingPathComponent("with-nul.json")
    try export.replacingOccurrences(of: "I decided to wait", with: "I decided\\u0000 to wait").write(
      to: file, atomically: true, encoding: .utf8)
    let imported = try runner.run(["import", file.path])
    #expect(imported.exitCode == 0, "\(imported.stderr)")
    let show = try runner.run(["show", "1", "--json"])
    #expect(show.stdout.contains("I decided\u{FFFD} to wait"), "\(show.stdout.prefix(2000))")
  }
}
