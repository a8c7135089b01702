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
          #expect(entry.native != nil, "\(language) \(role): \(entry.pattern)")
        }
      }
    }
  }

  @Test("finds exactly what ICU finds, for every role on every development-set and trap answer")
  func equivalence() throws {
    let texts =
      ScorerCorpusTests.items.map(\.answer) + (japaneseTraps + englishTraps).map { MarkedText($0.marked).text }
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

  @Test("the one-pass lexicon index finds exactly what each role finds searching alone")
  func indexEquivalence() throws {
    let texts =
      ScorerCorpusTests.items.map(\.answer) + (japaneseTraps + englishTraps).map { MarkedText($0.marked).text }
    for language in Language.allCases {
      let lexicon = try Lexicon.shipped(language)
      #expect(Set(lexicon.index.roles) == Set(lexicon.roleNames), "every role is indexed")
      for answer in texts {
        let text = NormalizedText(answer)
        let scan = lexicon.scan(text)
        for role in lexicon.roleNames {
          #expect(
            lexicon.matches(role, in: text, scan: scan) == lexicon.role(role).matches(in: text),
            "\(language) \(role) in: \(answer.prefix(60))")
        }
      }
    }
  }

  @Test(
    "prefix dispatch keeps digits of every script, case and look-behind anchors",
    arguments: [
      ("\\b\\d+\\s?(?:hours?|days?)", true, "٣ days and ３ hours and 12hours"),
      ("(?:約|およそ)?\\d+(?:件|人)", false, "約３件、１２人、٤件"),
      ("\\bahead of (?:schedule|plan)\\b|\\b\\w+ (?:days?|weeks?) early\\b", true, "Two DAYS early, ahead of Plan"),
      ("(?<=(?:^|[.!?\\n])\\s{0,3})(?:so|because)\\b", true, "SO it went. ok. Because"),
      // `^` alternatives are tried at the first position only, the rest by their beginnings.
      ("(?:^|(?<=[.!?])\\s{1,3})(?:so |then )?\\w+ed\\b", true, "Worked it out. then stopped. so Tested"),
      // A look-behind of punctuation (past up to k spaces) is checked before the machine runs.
      ("(?:^|(?<=[.!?\\n;:])\\s{1,3})(?:so|then)\\b", true, "So it went. so x;  then y, so no\n then"),
      ("(?<=[.!?]\\s{0,3})x\\w*", false, "a.x b. xy c.   xz d.    xq e xr"),
      // Beginnings of different lengths: `→` and `vs` do not shorten `previously`'s key.
      ("\\b(?:previously|vs\\.?)\\b|->|→", true, "a → b, Previously x vs. y -> z"),
      ("(?:^|、)(?:前は|→)", false, "前は三件、→五件、前は"),
      // An alternative that begins with `\d` is listed under the ASCII digits only and tried for
      // every other scalar, in its place among the alternatives.
      ("\\bonly (?:\\d+|two|a few) came\\b", true, "only ٣ came, only 3 came, ONLY two came, only a few came"),
      ("x(?:\\d|٣y|z)", false, "x٣y x٣ x3 xz x٤"),
      // The scan lists a position only where a `\b` that follows a look-behind holds.
      ("(?<!\\bat )\\b\\d+ days", true, "at 3 days, 4 days, x5 days, 6 DAYS"),
    ])
  func prefixDispatch(pattern: String, caseInsensitive: Bool, sample: String) throws {
    let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
    let set = try PatternSet.combine(
      [PatternSet.Entry(marker: nil, pattern: pattern, options: options)], options: options, separate: true)
    let lexicon = Lexicon(language: .en, roles: ["test.role": set], hints: [:])
    let text = NormalizedText(sample)
    let indexed = lexicon.matches("test.role", in: text, scan: lexicon.scan(text))
    #expect(indexed == set.matches(in: text, engine: .icu))
    #expect(indexed.count >= 2, "\(pattern) finds its samples")
  }

  @Test("the scan lists a position only where a pattern's opening \\b holds, and a run knows what can follow it")
  func startChecksAndFollows() throws {
    let options: NSRegularExpression.Options = [.caseInsensitive]
    let set = try PatternSet.combine(
      [PatternSet.Entry(marker: nil, pattern: "\\b(?:i|we)\\b", options: options)], options: options, separate: false)
    let lexicon = Lexicon(language: .en, roles: ["test.role": set], hints: [:])
    // The i's inside "within" and "win" begin with a listed beginning but not at a word boundary.
    #expect(lexicon.scan(NormalizedText("within i win"))[0].map(\.position) == [7])
    let followed = try #require(NativePattern("(?:を|は)[^。、]{1,20}にし(?:た|て)", caseInsensitive: false))
    #expect(followed.program.follows.count == 1)
    // A run that ends the pattern may stop anywhere.
    let last = try #require(NativePattern("(?:を|は)[^。、]{1,20}", caseInsensitive: false))
    #expect(last.program.follows.isEmpty)
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
      // A run stops only where the next scalar can begin what follows it: greedy and lazy, a
      // follower that is a word list, one with an alternative listed by its ASCII digits only
      // (`\d`), and a run that reaches the end of the text with nothing after it.
      ("(?:を|は)[^。、]{1,20}にし(?:た|て)", false, "部屋をきれいにしてから、資料は丁寧にした。"),
      ("a[^.]{0,8}?(?:bc|bd)", false, "a12bx3bd a bc"),
      ("x[^;]{0,10}(?:\\d|q)", false, "x ab3 cq; x k٣"),
      ("a[^.]{0,5}b", false, "a1b2b3 a12"),
      // More choices than the backtracking stack first holds (it grows).
      ("[^.]{0,150}(?:\\w|!)!", false, String(repeating: "a", count: 120) + "!!"),
      // A `\b` after a look-behind is still checked where the match begins.
      ("(?<!\\bat )\\b\\d+ days", true, "at 3 days, 4 days, x5 days"),
    ]
    for (pattern, caseInsensitive, sample) in cases {
      let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
      let set = try PatternSet.combine(
        [PatternSet.Entry(marker: nil, pattern: pattern, options: options)], options: options, separate: true)
      let text = NormalizedText(sample)
      #expect(set.matches(in: text, engine: .native) == set.matches(in: text, engine: .icu), "\(pattern)")
      #expect(!set.matches(in: text, engine: .native).isEmpty, "\(pattern) finds something in its sample")
    }
  }

  @Test("ICU compiles a pattern only when it must: a broken one is refused at load, one only ICU can run still runs")
  func icuOnlyWhenNeeded() throws {
    #expect(throws: (any Error).self) { try PatternSet.Entry(marker: nil, pattern: "(unclosed|", options: []) }
    let options: NSRegularExpression.Options = [.caseInsensitive]
    let icuOnly = try PatternSet.Entry(marker: "spaced", pattern: "(?x) chose \\s+ (?:it|this)", options: options)
    #expect(icuOnly.native == nil, "free-spacing is ICU's alone")
    let native = try PatternSet.Entry(marker: "native", pattern: "\\bbecause\\b", options: options)
    #expect(native.native != nil)
    let set = try PatternSet.combine([icuOnly, native], options: options, separate: false)
    let text = NormalizedText("I chose it BECAUSE it was cheaper.")
    #expect(set.matches(in: text).map(\.marker) == ["spaced", "native"], "the role runs on ICU")
  }
}
