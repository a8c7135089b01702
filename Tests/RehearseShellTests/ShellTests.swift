import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseShell

@Suite("The shell: words and completion")
struct ShellTests {
  struct WordsCase: CustomTestStringConvertible, Sendable {
    var line: String
    var words: [String]
    var testDescription: String { line.debugDescription }
  }

  @Test(
    "lines split like a POSIX shell, without expansions",
    arguments: [
      WordsCase(line: "banks show kiso", words: ["banks", "show", "kiso"]),
      WordsCase(line: "  banks\t list  ", words: ["banks", "list"]),
      WordsCase(line: "", words: []),
      WordsCase(
        line: "score --text 'I chose it because it was tested.'",
        words: ["score", "--text", "I chose it because it was tested."]),
      WordsCase(
        line: #"score --text "He said \"no\" \\ twice""#, words: ["score", "--text", #"He said "no" \ twice"#]),
      WordsCase(line: #"a "\n stays" b"#, words: ["a", #"\n stays"#, "b"]),
      WordsCase(line: #"it\'s one\ word"#, words: ["it's", "one word"]),
      WordsCase(line: "banks new --name '株式会社 例示'", words: ["banks", "new", "--name", "株式会社 例示"]),
      WordsCase(line: "x '' \"\" y", words: ["x", "", "", "y"]),
      WordsCase(line: "ab'cd'\"ef\"", words: ["abcdef"]),
      WordsCase(line: "全角　スペース", words: ["全角　スペース"]),
    ])
  func words(_ row: WordsCase) throws {
    #expect(try ShellWords.split(row.line) == row.words)
  }

  @Test("an open quote or a trailing backslash is an error; completion tolerates them")
  func unfinished() {
    #expect(throws: ShellWords.Failure.unclosedQuote("'")) { try ShellWords.split("score --text 'abc") }
    #expect(throws: ShellWords.Failure.unclosedQuote("\"")) { try ShellWords.split("a \"b") }
    #expect(throws: ShellWords.Failure.trailingBackslash) { try ShellWords.split("a b\\") }
    #expect(ShellWords.partial("banks show 'ki").words == ["banks", "show"])
    #expect(ShellWords.partial("banks show 'ki").current == "ki")
    #expect(ShellWords.partial("banks show ").current == "")
    #expect(ShellWords.partial("banks show ").words == ["banks", "show"])
  }

  @MainActor func completion(sessions: [String] = []) throws -> ShellCompletion {
    let tree = try #require(CommandNode.of(RehearseCommand.self))
    return ShellCompletion(
      tree: tree, bankIDs: { ["kiso-consulting", "general-chuto", "general-shinsotsu"] },
      sessionIDs: { sessions }, workingDirectory: PackagePaths.root)
  }

  @Test("commands and subcommands come from the ArgumentParser tree")
  @MainActor func commandNames() throws {
    let shell = try completion()
    #expect(
      shell.candidates(line: "", word: "") == [
        "banks", "check", "compare", "config", "daily", "debrief", "delete", "drill", "exit", "export", "follow",
        "forget", "help", "history", "import", "mock", "outcome", "plan", "preflight", "quit", "report", "retry",
        "review", "score", "search", "show", "stats",
        "unfollow",
      ])
    #expect(shell.candidates(line: "ban", word: "ban") == ["banks"])
    #expect(shell.candidates(line: "banks ", word: "") == ["lint", "list", "new", "show"])
    #expect(shell.candidates(line: "banks l", word: "l") == ["lint", "list"])
    #expect(shell.candidates(line: "rehearse banks s", word: "s") == ["show"], "a leading `rehearse` is ignored")
    #expect(
      shell.candidates(line: "help ", word: "") == [
        "banks", "check", "compare", "config", "daily", "debrief", "delete", "drill", "export", "follow", "forget",
        "history", "import", "mock", "outcome", "plan", "preflight",
        "report", "retry", "review", "score", "search", "show", "stats", "unfollow",
      ])
    #expect(shell.candidates(line: "help banks ", word: "") == ["lint", "list", "new", "show"])
    #expect(shell.candidates(line: "zz", word: "zz") == [], "nothing outside the tree")
  }

  @Test("options of the command being typed, and their fixed values")
  @MainActor func options() throws {
    let shell = try completion()
    #expect(
      shell.candidates(line: "banks show kiso-consulting --", word: "--") == [
        "--banks", "--details", "--help", "--json", "--stage", "--version",
      ])
    #expect(shell.candidates(line: "score --l", word: "--l") == ["--lang"])
    #expect(shell.candidates(line: "score --lang ", word: "") == ["en", "ja"])
    #expect(shell.candidates(line: "banks new --language j", word: "j") == ["ja"])
    #expect(shell.candidates(line: "score --text ", word: "") == [], "free text has no candidates")
  }

