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

  /// Edit distance over Unicode scalars where swapping two neighbours counts as one edit
  /// (optimal string alignment), since "frist" is one slip from "first".
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
