import Foundation
import RehearseCore
import RehearseStore
import RehearseTestSupport
import Testing

@testable import RehearseShell

/// Exports compared with files kept in Tests/RehearseShellTests/Snapshots: a drill in English
/// (a follow-up, a self-review, markup and entities typed in the answer) and one in Japanese, on
/// a fixed clock. `REHEARSE_UPDATE_SNAPSHOTS=1` writes the files anew (then read the diff).
@Suite("export snapshots", .serialized)
@MainActor struct ExportSnapshotTests {
  static let folder = PackagePaths.root.appendingPathComponent("Tests/RehearseShellTests/Snapshots")
  /// 2026-12-01 19:30 in Tokyo.
  static let evening = Date(timeIntervalSince1970: 1_764_585_000)

  /// The answer clocks are real time (a loaded machine may take a second): read as 0.
  static func steady(_ text: String) -> String {
    text.replacingOccurrences(of: #"\b\d+ s of "#, with: "0 s of ", options: .regularExpression)
  }

  func check(_ text: String, _ name: String) throws {
    let text = Self.steady(text)
    let file = Self.folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["REHEARSE_UPDATE_SNAPSHOTS"] == "1" {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "\(name) differs from its snapshot; REHEARSE_UPDATE_SNAPSHOTS=1 to accept:\n\(text)")
  }

  @Test("Markdown and HTML of two drills are exactly the kept files")
  func snapshots() throws {
    let home = try TemporaryDirectory("rehearse-snapshots")
    defer { home.remove() }
    let banks = try TestBanks.write(into: home.url.appendingPathComponent("banks"))
    let out = CapturedOutput()
    let context = AppContext(
      environment: ["REHEARSE_NO_CACHE": "1", "REHEARSE_SHIPPED_BANKS": home.url.appendingPathComponent("none").path],
      paths: RehearsePaths.resolve(environment: ["REHEARSE_HOME": home.url.path], userHome: home.url.path),
      workingDirectory: home.url, executable: nil, tty: .none,
      console: Console(out: out, err: CapturedOutput(), outStyle: Style(.off), errStyle: Style(.off)), language: .en,
      now: { Self.evening }, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    let catalog = context.loadBanks(extra: [banks.path])
    let store = try Store.open(home: home.url)
    // The lexicons compiled now, not while an answer's clock runs.
    _ = try DrillCommand.scorer.value()
    let drills: [(String, String, [String])] = [
      (
        "testco", "decision",
        [
          "I *decided* to wait <b>a week</b> & ship on Tuesday because the data was \"incomplete\"; &lt;tags&gt; stay.",
          "# not a heading", "", "I would do the same here.", "", "435343", "I rushed", "", "lead with the why",
        ]
      ),
      ("nihon-test", "gakuchika", ["人手が足りなかったため、シフトの組み方を見直しました。", "", "", "", "焦った", "", "結論から話す"]),
    ]
    for (company, question, lines) in drills {
      let bank = try #require(catalog.bank(id: company)).bank
      let plan = try DrillPlan(
        bank: bank, options: DrillOptions(strict: false, seed: 1, review: true, questionIDs: [question]))
      try DrillCommand.start(
        plan: plan, context: context, store: store, input: ScriptedInput(lines: lines, isInteractive: false))
    }
    try store.close()
    for (format, suffix) in [("md", "md"), ("html", "html")] {
      let before = out.text.count
      try ExportCommand.parse(["--all", "--format", format]).run(in: context)
      try check(String(out.text.dropFirst(before)), "export-all.\(suffix)")
    }
  }
}
