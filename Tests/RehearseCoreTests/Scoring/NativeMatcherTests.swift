import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseCore

@Suite("The native matcher")
struct NativeMatcherTests {
  @Test("every lexicon pattern parses for the native matcher")
  func allParse() throws {
    for language in Language.allCases {
      let lexicon = try Lexicon.shipped(language)
      for role in lexicon.roleNames {
        for entry in lexicon.role(role).entries {
          #expect(entry.native != nil, "\(language) \(role): \(entry.regex.pattern)")
        }
      }
    }
  }

  @Test("finds exactly what ICU finds, for every role on every development-set and trap answer")
  func equivalence() throws {
    let texts = DevSet.items.map(\.answer) + (japaneseTraps + englishTraps).map { MarkedText($0.marked).text }
    for language in Language.allCases {
      let lexicon = try Lexicon.shipped(language)
      for answer in texts {
        let text = NormalizedText(answer)
        for role in lexicon.roleNames {
          let native = lexicon.role(role).matches(in: text, engine: .native)
          let icu = lexicon.role(role).matches(in: text, engine: .icu)
          #expect(native == icu, "\(language) \(role) in: \(answer.prefix(60))")
        }
      }
    }
  }

  @Test("ICU's details: ordered alternation, lazy and greedy runs, look-behind, word boundaries, case")
  func semantics() throws {
    let cases: [(String, Bool, String)] = [
      ("(?:ab|a)c", false, "xabc ac"),
      ("a[^。]{0,5}?b", false, "aXXbXXb"),
      ("a[^。]{0,5}b", false, "aXXbXXb"),
      ("(?<=[たい])から(?=[、。])", false, "見たから、行く。大阪から、"),
      ("\\bi\\s+(?:\\w+\\s+){0,1}(?!(?:was|had)\\b)[a-z]+ed\\b", true, "I really tested it. I was tired. I had wanted"),
      ("\\bIT (?:chose|decided)\\b", true, "and IT chose the vendor; it decided"),
      ("(?<=(?:^|[.!?\\n])\\s{0,3})(?:so|because)\\b", true, "So I did. He said so. Because it was"),
      ("(?:から|ため)(?:です|でした)?(?=[。！]|\\n|$)", false, "考えたからです。だったため\n終わりから"),
      ("^[^。]{2,10}(?:は|が)[^。]{1,10}です[。]", false, "私の強みは粘り強さです。次は"),
      ("\\d+(?:[.,]\\d+)*\\s?%", false, "1,200.5 % and 3%"),
    ]
    for (pattern, caseInsensitive, sample) in cases {
      let regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
      let set = try PatternSet.combine(
        [PatternSet.Entry(marker: nil, regex: regex)], options: regex.options, separate: true)
      let text = NormalizedText(sample)
      #expect(set.matches(in: text, engine: .native) == set.matches(in: text, engine: .icu), "\(pattern)")
      #expect(!set.matches(in: text, engine: .native).isEmpty, "\(pattern) finds something in its sample")
    }
  }
}
