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

    pty.send("frobnicate\r")
    let bad = try pty.waitFor("rehearse> ")
    #expect(bad.contains("Error: Unexpected argument 'frobnicate'"))
    #expect(bad.contains("Usage: rehearse <subcommand>"))

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

  @Test("the timed editor: the countdown ticks in the prompt and the deadline keeps the partial line")
  func countdown() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["line-editor", "--seconds", "3"])
    try pty.waitFor("[00:03] > ")
    pty.send("まだ途中")
    try pty.waitFor("まだ途中")
    // readline rewrites the prompt in place; the line itself stays (checked in the summary).
    try pty.waitFor("[00:02] > ")
    try pty.waitFor("[00:01] > ")
    try pty.waitFor("[00:00] > ")
    #expect(try pty.wait() == .exited(0))
    let summary = try Self.summary(pty.output)
    #expect(summary["ending"] as? String == "deadline")
    #expect(summary["partial"] as? String == "まだ途中")
    #expect(summary["ticks"] as? Int == 3)
    let elapsed = try #require(summary["elapsed_ms"] as? Int)
    #expect(elapsed >= 3000 && elapsed < 3500, "deadline after \(elapsed) ms")
    #expect(pty.isCooked)
  }

  @Test("the timed editor: Ctrl-C really interrupts through the terminal and keeps the partial line")
  func interrupt() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["line-editor", "--seconds", "60"])
    try pty.waitFor("[01:00] > ")
    pty.send("first\r")
    try pty.waitFor("] > ")
    pty.send("second, unfinished")
    try pty.waitFor("unfinished")
    pty.send("\u{03}")
    #expect(try pty.wait() == .exited(0))
    let summary = try Self.summary(pty.output)
    #expect(summary["ending"] as? String == "interrupted")
    #expect(summary["lines"] as? [String] == ["first"])
    #expect(summary["partial"] as? String == "second, unfinished")
    #expect(pty.isCooked)
  }

  @Test("a resize and Ctrl-L repaint the question, the accepted lines and the line being typed")
  func resize() throws {
    defer { home.remove() }
    let pty = try runner.spawnOnTerminal(["line-editor", "--question", "なぜその判断を？"])
    try pty.waitFor("なぜその判断を？")
    pty.send("一行目\r")
    try pty.waitFor("> ")
    pty.send("二行目の途中")
    try pty.waitFor("二行目の途中")
    pty.resize(rows: 20, cols: 40)
    let repainted = try pty.waitFor("> 二行目の途中")
    #expect(repainted.contains("なぜその判断を？\n> 一行目\n"), "question and accepted line printed again: \(repainted)")
    pty.send("\u{0C}")
    let cleared = try pty.waitFor("> 二行目の途中")
    #expect(cleared.contains("なぜその判断を？\n> 一行目\n"), "Ctrl-L repaints the same way: \(cleared)")
    pty.send("\r\r")
    #expect(try pty.wait() == .exited(0))
    let summary = try Self.summary(pty.output)
    #expect(summary["lines"] as? [String] == ["一行目", "二行目の途中"])
  }

  /// The JSON object the line-editor command prints last.
  static func summary(_ output: String) throws -> [String: Any] {
    let start = try #require(output.lastIndex(of: "{"), "no summary in: \(output)")
    let json = String(output[start...])
    return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }
}
