/// Reproducibility: the approach repeats or transfers. A process or artefact the speaker built,
/// a habit kept since, a method spread to others, or a concrete plan for the next time or this
/// company. Bare claims (再現性, transferable skills) earn nothing without a method beside them;
/// descriptive uses (マニュアル通りに, the hiring process) earn nothing at all.
extension Analysis {
  func reproducibility() -> CategoryResult {
    var matches: [Match] = []
    var cancelled: [CancelledMatch] = []
    var level = 0
    let methodSentences = sentencesWith("reproducibility.method")
    let builtSentences = sentencesWith("reproducibility.built")
    let companySentences = sentencesWith("reproducibility.company")
    let negated = sentencesWith("reproducibility.negation")

    func credit(_ hit: Hit, _ value: Int) {
      let index = sentence(of: hit.range.lowerBound)
      if negated.contains(index) || gamed.contains(index) {
        cancelled.append(self.cancelled(hit, gamed.contains(index) ? "keyword-gaming" : "negation"))
        return
      }
      matches.append(match(hit))
      level = max(level, value)
    }

    for hit in hits("reproducibility.spread") { credit(hit, 3) }
    for hit in hits("reproducibility.process") {
      if isInside(hit, "reproducibility.descriptive") {
        cancelled.append(self.cancelled(hit, "descriptive-use"))
      } else {
        credit(hit, 2)
      }
    }
    // An artefact the speaker made counts when it lasts or others use it (said anywhere from the
    // sentence before on: 「チェック表を作りました。今も夜勤で使っています。」); made once, it is a
    // one-off.
    let lasting = sentencesWith("reproducibility.adopted").union(sentencesWith("reproducibility.spread"))
      .union(sentencesWith("reproducibility.habit")).union(sentencesWith("reproducibility.lasting"))
    for hit in hits("reproducibility.artefact") {
      let index = sentence(of: hit.range.lowerBound)
      if isInside(hit, "reproducibility.descriptive") || overlaps(hit, "reproducibility.descriptive") {
        cancelled.append(self.cancelled(hit, "descriptive-use"))
      } else if !builtSentences.contains(index) {
        cancelled.append(self.cancelled(hit, "not-built"))
      } else if lasting.contains(where: { $0 >= index - 1 }) {
        credit(hit, 2)
      } else {
        cancelled.append(self.cancelled(hit, "not-adopted"))
        level = max(level, 1)
      }
    }
    for hit in hits("reproducibility.habit") { credit(hit, 2) }
    // "Every Monday I sort my pipeline…", "I use the same 5 questions on every first call."
    // Effort is no method: "I work hard every day", 「毎日頑張っています」.
    let present = sentencesWith("reproducibility.present").subtracting(sentencesWith("reproducibility.product_use"))
      .subtracting(sentencesWith("reproducibility.effort"))
    for hit in hits("reproducibility.recurring") where present.contains(sentence(of: hit.range.lowerBound)) {
      credit(hit, 2)
    }
    for hit in hits("reproducibility.adopted") { credit(hit, 2) }
    let weakSentences = sentencesWith("reproducibility.weak")
    let thinSentences = sentencesWith("reproducibility.thin")
    let weakHits = Set(hits("reproducibility.weak"))
    for hit in hits("reproducibility.forward") + hits("reproducibility.weak") {
      let index = sentence(of: hit.range.lowerBound)
      // 「御社でも活かせます」: a plan that is only a claim is no plan.
      let isWeak = weakHits.contains(hit) || weakSentences.contains(index)
      if methodSentences.contains(index) {
        // A plan with a method: mapped onto this company when it names the company or role.
        credit(hit, companySentences.contains(index) ? 3 : 2)
      } else if isWeak {
        cancelled.append(self.cancelled(hit, "needs-content"))
      } else if !thinSentences.contains(index), !overlaps(hit, "reproducibility.company"),
        wordCount(sentences[index]) >= 8
      {
        // 「次に新人さんを持つなら、最初の１週間は横で見てるだけにしてもらう」: a next time with
        // something to do in it, not just "be more careful".
        credit(hit, 2)
      } else {
        credit(hit, 1)
      }
    }
    for hit in hits("reproducibility.lesson") { credit(hit, 1) }
    if level < 2, let cues = recurringCues() { for hit in cues { credit(hit, 2) } }
    return CategoryResult(
      level: level, matches: Array(Set(matches)).sortedByStart(), cancelled: cancelled.sortedByStart(), hint: nil)
  }

  /// Two different kinds of cue that a way of working recurs or lasts (recurrence, continuity,
  /// others, an institution), in one sentence or a sentence and the next, in a sentence that is
  /// not a hope, a bare claim, a product in use or a disclaimer: the hits that show it, or nil.
  func recurringCues() -> [Hit]? {
    let kinds = [
      "reproducibility.cue_recurrence", "reproducibility.cue_continuity", "reproducibility.cue_others",
      "reproducibility.cue_institution",
    ]
    let excluded = sentencesWith("evidence.target").union(sentencesWith("evidence.hypothetical")).union(
      sentencesWith("reproducibility.weak")
    )
    .union(sentencesWith("reproducibility.product_use")).union(sentencesWith("reproducibility.negation"))
    .union(sentencesWith("reproducibility.descriptive")).union(gamed)
    let years = hits("evidence.context")
    var bySentence: [Int: [(kind: Int, hit: Hit)]] = [:]
    for (kind, role) in kinds.enumerated() {
      for hit in hits(role) where !years.contains(where: { $0.range.overlaps(hit.range) }) {
        let index = sentence(of: hit.range.lowerBound)
        guard !excluded.contains(index) else { continue }
        bySentence[index, default: []].append((kind, hit))
      }
    }
    for index in bySentence.keys.sorted() {
      let here = bySentence[index] ?? []
      let window = here + (bySentence[index + 1] ?? [])
      let found = Set(window.map(\.kind))
      // Two kinds, and at least one of them beyond "an institution" alone (a form named twice
      // is still only a form).
      guard found.count >= 2, found.contains(where: { $0 != 3 }) else { continue }
      var firstOfKind: [Int: Hit] = [:]
      for item in window where firstOfKind[item.kind] == nil { firstOfKind[item.kind] = item.hit }
      return firstOfKind.values.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
    return nil
  }
}
