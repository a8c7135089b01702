import RehearseCore
import Testing

@testable import RehearseShell

@Suite("Terminal text")
struct DisplayTests {
  @Test("Japanese takes two columns a character, combining marks none")
  func widths() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("面接") == 4)
    #expect(DisplayWidth.of("ＡＰＩ") == 6)
    #expect(DisplayWidth.of("ｽｹｰﾗ") == 4)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.pad("面接", to: 6) == "面接  ")
    #expect(DisplayWidth.truncate("基礎コンサルティング", to: 9) == "基礎コン…")
  }

  @Test("a long span is cut for the level line: English at a space, Japanese by width")
  func shortenedSpans() {
    #expect(ScoreView.shortened("because it was faster") == "because it was faster")
    #expect(
      ScoreView.shortened("Started with maybe 6 kids and by the end there were 35 regulars")
        == "Started with maybe 6…")
    #expect(ScoreView.shortened("製造業の原価構造を7年間監査で見てきたからである") == "製造業の原価構造を7年間…")
    #expect(DisplayWidth.of(ScoreView.shortened(String(repeating: "a", count: 40))) == 24)
  }

  @Test("a category's line shows each phrase once, in the answer's order, overlapping finds as one stretch")
  func shownWords() throws {
    let text = "Because it was late, errors fell from 9 to 2 because of it."
    func match(_ words: String, from: Int = 0) -> Match {
      let scalars = Array(text.unicodeScalars)
      let start = (from..<scalars.count).first { String(String.UnicodeScalarView(scalars[$0...])).hasPrefix(words) }!
      return Match(marker: "m", text: words, start: start, end: start + words.unicodeScalars.count)
    }
    let words = ScoreView.shownWords(
      [
        match("from 9 to 2"), match("fell from 9 to"), match("errors fell"), match("Because"),
        match("because", from: 10),
      ],
      of: .evidence, in: text)
    #expect(words == ["Because", "errors fell from 9 to 2", "because"])
    let answer = "We moved the release because the data was incomplete, and errors fell from 9 to 2."
    let report = try Scorer.shipped().score(answer)
    let line = ScoreView(
      report: report, answer: answer, messages: EnglishMessages(), style: Style(.off), hasCompany: false, width: 100
    ).render().split(separator: "\n").first { $0.hasPrefix("evidence") }
    #expect(line?.contains("「fell from 9 to 2」") == true, "\(line ?? "")")
    #expect(line?.contains("「from 9 to 2」") == false, "\(line ?? "")")
  }

  @Test("on a colour terminal each category's words have their own colour, with a legend; 【】 without colour")
  func categoryColours() throws {
    let answer = "I chose the night shift because nobody knew the system. Errors went from 12 to 3 a month."
    let report = try Scorer.shipped().score(answer)
    #expect(report[.reasoning].present && report[.evidence].present)
    func view(_ mode: ColorMode) -> ScoreView {
      ScoreView(
        report: report, answer: answer, messages: EnglishMessages(), style: Style(mode), hasCompany: false, width: 100)
    }
    let coloured = view(.on).render()
    let magenta = "\u{1B}[4m\u{1B}[35m"
    let green = "\u{1B}[4m\u{1B}[32m"
    #expect(coloured.contains(magenta + "because"), "reasoning's words in its colour")
    #expect(coloured.contains(green + "went from 12 to 3 a month"), "evidence's in another")
    #expect(coloured.contains(magenta + "why you decided"), "the legend names them")
    let plain = view(.off).render()
    #expect(plain.contains("【because】"))
    #expect(plain.contains("【went from 12 to 3 a month】"))
    #expect(!plain.contains("\u{1B}"))
  }

  @Test("English wraps at spaces, Japanese anywhere but before closing punctuation")
  func wrapping() {
    #expect(DisplayWidth.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    #expect(DisplayWidth.wrap("あいうえおかきくけ。こ", width: 10) == ["あいうえお", "かきくけ。", "こ"])
    // Closing punctuation never starts a line, and the line still fits: the character before
    // it goes over with it.
    #expect(DisplayWidth.wrap("あいうえ。", width: 8) == ["あいう", "え。"])
    #expect(
      DisplayWidth.wrap("I decided to wait because we lacked data.", width: 22) == [
        "I decided to wait", "because we lacked", "data.",
      ])
    // A command in backquotes moves to the next line whole (it is read and copied as one).
    #expect(
      DisplayWidth.wrap("結果が届いたら：`rehearse outcome 6 passed` と入力", width: 28) == [
        "結果が届いたら：", "`rehearse outcome 6 passed`", "と入力",
      ])
    #expect(
      DisplayWidth.wrap("Use `rehearse daily`.", width: 12) == ["Use", "`rehearse", "daily`."], "too long: broken")
    // The break falling on the space inside the command keeps that space.
    #expect(
      DisplayWidth.wrap("弱かった回答は `rehearse daily` で出題", width: 24) == ["弱かった回答は", "`rehearse daily` で出題"])
  }

  @Test("lines of one paragraph are joined before wrapping; blank lines and list items stay")
  func paragraphs() {
    #expect(DisplayWidth.paragraphs(of: "一行目の\n続き。\n\n二段落目") == ["一行目の続き。", "", "二段落目"])
    #expect(DisplayWidth.paragraphs(of: "first line\ncontinues") == ["first line continues"])
    #expect(DisplayWidth.paragraphs(of: "・一つ目\n・二つ目") == ["・一つ目", "・二つ目"])
  }

  @Test("the interface language comes from REHEARSE_LANG, then the locale")
  func interfaceLanguage() {
    #expect(InterfaceLanguage.resolve(environment: [:]) == .en)
    #expect(InterfaceLanguage.resolve(environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
    #expect(InterfaceLanguage.resolve(environment: ["LANG": "ja_JP.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .en)
    #expect(InterfaceLanguage.resolve(environment: ["LC_ALL": "ja_JP.UTF-8", "LANG": "en_US"]) == .ja)
    #expect(InterfaceLanguage.resolve(environment: ["REHEARSE_LANG": "en", "LANG": "ja_JP.UTF-8"]) == .en)
    #expect(InterfaceLanguage.resolve(environment: ["REHEARSE_LANG": "ja"]) == .ja)
  }

  @Test("colour only on a terminal, never with NO_COLOR or TERM=dumb")
  func colour() {
    let terminal = TTY(stdinIsTerminal: true, stdoutIsTerminal: true, stderrIsTerminal: true, isDumb: false)
    #expect(ColorMode.resolve(isTerminal: true, tty: terminal, environment: [:]) == .on)
    #expect(ColorMode.resolve(isTerminal: true, tty: terminal, environment: ["NO_COLOR": "1"]) == .off)
    #expect(ColorMode.resolve(isTerminal: false, tty: terminal, environment: [:]) == .off)
    var dumb = terminal
    dumb.isDumb = true
    #expect(ColorMode.resolve(isTerminal: true, tty: dumb, environment: [:]) == .off)
    #expect(Style(.off).error("x") == "x")
    #expect(Style(.on).error("x") == "\u{1B}[1m\u{1B}[31mx\u{1B}[0m")
  }

  @Test("the bank table lines up Japanese and English names")
  func bankTable() {
    func loaded(_ id: String, _ name: String, _ language: Language, questions: Int) -> LoadedBank {
      let bank = QuestionBank(
        company: Company(id: id, name: name, language: language),
        questions: (0..<questions).map { Question(id: "q\($0)", text: "?", stage: "first", kind: .other) },
        path: "\(id).yaml")
      return LoadedBank(bank: bank, origin: .shipped)
    }
    let view = BankListView(
      banks: [loaded("hoshino", "星野精機（架空）", .ja, questions: 23), loaded("acme", "Acme", .en, questions: 5)],
      messages: EnglishMessages(), style: Style(.off), width: 100)
    #expect(
      view.render() == """
        ID       NAME              LANG  QUESTIONS  STAGES              SOURCE
        hoshino  星野精機（架空）  ja           23  first,second,final  shipped
        acme     Acme              en            5  first,second,final  shipped

        2 banks, 28 questions

        """)
  }
}
