import Foundation
import RehearseCore
import RehearseStore
import RehearseTestSupport
import Testing

@testable import RehearseShell

/// Answers a drill the way a person would, reading the screen: the question on it decides how
/// well they answer (some questions they find hard at first), and a follow-up gets a short reply.
@MainActor final class ScreenReadingInput: LineInput {
  let isInteractive = false
  private let screen: CapturedOutput
  private let answer: (String) -> String
  /// How many questions and follow-ups the screen had at the last answer given.
  private var answeredPrompts = -1

  init(screen: CapturedOutput, answer: @escaping (String) -> String) {
    self.screen = screen
    self.answer = answer
  }

  func begin() {}
  func end() {}

  func read(_ request: LineRequest) -> LineEvent {
    guard request.history == .answer else { return .endOfInput(partial: "") }
    let text = screen.text
    let prompts = text.components(separatedBy: "Interviewer: ").count + text.components(separatedBy: " · Q").count
    // The answer's line was given: submit it with an empty line.
    if prompts == answeredPrompts { return .line("") }
    answeredPrompts = prompts
    let lastQuestion = text.range(of: " · Q", options: .backwards).map { text[$0.upperBound...] } ?? ""
    if lastQuestion.contains("Interviewer: ") { return .line("") }
    // The question's text is the line after its header.
    let lines = lastQuestion.split(separator: "\n", omittingEmptySubsequences: false)
    return .line(answer(lines.count > 1 ? String(lines[1]) : ""))
  }
}

/// A month of `daily` on a scripted clock: two followed companies (one Japanese, one English),
/// answers of varying quality, one run each morning.
@Suite("daily practice over a month", .serialized)
@MainActor struct DailyMonthTests {
  static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
  /// 2026-11-01 08:00 in Tokyo.
  static let firstMorning = Date(timeIntervalSince1970: 1_761_951_600)

  static let strong = [
    Language.ja:
      "前職では在庫の発注方法を見直すと決めました。理由は欠品が多く、店舗が毎週困っていたからです。自分で過去一年の売上を調べて発注の基準を作り、その結果、欠品は月20件から3件に減りました。御社でも同じようにデータを見て仕組みを直せます。",
    .en:
      "I decided to rebuild our on-call rota because two engineers were burning out. I interviewed the team, tried a new rotation for a month, and pages per person fell from 14 to 5 a week. I would use the same approach here: listen first, test small, and measure.",
  ]
  static let weak = [Language.ja: "頑張りました。", .en: "I worked hard."]

  @Test("30 mornings: weak answers come back the next day, good ones spread out, new ones rationed, a 30-day streak")
  func month() throws {
    let home = try TemporaryDirectory("rehearse-month")
    defer { home.remove() }
    let out = CapturedOutput()
    let err = CapturedOutput()
    var now = Self.firstMorning
    let paths = RehearsePaths.resolve(
      environment: ["REHEARSE_HOME": home.url.path, "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path],
      userHome: home.url.path)
    let context = AppContext(
      environment: ["REHEARSE_NO_CACHE": "1", "REHEARSE_SHIPPED_BANKS": PackagePaths.questionBanks.path], paths: paths,
      workingDirectory: home.url, executable: nil, tty: .none,
      console: Console(out: out, err: err, outStyle: Style(.off), errStyle: Style(.off)), language: .en,
      now: { now }, timeZone: Self.tokyo)
    let catalog = context.loadBanks(extra: [])
    let store = try Store.open(home: home.url)
    try store.follow(["hoshino-seiki", "larkspur-cloud"], at: now)
    let banks = try DailyCommand.banks(company: nil, catalog: catalog, store: store, context: context)
    #expect(banks.map(\.company.id).sorted() == ["hoshino-seiki", "larkspur-cloud"])
    let texts = Dictionary(
      banks.flatMap { bank in
        bank.questions.map { ($0.text, (CardID(bank: bank.company.id, question: $0.id), bank.company.language)) }
      }
    ) { first, _ in first }

    // A third of the questions are hard for this person: weak the first two times, then good.
    var attempts: [CardID: Int] = [:]
    var asked: [[CardID]] = []
    var answeredWeakly: [Int: Set<CardID>] = [:]
    var day = 0
    let input = ScreenReadingInput(screen: out) { shown in
      // The question's first line as wrapped on screen.
      let line = shown.trimmingCharacters(in: .whitespaces)
      guard !line.isEmpty, let (card, language) = texts.first(where: { $0.key.hasPrefix(line) })?.value else {
        Issue.record("no question starts with \(shown)")
        return "?"
      }
      asked[asked.count - 1].append(card)
      attempts[card, default: 0] += 1
      let hard = card.question.utf8.reduce(0) { $0 + Int($1) } % 3 == 0
      if hard && attempts[card]! <= 2 {
        answeredWeakly[day, default: []].insert(card)
        return Self.weak[language]!
      }
      return Self.strong[language]!
    }
    var drill = try PracticeDrillOptions.parse(["--no-review", "--seed", "7"])
    drill.seed = 7
    let practice = DailyCommand.Practice(
      context: context, store: store, settings: PracticeSettings(), banks: banks, newLimit: 3, input: input)
    for morning in 0..<30 {
      day = morning
      now = Self.firstMorning.addingTimeInterval(Double(morning) * 86_400)
      asked.append([])
      try practice.run(count: nil, drill: drill, catalog: catalog)
    }

    let log = try store.reviewLog()
    let calendar = PracticeCalendar(timeZone: Self.tokyo)
    let first = calendar.day(of: Self.firstMorning)
    var perDay = Array(repeating: (reviews: 0, new: 0), count: 30)
    for entry in log {
      let index = entry.day.days(since: first)
      perDay[index].reviews += 1
      if entry.before == nil { perDay[index].new += 1 }
    }
    // The README's table.
    print("daily-month reviews per day: " + perDay.map { "\($0.reviews)" }.joined(separator: " "))
    print("daily-month new per day: " + perDay.map { "\($0.new)" }.joined(separator: " "))

    #expect(log.count == asked.joined().count, "every question asked was graded once")
    #expect(perDay.allSatisfy { $0.reviews >= 1 && $0.reviews <= 5 }, "\(perDay)")
    #expect(perDay.allSatisfy { $0.new <= 3 }, "new questions are rationed: \(perDay)")
    #expect(perDay[0].new == 3 && perDay[0].reviews == 3, "day one: only new questions")
    for (index, cards) in asked.enumerated() {
      #expect(Set(cards).count == cards.count, "day \(index) asked a question twice")
    }
    // Weak answers come back the next morning.
    for (index, weak) in answeredWeakly where index < 29 {
      for card in weak {
        #expect(asked[index + 1].contains(card), "\(card), weak on day \(index), was not back on day \(index + 1)")
      }
    }
    // Good answers spread out: each good review schedules the next one further away.
    var byCard: [CardID: [ReviewEntry]] = [:]
    for entry in log { byCard[entry.card, default: []].append(entry) }
    let spread = byCard.values.filter { $0.count >= 2 && $0.allSatisfy { $0.grade != .again } }
    #expect(!spread.isEmpty)
    for entries in spread {
      let intervals = entries.map { $0.due.days(since: $0.day) }
      #expect(intervals == intervals.sorted() && intervals.last! > intervals.first!, "\(entries[0].card): \(intervals)")
    }
    // Both companies are practised, and the streak reached the whole month.
    #expect(Set(log.map(\.card.bank)) == ["hoshino-seiki", "larkspur-cloud"])
    #expect(out.text.contains("Streak 30 days"), "\(out.text.suffix(300))")
  }
}
