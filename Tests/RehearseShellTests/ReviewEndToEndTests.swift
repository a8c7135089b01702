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

  @Test("stats: practice days, levels per week as plain characters off a terminal, streaks, readiness; --json")
  func stats() throws {
    defer { home.remove() }
    let empty = try runner.run(["stats"])
    #expect(empty.exitCode == 0 && empty.stdout.contains("No scored answers in these weeks yet"), "\(empty.stdout)")
    try drill("testco", "decision", "I did it.")
    let text = try runner.run(["stats"])
    #expect(text.exitCode == 0, "\(text.stderr)")
    #expect(text.stdout.contains("The last 8 weeks, oldest first"))
    #expect(
      !text.stdout.contains("▁") && !text.stdout.contains("\u{1B}"), "plain characters, no colour, off a terminal")
    #expect(text.stdout.contains("Streak: 1 day now, 1 at the longest."))
    #expect(text.stdout.contains("testco · decision"))
    #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "fits 80 columns")
    let report = try #require(try json(["stats", "--days", "14"]) as? [String: Any])
    #expect((report["weeks"] as? [Any])?.count == 2)
    #expect(report["current_streak"] as? Int == 1)
    let readiness = try #require(report["readiness"] as? Int)
    #expect(readiness < 40, "one weak answer")
    #expect(text.stdout.contains("Not ready yet."))
    #expect(report["advice"] as? String != nil)
    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let outOfRange = try japanese.run(["stats", "--days", "3"])
    #expect(outOfRange.exitCode == 64 && outOfRange.stderr.contains("--days は 7 から 365"), "\(outOfRange.stderr)")
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

  @Test("review on a terminal: ← into the older drill, the oldest said so, e saves a reflection at once, q restores")
  func reader() throws {
    defer { home.remove() }
    try drill("testco", "decision", "I decided to ship because errors fell from 9 to 2.")
    try drill("nihon-test", "gakuchika", "人手が足りなかったため、シフトの組み方を見直しました。")
    let pty = try runner.spawnOnTerminal(["review"], rows: 30, cols: 90)
    try pty.waitFor("Question 1 of 1")
    try pty.waitFor("q quit")
    #expect(pty.output.contains("シフトの組み方"), "the latest drill first")
    pty.send("\u{1B}[D")
    try pty.waitFor("Drill #1")
    try pty.waitFor("errors fell from 9 to 2")
    pty.send("\u{1B}[D")
    try pty.waitFor("This is the oldest drill.")
    pty.send("e")
    try pty.waitFor("What went wrong? > ")
    pty.send("Rushed the opening\r")
    try pty.waitFor("Why? > ")
    // Saved before the next prompt: another process sees it now.
    let saved = try #require(try json(["show", "1"]) as? [String: Any])
    let review = try #require((saved["questions"] as? [[String: Any]])?.first?["review"] as? [String: Any])
    #expect(review["what_went_wrong"] as? String == "Rushed the opening")
    pty.send("\u{03}")
    // The screen again: the reflection in the self-review, the notice on the last row.
    try pty.waitFor("Rushed the opening")
    try pty.waitFor("The rest left as they were.")
    pty.send("q")
    #expect(try pty.wait() == .exited(0))
    #expect(pty.isCooked)
    #expect(pty.rawOutput.hasSuffix("\u{1B}[?25h\u{1B}[?1049l"), "the cursor and the screen given back")
    #expect(try (json(["search", "Rushed"]) as? [Any])?.count == 1, "the reflection is searchable")

    // Without a terminal: every question printed; an unknown drill is a usage error.
    let piped = try runner.run(["review", "1"])
    #expect(
      piped.exitCode == 0 && piped.stdout.contains("Question 1 of 1") && piped.stdout.contains("Rushed the opening"))
    #expect(!piped.stdout.contains("\u{1B}"), "no escape codes off a terminal")
    #expect(try runner.run(["review", "9"]).exitCode == 64)
  }

  @Test("delete and forget on a terminal: n keeps the drill, y deletes it")
  func confirmOnTerminal() throws {
    defer { home.remove() }
    try drill("testco", "decision", "I decided to ship because errors fell from 9 to 2.")
    try drill("nihon-test", "gakuchika", "人手が足りなかったため、シフトの組み方を見直しました。")
    let keep = try runner.spawnOnTerminal(["delete", "1"])
    try keep.waitFor("This cannot be undone.")
    try keep.waitFor("[y/N] > ")
    keep.send("n\r")
    #expect(try keep.wait() == .exited(0))
    #expect(keep.output.contains("Nothing was deleted."))
    #expect(try (json(["history"]) as? [Any])?.count == 2)
    let delete = try runner.spawnOnTerminal(["delete", "1"])
    try delete.waitFor("[y/N] > ")
    delete.send("y\r")
    #expect(try delete.wait() == .exited(0))
    #expect(try (json(["history"]) as? [[String: Any]])?.map { $0["id"] as? Int } == [2])
    let forget = try runner.spawnOnTerminal(["forget", "--company", "nihon-test"])
    try forget.waitFor("[y/N] > ")
    forget.send("y\r")
    #expect(try forget.wait() == .exited(0))
    #expect(try (json(["history"]) as? [Any])?.isEmpty == true)
  }
}

