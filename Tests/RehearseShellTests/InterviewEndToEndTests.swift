import Foundation
import RehearseStore
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `preflight`, `mock`, `debrief`, `outcome` and `check` end to end: piped in both languages,
/// and the mock on a terminal with its countdown and after a kill.
@Suite("rehearse preflight, mock, debrief, outcome and check, end to end", .serialized)
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
    #expect(out.contains("✗ The connection where you will sit"))
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
    let past = try runner.run(
      ["preflight", "testco", "--banks", banks, "--mode", "in-person", "--at", "2020-01-10"], stdin: "y\ny\ny\n")
    #expect(past.stdout.contains("That time has passed: is the date right?"), "\(past.stdout)")
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
    #expect(
      before.components(separatedBy: "Interviewer: ").count - 1 == 3, "why twice, then carry-over: three at most")
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
    #expect((questions.first?["follow_ups"] as? [Any])?.count == 3)
    #expect(questions.last?["kind"] as? String == "reverse-question")

    #expect(try runner.run(["mock", "testco", "--banks", banks], stdin: "").exitCode == 64, "a stage is needed")
  }

  @Test(
    "check piped: ten ratings, the score with strengths and what to improve, kept for stats; a bad line keeps nothing")
  func check() throws {
    defer { home.remove() }
    let result = try runner.run(["check"], stdin: "4\n2\n3\n1\n2\n3\n5\n4\n1\n2\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Self-check: 43 / 100"), "\(result.stdout)")
    #expect(result.stdout.contains("Strengths: your company research, a ready one-minute introduction"))
    #expect(result.stdout.contains("Improve first") && result.stdout.contains("  1. For each story I can say why"))
    #expect(!result.stdout.contains("not ready yet"), "43 is not under 40")
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

  /// A bank of the person's own (a debrief refuses the shipped ones).
  static let ownBank = """
    version: 1
    company:
      id: acme
      name: Acme Logistics
      language: en
      type: company
      values: [Customers first]
      stages: [first, second]

    questions:
      - id: why-us
        text: Why do you want to join us?
        stage: first
        kind: motivation
        answer_seconds: 90
    """

  @Test("debrief piped: a known question matched, a new one added to the bank with its source, scored and scheduled")
  func debrief() throws {
    defer { home.remove() }
    let own = home.url.appendingPathComponent("own")
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    let bankFile = own.appendingPathComponent("acme.yaml")
    try Self.ownBank.write(to: bankFile, atomically: true, encoding: .utf8)
    let input =
      [
        "So why do you want to join us?",
        "I planned dispatch for 3 years because routes were late; late deliveries fell from 12% to 4%.",
        "", "nodded, asked about numbers", "talked too long", "", "lead with the number",
        "Tell me about a conflict with a colleague.", "We disagreed on routes.", "", "", "", "", "", "",
      ].joined(separator: "\n") + "\n"
    let result = try runner.run(
      ["debrief", "acme", "--banks", own.path, "--stage", "first", "--at", "2030-01-10 15:00"], stdin: input)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("→ Already in your bank as why-us"))
    #expect(result.stdout.contains("→ New: it joins your bank as own-20300110-1."))
    #expect(result.stdout.contains("2 questions kept; 1 new in your bank"))
    let bank = try String(contentsOf: bankFile, encoding: .utf8)
    #expect(bank.hasPrefix(Self.ownBank), "the file as it was, the question added at the end")
    #expect(bank.contains("  - id: own-20300110-1\n    text: \"Tell me about a conflict with a colleague.\""))
    #expect(bank.contains("      type: own-interview\n      years: [2030]"))
    let lint = try runner.run(["banks", "lint", bankFile.path])
    #expect(lint.exitCode == 0, "\(lint.stdout)\(lint.stderr)")

    let show = try runner.run(["show", "1", "--json"])
    let session = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    #expect(session["mode"] as? String == "debrief")
    let questions = try #require(session["questions"] as? [[String: Any]])
    #expect(questions.map { $0["question_id"] as? String } == ["why-us", "own-20300110-1"])
    #expect(questions.first?["reaction"] as? String == "nodded, asked about numbers")
    #expect(questions.first?["text"] as? String == "So why do you want to join us?", "the question as it was asked")
    #expect((questions.first?["score"] as? [String: Any])?["total"] as? Int != nil, "scored")
    #expect((questions.first?["review"] as? [String: Any])?["next_time"] as? String == "lead with the number")
    // Both questions are in the schedule.
    let plan = try runner.run(["plan", "--banks", own.path, "--json"])
    #expect(plan.stdout.contains("\"acme\""), "\(plan.stdout)")

    // The second time the new question is matched, not added again.
    let again = try runner.run(
      ["debrief", "acme", "--banks", own.path],
      stdin: "Tell me about a conflict with a colleague.\nIt went fine.\n\n\n\n\n\n\n")
    #expect(again.stdout.contains("→ Already in your bank as own-20300110-1"), "\(again.stdout)")
    #expect(try String(contentsOf: bankFile, encoding: .utf8).components(separatedBy: "- id: own-").count == 2)
    // A shipped bank is refused; nothing written down keeps nothing.
    let shipped = try runner.run(["debrief", "larkspur-cloud"], stdin: "")
    #expect(shipped.exitCode == 64 && shipped.stderr.contains("rehearse banks new"))
    let empty = try runner.run(["debrief", "acme", "--banks", own.path], stdin: "\n")
    #expect(empty.exitCode == 0 && empty.stdout.contains("nothing was kept"))

    // How it ended: drafts after a rejection, the weak questions due today.
    let outcome = try runner.run(["outcome", "1", "rejected", "--banks", own.path])
    #expect(outcome.exitCode == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("Recorded: rejected (#1, Acme Logistics, 2030-01-10)."))
    #expect(outcome.stdout.contains("1. Asking for feedback (companies rarely answer"))
    #expect(outcome.stdout.contains("Dear hiring team at Acme Logistics,"))
    #expect(outcome.stdout.contains("Tell me about a conflict with a colleague."), "the topic from the debrief")
    #expect(outcome.stdout.contains("2. Asking to be considered again"))
    #expect(outcome.stdout.contains("Back in practice today (`rehearse retry` or `rehearse daily`):"))
    #expect(
      outcome.stdout.contains("  • Tell me about a conflict with a colleague.\n  • So why do you want to join us?"))
    #expect(!outcome.stdout.contains("{"), "every placeholder filled")
    #expect(try runner.run(["config", "set", "new-graduate", "1"]).exitCode == 0)
    let graduate = try runner.run(["outcome", "1", "rejected", "--banks", own.path])
    #expect(!graduate.stdout.contains("1. Asking for feedback") && graduate.stdout.contains("--feedback"))
    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let english = try japanese.run(["outcome", "1", "rejected", "--banks", own.path, "--feedback"])
    #expect(
      english.stdout.contains("Thank you for the first interview on 2030-01-10"), "the bank's language throughout")
    #expect(!english.stdout.contains("一次面接"))
    let passed = try runner.run(["outcome", "1", "passed", "--banks", own.path])
    #expect(passed.stdout.contains("on to the Second interview") && passed.stdout.contains("--stage second"))
    let waiting = try runner.run(["outcome", "1", "waiting"])
    #expect(waiting.exitCode == 0 && waiting.stdout.contains("Recorded: waiting to hear"))
    let drill = try runner.run(["drill", "testco", "--banks", banks, "--no-review", "--count", "1"], stdin: "x\n\n\n")
    #expect(drill.exitCode == 0)
    let notInterview = try runner.run(["outcome", "3", "passed"])
    #expect(notInterview.exitCode == 64 && notInterview.stderr.contains("rehearse debrief"), "\(notInterview.stderr)")
  }

  @Test("outcome in Japanese: the drafts in the bank's language, from the debrief")
  func japaneseDrafts() throws {
    defer { home.remove() }
    let own = home.url.appendingPathComponent("own")
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    try """
    version: 1
    company:
      id: sakura
      name: さくら物流
      language: ja
      type: company
      stages: [first]

    questions:
      - id: gakuchika
        text: 学生時代に力を入れたことを教えてください。
        stage: first
        kind: student-life
        answer_seconds: 90
    """.write(to: own.appendingPathComponent("sakura.yaml"), atomically: true, encoding: .utf8)
    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let debrief = try japanese.run(
      ["debrief", "sakura", "--banks", own.path],
      stdin: "学生時代に一番力を入れたことは何ですか？\nサークルの運営をしました。\n\nうなずいていた\n\n\n結論から話す\n\n")
    #expect(debrief.exitCode == 0, "\(debrief.stderr)")
    #expect(debrief.stdout.contains("→ 問題集にある質問です（gakuchika）"), "\(debrief.stdout)")
    let outcome = try japanese.run(["outcome", "1", "rejected", "--banks", own.path])
    #expect(outcome.stdout.contains("記録しました：不合格"))
    #expect(outcome.stdout.contains("さくら物流\n採用ご担当者様"))
    #expect(outcome.stdout.contains("「学生時代に一番力を入れたことは何ですか？」への回答"))
    #expect(outcome.stdout.contains("面接の後、「結論から話す」ことに取り組んでおります。"), "their own note")
    #expect(outcome.stdout.contains("［氏名］"))
  }

  @Test("mock after a preflight of the same stage done today with everything ready: not asked again")
  func preflightOncePerDay() throws {
    defer { home.remove() }
    let notReady = try runner.run(
      ["preflight", "testco", "--stage", "second", "--banks", banks, "--mode", "in-person"], stdin: "y\nn\ny\n")
    #expect(notReady.exitCode == 0)
    let asked = try runner.run(
      ["mock", "testco", "--stage", "second", "--banks", banks, "--seed", "1", "--count", "2"], stdin: "y\ny\ny\n")
    #expect(asked.stdout.contains("Before your interview with Test Company"), "not ready before: asked again")
    let ready = try runner.run(
      ["preflight", "testco", "--stage", "second", "--banks", banks, "--mode", "in-person"], stdin: "y\ny\ny\n")
    #expect(ready.stdout.contains("Everything is ready"))
    let skipped = try runner.run(
      ["mock", "testco", "--stage", "second", "--banks", banks, "--seed", "1", "--count", "2"],
      stdin: "We keep a log because errors repeated.\n\n")
    #expect(skipped.stdout.contains("Preflight already done today, everything ready"), "\(skipped.stdout)")
    #expect(!skipped.stdout.contains("Before your interview with"))
    #expect(skipped.stdout.contains("Mock interview over"))
  }

  @Test("debrief on a terminal: a match it asks about, and n makes the question a new one")
  func debriefConfirms() throws {
    defer { home.remove() }
    let own = home.url.appendingPathComponent("own")
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    let bankFile = own.appendingPathComponent("acme.yaml")
    try Self.ownBank.write(to: bankFile, atomically: true, encoding: .utf8)
    let pty = try runner.spawnOnTerminal(["debrief", "acme", "--banks", own.path], rows: 40, cols: 100)
    try pty.waitFor("Q1 > ")
    pty.send("So why do you want to join us?\r")
    try pty.waitFor("→ Already in your bank as why-us")
    try pty.waitFor("The same question? [Y/n] > ")
    pty.send("n\r")
    try pty.waitFor("→ New: it joins your bank as own-")
    try pty.waitFor("> ")
    pty.send("Because of the routes.\r\r")
    for _ in 0..<4 {
      try pty.waitFor(" > ")
      pty.send("\r")
    }
    try pty.waitFor("Q2 > ")
    pty.send("\r")
    try pty.waitFor("1 new in your bank")
    #expect(try pty.wait() == .exited(0))
    #expect(try String(contentsOf: bankFile, encoding: .utf8).contains("text: \"So why do you want to join us?\""))
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

  @Test("mock killed with SIGKILL mid-answer: the next start resumes it as a mock, the end report at the end")
  func mockResumes() throws {
    defer { home.remove() }
    let arguments = ["mock", "testco", "--stage", "second", "--no-preflight", "--banks", banks, "--seed", "1"]
    let first = try runner.spawnOnTerminal(arguments, rows: 40, cols: 100)
    try first.waitFor("How do you make sure mistakes do not repeat?")
    try first.waitFor("[02:00] > ")
    first.send("We keep a shared log of every incident.\r")
    try first.waitFor("] > ")
    first.kill(SIGKILL)
    _ = try first.wait()

    let second = try runner.spawnOnTerminal(arguments, rows: 40, cols: 100)
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("> We keep a shared log of every incident.")
    second.send("\r")
    try second.waitFor("Answer kept")
    second.send(":quit\r")
    try second.waitFor("Mock interview over")
    try second.waitFor("Fix first")
    #expect(try second.wait() == .exited(0))
    let history = try runner.run(["history", "--json"])
    let sessions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 1 && sessions.first?["mode"] as? String == "mock", "resumed, not started again")
  }
}
