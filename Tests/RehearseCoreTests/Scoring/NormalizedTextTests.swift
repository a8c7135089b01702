import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseCore

@Suite("NFKC with an offset map")
struct NormalizedTextTests {
  /// The plain definition: each typed character normalised on its own, each result scalar
  /// pointing back at that character.
  static func reference(_ original: String) -> (text: String, origins: [Range<Int>]) {
    var text = String.UnicodeScalarView()
    var origins: [Range<Int>] = []
    var position = 0
    for character in original {
      let width = character.unicodeScalars.count
      for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
        text.append(scalar)
        origins.append(position..<position + width)
      }
      position += width
    }
    return (String(text), origins)
  }

  static let tricky = [
    "plain ASCII, nothing to do.",
    "か\u{3099}きく: a combining voiced mark joins the kana before it",
    "cafe\u{301} and naïve",
    "ＡＢＣ１２３（全角）！？",
    "ｶﾞｯｺｳでﾊﾞｲﾄ",
    "\u{1100}\u{1161}\u{11A8} jamo compose",
    "ﬁve ① ㍻ ㌔ … and an ideographic space:\u{3000}here",
    "emoji 👩‍💻 with a joiner, 👍🏻 with a modifier, ︎variation",
    "line one\r\nline two",
    "ｱｲｳ and 漢字かな交じり文。",
    // Full-width forms beside what can combine with them (the ASCII shortcut must step aside).
    "Ａ\u{301}１\u{301}\u{3000}\u{301}ａ１\u{301}Ｂﾞ１２ｶﾞ３\u{3000}\u{3000}ｚ",
    "e\u{301}１２３ and ｅ\u{301}\u{302} and \u{301}at the start, ＡＢ at the end: ＦＦ",
  ]

  @Test("matches the per-character definition, text and offsets, on tricky and real answers")
  func matchesReference() {
    for original in Self.tricky + ScorerCorpusTests.items.map(\.answer) {
      let normalized = NormalizedText(original)
      let expected = Self.reference(original)
      #expect(normalized.text == expected.text, "\(original.prefix(40))")
      guard normalized.count == expected.origins.count else {
        Issue.record("scalar count differs for \(original.prefix(40))")
        continue
      }
      for index in 0..<normalized.count {
        let origin = normalized.originalRange(index..<index + 1)
        // Stable runs map scalar by scalar; a changed character maps to the whole character.
        #expect(expected.origins[index].contains(origin.lowerBound), "\(original.prefix(40)) at \(index)")
        #expect(origin.upperBound <= expected.origins[index].upperBound, "\(original.prefix(40)) at \(index)")
      }
    }
  }

  @Test("a full-width answer reports spans in the typed text")
  func originalSpans() {
    let text = NormalizedText("売上は１２０％になった")
    let range = text.text.unicodeScalars.firstIndex(of: "1").map {
      text.text.unicodeScalars.distance(from: text.text.unicodeScalars.startIndex, to: $0)
    }!
    let original = text.originalRange(range..<range + 4)
    #expect(text.originalText(original) == "１２０％")
  }
}