  @Test("--stage completes the stages of the company given before it")
  @MainActor func stages() throws {
    var shell = try completion()
    shell.stageIDs = { company in company == "kiso-consulting" ? ["first", "case", "second", "final"] : [] }
    #expect(shell.candidates(line: "drill kiso-consulting --stage ", word: "") == ["case", "final", "first", "second"])
    #expect(shell.candidates(line: "drill --count 2 kiso-consulting --stage f", word: "f") == ["final", "first"])
    #expect(shell.candidates(line: "banks show kiso-consulting --stage c", word: "c") == ["case"])
    #expect(shell.candidates(line: "drill --stage ", word: "") == [], "no company yet")
  }

  @Test("--question completes the question ids of the company given before it, several in a row")
  @MainActor func questions() throws {
    var shell = try completion()
    shell.questionIDs = { company in company == "testco" ? ["decision", "habit", "plan"] : [] }
    #expect(shell.candidates(line: "drill testco --question ", word: "") == ["decision", "habit", "plan"])
    #expect(shell.candidates(line: "drill testco --question plan ", word: "") == ["decision", "habit"])
    #expect(shell.candidates(line: "drill --question ", word: "") == [], "no company yet")
  }

  @Test("company ids where a value is named company; session ids through the hook")
  @MainActor func ids() throws {
    let shell = try completion(sessions: ["20250101-0900-kiso"])
    #expect(
      shell.candidates(line: "banks show ", word: "") == ["general-chuto", "general-shinsotsu", "kiso-consulting"])
    #expect(shell.candidates(line: "banks show gen", word: "gen") == ["general-chuto", "general-shinsotsu"])
    #expect(
      shell.candidates(line: "banks show --stage first ki", word: "ki") == ["kiso-consulting"],
      "after an option's value")
    #expect(shell.candidates(line: "banks show kiso-consulting ", word: "") == [], "only one company")
    #expect(shell.candidates(line: "score --company k", word: "k") == ["kiso-consulting"])
    #expect(shell.candidates(line: "follow k", word: "k") == ["kiso-consulting"], "follow takes company ids")
    #expect(shell.candidates(line: "history --company g", word: "g") == ["general-chuto", "general-shinsotsu"])
    #expect(try completion().candidates(line: "banks show ", word: "").count == 3)
    #expect(shell.candidates(line: "daily --company k", word: "k") == ["kiso-consulting"], "daily's --company")
    #expect(shell.candidates(line: "retry --company g", word: "g") == ["general-chuto", "general-shinsotsu"])
    #expect(shell.candidates(line: "config ", word: "") == ["get", "set"])
    let keys = ["daily-goal", "new-graduate", "new-per-day", "rollover-hour"]
    #expect(shell.candidates(line: "config set ", word: "") == keys, "the settings' keys")
    #expect(shell.candidates(line: "config get r", word: "r") == ["rollover-hour"])
  }

  @Test("folders for --banks and bank files for lint")
  @MainActor func paths() throws {
    let shell = try completion()
    #expect(shell.candidates(line: "banks list --banks Que", word: "Que") == ["QuestionBanks/"])
    #expect(shell.candidates(line: "banks list --banks Sources/", word: "Sources/").contains("Sources/RehearseCore/"))
    #expect(
      shell.candidates(line: "banks lint QuestionBanks/kiso", word: "QuestionBanks/kiso").contains(
        "QuestionBanks/kiso-consulting-ja.yaml"))
    #expect(shell.candidates(line: "banks list --banks Package", word: "Package") == [], "files are not folders")
  }

  @Test("several matches replace the word with their common prefix, in whole characters")
  func commonPrefix() {
    #expect(ShellCompletion.commonPrefix(["general-chuto", "general-shinsotsu"]) == "general-")
    #expect(ShellCompletion.commonPrefix(["株式会社あ", "株式会社い"]) == "株式会社")
    #expect(ShellCompletion.commonPrefix(["a", "b"]) == "")
    #expect(ShellCompletion.commonPrefix([]) == "")
  }
}
