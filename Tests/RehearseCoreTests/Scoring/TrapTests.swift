import RehearseCore
import RehearseTestSupport
import Testing

/// One trap or rule from SCORING.md: an answer, the category it concerns, the level the scorer
/// must give, and (between 1️⃣ and 2️⃣) the span it must report as a match, or the guard rule
/// that must cancel a marker.
struct TrapCase: CustomTestStringConvertible, Sendable {
  var name: String
  var marked: String
  var category: ScoreCategory
  var level: ClosedRange<Int>
  var cancelledBy: String?

  init(_ name: String, _ marked: String, _ category: ScoreCategory, level: Int, cancelledBy: String? = nil) {
    self.init(name, marked, category, levels: level...level, cancelledBy: cancelledBy)
  }

  init(
    _ name: String, _ marked: String, _ category: ScoreCategory, levels: ClosedRange<Int>, cancelledBy: String? = nil
  ) {
    self.name = name
    self.marked = marked
    self.category = category
    self.level = levels
    self.cancelledBy = cancelledBy
  }

  var testDescription: String { name }
}

let japaneseTraps: [TrapCase] = [
  TrapCase("negated reason: 理由は特にない", "理由は特にないのですが、なんとなくA社を選びました。", .reasoning, level: 0),
  TrapCase(
    "a disclaimer cancels the reason in its sentence", "なんとなく、家から近いので選びました。", .reasoning, level: 0,
    cancelledBy: "negation"),
  TrapCase("言われた通り is no reason of one's own", "上司に言われた通りにやることにしました。だから深く考えていません。", .reasoning, levels: 0...1),
  TrapCase(
    "denied reason is cancelled and the real one counts",
    "安かったから選んだわけではありません。サポートが早い1️⃣から2️⃣、このツールを選びました。", .reasoning, level: 2,
    cancelledBy: "denied-reason"),
  TrapCase(
    "から meaning from or after earns nothing", "大阪から上京し、4月から居酒屋で働き始めました。ゼロから仕事を覚え、見てから動くようにしました。", .reasoning, level: 0),
  TrapCase(
    "a reason for an event, not a decision", "雨だったので学園祭は中止になりました。", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase("someone else's decision earns nothing", "店長が人手不足だからと判断し、営業時間を短くすると決めました。", .reasoning, levels: 0...1),
  TrapCase("a marker without content", "志望理由は二つあります。雰囲気と将来性です。", .reasoning, level: 0),
  TrapCase(
    "a reason in the next sentence attaches to the decision before it",
    "担当を二人に分けました。一人だと漏れが出る1️⃣と考えたから2️⃣です。", .reasoning, level: 2),
  TrapCase(
    "an after-the-fact reason reaches back over a denial to its decision",
    "予算を広告から事例記事に移しました。単価が上がったからではありません。商談になる割合が高かったので、質を優先すべきだと考えた1️⃣から2️⃣です。",
    .reasoning, levels: 2...3),
  TrapCase(
    "a criterion beside the reason makes level 3",
    "価格より対応の早さを重視し、地元の業者を選びました。止まると業務が回らない1️⃣ので2️⃣、修理の早さを取りました。", .reasoning, level: 3),
  TrapCase(
    "bare claims of reproducibility earn nothing", "再現性の高い人材です。御社でも必ず活かせると思います。", .reproducibility, level: 0,
    cancelledBy: "needs-content"),
  TrapCase(
    "following a procedure is not building one", "決められた手順通りに作業し、マニュアル通りに対応しました。", .reproducibility, level: 0,
    cancelledBy: "descriptive-use"),
  TrapCase(
    "a method spread to other sites is level 3", "手順をチェックリストにまとめ、今は1️⃣他の2店舗でも使2️⃣われています。", .reproducibility, level: 3),
  TrapCase("a habit since is level 2", "1️⃣それ以来2️⃣、出荷前に必ず伝票を照合しています。", .reproducibility, level: 2),
  TrapCase(
    "keyword gaming earns nothing", "仕組み化と横展開を徹底し、再現性と標準化を意識しています。", .reproducibility, level: 0,
    cancelledBy: "keyword-gaming"),
  TrapCase(
    "numbers that are context stay at level 1", "メンバーは8人で、2年間担当しました。週3日勤務です。", .evidence, level: 1,
    cancelledBy: "context-number"),
  TrapCase("a target is not a result", "来期は売上1.5倍が目標です。", .evidence, level: 0, cancelledBy: "target"),
  TrapCase("予定より早く終わった is a result, not a target", "作業は1️⃣予定より2日早2️⃣く終わりました。", .evidence, level: 3),
  TrapCase("kanji numerals count", "廃棄は1️⃣三割2️⃣減りました。", .evidence, level: 2),
  TrapCase("full-width digits count, reported in the original text", "問い合わせが1️⃣３０％2️⃣減りました。", .evidence, level: 2),
  TrapCase("a before/after is level 3", "作り直しは月1️⃣20件から5件2️⃣に減りました。", .evidence, level: 3),
  TrapCase("vague results earn nothing", "かなり良くなりました。", .evidence, level: 0, cancelledBy: "vague-result"),
]

let englishTraps: [TrapCase] = [
  TrapCase(
    "no real reason", "I didn't really decide, I just went with the flow because everyone else did.", .reasoning,
    level: 0, cancelledBy: "negation"),
  TrapCase(
    "denied reason is cancelled and the real one counts",
    "Not because it paid more, but 1️⃣because2️⃣ the team shipped weekly, I chose the startup.", .reasoning, level: 2,
    cancelledBy: "denied-reason"),
  TrapCase(
    "since as time, so as intensifier", "I have worked there since 2021 and I was so tired every night.", .reasoning,
    level: 0),
  TrapCase(
    "someone else's decision", "My manager decided to switch vendors because they were cheaper.", .reasoning,
    levels: 0...1),
  TrapCase(
    "a reason for an event", "The train was late because of the snow.", .reasoning, levels: 0...1,
    cancelledBy: "no-decision"),
  TrapCase(
    "a trait explained is not a decision", "I'm careful because my father was an accountant.", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "reason in the next sentence",
    "I split the checks between two people. That's 1️⃣because2️⃣ one person alone kept missing rooms.",
    .reasoning, level: 2),
  TrapCase(
    "an alternative with a reason is level 3",
    "I went with a rollback 1️⃣instead of2️⃣ a hotfix because the rollback was tested.", .reasoning, level: 3),
  TrapCase(
    "an alternative without a reason says no why", "I sorted the boxes by size instead of by brand.", .reasoning,
    level: 1),
  TrapCase(
    "since then is reproducibility", "1️⃣Since then2️⃣ I check the glossary before every project.", .reproducibility,
    level: 2),
  TrapCase(
    "a bare claim of transferable skills", "I have transferable skills that work in any team.", .reproducibility,
    level: 0, cancelledBy: "needs-content"),
  TrapCase(
    "a process that was only followed", "The hiring process took a month and I followed the standard procedure.",
    .reproducibility, level: 0),
  TrapCase(
    "keyword gaming",
    "Because I prioritized the trade-off, I decided to go with a repeatable, documented playbook rather than ad hoc.",
    .reasoning, levels: 0...1, cancelledBy: "keyword-gaming"),
  TrapCase(
    "English number words count", "We cut handling time 1️⃣from four hours to twenty minutes2️⃣.", .evidence, level: 3),
  TrapCase(
    "context numbers", "I led a 5-person team for 18 months.", .evidence, level: 1, cancelledBy: "context-number"),
  TrapCase("a goal is not a result", "Our goal is 30% growth next year.", .evidence, level: 0, cancelledBy: "target"),
  TrapCase("vague results", "It improved a lot and people loved it.", .evidence, level: 0, cancelledBy: "vague-result"),
  TrapCase("a verifiable outcome without a number", "I was 1️⃣promoted2️⃣ to shift lead after that.", .evidence, level: 2),
]

@Suite("Scoring traps (SCORING.md)")
struct TrapTests {
  static let scorer = try! Scorer.shipped()

  @Test("Japanese traps", arguments: japaneseTraps)
  func japanese(_ trap: TrapCase) { check(trap) }

  @Test("English traps", arguments: englishTraps)
  func english(_ trap: TrapCase) { check(trap) }

  func check(_ trap: TrapCase) {
    let marked = MarkedText(trap.marked)
    let result = Self.scorer.score(marked.text)[trap.category]
    #expect(
      trap.level.contains(result.level),
      "level \(result.level); matches \(result.matches.map(\.text)); cancelled \(result.cancelled.map { "\($0.match.text)[\($0.rule)]" })"
    )
    if let span = marked.range(1, 2) {
      let found = result.matches.contains { $0.start == span.lowerBound && $0.end == span.upperBound }
      #expect(
        found,
        "expected a match at \(span) (\(String(String.UnicodeScalarView(Array(marked.text.unicodeScalars)[span])))); got \(result.matches.map { "\($0.text)@\($0.start)..<\($0.end)" })"
      )
    }
    if let rule = trap.cancelledBy {
      #expect(
        result.cancelled.contains { $0.rule == rule },
        "expected a match cancelled by \(rule); got \(result.cancelled.map { "\($0.match.text)[\($0.rule)]" })")
    }
  }
}
