import Foundation

/// One answer being scored: its text, sentences and the hits of every lexicon role, found once.
final class Analysis {
  let text: NormalizedText
  let sentences: [Range<Int>]
  let lexicons: [Lexicon]
  private var cache: [String: [Hit]] = [:]
  private var sentenceCache: [String: Set<Int>] = [:]
  /// Where each lexicon's patterns may start, found once per answer on first use.
  private var scans: [[[LexiconIndex.Candidate]]] = []
  /// Sentences stuffed with buzzwords (see `findGamingSentences`), found once for all categories.
  lazy var gamed: Set<Int> = findGamingSentences()

  init(text: NormalizedText, sentences: [Range<Int>], lexicons: [Lexicon]) {
    self.text = text
    self.sentences = sentences
    self.lexicons = lexicons
  }

  /// The roles asked about, in the order first asked (the rules ask in a fixed order).
  private var asked: [String] = []

  /// Every role the rules asked about so far, with its hits, in the order first asked: what the
  /// calibration's clause model reads of the lexicons.
  var askedRoles: [(role: String, hits: [Hit])] { asked.map { ($0, cache[$0] ?? []) } }

  /// Every hit of a role across the active lexicons, in text order.
  func hits(_ role: String) -> [Hit] {
    if let cached = cache[role] { return cached }
    if scans.isEmpty { scans = lexicons.map { $0.scan(text) } }
    let found = zip(lexicons, scans).flatMap { $0.matches(role, in: text, scan: $1) }.sorted {
      $0.range.lowerBound < $1.range.lowerBound
    }
    cache[role] = found
    asked.append(role)
    return found
  }

  /// The index of the sentence holding a normalised position.
  func sentence(of position: Int) -> Int {
    var low = 0
    var high = sentences.count - 1
    while low <= high {
      let mid = (low + high) / 2
      if sentences[mid].upperBound <= position {
        low = mid + 1
      } else if sentences[mid].lowerBound > position {
        high = mid - 1
      } else {
        return mid
      }
    }
    return max(0, min(sentences.count - 1, low))
  }

  /// Sentence indexes where a role matches (found once per role: several rules ask).
  func sentencesWith(_ role: String) -> Set<Int> {
    if let cached = sentenceCache[role] { return cached }
    let found = Set(hits(role).map { sentence(of: $0.range.lowerBound) })
    sentenceCache[role] = found
    return found
  }

  func match(_ hit: Hit) -> Match {
    let original = text.originalRange(hit.range)
    return Match(
      marker: hit.marker ?? text.slice(hit.range).lowercased(), text: text.originalText(original),
      start: original.lowerBound, end: original.upperBound)
  }

  func cancelled(_ hit: Hit, _ rule: String) -> CancelledMatch {
    CancelledMatch(match: match(hit), rule: rule)
  }

  /// Patterns are short, so a hit that contains or overlaps another starts at most this far before it.
  static let longestHit = 400

  /// The hits of `role` that could overlap `range`, found by binary search (answers can be 1 MB).
  private func candidates(_ role: String, near range: Range<Int>) -> ArraySlice<Hit> {
    let all = hits(role)
    let from = range.lowerBound - Self.longestHit
    var low = 0
    var high = all.count
    while low < high {
      let mid = (low + high) / 2
      if all[mid].range.lowerBound < from { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < all.count, all[end].range.lowerBound < range.upperBound { end += 1 }
    return all[low..<end]
  }

  /// Whether `hit` lies inside any hit of `role` (e.g. a reason inside a denial).
  func isInside(_ hit: Hit, _ role: String) -> Bool {
    candidates(role, near: hit.range).contains {
      $0.range.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= $0.range.upperBound
    }
  }

  func overlaps(_ hit: Hit, _ role: String) -> Bool {
    candidates(role, near: hit.range).contains { $0.range.overlaps(hit.range) }
  }

  func near(_ index: Int, _ set: Set<Int>, distance: Int = 1) -> Bool {
    (index - distance...index + distance).contains { set.contains($0) }
  }

  var vagueResults: [Hit] { hits("evidence.vague") }

  // MARK: Extras

  func ownership() -> Ownership {
    Ownership(firstPersonSingular: hits("ownership.singular").count, firstPersonPlural: hits("ownership.plural").count)
  }

  func fillers() -> [Match] {
    hits("fillers.filler").map(match)
  }

  func looksLikeFailureQuestion(_ question: String) -> Bool {
    let questionText = NormalizedText(question)
    return lexicons.contains { !$0.role("failure.question").matches(in: questionText).isEmpty }
  }

  /// Cause, change and result of a failure answer. A result is one the answer states
  /// (`failure.result`) or evidence the scorer credits: a verb like "grew" alone ("I grew as a
  /// person") is no result.
  func failureReview(evidencePresent: Bool) -> FailureReview {
    FailureReview(
      cause: !hits("failure.cause").isEmpty,
      change: !hits("failure.change").isEmpty || !hits("reproducibility.habit").isEmpty,
      result: !hits("failure.result").isEmpty || evidencePresent)
  }
}
