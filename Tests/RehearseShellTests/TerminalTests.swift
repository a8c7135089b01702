import Foundation
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The built binary on a real pseudo-terminal: the shell, `banks new` with Japanese editing,
/// the timed editor's ticks and deadline, Ctrl-C, resize, SIGTERM, and the terminal's modes after.
@Suite("On a terminal", .serialized)
struct TerminalTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-pty")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
  }

  static let left = "\u{1B}[D"
  static let backspace = "\u{7F}"

  @Test(
    "the shell: welcome, help, a bad command keeps it open, Tab completes, Ctrl-D leaves with the terminal restored")
  func shell() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal([])
    try pty.waitFor("Type `help` for the commands")
    try pty.waitFor("rehearse> ")
    #expect(!pty.isCooked, "readline has the terminal in raw mode at the prompt")

    pty.send("help\r")
    let help = try pty.waitFor("rehearse> ")
    #expect(help.contains("SUBCOMMANDS:"))
    #expect(help.contains("Tab completes commands"))

    // A mistyped command is named as one, with the closest command; the shell's messages use
    // its own words, never `rehearse …` (issue 9.11).
    pty.send("histroy\r")
    let bad = try pty.waitFor("rehearse> ")
    #expect(bad.contains("unknown command 'histroy' — did you mean 'history'?"))
    pty.send("history extra\r")
    let extra = try pty.waitFor("rehearse> ")
    #expect(extra.contains("Error: Unexpected argument 'extra'"))
    #expect(extra.contains("Usage: history "), "\(extra)")
    #expect(extra.contains("See 'history --help'"))
    #expect(!extra.contains("rehearse history"), "no `rehearse` inside the shell")

    pty.send("ban\t")
    try pty.waitFor("banks ")
    pty.send("sh\tkiso-c\t--stage case\r")
    let shown = try pty.waitFor("rehearse> ")
    #expect(shown.hasPrefix("show kiso-consulting --stage case\n"), "completed after `banks `")
    #expect(shown.contains("基礎コンサルティング（架空）"))

    pty.send("banks sho")
    try pty.waitFor("banks sho")
    pty.send("\u{03}")
    try pty.waitFor("rehearse> ")
    pty.send("score --text 'I chose the rollback because it was tested.' --lang en\r")
    let scored = try pty.waitFor("rehearse> ")
    #expect(scored.contains("why you decided"), "Ctrl-C cleared the line: no leftover 'banks sho'")

    pty.send("\u{04}")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked, "canonical mode and echo are back")
  }

  @Test("a command that prompts runs inside the shell; Ctrl-C cancels it and the shell stays")
  func promptingCommandInShell() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal([])
    try pty.waitFor("rehearse> ")
    pty.send("banks new\r")
    try pty.waitFor("Company name: ")
    pty.send("途中")
    try pty.waitFor("途中")
    pty.send("\u{03}")
    try pty.waitFor("Cancelled; nothing was written.")
    try pty.waitFor("rehearse> ")
    #expect(!pty.isCooked)
    pty.send("\u{04}")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.output.hasSuffix("rehearse> \n"), "Ctrl-D leaves one newline after the prompt")
    #expect(pty.isCooked)
    #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("data/banks").path))
  }

  @Test("Up recalls the shell's history, kept in the state folder for the next run")
  func shellHistory() throws {
    defer { home.remove() }
    let first = try runner.spawnOnTerminal([])
    try first.waitFor("rehearse> ")
    first.send("banks list --json\r")
    try first.waitFor("rehearse> ")
    first.send("quit\r")
    #expect(try first.wait() == .exited(0))
    let file = home.url.appendingPathComponent("state/rehearse/history-shell")
    #expect(try String(contentsOf: file, encoding: .utf8) == "banks list --json\nquit\n")

    let second = try runner.spawnOnTerminal([])
    try second.waitFor("rehearse> ")
    second.send("\u{1B}[A\u{1B}[A\r")
    let output = try second.waitFor("rehearse> ")
    #expect(output.contains("\"kiso-consulting\""), "Up twice recalled `banks list --json`")
    second.send("exit\r")
    #expect(try second.wait() == .exited(0))
  }

  @Test("banks new: Japanese typed and edited with Left and Backspace over double-width characters")
  func banksNewJapanese() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["banks", "new"])
    try pty.waitFor("Company name: ")
    // Type 株式社テスド (two mistakes), fix ド with Backspace, go Left over four wide
    // characters and insert the missing 会.
    pty.send("株式社テスド")
    pty.send(Self.backspace + "ト")
    pty.send(String(repeating: Self.left, count: 4) + "会\r")
    try pty.waitFor("Id (a-z, 0-9, -): ")
    pty.send("test-co\r")
    try pty.waitFor("Interview language (ja/en) [ja]: ")
    // The language and the nine answers after it at once: keys typed ahead between prompts
    // are not lost.
    pty.send(String(repeating: "\r", count: 10))
    #expect(try pty.wait() == .exited(0))
    #expect(pty.output.contains("Created"))
    #expect(pty.isCooked)

    let bank = try String(contentsOf: home.url.appendingPathComponent("data/banks/test-co.yaml"), encoding: .utf8)
    #expect(bank.contains("name: \"株式会社テスト\"\n"))
    #expect(bank.contains("language: ja"))
  }

  @Test(
    "SIGTERM or SIGHUP at a prompt restores the terminal and ends the process by that signal, at once",
    arguments: [SIGTERM, SIGHUP])
  func sigterm(_ signal: Int32) throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal([])
    try pty.waitFor("rehearse> ")
    pty.send("banks li")
    try pty.waitFor("banks li")
    #expect(!pty.isCooked)
    let start = ContinuousClock.now
    pty.kill(signal)
    #expect(try pty.wait(timeout: .seconds(2)) == .signaled(signal))
    #expect(ContinuousClock.now - start < .seconds(1))
    #expect(pty.isCooked)
  }

  /// The drill test banks, written into the temporary home for `--banks`.
  func banks() throws -> String {
    try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
  }

  /// `show ID --json` of the store in the temporary home.
  func transcript(_ id: Int = 1) throws -> [String: Any] {
    let show = try runner.run(["show", "\(id)", "--json"])
    #expect(show.exitCode == 0, "\(show.stderr)")
    return try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
  }

  func questions(_ transcript: [String: Any]) throws -> [[String: Any]] {
    try #require(transcript["questions"] as? [[String: Any]])
  }

  @Test("drill: the countdown ticks in the prompt and a strict deadline keeps the partial line in the store")
  func strictCountdown() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(
      ["drill", "nihon-test", "--banks", banks(), "--time", "5", "--strict", "--no-review"])
    try pty.waitFor("学生時代に力を入れたことを教えてください。")
    try pty.waitFor("[00:05] > ")
    pty.send("まだ途中")
    try pty.waitFor("まだ途中")
    // readline rewrites the prompt in place; the typed text stays (checked in the store).
    try pty.waitFor("[00:04] > ")
    try pty.waitFor("[00:02] > ")
    try pty.waitFor("Time is up: the answer was submitted as typed.", timeout: .seconds(5))
    try pty.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked)
    let question = try #require(try questions(transcript()).first)
    #expect(question["answer"] as? String == "まだ途中")
    #expect(question["timed_out"] as? Bool == true)
    #expect(question["status"] as? String == "timed_out")
    let lines = try #require(question["lines"] as? [[String: Any]])
    #expect(lines.map { $0["text"] as? String } == ["まだ途中"])
    let elapsed = try #require(lines.first?["elapsed_seconds"] as? Double)
    #expect(elapsed >= 5 && elapsed < 6.5, "cut at the limit: \(elapsed) s")
  }

  @Test("drill: Japanese typed and edited over double-width characters is stored as corrected")
  func japaneseAnswer() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks(), "--no-review"])
    try pty.waitFor("] > ")
    // 在庫を減らす判断をしまいた → Backspace over た and い, then ました; Left over four and insert 。
    pty.send("在庫を減らす判断をしまいた")
    pty.send(Self.backspace + Self.backspace + "した")
    pty.send("なぜなら売れ残りが多かったから")
    pty.send(String(repeating: Self.left, count: 15) + "。")
    pty.send("\r")
    try pty.waitFor("] > ")
    pty.send("\r")
    try pty.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try pty.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect(question["answer"] as? String == "在庫を減らす判断をしました。なぜなら売れ残りが多かったから")
  }

  @Test("drill: Ctrl-C asks before abandoning; a second Ctrl-C ends the drill, answers saved, terminal restored")
  func interruptTwice() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks(), "--no-review"])
    try pty.waitFor("[02:00] > ")
    pty.send("First I listed the options.\r")
    try pty.waitFor("] > ")
    pty.send("second, unfinished")
    try pty.waitFor("unfinished")
    pty.send("\u{03}")
    try pty.waitFor("Abandon? [y/N] > ")
    pty.send("\r")
    // Enter goes on answering with the partial line back on the line, and the lines before it
    // keep the clock they were entered at (issue 9.12).
    let back = try pty.waitFor("] > second, unfinished")
    #expect(back.contains("] > First I listed the options."))
    pty.send("\u{03}")
    try pty.waitFor("Abandon? [y/N] > ")
    pty.send("\u{03}")
    try pty.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked)
    let transcript = try transcript()
    #expect(transcript["end_reason"] as? String == "quit")
    let question = try #require(try questions(transcript).first)
    #expect(question["status"] as? String == "abandoned")
    #expect(question["answer"] as? String == "First I listed the options.\nsecond, unfinished")
    // Kept but not scored, the same on screen and in the store (issue 9.6).
    #expect(!pty.output.contains("Total "), "no score is shown for an abandoned answer")
    #expect(pty.output.contains("Answer abandoned: what you typed is kept, not scored."))
    #expect(question["total"] is NSNull)
  }

  @Test("drill: a resize and Ctrl-L repaint the question, the accepted lines and the line being typed")
  func resize() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks(), "--no-review"])
    try pty.waitFor("] > ")
    pty.send("一行目\r")
    try pty.waitFor("] > ")
    pty.send("二行目の途中")
    try pty.waitFor("二行目の途中")
    pty.resize(rows: 20, cols: 40)
    let repainted = try pty.waitFor("] > 二行目の途中")
    // The accepted line comes back as it was shown, with the clock it was entered at.
    #expect(repainted.contains("教えてください。\n[0"), "question and accepted line again: \(repainted)")
    #expect(repainted.contains("] > 一行目\n"), "\(repainted)")
    pty.send("\u{0C}")
    let cleared = try pty.waitFor("] > 二行目の途中")
    #expect(
      cleared.contains("教えてください。\n[0") && cleared.contains("] > 一行目\n"), "Ctrl-L repaints the same way: \(cleared)")
    pty.send("\r\r")
    try pty.waitFor("Saved.")
    #expect(try pty.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect(question["answer"] as? String == "一行目\n二行目の途中")
  }

  @Test("drill: killed with SIGKILL mid-answer, the next drill offers to resume with the draft restored")
  func killAndResume() throws {
    defer { home.remove() }
    let banks = try banks()
    let first = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try first.waitFor("[02:00] > ")
    first.send("I compared two vendors.\r")
    try first.waitFor("] > ")
    first.send("then I picked the cheaper")
    try first.waitFor("cheaper")
    // A tick saves the line being typed at least once a second.
    Thread.sleep(forTimeInterval: 2.2)
    first.kill(SIGKILL)
    _ = try first.wait()

    let second = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try second.waitFor("An unfinished drill with Test Company")
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("> I compared two vendors.")
    try second.waitFor("] > then I picked the cheaper")
    second.send(" one.\r")
    try second.waitFor("] > ")
    // After :repeat, a repaint still shows the lines from before the kill.
    second.send(":repeat\r")
    try second.waitFor("] > ")
    second.send("\u{0C}")
    let repainted = try second.waitFor("] > ")
    #expect(repainted.contains("> I compared two vendors."), "\(repainted)")
    second.send("\r")
    // No reason given, so the interviewer asks why; an empty line passes.
    try second.waitFor("Interviewer: Why did you decide that?")
    try second.waitFor("] > ")
    second.send("\r")
    try second.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try second.wait() == .exited(0))
    let transcript = try transcript()
    #expect(transcript["end_reason"] as? String == "finished")
    let question = try #require(try questions(transcript).first)
    #expect(question["answer"] as? String == "I compared two vendors.\nthen I picked the cheaper one.")
    let seconds = try #require(question["seconds_used"] as? Double)
    #expect(seconds >= 2, "the time used before the kill still counts: \(seconds)")
    let draftFree = try #require(question["draft"] as Any?)
    #expect(draftFree is NSNull, "the draft is cleared once the answer is finished")
    let history = try runner.run(["history", "--json"])
    let sessions = try #require(JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 1, "resumed, not started again")
  }

  @Test("the shell offers a killed drill on start; declining closes it as interrupted, answers kept")
  func shellOffersResume() throws {
    defer { home.remove() }
    let banks = try banks()
    let drill = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try drill.waitFor("[02:00] > ")
    drill.send("A line that must not be lost.\r")
    try drill.waitFor("] > ")
    drill.kill(SIGKILL)
    _ = try drill.wait()

    var shellRunner = runner
    shellRunner.environment["REHEARSE_BANKS"] = banks
    let shell = try shellRunner.spawnOnTerminal([])
    try shell.waitFor("An unfinished drill with Test Company")
    try shell.waitFor("Resume it? [Y/n] > ")
    shell.send("n\r")
    // Declining says what happened to the drill (issue 9.12).
    try shell.waitFor("Closed that drill as interrupted; its answers are kept (rehearse show 1).")
    try shell.waitFor("rehearse> ")
    shell.send("quit\r")
    #expect(try shell.wait() == .exited(0))
    let transcript = try transcript()
    #expect(transcript["end_reason"] as? String == "interrupted")
    let question = try #require(try questions(transcript).first)
    #expect(question["answer"] as? String == "A line that must not be lost.")
    #expect(question["status"] as? String == "abandoned")
  }

  @Test("a 100 KB answer pasted into the terminal (bracketed paste) arrives whole")
  func hugePaste() throws {
    defer { home.remove() }
    let banks = try banks()
    let drill = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try drill.waitFor("[02:00] > ")
    let pasted = String(repeating: "pasted words because ", count: 5_000)
    drill.send("\u{1B}[200~" + pasted + "\u{1B}[201~")
    drill.send("\r\r")
    // No decision in it: the interviewer asks why; an empty line passes.
    try drill.waitFor("Interviewer: Why did you decide that?", timeout: .seconds(60))
    try drill.waitFor("] > ")
    drill.send("\r")
    try drill.waitFor("Saved. Reread it with: rehearse show 1", timeout: .seconds(60))
    #expect(try drill.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect((question["answer"] as? String)?.count == pasted.count, "every pasted character kept")
  }

  @Test("drill: killed during the self-review, the resumed drill asks for it again; the answer is kept")
  func resumeReview() throws {
    defer { home.remove() }
    let banks = try banks()
    let arguments = ["drill", "testco", "--banks", banks, "--count", "1"]
    let first = try runner.spawnOnTerminal(arguments, rows: 50)
    try first.waitFor("[02:00] > ")
    first.send("I decided to wait a week because the data was incomplete.\r\r")
    try first.waitFor("Enter")
    first.send("\r")
    try first.waitFor("Ratings, ")
    first.send("44")
    Thread.sleep(forTimeInterval: 0.5)
    first.kill(SIGKILL)
    _ = try first.wait()
    #expect(
      try questions(transcript()).first?["answer"] as? String
        == "I decided to wait a week because the data was incomplete.")

    let second = try runner.spawnOnTerminal(arguments, rows: 50)
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("Press Enter to rate yourself")
    second.send("\r")
    try second.waitFor("Ratings, ")
    second.send("\r")
    for _ in 0..<3 {
      try second.waitFor(" > ")
      second.send("\r")
    }
    try second.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try second.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect(question["review"] is [String: Any], "the self-review is kept after the resume")
    let history = try runner.run(["history", "--json"])
    #expect((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [Any])?.count == 1)
  }

  @Test("daily: killed mid-answer, the next daily resumes it with the line typed so far")
  func resumeDaily() throws {
    defer { home.remove() }
    let banks = try banks()
    let arguments = ["daily", "--banks", banks, "--company", "testco", "--count", "2", "--no-review"]
    let first = try runner.spawnOnTerminal(arguments, rows: 50)
    try first.waitFor("] > ")
    first.send("First answer, because it was due.\r\r")
    try first.waitFor("Q2/2")
    try first.waitFor("] > ")
    first.send("half of the second")
    try first.waitFor("half of the second")
    Thread.sleep(forTimeInterval: 1.5)
    first.kill(SIGKILL)
    _ = try first.wait()

    let second = try runner.spawnOnTerminal(arguments, rows: 50)
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("] > half of the second")
    second.send(" answer.\r\r")
    // The interviewer asks why; an empty line passes.
    try second.waitFor("Interviewer: ")
    try second.waitFor("] > ")
    second.send("\r")
    #expect(try second.wait() == .exited(0))
    let all = try questions(transcript())
    let answers = all.map { $0["answer"] as? String }
    #expect(answers.contains("First answer, because it was due."), "\(answers)")
    #expect(answers.contains("half of the second answer."), "\(answers)")
  }

  @Test("drill: killed during a follow-up, the resumed drill goes on with that follow-up and its draft")
  func resumeFollowUp() throws {
    defer { home.remove() }
    let banks = try banks()
    let arguments = ["drill", "testco", "--banks", banks, "--count", "1", "--no-review"]
    let first = try runner.spawnOnTerminal(arguments)
    try first.waitFor("[02:00] > ")
    first.send("We moved the launch to Tuesday.\r\r")
    try first.waitFor("Interviewer: Why did you decide that?")
    try first.waitFor("] > ")
    first.send("Because half")
    try first.waitFor("Because half")
    Thread.sleep(forTimeInterval: 1.5)
    first.kill(SIGKILL)
    _ = try first.wait()

    let second = try runner.spawnOnTerminal(arguments)
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("Interviewer: Why did you decide that?")
    try second.waitFor("] > Because half")
    second.send(" the QA team was out.\r\r")
    try second.waitFor("Saved. Reread it with: rehearse show 1")
    #expect(try second.wait() == .exited(0))
    let transcript = try transcript()
    #expect(transcript["end_reason"] as? String == "finished")
    let question = try #require(try questions(transcript).first)
    #expect(question["answer"] as? String == "We moved the launch to Tuesday.")
    let followUps = try #require(question["follow_ups"] as? [[String: Any]])
    #expect(followUps.count == 1, "the follow-up row is reused, not asked again")
    #expect(followUps.first?["answer"] as? String == "Because half the QA team was out.")
  }

  @Test("drill: SIGTERM mid-answer keeps the lines and the unfinished one as the draft; the next drill resumes it")
  func sigtermInDrill() throws {
    defer { home.remove() }
    let banks = try banks()
    let pty = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--no-review"])
    try pty.waitFor("[02:00] > ")
    pty.send("A kept line.\r")
    try pty.waitFor("] > ")
    pty.send("half a line")
    try pty.waitFor("half a line")
    pty.kill(SIGTERM)
    #expect(try pty.wait(timeout: .seconds(3)) == .signaled(SIGTERM))
    #expect(pty.isCooked)
    let transcript = try transcript()
    #expect(transcript["end_reason"] is NSNull, "left open, to be resumed")
    let question = try #require(try questions(transcript).first)
    let lines = try #require(question["lines"] as? [[String: Any]])
    #expect(lines.map { $0["text"] as? String } == ["A kept line."])
    let draft = try #require(question["draft"] as? [String: Any])
    #expect(draft["text"] as? String == "half a line")

    try resumes(banks: banks, typing: "half a line")
  }

  /// The next drill offers to resume, and the line that was being typed is back on the line.
  func resumes(banks: String, typing line: String) throws {
    let next = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--no-review"])
    try next.waitFor("Resume it? [Y/n] > ")
    next.send("\r")
    try next.waitFor("] > \(line)")
    next.send("\r")
    try next.waitFor("] > ")
    next.send(":quit\r")
    #expect(try next.wait() == .exited(0))
  }

  @Test("drill: the terminal closed mid-answer (a hang-up) keeps the line being typed; the next drill resumes it")
  func hangUpInDrill() throws {
    defer { home.remove() }
    let banks = try banks()
    let pty = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--no-review"])
    try pty.waitFor("[02:00] > ")
    pty.send("typed but not entered")
    try pty.waitFor("entered")
    pty.closeTerminal()
    _ = try pty.wait(timeout: .seconds(3))
    let question = try #require(try questions(transcript()).first)
    let draft = try #require(question["draft"] as? [String: Any])
    #expect(draft["text"] as? String == "typed but not entered")
    try resumes(banks: banks, typing: "typed but not entered")
  }

  @Test("drill: the score report stays on screen until Enter, then the self-review (issue 9.1)")
  func reportWaitsBeforeReview() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks()])
    try pty.waitFor("] > ")
    pty.send("在庫を減らす判断をしました。売れ残りが多かったからです。\r")
    try pty.waitFor("] > ")
    pty.send("\r")
    try pty.waitFor("Press Enter to rate yourself (Ctrl-C ends the drill) > ")
    #expect(pty.output.contains("Total "), "the report is on screen")
    #expect(!pty.output.contains("Self-review"), "the self-review waits")
    pty.send("\r")
    try pty.waitFor("Self-review")
    try pty.waitFor("Ratings, ")
    // Enter accepts the suggestions (and keeps them if any criterion is left unrated), then the
    // three reflections are skipped.
    for _ in 0..<6 where !pty.output.contains("Saved.") {
      pty.send("\r")
      _ = pty.awaitOutput(timeout: .seconds(1))
    }
    try pty.waitFor("Saved.")
    #expect(try pty.wait() == .exited(0))
  }

  @Test("drill: ratings 2+ above the scorer are flagged while they can still be changed (issue 9.7)")
  func ratingsCheckedBeforeReflections() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks()])
    try pty.waitFor("] > ")
    pty.send("頑張りました。\r\r")
    try pty.waitFor("Press Enter to rate yourself")
    pty.send("\r")
    let prompt = try pty.waitFor(" digits (Enter accepts the suggestions) > ")
    let count = try #require(
      prompt.components(separatedBy: "Ratings, ").last?.split(separator: " ").first.flatMap { Int($0) })
    pty.send(String(repeating: "5", count: count) + "\r")
    try pty.waitFor("rated 2+ above the scorer")
    try pty.waitFor("Enter keeps these ratings, or type \(count) digits again > ")
    #expect(!pty.output.contains("What went wrong"), "the reflections wait until the ratings are settled")
    pty.send(String(repeating: "1", count: count) + "\r")
    // Enter keeps them if they are checked again, then the three reflections are skipped.
    for _ in 0..<5 where !pty.output.contains("Saved.") {
      _ = pty.awaitOutput(timeout: .seconds(1))
      pty.send("\r")
    }
    try pty.waitFor("Saved.")
    #expect(try pty.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    let ratings = try #require((question["review"] as? [String: Any])?["ratings"] as? [String: Int])
    #expect(!ratings.isEmpty && ratings.values.allSatisfy { $0 == 1 }, "the changed ratings were kept: \(ratings)")
  }

  @Test("drill: :skip after typing asks first; the lines stay kept and the summary lists the skip (issue 9.8)")
  func skipAsksFirst() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks(), "--no-review"])
    try pty.waitFor("] > ")
    pty.send("アルバイトで在庫管理をしました\r")
    try pty.waitFor("] > ")
    pty.send(":skip\r")
    try pty.waitFor("Skip? [y/N] > ")
    pty.send("\r")
    // Back to answering: the answer goes on.
    try pty.waitFor("] > ")
    pty.send(":skip\r")
    try pty.waitFor("Skip? [y/N] > ")
    pty.send("y\r")
    try pty.waitFor("Skipped: Q1")
    try pty.waitFor("Saved.")
    #expect(try pty.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect(question["status"] as? String == "skipped")
    #expect(question["answer"] as? String == "アルバイトで在庫管理をしました", "the typed line is kept")
  }

  @Test("the shell: Tab after `show ` lists drill ids with their company and date (issue 9.12)")
  func showCompletionDescribed() throws {
    defer { home.remove() }
    for _ in 0..<2 {
      let drill = try runner.run(
        ["drill", "testco", "--banks", banks(), "--no-review", "--count", "1"], stdin: "I decided to wait.\n\n")
      #expect(drill.exitCode == 0, "\(drill.stderr)")
    }
    let pty = try runner.spawnOnTerminal([])
    try pty.waitFor("rehearse> ")
    pty.send("show \t\t")
    let listed = try pty.waitFor("2  Test Company · ")
    #expect(listed.contains("1  Test Company · "), "\(listed)")
    try pty.waitFor("rehearse> show ")
    pty.send("\u{15}\u{04}")
    #expect(try pty.wait() == .exited(0))
  }

  @Test("drill: words typed in think time without Enter are on the answer's line when the clock starts")
  func thinkTimeCarriesOver() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["drill", "nihon-test", "--banks", banks(), "--think", "2", "--no-review"])
    try pty.waitFor("] think > ")
    pty.send("メモ")
    try pty.waitFor("メモ")
    try pty.waitFor("[01:00] > メモ", timeout: .seconds(5))
    pty.send("を取りました\r\r")
    try pty.waitFor("Saved.")
    #expect(try pty.wait() == .exited(0))
    let question = try #require(try questions(transcript()).first)
    #expect(question["answer"] as? String == "メモを取りました")
  }
}
