/// Reasoning: why the speaker decided. A reason counts only when it attaches to a decision the
/// speaker made, in the same sentence or the one before or after; negations and disclaimers
/// cancel reasons in their sentence; a denied reason is cancelled and the one after it counts;
/// someone else's decision earns nothing.
extension Analysis {
  func reasoning() -> CategoryResult {
    let negated = sentencesWith("reasoning.negation")
    let others = sentencesWith("reasoning.others_decision")
    let decisions = Set(
      hits("reasoning.decision")
        .filter { !overlaps($0, "reasoning.others_decision") && !isInside($0, "reasoning.negation") }
        .map { sentence(of: $0.range.lowerBound) }
    ).subtracting(others)

    var matches: [Match] = []
    var cancelled: [CancelledMatch] = []
    var attachedSentences: Set<Int> = []
    var deepSentences: Set<Int> = []
    var level = 0

    let reasons = ["reasoning.connective", "reasoning.clause", "reasoning.criterion", "reasoning.alternative"]
    for role in reasons {
      for hit in hits(role) {
        let index = sentence(of: hit.range.lowerBound)
        if isInside(hit, "reasoning.denial") {
          cancelled.append(self.cancelled(hit, "denied-reason"))
          continue
        }
        if negated.contains(index) {
          cancelled.append(self.cancelled(hit, "negation"))
          continue
        }
        if others.contains(index) && !decisions.contains(index) {
          cancelled.append(self.cancelled(hit, "someone-elses-decision"))
          level = max(level, 1)
          continue
        }
        // The decision this reason explains: same sentence, or the next (reason first), or
        // the one before (reason after: 「…と考えたからです」).
        guard near(index, decisions) else {
          cancelled.append(self.cancelled(hit, "no-decision"))
          level = max(level, 1)
          continue
        }
        matches.append(match(hit))
        attachedSentences.insert(index)
        if role == "reasoning.criterion" || role == "reasoning.alternative" { deepSentences.insert(index) }
      }
    }
    if !attachedSentences.isEmpty {
      level = 2
      // A criterion or a rejected alternative beside an attached reason.
      if attachedSentences.contains(where: { index in deepSentences.contains { abs($0 - index) <= 1 } }) { level = 3 }
    }
    return CategoryResult(level: level, matches: matches.sortedByStart(), cancelled: cancelled.sortedByStart(), hint: nil)
  }
}

extension Array where Element == Match {
  func sortedByStart() -> [Match] { sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
}

extension Array where Element == CancelledMatch {
  func sortedByStart() -> [CancelledMatch] { sorted { ($0.match.start, $0.match.end) < ($1.match.start, $1.match.end) } }
}
