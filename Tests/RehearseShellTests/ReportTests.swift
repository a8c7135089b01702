import Foundation
import RehearseCore
import RehearseStore
import RehearseTestSupport
import Testing

@testable import RehearseShell

/// `rehearse report` and `export --format html` on six weeks of `daily` on a scripted clock.
/// With REHEARSE_REPORT_SAMPLE=FILE the report is also written there (for
/// `Scripts/render-report`, the README's picture).
@Suite("the HTML report and HTML export", .serialized)
@MainActor struct ReportTests {
  static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
  /// 2025-10-25 08:00 in Tokyo.
  static let firstMorning = Date(timeIntervalSince1970: 1_761_346_800)
  static let days = 42

  /// Answers that get better over the weeks: a bare claim, then a reason, then a reason with a
  /// method and a result. One line (`<b>` and an ampersand included) tests the escaping.
  static func answer(_ language: Language, week: Int, hard: Bool) -> String {
    let level = max(0, min(2, week / 2 - (hard ? 1 : 0)))
    switch (language, level) {
    case (.ja, 0): return "頑張りました。"
    case (.ja, 1): return "欠品が多かったため、発注の方法を見直しました。"
    case (.ja, _):
      return "欠品が多かったため、発注の基準を自分で作ると決めました。過去一年の売上を調べて手順を決め、欠品は月20件から3件に減りました。御社でも同じ手順でデータを見て直せます。"
    case (_, 0): return "I worked hard & did my <b>best</b>."
    case (_, 1): return "I changed the rota because two engineers were burning out."
    case (_, _):
      return
        "I decided to rebuild our on-call rota because two engineers were burning out. I interviewed the team, tried a new rotation for a month, and pages per person fell from 14 to 5 a week. I would use the same approach here."
    }
  }

