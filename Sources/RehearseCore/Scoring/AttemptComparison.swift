/// Several attempts at one question, side by side (`rehearse compare`): which was best and what
/// changed from the first to the latest. Pure: the attempts come in oldest first.
public struct AttemptComparison: Equatable, Sendable {
  /// The best attempt's index: the highest total, the latest of equals; nil when none was scored.
  public var best: Int?
  /// Categories present (level 2 or more) in the latest attempt and not in the first.
  public var gained: [ScoreCategory]
  /// Categories present in the first attempt and not in the latest.
  public var lost: [ScoreCategory]

  public init(levels: [[ScoreCategory: Int]], totals: [Int?]) {
    var best: Int?
    for (index, total) in totals.enumerated() {
      guard let total else { continue }
      if best.map({ (totals[$0] ?? 0) <= total }) ?? true { best = index }
    }
    self.best = best
    // The first and the latest scored attempts.
    let scored = levels.indices.filter { totals[$0] != nil }
    guard let first = scored.first, let latest = scored.last, first != latest else {
      gained = []
      lost = []
      return
    }
    let judged = ScoreCategory.allCases.filter { levels[first][$0] != nil && levels[latest][$0] != nil }
    gained = judged.filter { (levels[first][$0] ?? 0) < 2 && (levels[latest][$0] ?? 0) >= 2 }
    lost = judged.filter { (levels[first][$0] ?? 0) >= 2 && (levels[latest][$0] ?? 0) < 2 }
  }
}
