import Foundation
import RehearseCore
import Testing

@testable import RehearseCore

@Suite("Skipping expressions whose words are absent")
struct GatingTests {
  @Test("required literals are found for the lexicons' kinds of pattern")
  func requiredLiterals() {
    #expect(RequiredLiterals.of("なぜなら", caseInsensitive: false) == ["なぜなら"])
    #expect(RequiredLiterals.of("(?<=[たいる])から(?![^。]*まで)", caseInsensitive: false) == ["から"])
    #expect(RequiredLiterals.of("\\b(?:because|bc|cuz)\\b", caseInsensitive: true) == ["bc", "because", "cuz"])
    #expect(RequiredLiterals.of("(?:その)?理由(?:は|として)", caseInsensitive: false) == ["理由として", "理由は"])
    #expect(RequiredLiterals.of("\\bSince\\b", caseInsensitive: true) == ["since"])
    #expect(RequiredLiterals.of("[一二三]+割", caseInsensitive: false) == ["割"])
    #expect(RequiredLiterals.of("\\d+", caseInsensitive: false) == nil, "nothing literal to require")
    #expect(RequiredLiterals.of("(?:a|\\d)b?", caseInsensitive: false) == nil)
  }

  @Test("gated matching finds exactly what ungated matching finds, on every development-set answer")
  func equivalence() throws {
    for language in Language.allCases {
      let lexicon = try Lexicon.shipped(language)
      for item in DevSet.items {
        let text = NormalizedText(item.answer)
        for role in lexicon.roleNames {
          let gated = lexicon.role(role).matches(in: text)
          let ungated = lexicon.role(role).matches(in: text, gated: false)
          #expect(gated == ungated, "\(language) \(role) \(item.id)")
        }
      }
    }
  }
}
