import Foundation
import RehearseTestSupport
import Testing

/// `rehearse plan`: the review log derived from finished drills, due days, new questions, streak.
@Suite("rehearse plan, end to end", .serialized)
struct PlanTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-plan")
    runner = CommandRunner(home: home.url, extraEnvironment: ["TZ": "Asia/Tokyo"])
  }

  func plan(_ banks: String) throws -> [String: Any] {
    let result = try runner.run(["plan", "--json", "--days", "31", "--banks", banks])
    #expect(result.exitCode == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test("a finished drill answer becomes practice: due later, one new question fewer, a streak of one")
  func afterOneDrill() throws {
    defer { home.remove() }
    let banks = try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
    #expect(try runner.run(["follow", "testco", "--banks", banks]).exitCode == 0)
    let before = try plan(banks)
    let rows = try #require(before["companies"] as? [[String: Any]])
    #expect(rows.map { $0["id"] as? String } == ["testco"], "only the followed company")
    #expect(rows.first?["new_left"] as? Int == 3)
    #expect(before["streak"] as? Int == 0)

    let drill = try runner.run(
      ["drill", "testco", "--banks", banks, "--no-review", "--question", "decision"],
      stdin: "I decided to wait a week because the data was incomplete, and errors fell from 9 to 2.\n\n\n")
    #expect(drill.exitCode == 0, "\(drill.stderr)")

    for _ in 0..<2 {  // the second run adds nothing: the log is derived once per attempt
      let after = try plan(banks)
      let row = try #require((after["companies"] as? [[String: Any]])?.first)
      let due = try #require(row["due"] as? [Int])
      #expect(due.count == 31)
      #expect(due[0] == 0, "just practised: not due today")
      #expect(due.reduce(0, +) == 1, "due again once within the month: \(due)")
      #expect(row["new_left"] as? Int == 2)
      #expect(after["streak"] as? Int == 1)
      #expect(after["done_today"] as? Int == 1)
      #expect((after["days"] as? [String])?.count == 31)
    }
    let human = try runner.run(["plan", "--banks", banks])
    #expect(human.stdout.contains("testco"))
    #expect(human.stdout.contains("Streak: 1 day · today: 1 of 5 questions practised"), "\(human.stdout)")
    #expect(try runner.run(["plan", "--days", "0"]).exitCode == 64)
  }
}
