import Foundation
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `daily`, `retry` and `config` run as a person would: piped, and `daily` on a terminal with its
/// countdown, killed and resumed.
@Suite("rehearse daily, retry and config, end to end", .serialized)
struct DailyEndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner
  let banks: String

  static let strong =
    "I decided to move the release by a week because the data was incomplete; I wrote a release checklist the team still uses, and errors fell from 9 to 2."
  static let strongJapanese = "在庫の発注方法を見直すと決めました。理由は欠品が多かったからです。その結果、欠品は月20件から3件に減りました。御社でも同じ手順で進められます。"

  init() throws {
    home = try TemporaryDirectory("rehearse-daily")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root, extraEnvironment: ["TZ": "Asia/Tokyo"])
    banks = try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
  }

  func json(_ arguments: [String]) throws -> Any {
    let result = try runner.run(arguments + ["--json"])
    #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  /// The bank question ids a stored session asked, in order.
  func asked(_ session: Int) throws -> [String] {
    let transcript = try #require(try json(["show", "\(session)"]) as? [String: Any])
    let questions = try #require(transcript["questions"] as? [[String: Any]])
    return questions.compactMap { $0["question_id"] as? String }
  }

  /// An answer for whichever question comes: the piped protocol is a line then an empty line; a
  /// follow-up, if any, gets an empty line too.
  static func answers(_ count: Int) -> String {
    String(repeating: "\(strong)\n\n\n", count: count)
  }

  @Test("a goal of two over two runs the same day: the second continues, nothing repeats, then the goal is met")
  func continuesTheDay() throws {
    defer { home.remove() }
    let set = try runner.run(["config", "set", "daily-goal", "2"])
    #expect(set.exitCode == 0, "\(set.stderr)")
    #expect(set.stderr.contains("daily-goal is now 2."))
    #expect(try runner.run(["config", "get", "daily-goal"]).stdout == "2\n")
    #expect(try runner.run(["follow", "testco", "nihon-test", "--banks", banks]).exitCode == 0)

    let first = try runner.run(
      ["daily", "--banks", banks, "--no-review", "--seed", "1"], stdin: "\(Self.strong)\n\n\n:quit\n")
    #expect(first.exitCode == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Daily practice · no streak yet · today 0 of 2 · now: 2 new"), "\(first.stdout)")
    #expect(first.stdout.contains("Streak 1 day · today 1 of 2: 1 to go"), "\(first.stderr)")
    let firstAsked = try asked(1)
    #expect(firstAsked.count == 2, "the second question was on screen when :quit came")

    let second = try runner.run(
      ["daily", "--banks", banks, "--no-review", "--seed", "1"], stdin: "\(Self.strongJapanese)\n\n\n\n")
    #expect(second.exitCode == 0, "\(second.stderr)")
    #expect(second.stdout.contains("today 1 of 2 · now: 1 new"), "\(second.stderr)")
    let secondAsked = try asked(2)
    #expect(secondAsked.count == 1)
    #expect(!firstAsked.prefix(1).contains(secondAsked[0]), "the answered question is not asked again today")
    #expect(second.stdout.contains("today 2 of 2: goal met"), "\(second.stderr)")

    let third = try runner.run(["daily", "--banks", banks, "--no-review"], stdin: "")
    #expect(third.exitCode == 0)
    #expect(third.stdout.contains("Today's goal is met: 2 of 2"), "\(third.stderr)")
    #expect(third.stdout.contains("`rehearse retry`"))
    let history = try #require(try json(["history"]) as? [[String: Any]])
    #expect(history.count == 2, "the third run started no drill")
    #expect(history.allSatisfy { $0["mode"] as? String == "daily" })
    let plan = try #require(try json(["plan", "--banks", banks]) as? [String: Any])
    #expect(plan["done_today"] as? Int == 2)
    #expect(plan["goal"] as? Int == 2)
    #expect(plan["streak"] as? Int == 1)
  }

  @Test("retry: a weak daily answer comes back with what it lacked, then side by side with last time")
  func retry() throws {
    defer { home.remove() }
    let none = try runner.run(["retry", "--banks", banks, "--company", "testco"], stdin: "")
    #expect(none.exitCode == 0)
    #expect(none.stdout.contains("Nothing to retry yet"), "\(none.stderr)")

    let weak = try runner.run(
      ["daily", "--banks", banks, "--company", "testco", "--count", "1", "--no-review"],
      stdin: "I just did it.\n\n\n")
    #expect(weak.exitCode == 0, "\(weak.stderr)")
    let card = try #require(try asked(1).first)

    let retry = try runner.run(
      ["retry", "--banks", banks, "--company", "testco", "--no-review"], stdin: "\(Self.strong)\n\n\n")
    #expect(retry.exitCode == 0, "\(retry.stderr)")
    #expect(retry.stdout.contains("A second chance for your 1 weakest answer"), "\(retry.stderr)")
    #expect(retry.stdout.contains("Last time ("), "\(retry.stdout)")
    #expect(retry.stdout.contains("graded Again"))
    #expect(retry.stdout.contains("Against last time"))
    #expect(retry.stdout.contains("better"))
    #expect(try asked(2) == [card])
    let history = try #require(try json(["history"]) as? [[String: Any]])
    #expect(history.first?["mode"] as? String == "retry")

    // Now graded Good: nothing is weak any more.
    let again = try runner.run(["retry", "--banks", banks, "--company", "testco"], stdin: "")
    #expect(
      again.stdout.contains("Nothing to retry: every question's latest answer was graded Good or Easy"),
      "\(again.stderr)")
  }

  @Test("config: a mistyped key or a bad value is a usage error; a broken file stops daily with its location")
  func configErrors() throws {
    defer { home.remove() }
    let typo = try runner.run(["config", "set", "daily-gaol", "3"])
    #expect(typo.exitCode == 64)
    #expect(typo.stderr.contains("did you mean 'daily-goal'?"), "\(typo.stderr)")
    let range = try runner.run(["config", "set", "rollover-hour", "24"])
    #expect(range.exitCode == 64)
    #expect(range.stderr.contains("rollover-hour takes a whole number from 0 to 23"), "\(range.stderr)")
    let all = try #require(try json(["config", "get"]) as? [String: Int])
    #expect(all == ["daily-goal": 5, "new-per-day": 3, "rollover-hour": 4, "new-graduate": 0])

    let folder = home.url.appendingPathComponent("config/rehearse")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("config.yaml")
    try "version: 1\ngoal: 4\nnew-per-day: lots\n".write(to: file, atomically: true, encoding: .utf8)
    let daily = try runner.run(["daily", "--banks", banks], stdin: "")
    #expect(daily.exitCode == 65)
    #expect(daily.stderr.contains("config.yaml:2:1: warning: unknown key 'goal'"), "\(daily.stderr)")
    #expect(daily.stderr.contains("config.yaml:3:14: error: 'new-per-day' must be a whole number"), "\(daily.stderr)")
    let set = try runner.run(["config", "set", "daily-goal", "4"])
    #expect(set.exitCode == 65, "a broken file is reported, not overwritten")
    #expect(try String(contentsOf: file, encoding: .utf8) == "version: 1\ngoal: 4\nnew-per-day: lots\n")

    // `set` repairs a bad value on its own key's line (and nothing else).
    let repair = try runner.run(["config", "set", "new-per-day", "2"])
    #expect(repair.exitCode == 0, "\(repair.stderr)")
    #expect(try String(contentsOf: file, encoding: .utf8) == "version: 1\ngoal: 4\nnew-per-day: 2\n")

    try "# mine\nversion: 1\nnew-per-day: 2 # slow weeks\n".write(to: file, atomically: true, encoding: .utf8)
    #expect(try runner.run(["config", "set", "daily-goal", "4"]).exitCode == 0)
    #expect(
      try String(contentsOf: file, encoding: .utf8)
        == "# mine\nversion: 1\nnew-per-day: 2 # slow weeks\ndaily-goal: 4\n")
    var info = stat()
    #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "the settings file is private")
  }

  @Test("daily on a terminal: the countdown, a kill mid-answer, and the next daily resumes it, then shows the streak")
  func terminalResume() throws {
    defer { home.remove() }
    #expect(try runner.run(["follow", "testco", "--banks", banks]).exitCode == 0)
    let first = try runner.spawnOnTerminal(["daily", "--banks", banks, "--count", "2", "--no-review", "--time", "30"])
    try first.waitFor("Daily practice · no streak yet · today 0 of 5 · now: 2 new")
    try first.waitFor("[00:30] > ")
    first.send("I compared two vendors")
    try first.waitFor("vendors")
    // A tick saves the line being typed at least once a second.
    Thread.sleep(forTimeInterval: 2.2)
    first.kill(SIGKILL)
    _ = try first.wait()

    let second = try runner.spawnOnTerminal(["daily", "--banks", banks, "--no-review", "--time", "30"])
    try second.waitFor("Resume it? [Y/n] > ")
    second.send("\r")
    try second.waitFor("] > I compared two vendors")
    second.send(" because the cheaper one failed twice, and costs fell from 9 to 2.\r")
    try second.waitFor("] > ")
    second.send("\r")
    // The second question of the same daily drill.
    try second.waitFor("Q2/2")
    try second.waitFor("] > ")
    second.send(":quit\r")
    try second.waitFor("Streak 1 day · today 1 of 5", timeout: .seconds(10))
    #expect(try second.wait() == .exited(0))
    #expect(second.isCooked)
    let history = try #require(try json(["history"]) as? [[String: Any]])
    #expect(history.count == 1, "resumed, not started again")
    #expect(history.first?["mode"] as? String == "daily")
  }

  @Test("daily on a terminal with nothing left: it offers n, r or Enter, asks again after anything else")
  func terminalOffer() throws {
    defer { home.remove() }
    #expect(try runner.run(["config", "set", "new-per-day", "0"]).exitCode == 0)
    let pty = try runner.spawnOnTerminal(["daily", "--banks", banks, "--company", "testco"])
    try pty.waitFor("Nothing more is due today")
    try pty.waitFor("n / r / Enter > ")
    pty.send("x\r")
    try pty.waitFor("'x' is none of these: n, r or Enter")
    try pty.waitFor("n / r / Enter > ")
    pty.send("\r")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked)
  }
}
