import Foundation
import RehearseStore
import RehearseTestSupport
import Testing

/// `preflight` and `mock` end to end: piped, and the mock on a terminal with its countdown.
@Suite("rehearse preflight and mock, end to end", .serialized)
struct InterviewEndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner
  let banks: String

  init() throws {
    home = try TemporaryDirectory("rehearse-interview")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    banks = try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
  }

  @Test("preflight piped: one y/n a line, what is not ready with what to do, kept with the interview's date")
  func preflight() throws {
    defer { home.remove() }
    let result = try runner.run(
      ["preflight", "testco", "--banks", banks, "--mode", "online", "--at", "2030-01-10 14:00"],
      stdin: "y\ny\nn\ny\nmaybe\ny\ny\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("Before your interview with Test Company (online)"))
    #expect(out.contains("On 2030-01-10 14:00"))
    #expect(out.contains("Ready: 5 of 7. Not ready yet:"), "\(out)")
    #expect(out.contains("✗ Have you tested the connection"))
    #expect(out.contains("→ Test a video call from that spot"))
    #expect(out.contains("(not answered)"), "a line that is neither y nor n leaves that item not done")
    let store = try Store.open(home: home.url.appendingPathComponent("data"))
    let kept = try #require(try store.preflights(company: "testco").first)
    #expect(kept.mode == "online" && kept.answers.count == 7 && kept.answers.count { $0.ready } == 5)
    #expect(kept.interviewAt != nil)
    try store.close()

    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let ja = try japanese.run(
      ["preflight", "nihon-test", "--banks", banks, "--mode", "in-person"], stdin: "はい\nはい\nいいえ\n")
    #expect(ja.exitCode == 0, "\(ja.stderr)")
    #expect(ja.stdout.contains("準備済み：3 項目中 2 項目"), "\(ja.stdout)")
    #expect(ja.stdout.contains("書類は手元にありますか"))
    let bad = try runner.run(["preflight", "testco", "--banks", banks, "--at", "next tuesday"], stdin: "")
    #expect(bad.exitCode == 64 && bad.stderr.contains("2026-12-10 14:00"))
    #expect(try runner.run(["preflight", "testco", "--banks", banks, "--stage", "fifth"], stdin: "").exitCode == 64)
  }

  @Test("mock piped: no score before the end, the interviewer digs twice at most, the end report, kept as mode mock")
  func mock() throws {
    defer { home.remove() }
    let result = try runner.run(
      ["mock", "testco", "--stage", "second", "--no-preflight", "--banks", banks, "--seed", "1"],
      stdin: "We keep a log.\n\nNot sure.\n\nHmm.\n\nDon't know.\n\nNo.\n\nWhat is the team like?\n\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let out = result.stdout
    let parts = out.components(separatedBy: "Mock interview over")
    #expect(parts.count == 2, "\(out)")
    let before = parts[0]
    #expect(!before.contains("Total") && !before.contains("■") && !before.contains("level"), "\(before)")
    #expect(before.contains("Mock interview — Test Company"))
    #expect(before.contains("Answer kept ("))
    #expect(before.components(separatedBy: "Interviewer: ").count - 1 == 4, "two probes each for why and carry-over")
    #expect(before.contains("Do you have any questions for us?"), "the question for the interviewer comes last")
    let after = parts[1]
    #expect(after.contains("Each answer") && after.contains("Q1 habit") && after.contains("asked again: WHY ×2"))
    #expect(after.contains("Fix first") && after.contains("  1. "))
    #expect(after.contains("rehearse review 1"))

    let history = try runner.run(["history", "--json"])
    let sessions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.first?["mode"] as? String == "mock")
    let show = try runner.run(["show", "1", "--json"])
    let session = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let questions = try #require(session["questions"] as? [[String: Any]])
    #expect(questions.count == 2)
    #expect((questions.first?["follow_ups"] as? [Any])?.count == 4)
    #expect(questions.last?["kind"] as? String == "reverse-question")

    #expect(try runner.run(["mock", "testco", "--banks", banks], stdin: "").exitCode == 64, "a stage is needed")
  }

  @Test(
    "check piped: ten ratings, the score with strengths and what to improve, kept for stats; a bad line keeps nothing")
  func check() throws {
    defer { home.remove() }
    let result = try runner.run(["check"], stdin: "4\n2\n3\n1\n2\n3\n5\n4\n1\n2\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Readiness: 43 / 100"), "\(result.stdout)")
    #expect(result.stdout.contains("Strengths: your company research, a ready one-minute introduction"))
    #expect(result.stdout.contains("Improve first") && result.stdout.contains("  1. For each story I can say why"))
    #expect(!result.stdout.contains("Not ready yet"), "43 is not under 40")
    let bad = try runner.run(["check"], stdin: "4\n2\nseven\n")
    #expect(bad.exitCode == 65 && bad.stderr.contains("line 3: 'seven' is not a rating"))
    let short = try runner.run(["check"], stdin: "4\n2\n")
    #expect(short.exitCode == 65 && short.stderr.contains("got 2"))
    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let low = try japanese.run(["check", "--json"], stdin: "1\n1\n2\n1\n1\n2\n1\n1\n1\n1\n")
    #expect(low.exitCode == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(low.stdout.utf8)) as? [String: Any])
    #expect(json["score"] as? Int == 5 && json["low"] as? Bool == true)
    #expect((json["improve_first"] as? [String]) == ["introduction", "motivation"])
    #expect(low.stderr.contains("準備度セルフチェック"), "the statements on standard error with --json")
    let stats = try runner.run(["stats"])
    #expect(stats.stdout.contains("Self-checks: "), "\(stats.stdout)")
    let statsJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(try runner.run(["stats", "--json"]).stdout.utf8)) as? [String: Any])
    #expect((statsJSON["checks"] as? [[String: Any]])?.map { $0["score"] as? Int } == [43, 5])
  }

  @Test("mock on a terminal: the preflight, the countdown, the end report after :quit")
  func mockOnTerminal() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(
      ["mock", "testco", "--stage", "second", "--banks", banks, "--seed", "1", "--strict"], rows: 40, cols: 100)
    for _ in 0..<7 {
      try pty.waitFor("y/n > ")
      pty.send("y\r")
    }
    try pty.waitFor("Everything is ready for the interview.")
    try pty.waitFor("How do you make sure mistakes do not repeat?")
    // The clock in the prompt: readline redraws only the digits that change.
    try pty.waitFor("[02:00] > ")
    try pty.waitFor("1:59")
    pty.send("We keep a log because errors repeated; I made it a checklist we reuse.\r\r")
    try pty.waitFor("Answer kept")
    pty.send(":quit\r")
    try pty.waitFor("Mock interview over")
    try pty.waitFor("Fix first")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked)
  }
}
