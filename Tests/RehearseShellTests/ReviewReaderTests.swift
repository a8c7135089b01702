import Foundation
import Testing

@testable import RehearseShell

/// The reader's keys, without a terminal.
@Suite("review: what each key does")
struct ReviewNavigationTests {
  @Test("→ and ← move between questions and on into the next or previous drill; [ and ] jump drills")
  func questions() {
    var nav = ReviewNavigation()
    #expect(nav.handle(.right, questions: 3, lines: 10, visible: 20) == .redraw && nav.question == 1)
    #expect(nav.handle(.character("n"), questions: 3, lines: 10, visible: 20) == .redraw && nav.question == 2)
    #expect(nav.handle(.right, questions: 3, lines: 10, visible: 20) == .newerDrill && nav.question == 2)
    #expect(nav.handle(.left, questions: 3, lines: 10, visible: 20) == .redraw && nav.question == 1)
    #expect(nav.handle(.character("h"), questions: 3, lines: 10, visible: 20) == .redraw && nav.question == 0)
    #expect(nav.handle(.left, questions: 3, lines: 10, visible: 20) == .olderDrill(atEnd: true))
    #expect(nav.handle(.character("["), questions: 3, lines: 10, visible: 20) == .olderDrill(atEnd: false))
    #expect(nav.handle(.character("]"), questions: 3, lines: 10, visible: 20) == .newerDrill)
  }

  @Test("scrolling stays within the question; a new question starts at its top")
  func scrolling() {
    var nav = ReviewNavigation()
    #expect(nav.handle(.up, questions: 2, lines: 50, visible: 20) == .none, "already at the top")
    #expect(nav.handle(.down, questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 1)
    #expect(nav.handle(.pageDown, questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 20)
    #expect(nav.handle(.character(" "), questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 30)
    #expect(nav.handle(.down, questions: 2, lines: 50, visible: 20) == .none, "the last line is on screen")
    #expect(nav.handle(.character("b"), questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 11)
    #expect(nav.handle(.home, questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 0)
    #expect(nav.handle(.end, questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 30)
    #expect(nav.handle(.right, questions: 2, lines: 50, visible: 20) == .redraw && nav.scroll == 0)
    #expect(nav.handle(.down, questions: 2, lines: 5, visible: 20) == .none, "a short question does not scroll")
  }

  @Test("e edits, q, Escape, Ctrl-C and the end of input quit, a closed terminal ends, other keys do nothing")
  func others() {
    var nav = ReviewNavigation()
    #expect(nav.handle(.character("e"), questions: 1, lines: 1, visible: 1) == .edit)
    for key in [Key.character("q"), .escape, .quit, .endOfInput] {
      #expect(nav.handle(key, questions: 1, lines: 1, visible: 1) == .quit)
    }
    #expect(nav.handle(.terminated, questions: 1, lines: 1, visible: 1) == .terminated)
    #expect(nav.handle(.resize, questions: 1, lines: 1, visible: 1) == .redraw)
    #expect(nav.handle(.character("z"), questions: 1, lines: 1, visible: 1) == .none)
    #expect(nav.handle(.unknown, questions: 1, lines: 1, visible: 1) == .none)
    #expect(nav == ReviewNavigation())
  }
}

/// The HTML writer's escaping: what a person typed can never become markup.
@Suite("HTML writer")
struct HTMLWriterTests {
  @Test("text and attribute values escape all five special characters and replace control characters")
  func escaping() {
    var html = HTMLWriter()
    html.element("p", ["title": "a \"quoted\" 'title' <x>"], text: "<script>&amp; \u{0}\u{7}bell\r\n\ttab \u{85}")
    #expect(
      html.take()
        == "<p title=\"a &quot;quoted&quot; &#39;title&#39; &lt;x&gt;\">&lt;script&gt;&amp;amp; \u{FFFD}\u{FFFD}bell\n\ttab \u{FFFD}</p>"
    )
    #expect(HTMLWriter.escape("日本語 plain") == "日本語 plain")
  }

  @Test("elements nest and close in order; a void element in SVG closes itself")
  func nesting() {
    var html = HTMLWriter()
    html.element("svg", ["viewBox": "0 0 1 1"]) { svg in
      svg.void("rect", ["x": "0"], svg: true)
      svg.element("g") { $0.element("title", text: "a & b") }
    }
    #expect(html.take() == "<svg viewBox=\"0 0 1 1\"><rect x=\"0\"/><g><title>a &amp; b</title></g></svg>")
  }

  @Test("the scorer's spans become marks of their category, overlaps going to the report's first")
  func marks() {
    var html = HTMLWriter()
    let score = StoredScore(
      json: """
        {"total": 40, "categories": {
          "reasoning": {"level": 2, "present": true, "asked": true, "matches": [{"start": 2, "end": 9}]},
          "evidence": {"level": 3, "present": true, "asked": true, "matches": [{"start": 6, "end": 12}]},
          "company_fit": {"level": 0, "present": false, "asked": false, "matches": []}}}
        """)
    #expect(score?.categories.keys.sorted { $0.rawValue < $1.rawValue } == [.evidence, .reasoning], "unasked left out")
    HTMLTranscript.marked("a because & so", score: score, messages: EnglishMessages(), to: &html)
    #expect(
      html.take()
        == "a <mark class=\"reasoning\" title=\"why you decided\">because</mark><mark class=\"evidence\" title=\"evidence\"> &amp; </mark>so"
    )
  }
}
