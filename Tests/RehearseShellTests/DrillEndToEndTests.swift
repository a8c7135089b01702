import Foundation
import RehearseTestSupport
import Testing

/// A whole drill through the built binary with piped input (README, "Drills without a
/// terminal"), then its transcript checked field by field.
@Suite("rehearse drill, piped")
struct DrillEndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner
  let banks: URL

  init() throws {
    home = try TemporaryDirectory("rehearse-drill")
    runner = CommandRunner(home: home.url)
    banks = try TestBanks.write(into: home.url.appendingPathComponent("banks"))
  }

  static let protocolInput =
    [
      // Q1: no reason → the interviewer asks why; then the review.
      "We moved the launch to Tuesday.", "",
      "Because half the QA team was out on Monday, I decided Tuesday was safer.", "",
      "435343", "I rambled", "", "lead with the why",
      // Q2: answered; Enter accepts the scorer's suggestions; reflections skipped.
      "I built a checklist for releases, and now every shift uses it.", "",
      "", "", "", "",
      // Q3: skipped, so no review.
      ":skip",
    ].joined(separator: "\n") + "\n"

  @Test("a 3-question drill with follow-up and review, then show --json field by field")
  func fullDrill() throws {
    defer { home.remove() }
    let drill = try runner.run(
      ["drill", "testco", "--banks", banks.path, "--seed", "1"], stdin: Self.protocolInput)
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    #expect(drill.stdout.contains("Tell me about a decision you made at work."))
    #expect(drill.stdout.contains("Interviewer: Why did you decide that?"))
    #expect(drill.stdout.contains("Summary"))
    #expect(!drill.stdout.contains("\u{1B}["), "no escape codes without a terminal")
    #expect(drill.stderr.isEmpty, "\(drill.stderr)")

    let history = try runner.run(["history", "--json"])
    let sessions = try #require(JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 1)
    #expect(sessions.first?["questions"] as? Int == 3)
    #expect(sessions.first?["answered"] as? Int == 2)
    #expect(sessions.first?["end_reason"] as? String == "finished")
    #expect(sessions.first?["company_id"] as? String == "testco")

    let show = try runner.run(["show", "1", "--json"])
    #expect(show.exitCode == 0, "\(show.stderr)")
    let transcript = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let settings = try #require(transcript["settings"] as? [String: Any])
    #expect(settings["seed"] as? Int == 1)
    #expect(settings["strict"] as? Bool == false)
    let questions = try #require(transcript["questions"] as? [[String: Any]])
    #expect(questions.map { $0["question_id"] as? String } == ["decision", "habit", "plan"])

    let first = questions[0]
    #expect(first["answer"] as? String == "We moved the launch to Tuesday.")
    #expect(first["status"] as? String == "answered")
    #expect(first["answer_seconds"] as? Int == 120)
    #expect(first["timed_out"] as? Bool == false)
    #expect(first["overtime_seconds"] as? Double == 0)
    #expect(first["hint_used"] as? Bool == false)
    let lines = try #require(first["lines"] as? [[String: Any]])
    #expect(lines.map { $0["text"] as? String } == ["We moved the launch to Tuesday."])
    #expect(lines.first?["typed_at"] is String)
    #expect(lines.first?["elapsed_seconds"] is Double)
    let score = try #require(first["score"] as? [String: Any])
    let categories = try #require(score["categories"] as? [String: [String: Any]])
    #expect(categories["reasoning"]?["level"] as? Int == 0)
    #expect(categories["reasoning"]?["hint"] is String)
    let review = try #require(first["review"] as? [String: Any])
    #expect(
      review["ratings"] as? [String: Int]
        == ["reasoning": 4, "reproducibility": 3, "evidence": 5, "ownership": 3, "company_fit": 4, "structure": 3])
    #expect(review["what_went_wrong"] as? String == "I rambled")
    #expect(review["why"] is NSNull)
    #expect(review["next_time"] as? String == "lead with the why")
    let followUps = try #require(first["follow_ups"] as? [[String: Any]])
    #expect(followUps.count == 1)
    #expect(followUps.first?["category"] as? String == "reasoning")
    #expect(followUps.first?["text"] as? String == "Why did you decide that?")
    #expect(
      followUps.first?["answer"] as? String
        == "Because half the QA team was out on Monday, I decided Tuesday was safer.")
    let followUpScore = try #require(followUps.first?["score"] as? [String: Any])
    let followUpCategories = try #require(followUpScore["categories"] as? [String: [String: Any]])
    #expect((followUpCategories["reasoning"]?["level"] as? Int ?? 0) >= 2, "the follow-up gave the reason")

    let second = questions[1]
    #expect(second["status"] as? String == "answered")
    let secondReview = try #require(second["review"] as? [String: Any])
    let accepted = try #require(secondReview["ratings"] as? [String: Int])
    let secondScore = try #require(second["score"] as? [String: Any])
    let secondCategories = try #require(secondScore["categories"] as? [String: [String: Any]])
    for category in ["reasoning", "reproducibility", "evidence"] {
      let level = try #require(secondCategories[category]?["level"] as? Int)
      #expect(accepted[category] == [1, 2, 3, 5][level], "Enter accepted the scorer's suggestion for \(category)")
    }
    #expect(secondReview["what_went_wrong"] is NSNull)

    let third = questions[2]
    #expect(third["status"] as? String == "skipped")
    #expect(third["score"] is NSNull)
    #expect(third["review"] is NSNull)
  }

  @Test("the end of piped input ends the drill and keeps what was answered")
  func inputEnds() throws {
    defer { home.remove() }
    let drill = try runner.run(
      ["drill", "testco", "--banks", banks.path, "--no-review"], stdin: "I decided to wait because we lacked data.\n")
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    let show = try runner.run(["show", "1", "--json"])
    let transcript = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    #expect(transcript["end_reason"] as? String == "quit")
    let questions = try #require(transcript["questions"] as? [[String: Any]])
    #expect(questions.first?["answer"] as? String == "I decided to wait because we lacked data.")
    #expect(questions.first?["status"] as? String == "answered", "the end of input submits what was given")
    #expect(questions.count == 1, "no empty answers for the questions after")
  }

  @Test("--question drills exactly those questions in that order, and the summary suggests it (issue 9.9)")
  func chosenQuestions() throws {
    defer { home.remove() }
    let drill = try runner.run(
      ["drill", "testco", "--banks", banks.path, "--no-review", "--question", "plan", "decision"],
      stdin: "I want to lead a team because I like growing people.\n\nI decided to wait.\n\n")
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    #expect(drill.stdout.contains("Drill it again: rehearse drill testco --question decision"), "\(drill.stdout)")
    let show = try runner.run(["show", "1", "--json"])
    let transcript = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let questions = try #require(transcript["questions"] as? [[String: Any]])
    #expect(
      questions.compactMap { $0["text"] as? String }.prefix(2) == [
        "Where do you see yourself in five years?", "Tell me about a decision you made at work.",
      ])
    let unknown = try runner.run(["drill", "testco", "--banks", banks.path, "--question", "habbit"])
    #expect(unknown.exitCode == 64)
    #expect(unknown.stderr.contains("did you mean 'habit'?"), "\(unknown.stderr)")
  }

  @Test("bad options are usage errors: an unknown company or stage, a count of zero")
  func usage() throws {
    defer { home.remove() }
    #expect(try runner.run(["drill", "nobody", "--banks", banks.path]).exitCode == 64)
    let stage = try runner.run(["drill", "testco", "--banks", banks.path, "--stage", "third"])
    #expect(stage.exitCode == 64)
    #expect(stage.stderr.contains("first, second, final"))
    #expect(try runner.run(["drill", "testco", "--banks", banks.path, "--count", "0"]).exitCode == 64)
  }
}