/// `export` and `import`.
@Suite("rehearse export and import, end to end", .serialized)
struct ExportImportTests {
  let home: TemporaryDirectory
  let runner: CommandRunner
  let banks: String

  init() throws {
    home = try TemporaryDirectory("rehearse-export")
    runner = CommandRunner(home: home.url, workingDirectory: PackagePaths.root)
    banks = try TestBanks.write(into: home.url.appendingPathComponent("banks")).path
  }

  @Test("Markdown: the question, the answer quoted with its markup escaped, the levels, the self-review")
  func markdown() throws {
    defer { home.remove() }
    let drill = try runner.run(
      ["drill", "testco", "--banks", banks, "--question", "decision"],
      stdin:
        "I *decided* to wait <b>a week</b> because the data was incomplete.\n# not a heading\n\n\n43534\nno numbers\n\n\n"
    )
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    let export = try runner.run(["export", "1"])
    #expect(export.exitCode == 0, "\(export.stderr)")
    let text = export.stdout
    #expect(text.hasPrefix("# Drill #1 — Test Company\n"), "\(text)")
    #expect(text.contains("## Q1 · testco · decision\n\nTell me about a decision you made at work.\n"))
    #expect(
      text.contains(
        "> I \\*decided\\* to wait \\<b\\>a week\\</b\\> because the data was incomplete.\n> \\# not a heading"))
    #expect(text.contains("| why you decided | "), "\(text)")
    #expect(text.contains("### Self-review"))
    #expect(text.contains("no numbers"))
    let file = home.url.appendingPathComponent("out/drill.md")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let written = try runner.run(["export", "1", "-o", file.path])
    #expect(written.exitCode == 0 && written.stderr.contains("Exported 1 drill to"))
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
    #expect(try runner.run(["export", "1", "-o", "/dev/full/x.md"]).exitCode == 74, "cannot write: exit 74")
    #expect(try runner.run(["export", "9"]).exitCode == 64)
    #expect(try runner.run(["export"]).exitCode == 64, "an id or --all")
  }

  @Test("HTML: one self-contained page, the answer escaped exactly as typed, the scorer's words marked")
  func html() throws {
    defer { home.remove() }
    let answer = "I chose <script>x()</script> & waited a week because the data was \"incomplete\"; &lt;b&gt; stays."
    let drill = try runner.run(
      ["drill", "testco", "--banks", banks, "--no-review", "--question", "decision"], stdin: "\(answer)\n\n\n")
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    let export = try runner.run(["export", "1", "--format", "html"])
    #expect(export.exitCode == 0, "\(export.stderr)")
    let page = export.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && page.hasSuffix("</body>\n</html>\n"))
    #expect(page.contains("<title>Drill #1 — Test Company</title>"))
    #expect(!page.contains("<script") && !page.contains("http") && !page.contains("src="))
    #expect(
      page.contains(
        "I chose &lt;script&gt;x()&lt;/script&gt; &amp; waited a week <mark class=\"reasoning\" title=\"why you decided\">because</mark>"
      ), "\(page)")
    #expect(page.contains("&quot;incomplete&quot;; &amp;lt;b&amp;gt; stays."), "an entity typed is shown as typed")
    #expect(page.contains("<section class=\"drill\" id=\"drill-1\">"))
    #expect(page.contains("<article class=\"question\" id=\"drill-1-q1\">"))
    let file = home.url.appendingPathComponent("drill.html")
    let written = try runner.run(["export", "1", "--format", "html", "-o", file.path])
    #expect(written.exitCode == 0 && written.stderr.contains("Exported 1 drill to"))
    // The same page but for the minute it says it was exported.
    func withoutStamp(_ text: String) -> String {
      text.split(separator: "\n").filter { !$0.contains("Exported 20") }.joined(separator: "\n")
    }
    #expect(withoutStamp(try String(contentsOf: file, encoding: .utf8)) == withoutStamp(page))
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600, "an export holds private answers: readable by its owner only")
    #expect(try runner.run(["export", "1", "--format", "html", "-o", "/dev/full/x.html"]).exitCode == 74)
    let all = try runner.run(["export", "--all", "--format", "html"])
    #expect(all.exitCode == 0 && all.stdout.contains("<title>Rehearse — 1 drill</title>"))
  }

  @Test("JSON --all round trip: a new store gets every drill back, searchable; importing again adds nothing")
  func roundTrip() throws {
    defer { home.remove() }
    for (company, question, answer) in [
      ("testco", "decision", "I decided to wait because the data was incomplete; errors fell from 9 to 2."),
      ("nihon-test", "gakuchika", "ｽｹｰﾗﾋﾞﾘﾃｨを改善するため、キャッシュを見直しました。"),
    ] {
      let drill = try runner.run(
        ["drill", company, "--banks", banks, "--question", question], stdin: "\(answer)\n\n\n\n\n次は数字から\n\n")
      #expect(drill.exitCode == 0, "\(drill.stderr)")
    }
    let backup = home.url.appendingPathComponent("backup.json")
    #expect(try runner.run(["export", "--all", "--format", "json", "-o", backup.path]).exitCode == 0)
    // The export's drills are `show --json`'s objects, value for value (written without JSONEncoder).
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: backup)) as? [String: Any])
    #expect(document["format"] as? String == "rehearse-export" && document["version"] as? Int == 1)
    let exported = try #require(document["sessions"] as? [NSDictionary])
    #expect(exported.count == 2)
    for (index, object) in exported.enumerated() {
      let shown = try runner.run(["show", "\(index + 1)", "--json"]).stdout
      let expected = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? NSDictionary)
      #expect(object == expected, "drill \(index + 1) in the export differs from show --json")
    }
    let other = try TemporaryDirectory("rehearse-import")
    defer { other.remove() }
    let fresh = CommandRunner(home: other.url, workingDirectory: PackagePaths.root)
    let imported = try fresh.run(["import", backup.path])
    #expect(imported.exitCode == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("Imported 2 drills."))
    let again = try fresh.run(["import", backup.path])
    #expect(again.stderr.contains("Imported 0 drills; 2 already here were skipped."))
    // Every drill reads the same in both stores.
    for id in ["1", "2"] {
      let before = try runner.run(["show", id, "--json"]).stdout
      let after = try fresh.run(["show", id, "--json"]).stdout
      #expect(before == after, "drill \(id) differs after the round trip")
    }
    #expect(try fresh.run(["search", "スケーラ"]).stdout.contains("【スケーラ】"))
    #expect(try fresh.run(["search", "数字から"]).stdout.contains("your reflections"), "reflections come back searchable")
    let broken = home.url.appendingPathComponent("broken.json")
    try #"{"format": "rehearse-export", "version": 1, "sessions": [{"company_id": 3}]}"#.write(
      to: broken, atomically: true, encoding: .utf8)
    let refused = try fresh.run(["import", broken.path])
    #expect(refused.exitCode == 65)
    #expect(refused.stderr.contains("is not a Rehearse export"), "\(refused.stderr)")
  }
}
