/// Evidence: concrete, checkable results. A number with a unit counts beside a result verb
/// (level 2) or in a before/after comparison (level 3); numbers that are only context (team
/// size, tenure, frequency) stay at level 1; targets and hopes earn nothing; verifiable
/// outcomes (受賞, promoted) count without a number.
extension Analysis {
  func evidence() -> CategoryResult {
    let quantitySentences = sentencesWith("evidence.quantity")
    let nowSentences = sentencesWith("evidence.now")
    func hasQuantity(in index: Int) -> Bool { quantitySentences.contains(index) }

    var matches: [Match] = []
    var cancelled: [CancelledMatch] = []
    var level = 0
    // A result word inside context is part of the context: "when diesel hit $5.50", "staff went
    // from 38 to 61" make no number beside them a result.
    let resultSentences = Set(
      hits("evidence.result").filter { !isInside($0, "evidence.context") }.map { sentence(of: $0.range.lowerBound) })
    let targetSentences = sentencesWith("evidence.target").union(sentencesWith("evidence.hypothetical"))
    let negated = sentencesWith("evidence.negation")

    // A target names the number it is next to: 「目標は150%」, "our goal was 30%". In a long
    // sentence ("the goal was 100% and i got 11 out of 12 done") a nearer achieved marker wins.
    let targets = hits("evidence.target")
    // A condition ("if", "could", "we'd") holds only in its own clause: in "the meds could be
    // 20 mins late w/out hurting anyone, her family put a compliment in" the compliment happened.
    let hypotheticals = hits("evidence.hypothetical")
    // What was done ("closed $310k against a $190k quota", 「最終的に19件で着地」).
    // "going to hit", "aim to reach": a result verb that a target governs names what was wanted,
    // not what was done. English only: 「目標を達成した」 is done.
    // So does one in the infinitive a target heads in its clause: "my aim would be to cut agency
    // use by 20%", "I'd aim for LTIFR under 2 … and to cut cost per tonne 5%".
    let governors = targets.filter { isLatin($0) }
    let values = text.scalarText.values
    // "to cut", and the perfect "to have finished" ("I'd also like to have finished the certificate").
    let folded = text.scalarText.folded
    func follows(_ word: String, at end: Int) -> Bool {
      let scalars = word.unicodeScalars.map(\.value)
      return end >= scalars.count && folded[(end - scalars.count)..<end].elementsEqual(scalars)
    }
    func isInfinitive(_ done: Hit) -> Bool {
      var start = done.range.lowerBound
      if follows("to have ", at: start) { start -= 5 }
      guard follows("to ", at: start) else { return false }
      return governors.contains { target in
        target.range.upperBound <= start && start - target.range.upperBound <= 40
          && !values[target.range.upperBound..<start].contains { $0 == 0x2C || $0 == 0x3B || $0 == 0x2E || $0 == 0x3A }
      }
    }
    let achieved = hits("evidence.achieved").filter { done in
      !governors.contains {
        $0.range.upperBound <= done.range.lowerBound && done.range.lowerBound - $0.range.upperBound <= 1
      } && !isInfinitive(done)
    }
    func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
      a.overlaps(b) ? 0 : (a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound)
    }
    func nearest(_ markers: [Hit], to hit: Hit, in sentence: Range<Int>) -> Int? {
      markers.lazy.filter { sentence.contains($0.range.lowerBound) }.map { gap($0.range, hit.range) }
        .filter { $0 <= 80 }.min()
    }
    func sameClause(_ marker: Hit, _ hit: Hit) -> Bool {
      let between =
        marker.range.upperBound <= hit.range.lowerBound
        ? marker.range.upperBound..<hit.range.lowerBound
        : hit.range.upperBound..<max(hit.range.upperBound, marker.range.lowerBound)
      return !text.scalarText.values[between.clamped(to: text.scalarText.values.indices)].contains {
        $0 == 0x2C || $0 == 0x3B || $0 == 0x3A || $0 == 0x3001
      }
    }
    func isTarget(_ hit: Hit) -> Bool {
      let index = sentence(of: hit.range.lowerBound)
      guard targetSentences.contains(index) else { return false }
      let conditions = hypotheticals.filter { sameClause($0, hit) }
      guard let target = nearest(targets + conditions, to: hit, in: sentences[index]) else {
        return false
      }
      guard let done = nearest(achieved, to: hit, in: sentences[index]) else { return true }
      return target < done
    }

