import Foundation
import RehearseTestSupport
import Testing

/// `rehearse` with no arguments and standard input not a terminal: commands one a line.
@Suite("The shell reading a script", .serialized)
struct ShellScriptTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-script")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
  }

  @Test("runs each line as a command, with no prompt or welcome; comments and blank lines are skipped")
  func runsLines() throws {
    defer { home.remove() }
    let result = try runner.run(
      [], stdin: "# what there is\n\nbanks list --json\r\nrehearse banks show 'kiso-consulting' --json\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(!result.stdout.contains("rehearse>"))
    #expect(result.stdout.hasPrefix("[\n"), "banks list --json first")
    #expect(result.stdout.contains("\"hiring_background\""), "then banks show")
  }

  @Test("errors print and the script goes on; the exit status is the last failure's")
  func errors() throws {
    defer { home.remove() }
    let result = try runner.run(
      [], stdin: "frobnicate\nbanks show nosuch\nscore --text 'I chose it because it was tested.' --json")
    #expect(result.exitCode == 64)
    #expect(
      result.stderr.contains(
        "error: unknown command 'frobnicate' (commands: drill, history, show, banks, score, follow, unfollow, plan, daily, retry, config, search, compare, delete, forget, export, import, stats, report, review, preflight, mock, debrief, outcome, check)"
      ))
    #expect(result.stderr.contains("error: no bank has the id 'nosuch'"))
    #expect(result.stdout.contains("\"total\""), "the last line ran although it has no newline")

    let quote = try runner.run([], stdin: "score --text 'open\nbanks list --json\n")
    #expect(quote.exitCode == 64)
    #expect(quote.stderr.contains("the line ends inside a quote (')"))
    #expect(quote.stdout.hasPrefix("["))
  }

  @Test("a mistyped command on the command line: unknown, with the closest one, exit 64 (issue 9.11)")
  func unknownCommand() throws {
    defer { home.remove() }
    let result = try runner.run(["histroy"])
    #expect(result.exitCode == 64)
    #expect(result.stderr.contains("unknown command 'histroy' — did you mean 'history'?"), "\(result.stderr)")
    #expect(try runner.run(["history", "--json"]).exitCode == 0, "real commands still run")
    #expect(try runner.run(["help"]).exitCode == 0)
  }

  @Test("commands in a script read an empty standard input, not the rest of the script")
  func noStdinForCommands() throws {
    defer { home.remove() }
    let result = try runner.run([], stdin: "score\nbanks list --json\n")
    #expect(result.exitCode == 65, "score found no answer")
    #expect(result.stderr.contains("no answer to score"))
    #expect(result.stdout.hasPrefix("["), "the next line still ran")
  }

  @Test("help, quit, and an empty script")
  func builtins() throws {
    defer { home.remove() }
    let help = try runner.run([], stdin: "help\nquit\nbanks list\n")
    #expect(help.exitCode == 0)
    #expect(help.stdout.contains("SUBCOMMANDS:"))
    #expect(help.stdout.contains("`quit`, `exit` or Ctrl-D leaves"))
    #expect(!help.stdout.contains("general-behavioral"), "nothing runs after quit")
    let empty = try runner.run([], stdin: "")
    #expect(empty.exitCode == 0)
    #expect(empty.stdout.isEmpty && empty.stderr.isEmpty)
  }
}
