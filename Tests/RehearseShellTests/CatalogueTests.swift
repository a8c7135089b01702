import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseShell

/// Strings the scorer hands to the interface have words in both catalogues.
@Suite("Message catalogues")
struct CatalogueTests {
  /// Every rule name the scorer can give a word it did not count (`cancelled(…, "rule")` in its
  /// sources).
  static func cancellationRules() throws -> Set<String> {
    let folder = PackagePaths.root.appendingPathComponent("Sources/RehearseCore/Scoring")
    let pattern = try NSRegularExpression(pattern: #"cancelled\([^,()]+, "([a-z-]+)""#)
    var rules: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let range = Range(match.range(at: 1), in: text) { rules.insert(String(text[range])) }
      }
    }
    return rules
  }

  @Test("every reason the scorer gives for not counting a word is explained in English and Japanese")
  func cancellationReasons() throws {
    let rules = try Self.cancellationRules().union([ScorerCalibration.doubtRule])
    #expect(rules.count >= 10, "\(rules)")
    for rule in rules.sorted() {
      #expect(EnglishMessages().rule(rule) != rule, "English: \(rule)")
      #expect(JapaneseMessages().rule(rule) != rule, "Japanese: \(rule)")
    }
  }
}
