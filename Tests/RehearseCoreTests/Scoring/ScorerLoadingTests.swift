import Foundation
import Testing

@testable import RehearseCore

/// A language's lexicon and calibration are compiled only when an answer needs them, so a drill
/// in one language never holds the other's (issue 13: a drill's peak memory).
@Suite("Scorer: lexicons loaded per language")
struct ScorerLoadingTests {
  static let answers = [
    "I chose the night shift because nobody else knew the system, and errors fell from 12 to 3 a month.",
    "売上が落ちていたため、発注の基準を見直すと決めました。手順書にして共有し、欠品は月10件から2件に減りました。",
    "I rebuilt the 発注 checklist because 欠品 kept happening; it is now the team's template.",
  ]

  @Test("a scorer that loads nothing up front scores every language as one that loaded both")
  func lazyMatchesEager() throws {
    let eager = try Scorer.shipped()
    let lazy = try Scorer.shipped(loading: [])
    for answer in Self.answers {
      let context = ScoringContext(question: "Tell us about a decision you made.", kind: .decision)
      #expect(try lazy.checkedScore(answer, context: context) == eager.score(answer, context: context), "\(answer)")
    }
  }

  struct Broken: Error, Equatable {}

  @Test("a language whose lexicon fails to load is an error for answers that need it, and only for them")
  func failureIsReported() throws {
    let japanese = try LanguageParts.Part(lexicon: Lexicon.shipped(.ja), calibration: ScorerCalibration.shipped(.ja))
    let scorer = Scorer(
      parts: LanguageParts(ready: [:]) { language in
        guard language == .ja else { throw Broken() }
        return japanese
      })
    #expect(throws: Broken.self) { try scorer.checkedScore(Self.answers[0]) }
    #expect(throws: Broken.self) { try scorer.prepare([.ja, .en]) }
    #expect(throws: Broken.self, "mixed answers need both") { try scorer.checkedScore(Self.answers[2]) }
    let report = try scorer.checkedScore(Self.answers[1])
    #expect(report.categories[.reasoning]?.present == true)
    #expect(try scorer.checkedScore(Self.answers[0], context: ScoringContext(language: .ja)).language == .ja)
  }

  @Test("two threads asking for the same language share one compiled lexicon")
  func oneLoadPerLanguage() async throws {
    let loads = Counter()
    let japanese = try LanguageParts.Part(lexicon: Lexicon.shipped(.ja), calibration: nil)
    let parts = LanguageParts(ready: [:]) { _ in
      loads.increment()
      Thread.sleep(forTimeInterval: 0.05)
      return japanese
    }
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<4 { group.addTask { _ = parts.part(.ja) } }
    }
    #expect(loads.value == 1)
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }
}
