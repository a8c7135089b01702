import Foundation
import RehearseTestSupport
import Testing

/// `rehearse score` as a script uses it: JSON contract, offsets, errors.
@Suite("rehearse score, end to end", .serialized)
struct ScoreCommandTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-score")
    runner = CommandRunner(home: home.url)
  }

  func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test("--json holds the contract: lang, five categories with present/score/matches, total")
  func contract() throws {
    defer { home.remove() }
    let result = try runner.run(
      ["score", "--json"],
      stdin: "私は店長に読み上げ確認を提案しました。口頭だけだと聞き漏らしが起きると考えたからです。作り直しは月20件から5件に減りました。")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let object = try json(result)
    #expect(object["lang"] as? String == "ja")
    #expect(object["total"] is Int)
    let categories = try #require(object["categories"] as? [String: [String: Any]])
    #expect(Set(categories.keys) == ["reasoning", "reproducibility", "evidence", "company_fit", "structure"])
    for (name, category) in categories {
      #expect(category["present"] is Bool, "\(name)")
      #expect(category["score"] is Double || category["score"] is Int, "\(name)")
      #expect(category["level"] is Int, "\(name)")
      #expect(category["matches"] is [[String: Any]], "\(name)")
      #expect(category["cancelled"] is [[String: Any]], "\(name)")
      if category["present"] as? Bool == true { #expect(category["hint"] == nil, "\(name): no hint when present") }
    }
    #expect(categories["reasoning"]?["present"] as? Bool == true)
    #expect(categories["evidence"]?["level"] as? Int == 3)
    #expect(categories["reproducibility"]?["hint"] is String, "a hint for what is missing")
  }

  @Test("offsets count Unicode scalars in the original answer, end exclusive")
  func offsets() throws {
    defer { home.remove() }
    // 😀 is one scalar but two UTF-16 units; ３０％ is full-width and normalised before matching.
    let answer = "😀 I chose the rollback instead of a hotfix because it was tested. Errors fell ３０％."
    let result = try runner.run(["score", "--json"], stdin: answer)
    let categories = try #require(try json(result)["categories"] as? [String: [String: Any]])
    let scalars = Array(answer.unicodeScalars)
    for name in ["reasoning", "evidence"] {
      for match in categories[name]?["matches"] as? [[String: Any]] ?? [] {
        let start = try #require(match["start"] as? Int)
        let end = try #require(match["end"] as? Int)
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        #expect(text == match["text"] as? String, "\(name) \(start)..<\(end)")
      }
    }
    let because = (categories["reasoning"]?["matches"] as? [[String: Any]])?.first {
      $0["text"] as? String == "because"
    }
    #expect(because?["start"] as? Int == 43)  // Python: answer.index("because")
    #expect(
      (categories["evidence"]?["matches"] as? [[String: Any]])?.contains { $0["text"] as? String == "３０％" } == true)
  }

  @Test("the human report marks matched words with 【】 when not on a terminal, and gives hints")
  func humanReport() throws {
    defer { home.remove() }
    let result = try runner.run(["score"], stdin: "I chose Postgres because the team knew it.")
    #expect(result.exitCode == 0)
    #expect(result.stdout.contains("【because】"))
    #expect(result.stdout.contains("Give the result as a number"))
    #expect(!result.stdout.contains("\u{1B}["))
    let japanese = try CommandRunner(home: home.url, extraEnvironment: ["REHEARSE_LANG": "ja"]).run(
      ["score"], stdin: "なんとなく選びました。")
    #expect(japanese.stdout.contains("判断の理由"))
    #expect(japanese.stdout.contains("判断の理由（他の選択肢ではなくそれを選んだ基準）"), "the hint follows the answer's language")
  }

  @Test("--kind leaves out what the question does not ask for: no hint, not in the total, marked on screen")
  func kind() throws {
    defer { home.remove() }
    let answer = "I led the night shift and cut handover errors from 12 to 3 a month."
    let result = try runner.run(["score", "--json", "--kind", "self-introduction"], stdin: answer)
    #expect(result.exitCode == 0, "\(result.stderr)")
    let categories = try #require(try json(result)["categories"] as? [String: [String: Any]])
    #expect(categories["evidence"]?["asked"] as? Bool == false)
    #expect(categories["evidence"]?["level"] as? Int == 3)
    #expect(categories["reasoning"]?["hint"] == nil)
    #expect(categories["structure"]?["asked"] as? Bool == true)
    let plain = try runner.run(["score", "--json"], stdin: answer)
    let all = try #require(try json(plain)["categories"] as? [String: [String: Any]])
    #expect(all.filter { $0.key != "company_fit" }.values.allSatisfy { $0["asked"] as? Bool == true })
    #expect(all["company_fit"]?["asked"] as? Bool == false, "no company was given")
    #expect(all["company_fit"]?["hint"] == nil)
    let human = try runner.run(["score", "--kind", "other"], stdin: answer)
    #expect(human.stdout.contains("evidence         ---  not needed for this kind of question"), "\(human.stdout)")
    #expect(try runner.run(["score", "--kind", "nosuch"], stdin: answer).exitCode == 64)
  }

  @Test("--company checks the answer against the bank's values")
  func companyFit() throws {
    defer { home.remove() }
    let result = try runner.run(
      ["score", "--json", "--company", "hoshino-seiki"],
      stdin: "前職で私は現場主義を大切にし、毎日ラインに立って不良の原因を調べました。御社でもその経験を活かして貢献したいです。")
    let categories = try #require(try json(result)["categories"] as? [String: [String: Any]])
    let fit = try #require(categories["company_fit"])
    #expect((fit["level"] as? Int ?? 0) >= 2)
    #expect(fit["asked"] as? Bool == true)
    #expect((fit["matches"] as? [[String: Any]])?.contains { $0["text"] as? String == "現場主義" } == true)
    #expect(try runner.run(["score", "--company", "nosuch"], stdin: "x").exitCode == 64)
  }

  @Test("empty input exits 65; invalid UTF-8 is replaced and reported; a 1 MB answer is handled")
  func badInput() throws {
    defer { home.remove() }
    let empty = try runner.run(["score"], stdin: "  \n\n")
    #expect(empty.exitCode == 65)
    #expect(empty.stderr == "error: no answer to score: standard input was empty\n")

    let invalid = try runner.run(
      ["score", "--json"], stdinData: Data("I chose it because ".utf8) + Data([0xFF, 0xFE]) + Data("it was fast.".utf8))
    #expect(invalid.exitCode == 0)
    #expect(invalid.stderr == "warning: the answer had 2 invalid UTF-8 bytes, replaced with U+FFFD\n")
    #expect(try json(invalid)["lang"] as? String == "en")

    let big = String(repeating: "I chose the smaller vendor because support answered within the hour. ", count: 15_000)
    let large = try runner.run(["score", "--json"], stdin: big)
    #expect(large.exitCode == 0)
    #expect(try json(large)["lang"] as? String == "en")
  }

  @Test("--text scores without standard input")
  func textOption() throws {
    defer { home.remove() }
    let result = try runner.run(["score", "--json", "--text", "Since then I always run the checklist I wrote."])
    let categories = try #require(try json(result)["categories"] as? [String: [String: Any]])
    #expect(categories["reproducibility"]?["present"] as? Bool == true)
  }
}
