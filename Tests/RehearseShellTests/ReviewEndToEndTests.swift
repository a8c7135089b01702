import Foundation
import RehearseTestSupport
import Testing

/// `search`, `compare`, `delete` and `forget` on a store built by piped drills.
@Suite("rehearse search, compare, delete and forget, end to end", .serialized)
struct ReviewEndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner
  let banks: String

  init() throws {
    home = try TemporaryDirectory("rehearse-review")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    banks = try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
  }

  /// One piped drill of one question, answered with `answer`.
  func drill(_ company: String, _ question: String, _ answer: String) throws {
    let result = try runner.run(
      ["drill", company, "--banks", banks, "--no-review", "--question", question], stdin: "\(answer)\n\n\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
  }

  func json(_ arguments: [String]) throws -> Any {
    let result = try runner.run(arguments + ["--json"])
    #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  @Test("search finds Japanese (two characters, half-width kana) and English answers, marked; --company filters")
  func search() throws {
    defer { home.remove() }
    try drill("nihon-test", "gakuchika", "ｽｹｰﾗﾋﾞﾘﾃｨを改善するため、ＡＰＩのキャッシュを見直しました。")
    try drill("testco", "decision", "I moved the release because the API tests were flaky.")
    let japanese = try runner.run(["search", "スケーラ"])
    #expect(japanese.exitCode == 0)
    #expect(japanese.stdout.contains("【スケーラ】ビリティ"), "\(japanese.stdout)")
    #expect(japanese.stdout.contains("#1 · ") && japanese.stdout.contains("nihon-test · gakuchika"))
    let short = try #require(try json(["search", "改善"]) as? [[String: Any]])
    #expect(short.count == 1)
    #expect(short.first?["marked"] as? String == "スケーラビリティを【改善】するため、APIのキャッシュを見直しました。")
    let both = try #require(try json(["search", "api"]) as? [[String: Any]])
    #expect(Set(both.compactMap { $0["company_id"] as? String }) == ["nihon-test", "testco"])
    let one = try #require(try json(["search", "ＡＰＩ", "--company", "testco"]) as? [[String: Any]])
    #expect(one.map { $0["question_id"] as? String } == ["decision"])
    let none = try runner.run(["search", "nowhere to be found"])
    #expect(none.exitCode == 0 && none.stdout.contains("Nothing found for “nowhere to be found”."))
    #expect(try runner.run(["search", "api", "--since", "yesterday"]).exitCode == 64)
    #expect(try (json(["search", "api", "--since", "0d"]) as? [Any])?.count == 2)
  }

  @Test("compare: every attempt side by side, the best marked, what the latest gained")
  func compare() throws {
    defer { home.remove() }
    try drill("testco", "decision", "I did it.")
    try drill(
      "testco", "decision", "I decided to wait a week because the data was incomplete; errors fell from 9 to 2.")
    let table = try runner.run(["compare", "decision"])
    #expect(table.exitCode == 0, "\(table.stderr)")
    #expect(table.stdout.contains("testco · decision"))
    #expect(table.stdout.contains("★  2"), "\(table.stdout)")
    #expect(table.stdout.contains("First → latest: gained why you decided, evidence, structure."), "\(table.stdout)")
    let report = try #require(try json(["compare", "decision"]) as? [String: Any])
    let attempts = try #require(report["attempts"] as? [[String: Any]])
    #expect(attempts.map { $0["best"] as? Bool } == [false, true])
    #expect((attempts[1]["levels"] as? [String: Int])?["reasoning"] ?? 0 >= 2)
    #expect(report["gained"] as? [String] == ["reasoning", "evidence", "structure"])
    let missing = try runner.run(["compare", "no-such-question"])
    #expect(missing.exitCode == 64 && missing.stderr.contains("no finished attempt at 'no-such-question'"))
  }

  @Test("delete and forget: asked for --yes without a terminal; then gone from search, history and the file's bytes")
  func deleteLeavesNoTrace() throws {
    defer { home.remove() }
    let secret = "Zebrafinch-4711 was the codename"
    try drill("testco", "decision", "\(secret); I decided to ship because errors fell from 9 to 2.")
    try drill("nihon-test", "gakuchika", "秘密のコードネームはカワセミ九号でした。")
    let refused = try runner.run(["delete", "1"])
    #expect(refused.exitCode == 64 && refused.stderr.contains("--yes"))
    #expect(try (json(["search", "Zebrafinch"]) as? [Any])?.count == 1)
    let deleted = try runner.run(["delete", "1", "--yes"])
    #expect(deleted.exitCode == 0, "\(deleted.stderr)")
    #expect(deleted.stderr.contains("Deleted drill #1 (Test Company"))
    #expect(try (json(["search", "Zebrafinch"]) as? [Any])?.isEmpty == true)
    #expect(try (json(["history"]) as? [[String: Any]])?.map { $0["id"] as? Int } == [2])
    let forgotten = try runner.run(["forget", "--company", "nihon-test", "--yes"])
    #expect(forgotten.exitCode == 0, "\(forgotten.stderr)")
    #expect(try (json(["history"]) as? [Any])?.isEmpty == true)
    // No trace in the store's files: the main file, and a write-ahead log if one is there.
    let data = home.url.appendingPathComponent("data")
    for name in try FileManager.default.contentsOfDirectory(atPath: data.path) where name.hasPrefix("rehearse.sqlite") {
      let bytes = try Data(contentsOf: data.appendingPathComponent(name))
      #expect(bytes.range(of: Data("Zebrafinch".utf8)) == nil, "\(name) still holds the deleted answer")
      #expect(bytes.range(of: Data("カワセミ".utf8)) == nil, "\(name) still holds the forgotten answer")
    }
    #expect(try runner.run(["delete", "9", "--yes"]).exitCode == 64, "no such drill")
  }
}