    for hit in hits("evidence.before_after") {
      let index = sentence(of: hit.range.lowerBound)
      // "Staff went from 38 to 61" when two sectors merged: scope that changed, not a result.
      if isInside(hit, "evidence.context") {
        cancelled.append(self.cancelled(hit, "context-number"))
        level = max(level, 1)
        continue
      }
      let target = isTarget(hit)
      if target || negated.contains(index) {
        cancelled.append(self.cancelled(hit, target ? "target" : "negation"))
        continue
      }
      matches.append(match(hit))
      level = 3
    }
    let baselines = sentencesWith("evidence.baseline")
    for hit in hits("evidence.quantity") where !overlaps(hit, "evidence.before_after") {
      let index = sentence(of: hit.range.lowerBound)
      if isTarget(hit) {
        cancelled.append(self.cancelled(hit, "target"))
        continue
      }
      // "Our audit showed only 35%… Re-audit three months later was 82%": the same measure
      // again, later, is a before/after even without a result verb.
      // In one sentence the two need a result word between them ("went from…", "down to"); a
      // plan ("in 5 years' time … not 10 years removed") compares nothing.
      let comparison =
        !isInside(hit, "evidence.context") && nowSentences.contains(index) && !targetSentences.contains(index)
        && earlierQuantity(like: hit, within: 2).map {
          sentence(of: $0.range.lowerBound) != index || resultSentences.contains(index)
        } ?? false
      // A length of time is context (tenure, a timeframe) unless it is how long something
      // now takes: 「30分で終わる」, "back in 25 minutes", or the same measure taken again.
      if overlaps(hit, "evidence.duration"), !overlaps(hit, "evidence.duration_result"), !comparison {
        cancelled.append(self.cancelled(hit, "context-number"))
        level = max(level, 1)
        continue
      }
      if comparison, !negated.contains(index) {
        matches.append(match(hit))
        level = 3
        continue
      }
      let isResult = resultSentences.contains(index) || overlaps(hit, "evidence.duration_result")
      if isInside(hit, "evidence.context") || !isResult || negated.contains(index) {
        cancelled.append(self.cancelled(hit, "context-number"))
        level = max(level, 1)
        continue
      }
      matches.append(match(hit))
      // A result with its baseline a sentence or two before ("took four hours … now twenty
      // minutes") is a before/after.
      let before = (index - 2..<index).contains { baselines.contains($0) && hasQuantity(in: $0) }
      level = max(
        level,
        before && overlaps(hit, "evidence.duration_result")
          || before && resultSentences.contains(index) && nowSentences.contains(index) ? 3 : 2)
    }
    for hit in hits("evidence.outcome") {
      let index = sentence(of: hit.range.lowerBound)
      let target = isTarget(hit)
      if target || negated.contains(index) {
        cancelled.append(self.cancelled(hit, target ? "target" : "negation"))
        continue
      }
      matches.append(match(hit))
      level = max(level, 2)
    }
    if level < 3, let pair = toldComparison() {
      matches.append(contentsOf: pair.map(match))
      level = 3
    }
    for hit in vagueResults where level < 2 {
      cancelled.append(self.cancelled(hit, "vague-result"))
    }
    return CategoryResult(
      level: level, matches: matches.sortedByStart(), cancelled: cancelled.sortedByStart(), hint: nil)
  }

  /// The unit a quantity is counted in ("%", "day", "件"): the letters after its last digit,
  /// as scalar values (lowercased ASCII, a plural "s" dropped), for matching a value with an
  /// earlier one of the same kind.
  func unit(of hit: Hit) -> ArraySlice<UInt32> {
    let values = text.scalarText.values
    var end = min(hit.range.upperBound, values.count)
    while end > hit.range.lowerBound, ScalarText.isSpace(values[end - 1]) { end -= 1 }
    var start = end
    while start > hit.range.lowerBound, !(0x30...0x39).contains(values[start - 1]),
      !ScalarText.isSpace(values[start - 1]),
      !Self.numerals.contains(values[start - 1])
    {
      start -= 1
    }
    var unit = values[start..<end]
    if unit.count > 3, unit.last == 0x73 || unit.last == 0x53 { unit = unit.dropLast() }
    // Lengths of time compare with each other whatever their unit ("two hours … now 40 minutes").
    let word = String(String.UnicodeScalarView(unit.compactMap(Unicode.Scalar.init))).lowercased()
    if Self.timeUnits.contains(word) { return Self.timeKey }
    return unit
  }

  static let timeUnits: Set<String> = [
    "second", "sec", "secs", "s", "ms", "minute", "min", "mins", "hour", "hr", "hrs", "h", "day", "week", "wk", "wks",
    "month",
    "秒", "分", "時間", "日", "週間", "か月", "ヶ月", "カ月", "ヵ月",
  ]
  static let timeKey: ArraySlice<UInt32> = ArraySlice("time".unicodeScalars.map(\.value))

  /// A different value in the same unit, earlier in the sentence or up to `within` sentences
  /// before: the baseline of a before/after told across sentences.
  func earlierQuantity(like hit: Hit, within: Int) -> Hit? {
    let key = unit(of: hit).map(Self.foldCase)
    guard !key.isEmpty else { return nil }
    let values = text.scalarText.values
    let index = sentence(of: hit.range.lowerBound)
    let from = sentences[max(0, index - within)].lowerBound
    let value = values[hit.range.clamped(to: values.indices)]
    return hits("evidence.quantity").last {
      $0.range.upperBound <= hit.range.lowerBound && $0.range.lowerBound >= from
        && unit(of: $0).map(Self.foldCase) == key && values[$0.range.clamped(to: values.indices)] != value
    }
  }

  /// How many sentences after the first number the second may be ("Our library was losing about
  /// 200 books a year. I set up a self checkout… Losses were down to 40 the next year").
  static let comparisonReach = 2

  /// Kanji numerals and the marks that stand before a number (〜, 約).
  static let numerals: Set<UInt32> = Set("一二三四五六七八九十百千万半~約".unicodeScalars.map(\.value))

  static func foldCase(_ value: UInt32) -> UInt32 { (0x41...0x5A).contains(value) ? value + 0x20 : value }

  /// Whether two numbers could count the same thing, given the words `countedWord` finds after
  /// them: not a length of time against a count of something else ("a 10 min routine … 3 bullets
  /// on a card"). Two counts of different words may still compare ("120 stale flags … down to 18
  /// live flags", "6 kids … 35 regulars"), and a number with no word after it ("…that year it was
  /// 14") may count anything. Lengths of time count the same thing whatever their unit ("3 weeks …
  /// 4 months").
  static func countsTheSame(_ first: String?, _ second: String?) -> Bool {
    guard let first, let second else { return true }
    return (first == timeWord) == (second == timeWord)
  }

  static let timeWord = "#time"

  /// The English word after a number that names what it counts, folded (lowercase, a plural "s"
  /// dropped, a length of time as `timeWord`); nil for none, a function word or a non-Latin script.
  func countedWord(after hit: Hit) -> String? {
    let values = text.scalarText.values
    var start = hit.range.upperBound
    if start < values.count, values[start] == 0x20 { start += 1 }
    var end = start
    while end < values.count, let scalar = Unicode.Scalar(values[end]), scalar.isASCII,
      scalar.properties.isAlphabetic
    {
      end += 1
    }
    guard end - start >= 2 else { return nil }
    var word = String(String.UnicodeScalarView(values[start..<end].compactMap(Unicode.Scalar.init))).lowercased()
    guard !Self.functionWords.contains(word) else { return nil }
    // A plural of a unit ("hrs", "days") is time; a word that only ends like one ("1st", "mine") is not.
    if Self.timeUnits.contains(word) || (word.hasSuffix("s") && Self.timeUnits.contains(String(word.dropLast()))) {
      return Self.timeWord
    }
    if word.count > 3, word.hasSuffix("s") { word.removeLast() }
    return word
  }

  /// Words after a number that do not say what it counts ("14 and", "8 a week", "2 to 4").
  static let functionWords: Set<String> = [
    "a", "an", "and", "or", "but", "so", "to", "in", "on", "at", "of", "by", "for", "from", "with", "per", "each",
    "every", "the", "this", "that", "then", "than", "was", "were", "is", "are", "it", "we", "i", "he", "she", "they",
    "more", "less", "fewer", "over", "under", "out", "down", "up", "now", "before", "after", "last", "next", "times",
    "percent", "pct", "odd", "ish", "plus", "instead", "vs", "versus", "compared", "which", "when",
    "while", "only", "just", "all", "total", "left", "back", "again", "later", "earlier", "ago", "since",
  ]

  /// A before/after told in any words: two different numbers at most two sentences apart, not context
  /// (tenure, team size) or a target, with a contrast in time or a change word between or around
  /// them ("Our audit showed only 35% … Re-audit three months later was 82%"). The two numbers, or nil.
  func toldComparison() -> [Hit]? {
    let numbers = hits("evidence.number").filter { !isInside($0, "evidence.context") }
    guard numbers.count >= 2 else { return nil }
    let excluded = sentencesWith("evidence.target").union(sentencesWith("evidence.hypothetical"))
      .union(sentencesWith("evidence.negation"))
      .union(sentencesWith("reasoning.negation"))
    let contrasts = hits("evidence.contrast")
    let values = text.scalarText.values
    // What each number counts, found once: a number is paired with each one after it.
    let counted = numbers.map { countedWord(after: $0) }
    for (offset, first) in numbers.enumerated() {
      let a = sentence(of: first.range.lowerBound)
      guard !excluded.contains(a) else { continue }
      for later in (offset + 1)..<numbers.count {
        let second = numbers[later]
        let b = sentence(of: second.range.lowerBound)
        if b > a + Self.comparisonReach { break }
        guard !excluded.contains(b), values[first.range] != values[second.range],
          Self.countsTheSame(counted[offset], counted[later])
        else { continue }
        // A contrast after the first number and up to the end of the second one's sentence.
        let span = first.range.upperBound..<sentences[b].upperBound
        guard contrasts.contains(where: { span.contains($0.range.lowerBound) }) else { continue }
        return [first, second]
      }
    }
    return nil
  }
}