  /// Six weeks of mornings, skipping every fifth day and a long weekend, two companies followed.
  static func practise(home: URL, out: CapturedOutput, now: @escaping () -> Date, advance: (Date) -> Void) throws
    -> AppContext
  {
    let paths = RehearsePaths.resolve(
      environment: ["REHEARSE_HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path],
      userHome: home.path)
    let context = AppContext(
      environment: ["REHEARSE_NO_CACHE": "1", "REHEARSE_SHIPPED_BANKS": PackagePaths.questionBanks.path], paths: paths,
      workingDirectory: home, executable: nil, tty: .none,
      console: Console(out: out, err: CapturedOutput(), outStyle: Style(.off), errStyle: Style(.off)), language: .en,
      now: now, timeZone: tokyo)
    let catalog = context.loadBanks(extra: [])
    let store = try Store.open(home: home)
    try store.follow(["hoshino-seiki", "larkspur-cloud"], at: now())
    let banks = try DailyCommand.banks(company: nil, catalog: catalog, store: store, context: context)
    let texts = Dictionary(
      banks.flatMap { bank in bank.questions.map { ($0.text, (id: $0.id, language: bank.company.language)) } }
    ) { first, _ in first }
    var week = 0
    let input = ScreenReadingInput(screen: out) { shown in
      let line = shown.trimmingCharacters(in: .whitespaces)
      guard let (id, language) = texts.first(where: { !line.isEmpty && $0.key.hasPrefix(line) })?.value else {
        return "?"
      }
      return answer(language, week: week, hard: id.utf8.reduce(0) { $0 + Int($1) } % 3 == 0)
    }
    let drill = try PracticeDrillOptions.parse(["--no-review", "--seed", "7"])
    let practice = DailyCommand.Practice(
      context: context, store: store, settings: PracticeSettings(), banks: banks, newLimit: 3, input: input)
    for morning in 0..<days where morning % 5 != 4 && !(20...22).contains(morning) {
      week = morning / 7
      advance(firstMorning.addingTimeInterval(Double(morning) * 86_400 + Double(morning % 3) * 3_600))
      try practice.run(count: morning % 7 == 6 ? 6 : nil, drill: drill, catalog: catalog)
    }
    try store.close()
    return context
  }

  @Test("report: readiness, three charts, a calendar of the days practised, the weakest linked to their answers")
  func report() throws {
    let home = try TemporaryDirectory("rehearse-report")
    defer { home.remove() }
    let out = CapturedOutput()
    var now = Self.firstMorning
    let context = try Self.practise(home: home.url, out: out, now: { now }, advance: { now = $0 })
    now = Self.firstMorning.addingTimeInterval(Double(Self.days - 1) * 86_400 + 10 * 3_600)
    let file = home.url.appendingPathComponent("report.html")
    try ReportCommand.parse(["-o", file.path]).run(in: context)
    let html = try String(contentsOf: file, encoding: .utf8)
    #expect(
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600,
      "the report is readable by its owner only")
    if let sample = ProcessInfo.processInfo.environment["REHEARSE_REPORT_SAMPLE"] {
      try html.write(toFile: sample, atomically: true, encoding: .utf8)
    }
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
    // Self-contained: no scripts, nothing fetched (the SVG namespace is a name, not a fetch).
    let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    for forbidden in ["<script", "http://", "https://", "src=", "<link", "@import", "url(", "<iframe", "<object"] {
      #expect(!withoutNamespace.contains(forbidden), "the report holds \(forbidden)")
    }
    for chart in ["levels-chart", "time-chart", "calendar-chart"] {
      #expect(html.components(separatedBy: "<figure class=\"chart \(chart)\">").count == 2, "\(chart) once")
    }
    #expect(html.components(separatedBy: "<svg ").count == 4)
    // The level trend: one line per category judged, its points inside the 0–3 scale.
    #expect(html.contains("class=\"line reasoning\"") && html.contains("class=\"line reproducibility\""))
    // The calendar: the 56 days of the span (8 weeks), the practised ones marked.
    let days = html.components(separatedBy: "class=\"day").count - 1
    let practised = html.components(separatedBy: "class=\"day practised\"").count - 1
    #expect(days == 56, "\(days) days in the calendar")
    let expected = (0..<Self.days).count { $0 % 5 != 4 && !(20...22).contains($0) }
    #expect(practised == expected, "\(practised) practised days, \(expected) expected")
    // The weakest questions link to answers in the same file.
    let links = html.components(separatedBy: "<a href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(!links.isEmpty && links.count <= 5)
    for link in links { #expect(html.contains("id=\"\(link)\""), "\(link) has no target") }
    #expect(html.contains("<mark class=\"reasoning\""), "the scorer's words are marked")
    #expect(html.contains("2025-12-05 10:00"), "times in the local time zone (Tokyo)")

    // A file that cannot be written: exit 74, nothing left behind.
    do {
      try ReportCommand.parse(["-o", home.url.appendingPathComponent("missing/report.html").path]).run(in: context)
      Issue.record("writing into a missing folder succeeded")
    } catch let error as RehearseError {
      #expect(error.exitCode == 74)
    }
    #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("missing").path))

    // An empty store: a page that says so.
    let empty = try TemporaryDirectory("rehearse-report-empty")
    defer { empty.remove() }
    let emptyOut = CapturedOutput()
    let emptyContext = AppContext(
      environment: ["REHEARSE_NO_CACHE": "1"],
      paths: RehearsePaths.resolve(environment: ["REHEARSE_HOME": empty.url.path], userHome: empty.url.path),
      workingDirectory: empty.url, executable: nil, tty: .none,
      console: Console(out: emptyOut, err: CapturedOutput(), outStyle: Style(.off), errStyle: Style(.off)),
      language: .ja, now: { now }, timeZone: Self.tokyo)
    try ReportCommand.parse([]).run(in: emptyContext)
    #expect(emptyOut.text.contains("<html lang=\"ja\">") && !emptyOut.text.contains("<svg"))
  }
}
