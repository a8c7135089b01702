import RehearseCore
import Testing

/// `compare`'s verdicts: the best attempt and what changed from the first to the latest.
@Suite("Comparing attempts")
struct AttemptComparisonTests {
  @Test("the best is the highest total, the latest of equals; unscored attempts are passed over")
  func best() {
    #expect(AttemptComparison(levels: [[:], [:], [:]], totals: [40, 70, 70]).best == 2)
    #expect(AttemptComparison(levels: [[:], [:]], totals: [55, nil]).best == 0)
    #expect(AttemptComparison(levels: [[:]], totals: [nil]).best == nil)
  }

  @Test("gained and lost: present (level 2+) in one of the first and latest scored attempts only")
  func changes() {
    let first: [ScoreCategory: Int] = [.reasoning: 1, .reproducibility: 2, .evidence: 0, .structure: 2]
    let latest: [ScoreCategory: Int] = [.reasoning: 3, .reproducibility: 1, .evidence: 0, .structure: 2]
    let comparison = AttemptComparison(levels: [first, [:], latest, [:]], totals: [30, nil, 50, nil])
    #expect(comparison.gained == [.reasoning])
    #expect(comparison.lost == [.reproducibility])
    // A category one attempt was not judged on is neither gained nor lost.
    let fit = AttemptComparison(levels: [[.companyFit: 0], [.companyFit: 3, .structure: 2]], totals: [10, 60])
    #expect(fit.gained == [.companyFit])
    #expect(AttemptComparison(levels: [[.structure: 0], [:]], totals: [10, 20]).lost.isEmpty)
    #expect(AttemptComparison(levels: [first], totals: [30]).gained.isEmpty, "one attempt: nothing changed")
  }
}
