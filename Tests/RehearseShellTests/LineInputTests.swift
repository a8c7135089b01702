import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseShell

@Suite("Line input: timing, prompts, history")
struct LineInputTests {
  let origin = ContinuousClock.now

  func at(_ milliseconds: Int) -> ContinuousClock.Instant { origin + .milliseconds(milliseconds) }

  struct TimeoutCase: CustomTestStringConvertible, Sendable {
    var name: String
    var now: Int
    var origin: Int?
    var deadline: Int?
    var expected: Int32
    var testDescription: String { name }
  }

  @Test(
    "poll sleeps until the next whole second since the origin, rounded up, capped by the deadline",
    arguments: [
      TimeoutCase(name: "just after the origin", now: 0, origin: 0, deadline: nil, expected: 1000),
      TimeoutCase(name: "mid-second", now: 1300, origin: 0, deadline: nil, expected: 700),
      TimeoutCase(name: "a fraction of a millisecond rounds up", now: 0, origin: -1, deadline: nil, expected: 1),
      TimeoutCase(name: "exactly on a second waits a whole one", now: 2000, origin: 0, deadline: nil, expected: 1000),
      TimeoutCase(name: "an origin in the future", now: 0, origin: 2500, deadline: nil, expected: 500),
      TimeoutCase(name: "a deadline before the next second", now: 1300, origin: 0, deadline: 1500, expected: 200),
      TimeoutCase(name: "a deadline after the next second", now: 1300, origin: 0, deadline: 9000, expected: 700),
      TimeoutCase(name: "a deadline only", now: 100, origin: nil, deadline: 2600, expected: 2500),
      TimeoutCase(name: "a deadline passed", now: 3000, origin: 0, deadline: 2000, expected: 0),
      TimeoutCase(name: "neither: wait for input", now: 0, origin: nil, deadline: nil, expected: -1),
    ])
  func pollTimeout(_ row: TimeoutCase) {
    // "a fraction of a millisecond" uses an origin 0.3 ms before a whole second.
    let originInstant = row.origin.map { $0 == -1 ? at(0) - .microseconds(999_700) : at($0) }
    let timeout = TickSchedule.pollTimeout(now: at(row.now), origin: originInstant, deadline: row.deadline.map(at))
    #expect(timeout == row.expected)
  }

  @Test("tick indexes floor, also before the origin")
  func tickIndexes() {
    #expect(TickSchedule.tickIndex(now: at(0), origin: at(0)) == 0)
    #expect(TickSchedule.tickIndex(now: at(999), origin: at(0)) == 0)
    #expect(TickSchedule.tickIndex(now: at(1000), origin: at(0)) == 1)
    #expect(TickSchedule.tickIndex(now: at(61_500), origin: at(0)) == 61)
    #expect(TickSchedule.tickIndex(now: at(0), origin: at(500)) == -1)
    #expect(TickSchedule.tickIndex(now: at(0), origin: at(1000)) == -1)
    #expect(TickSchedule.tickIndex(now: at(0), origin: at(1001)) == -2)
  }

  @Test("the countdown rounds remaining seconds up and shows overtime with a plus")
  func countdown() {
    #expect(TickSchedule.countdown(remaining: .milliseconds(89_300)) == "01:30")
    #expect(TickSchedule.countdown(remaining: .seconds(89)) == "01:29")
    #expect(TickSchedule.countdown(remaining: .milliseconds(1)) == "00:01")
    #expect(TickSchedule.countdown(remaining: .zero) == "00:00")
    #expect(TickSchedule.countdown(remaining: .milliseconds(-400)) == "00:00")
    #expect(TickSchedule.countdown(remaining: .seconds(-5)) == "+00:05")
    #expect(TickSchedule.countdown(remaining: .seconds(3723)) == "1:02:03")
  }

  @Test("prompts get colour only when colour is on, wrapped for readline")
  func promptColour() {
    let warning = PromptText("[00:09] > ", tone: .warning)
    #expect(warning.readlinePrompt(colour: .off) == "[00:09] > ")
    #expect(warning.readlinePrompt(colour: .on) == "\u{01}\u{1B}[1m\u{1B}[33m\u{02}[00:09] > \u{01}\u{1B}[0m\u{02}")
    #expect(PromptText("[+00:03] > ", tone: .overtime).readlinePrompt(colour: .on).contains("\u{1B}[31m"))
    #expect(PromptText("> ").readlinePrompt(colour: .on) == "> ", "the normal tone stays plain")
    #expect(PromptText("a\u{01}b\u{02}c").readlinePrompt(colour: .off) == "abc", "stray markers would confuse readline")
  }

  @Test("history keeps shell lines and ratings on disk (0600 in a 0700 folder), answers and form fields in memory only")
  func historyFiles() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let folder = directory.url.appendingPathComponent("state/rehearse")
    let history = LineHistory(folder: folder, capacity: 3)
    #expect(history.add("banks list", to: .shell))
    #expect(!history.add("banks list", to: .shell), "a repeat of the last entry is not added")
    #expect(!history.add("   ", to: .shell))
    history.add("two\nlines \\ here", to: .shell)
    history.add("私の回答", to: .answer)
    history.add("株式会社例示", to: .form)
    history.add("4", to: .rubric)
    #expect(history.entries(.answer) == ["私の回答"])

    let shellFile = folder.appendingPathComponent("history-shell")
    let attributes = try FileManager.default.attributesOfItem(atPath: shellFile.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.path)
    #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history-answer").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history-form").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("history-rubric").path))

    let reloaded = LineHistory(folder: folder, capacity: 3)
    #expect(reloaded.entries(.shell) == ["banks list", "two\nlines \\ here"])
    #expect(reloaded.entries(.answer) == [])
    for n in 1...5 { reloaded.add("cmd \(n)", to: .shell) }
    #expect(reloaded.entries(.shell) == ["cmd 3", "cmd 4", "cmd 5"], "capped in memory")
    #expect(LineHistory(folder: folder, capacity: 3).entries(.shell) == ["cmd 3", "cmd 4", "cmd 5"])
    let trimmed = try String(contentsOf: shellFile, encoding: .utf8)
    #expect(trimmed == "cmd 3\ncmd 4\ncmd 5\n", "a file over twice the cap is rewritten with what is kept")
  }

  @Test("a scripted input returns its events in order and records the prompts")
  @MainActor func scripted() {
    let input = ScriptedInput([.line("a"), .interrupted(partial: "b")])
    input.begin()
    #expect(input.read(LineRequest(history: .answer, prompt: "1> ")) == .line("a"))
    #expect(
      input.read(LineRequest(history: .answer, prompt: { _ in PromptText("[00:10] > ", tone: .warning) }))
        == .interrupted(partial: "b"))
    #expect(input.read(LineRequest(history: .answer, prompt: "3> ")) == .endOfInput(partial: ""))
    input.end()
    input.end()
    #expect(input.prompts == ["1> ", "[00:10] > ", "3> "])
    #expect(input.reads[1].prompt.tone == .warning)
    #expect(input.beginCount == 1 && input.endCount == 1)
  }
}
