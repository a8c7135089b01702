/// "Did you mean…?": the known word closest to a mistyped one.
public enum Spelling {
  /// The candidate closest to `word` by edit distance, when close enough to be a typo.
  /// With `acceptPrefix`, a candidate that starts with `word` wins outright (ids typed short).
  public static func closest(to word: String, in candidates: [String], acceptPrefix: Bool = false) -> String? {
    if acceptPrefix, !word.isEmpty, let prefixed = candidates.first(where: { $0.hasPrefix(word) }) {
      return prefixed
    }
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowance = max(1, min(3, best.0.count / 3))
    return best.1 <= allowance ? best.0 : nil
  }

  /// Levenshtein distance over Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
