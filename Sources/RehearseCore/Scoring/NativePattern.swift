/// A matcher for the regular-expression dialect the lexicons use, run directly on the answer's
/// Unicode scalars. ICU through Foundation costs tens of microseconds per expression per answer
/// even when nothing matches; this dispatches on the first scalars (up to five) a match can begin
/// with and backtracks only where a match can start. It follows ICU's semantics (ordered alternation,
/// greedy and lazy quantifiers, look-around, `\b`), and a test checks it finds exactly what
/// `NSRegularExpression` finds on the whole development set. A pattern it cannot parse runs on
/// ICU instead.
final class NativePattern: @unchecked Sendable {
  indirect enum Node {
    case scalar(UInt32)
    case set(ScalarSet)
    case sequence([Node])
    case alternation([Node])
    case repetition(Node, min: Int, max: Int, lazy: Bool)
    case look(Node, ahead: Bool, negative: Bool, minLength: Int, maxLength: Int)
    case wordBoundary(negated: Bool)
    case start
    case end
  }

  let caseInsensitive: Bool
  /// Where a match can start, for dispatch before the machine runs.
  let start: Start

  enum Start: Sendable {
    /// Only where the text begins with one of these (see `Prefix`).
    case prefix(Prefix)
    /// Only at the beginning of the text (`^`), when the beginnings cannot be listed.
    case textStart
    /// Only where a word begins or ends (the pattern opens with `\b`), when the beginnings
    /// cannot be listed.
    case wordBoundary
    /// Anywhere: the beginnings cannot be listed.
    case anywhere

    var prefix: Prefix? {
      if case .prefix(let prefix) = self { prefix } else { nil }
    }
  }

  /// The first scalars (up to `ScalarKey.maxLength`; case-folded for a case-insensitive
  /// pattern, digits folded by `ScalarKey.fold`) that a match can begin with, packed by
  /// `ScalarKey` and kept by their length: a match shorter than the longest beginnings (`→`
  /// beside `previously`) is listed whole, so it does not shorten every other beginning to its
  /// length. Look-arounds and `\b` are ignored, so this is a superset.
  struct Prefix: Sendable {
    /// The lengths that have keys, shortest first, and the keys of each (`keys[i]` are
    /// `lengths[i]` scalars long).
    let lengths: [Int]
    let keys: [Set<UInt64>]
    /// Also try the text's first position, whatever it begins with: the beginnings leave out
    /// alternatives that open with `^`.
    var atTextStart = false
  }

  init?(_ pattern: String, caseInsensitive: Bool) {
    var parser = PatternParser(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
    guard let root = parser.alternation(), parser.index == parser.scalars.count else { return nil }
    guard let program = Program(root) else { return nil }
    self.program = program
    self.caseInsensitive = caseInsensitive
    // Alternatives that only match where the text begins (`(?:^|(?<=[.!?])\s)…`) are tried
    // there alone, so the others' beginnings decide everywhere else.
    let unanchored = Self.withoutTextStart(root)
    // `(?:^|(?<=[.!?\n;:])\s{1,3})…` away from the text's start: the scalar before (past a few
    // spaces) decides before the machine runs, at every space the beginnings list.
    let opensWithBoundary = Self.opensWithWordBoundary(root)
    startCheck = StartCheck(
      wordBoundary: opensWithBoundary, behind: unanchored.flatMap { Self.lookBehindCheck($0.node) },
      behindSkipsTextStart: unanchored?.removed ?? false)
    firstScalars = Self.prefixes(unanchored?.node ?? root, 1, limit: 4096, foldDigits: true).flatMap { beginnings in
      beginnings.contains([]) ? nil : Set(beginnings.map { ScalarKey.fold($0[0]) })
    }
    if let unanchored, unanchored.removed, let prefix = Self.prefix(unanchored.node) {
      start = .prefix(Prefix(lengths: prefix.lengths, keys: prefix.keys, atTextStart: true))
    } else if let prefix = Self.prefix(root) {
      start = .prefix(prefix)
    } else if case .sequence(let parts) = root, case .start? = parts.first {
      start = .textStart
    } else if opensWithBoundary {
      start = .wordBoundary
    } else {
      start = .anywhere
    }
  }

  /// A look-behind every match opens with (away from the text's start), checked on its own:
  /// the scalar before the match, past up to `spaces` spaces, must be one of the ASCII scalars
  /// in `mask`.
  struct BehindCheck: Sendable {
    let mask: (low: UInt64, high: UInt64)
    let spaces: Int

    /// Whether a match may begin at `position`: what the look-behind would find.
    func allows(_ scalars: UnsafeBufferPointer<UInt32>, at position: Int) -> Bool {
      var index = position - 1
      let floor = max(-1, position - 1 - spaces)
      while true {
        guard index >= 0 else { return false }
        let value = scalars[index]
        if value < 128, (value < 64 ? mask.low >> UInt64(value) : mask.high >> UInt64(value - 64)) & 1 == 1 {
          return true
        }
        // Only spaces may stand between: step back over one and look again.
        guard index > floor, ScalarText.isSpace(value) else { return false }
        index -= 1
      }
    }
  }

  /// What a match needs where it begins beyond its first scalars, checked as candidates are
  /// listed, so a position that fails costs no call to the machine (an English answer's every
  /// `i` inside a word, every space not after a sentence's end).
  struct StartCheck: Sendable {
    /// Every match begins where a word begins or ends (`\b` first).
    var wordBoundary = false
    /// The look-behind every match opens with (away from the text's start), checked on its own.
    var behind: BehindCheck?
    /// Alternatives that open with `^` were set aside: at the text's first position the machine
    /// runs whatever `behind` would say.
    var behindSkipsTextStart = false

    /// Whether a match may begin at `position`. `scalars` may be the text's keys: both checks
    /// read only punctuation, spaces and word characters.
    @inline(__always)
    func allows(_ scalars: UnsafeBufferPointer<UInt32>, _ text: ScalarText, at position: Int) -> Bool {
      if wordBoundary, !text.isBoundary(position) { return false }
      if let behind, position > 0 || !behindSkipsTextStart, !behind.allows(scalars, at: position) { return false }
      return true
    }
  }

  let startCheck: StartCheck
  /// The scalars a match can open with, as `Prefix` folds them (`nil`: too many to list).
  let firstScalars: Set<UInt32>?

  /// The check for a pattern that opens with `(?<=[…])` or `(?<=[…]\s{0,k})` of ASCII
  /// punctuation, else `nil` (a look-behind of letters is left to the machine: case folding).
  static func lookBehindCheck(_ node: Node) -> BehindCheck? {
    var first = node
    while case .sequence(let parts) = first, let head = parts.first { first = head }
    guard case .look(let inner, ahead: false, negative: false, _, _) = first else { return nil }
    var before = inner
    var spaces = 0
    if case .sequence(let parts) = inner, parts.count == 2,
      case .repetition(.set(let gap), 0, let most, _) = parts[1], most < 8, gap.isSpaceOnly
    {
      before = parts[0]
      spaces = most
    }
    let members: Set<UInt32>
    switch before {
    case .scalar(let value): members = [value]
    case .set(let set):
      guard let listed = set.enumerable, !set.negated else { return nil }
      members = listed
    default: return nil
    }
    var mask: (low: UInt64, high: UInt64) = (0, 0)
    for value in members {
      // Punctuation and controls only: letters fold with case, digits with `ScalarKey`.
      guard value < 128, !(0x30...0x39).contains(value), !(0x41...0x5A).contains(value),
        !(0x61...0x7A).contains(value), !ScalarText.isSpace(value) || value == 0x0A
      else { return nil }
      if value < 64 { mask.low |= 1 << UInt64(value) } else { mask.high |= 1 << UInt64(value - 64) }
    }
    return BehindCheck(mask: mask, spaces: spaces)
  }

  // MARK: Matching

  /// The compiled program: a backtracking machine over flat instructions (no reference
  /// counting on the hot path), with look-arounds as sub-programs.
  let program: Program

  /// The end of a match starting exactly at `position`, a candidate whose start was checked as
  /// it was listed (`startCheck`), or `nil`. The text's scalars come in buffers: `values` as they
  /// are, `folded` with ASCII case folded (for a role's thousands of candidates, taken out of
  /// their arrays once). `stack` is scratch space for backtracking, passed in so trying
  /// thousands of positions allocates it once.
  func match(
    candidate position: Int, values: UnsafeBufferPointer<UInt32>, folded: UnsafeBufferPointer<UInt32>,
    _ text: ScalarText, stack: inout BacktrackStack
  ) -> Int? {
    program.execute(caseInsensitive ? folded : values, text, at: position, boundaryChecked: true, stack: &stack)
  }

  // MARK: Analysis

  /// Minimum and maximum match lengths; `nil` maximum when unbounded.
  static func lengths(_ node: Node) -> (min: Int, max: Int?)? {
    switch node {
    case .scalar, .set: return (1, 1)
    case .sequence(let parts):
      var low = 0
      var high: Int? = 0
      for part in parts {
        guard let l = lengths(part) else { return nil }
        low += l.min
        high = high.flatMap { h in l.max.map { h + $0 } }
      }
      return (low, high)
    case .alternation(let branches):
      let all = branches.compactMap(lengths)
      guard all.count == branches.count else { return nil }
      let high = all.contains { $0.max == nil } ? nil : all.compactMap(\.max).max()
      return (all.map(\.min).min() ?? 0, high)
    case .repetition(let inner, let min, let max, _):
      guard let l = lengths(inner) else { return nil }
      let high: Int? = max == Int.max ? nil : l.max.map { $0 * max }
      return (l.min * min, high)
    case .look, .wordBoundary, .start, .end: return (0, 0)
    }
  }

  /// The pattern without the alternatives that can match only at the text's first position
  /// (they open with `^`), and whether any were left out; `nil` when every match must begin
  /// there. Only leading alternations are looked into, so what is left is a superset.
  static func withoutTextStart(_ node: Node) -> (node: Node, removed: Bool)? {
    switch node {
    case .start: return nil
    case .alternation(let branches):
      var kept: [Node] = []
      var removed = false
      for branch in branches {
        guard let rest = withoutTextStart(branch) else {
          removed = true
          continue
        }
        kept.append(rest.node)
        removed = removed || rest.removed
      }
      if kept.isEmpty { return nil }
      return (kept.count == 1 ? kept[0] : .alternation(kept), removed)
    case .sequence(let parts):
      guard let first = parts.first else { return (node, false) }
      guard let rest = withoutTextStart(first) else { return nil }
      return rest.removed ? (.sequence([rest.node] + parts.dropFirst()), true) : (node, false)
    default: return (node, false)
    }
  }

  /// Whether every match must begin at a `\b` (past look-arounds before it, which take no
  /// scalars: `(?<!\bat )\b\d…` too).
  static func opensWithWordBoundary(_ node: Node) -> Bool {
    switch node {
    case .wordBoundary(let negated): !negated
    case .sequence(let parts):
      parts.first { if case .look = $0 { false } else { true } }.map(opensWithWordBoundary) ?? false
    case .alternation(let branches): branches.allSatisfy(opensWithWordBoundary)
    default: false
    }
  }

  /// The listable beginnings, up to five scalars, with at most `limit` variants (at most
  /// `longLimit` beyond three scalars: a pattern that opens with many words keeps three-scalar
  /// keys, so the index stays small; one that opens with a few, like "the ", gets longer ones).
  static func prefix(_ root: Node, limit: Int = 2048, longLimit: Int = 256) -> Prefix? {
    for length in stride(from: ScalarKey.maxLength, through: 1, by: -1) {
      let cap = length > 3 ? longLimit : limit
      guard let beginnings = prefixes(root, length, limit: cap, foldDigits: true), !beginnings.isEmpty else {
        continue
      }
      // A match that can be empty decides nothing here.
      guard !beginnings.contains([]) else { return nil }
      var keys = Array(repeating: Set<UInt64>(), count: length)
      for beginning in beginnings {
        keys[beginning.count - 1].insert(ScalarKey.pack(beginning.map(ScalarKey.fold)))
      }
      let lengths = keys.indices.filter { !keys[$0].isEmpty }
      return Prefix(lengths: lengths.map { $0 + 1 }, keys: lengths.map { keys[$0] })
    }
    return nil
  }

  /// Every way a match can begin: sequences of exactly `k` scalars, or shorter ones that are
  /// whole matches. `nil` when they cannot be listed within `limit`.
  /// With `foldDigits`, a class of digits is listed as the one digit `ScalarKey.fold` maps
  /// every decimal digit to.
  static func prefixes(_ node: Node, _ k: Int, limit: Int, foldDigits: Bool = false) -> Set<[UInt32]>? {
    if k == 0 { return [[]] }
    switch node {
    case .scalar(let c): return [[c]]
    case .set(let set):
      guard var members = set.enumerable else { return nil }
      if foldDigits { members = Set(members.map(ScalarKey.fold)) }
      guard members.count <= limit else { return nil }
      return Set(members.map { [$0] })
    case .sequence(let parts): return sequencePrefixes(parts[...], k, limit: limit, foldDigits: foldDigits)
    case .alternation(let branches):
      var result: Set<[UInt32]> = []
      for branch in branches {
        guard let more = prefixes(branch, k, limit: limit, foldDigits: foldDigits) else { return nil }
        result.formUnion(more)
        if result.count > limit { return nil }
      }
      return result
    case .repetition(let inner, let minimum, let maximum, _):
      return repetitionPrefixes(inner, minimum, maximum, k, limit: limit, foldDigits: foldDigits)
    case .look, .wordBoundary, .start, .end: return [[]]
    }
  }

  private static func sequencePrefixes(
    _ parts: ArraySlice<Node>, _ k: Int, limit: Int, foldDigits: Bool
  ) -> Set<[UInt32]>? {
    guard let first = parts.first else { return [[]] }
    guard let heads = prefixes(first, k, limit: limit, foldDigits: foldDigits) else { return nil }
    var result: Set<[UInt32]> = []
    var tails: [Int: Set<[UInt32]>] = [:]
    for head in heads {
      if head.count == k {
        result.insert(head)
        continue
      }
      let remaining = k - head.count
      if tails[remaining] == nil {
        guard let rest = sequencePrefixes(parts.dropFirst(), remaining, limit: limit, foldDigits: foldDigits) else {
          return nil
        }
        tails[remaining] = rest
      }
      for tail in tails[remaining]! { result.insert(head + tail) }
      if result.count > limit { return nil }
    }
    return result
  }

  private static func repetitionPrefixes(
    _ inner: Node, _ minimum: Int, _ maximum: Int, _ k: Int, limit: Int, foldDigits: Bool
  ) -> Set<[UInt32]>? {
    if k == 0 || maximum == 0 { return [[]] }
    // A body that can match nothing would not shorten `k`; such loops are not compiled anyway.
    guard let lengths = lengths(inner), lengths.min > 0,
      let heads = prefixes(inner, k, limit: limit, foldDigits: foldDigits)
    else {
      return nil
    }
    var result: Set<[UInt32]> = minimum == 0 ? [[]] : []
    let nextMaximum = maximum == Int.max ? maximum : maximum - 1
    for head in heads {
      if head.count == k {
        result.insert(head)
        continue
      }
      guard
        let rest = repetitionPrefixes(
          inner, Swift.max(minimum - 1, 0), nextMaximum, k - head.count, limit: limit, foldDigits: foldDigits)
      else { return nil }
      for tail in rest { result.insert(head + tail) }
      if result.count > limit { return nil }
    }
    return result
  }
}

/// The answer's scalars as numbers, with ASCII case folded for case-insensitive patterns and
/// the word-character test `\b` needs.
final class ScalarText: @unchecked Sendable {
  let values: [UInt32]
  let folded: [UInt32]
  private let word: [Bool]
  /// `values` and `folded` with every decimal digit as `0`, for prefix dispatch (`ScalarKey`).
  let keys: [UInt32]
  let foldedKeys: [UInt32]

  init(_ scalars: [Unicode.Scalar]) {
    var values: [UInt32] = []
    var folded: [UInt32] = []
    var word: [Bool] = []
    var keys: [UInt32] = []
    var foldedKeys: [UInt32] = []
    values.reserveCapacity(scalars.count)
    folded.reserveCapacity(scalars.count)
    word.reserveCapacity(scalars.count)
    keys.reserveCapacity(scalars.count)
    foldedKeys.reserveCapacity(scalars.count)
    for scalar in scalars {
      let value = scalar.value
      let lower = (0x41...0x5A).contains(value) ? value + 0x20 : value
      let key = ScalarKey.fold(value)
      values.append(value)
      folded.append(lower)
      word.append(Self.isWordValue(value))
      keys.append(key)
      foldedKeys.append(lower == value ? key : lower)
    }
    self.values = values
    self.folded = folded
    self.word = word
    self.keys = keys
    self.foldedKeys = foldedKeys
  }

  func isWord(_ index: Int) -> Bool { word[index] }

  /// Whether `\b` holds before `index`.
  func isBoundary(_ index: Int) -> Bool {
    (index > 0 && word[index - 1]) != (index < word.count && word[index])
  }

  /// Every scalar with the Unicode `White_Space` property (what `\s` matches).
  static let spaces: Set<UInt32> = Set(
    [0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000] + Array(0x09...0x0D) + [0x20] + Array(0x2000...0x200A))

  /// The Unicode `White_Space` property (what `Character.isWhitespace` tests), without a lookup.
  static func isSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Words in a range as whitespace separates them; with `latinOnly`, only words holding an
  /// ASCII letter count.
  func wordCount(_ range: Range<Int>, latinOnly: Bool = false) -> Int {
    var count = 0
    var inWord = false
    var counted = false
    for index in range.clamped(to: values.indices) {
      let value = values[index]
      if Self.isSpace(value) {
        inWord = false
        continue
      }
      if !inWord {
        inWord = true
        counted = false
      }
      if !counted, !latinOnly || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
        count += 1
        counted = true
      }
    }
    return count
  }

  /// `isWordScalar` with the common cases answered without a Unicode property lookup.
  static func isWordValue(_ value: UInt32) -> Bool {
    switch value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
    case 0...0x7F: return false
    case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF: return true  // kana and kanji are letters
    default: return Unicode.Scalar(value).map(isWordScalar) ?? false
    }
  }

  /// ICU's `\w`: letters, marks, decimal digits, connector punctuation, ZWJ/ZWNJ.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let p = scalar.properties
    if p.isAlphabetic { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
    default: return scalar.value == 0x200C || scalar.value == 0x200D
    }
  }
}

/// A character class: explicit scalars and ranges, plus the `\d`, `\s`, `\w` kinds, maybe negated.
struct ScalarSet {
  var scalars: Set<UInt32> = []
  var ranges: [ClosedRange<UInt32>] = []
  var digit = false
  var space = false
  var word = false
  var dot = false
  var negated = false

  func contains(_ value: UInt32) -> Bool {
    var hit = scalars.contains(value)
    if !hit, !ranges.isEmpty {
      for range in ranges where range.contains(value) {
        hit = true
        break
      }
    }
    if !hit, digit { hit = value < 0x80 ? (0x30...0x39).contains(value) : DecimalDigits.all.contains(value) }
    if !hit, space {
      hit = ScalarText.isSpace(value)
    }
    if !hit, word {
      if value < 0x80 {
        hit =
          (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
          || value == 0x5F
      } else if let scalar = Unicode.Scalar(value) {
        hit = ScalarText.isWordScalar(scalar)
      }
    }
    if !hit, dot {
      hit =
        !(value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C || value == 0x85 || value == 0x2028
        || value == 0x2029)
    }
    return hit != negated
  }

  /// Whether the set is `\s` alone.
  var isSpaceOnly: Bool { space && scalars.isEmpty && ranges.isEmpty && !digit && !word && !dot && !negated }

  /// The scalars in the set when they can be listed; `nil` otherwise.
  var enumerable: Set<UInt32>? {
    if negated || word || dot { return nil }
    var result = scalars
    if space { result.formUnion(ScalarText.spaces) }
    if digit { result.formUnion(DecimalDigits.all) }
    for range in ranges {
      if range.count > 4096 { return nil }
      result.formUnion(range)
    }
    return result
  }
}

/// Up to five scalars as one number, for prefix dispatch (`combine`: the first three exact). Digits are
/// folded to `0` on both sides (patterns and text), so keys find a superset of the matches.
enum ScalarKey {
  static let maxLength = 5

  /// Every decimal digit as `0`: a pattern's `\d` lists one beginning instead of hundreds.
  static func fold(_ value: UInt32) -> UInt32 {
    switch value {
    case 0x30...0x39: 0x30
    case 0...0x7F, 0x3040...0x30FF, 0x4E00...0x9FFF: value
    default: DecimalDigits.all.contains(value) ? 0x30 : value
    }
  }

  static func pack<C: Collection>(_ scalars: C) -> UInt64 where C.Element == UInt32 {
    var key: UInt64 = 0
    for (offset, value) in scalars.enumerated() { key = combine(key, value, offset) }
    return key
  }

  /// The first three scalars are packed exactly (21 bits each); later ones are mixed in, so a
  /// longer key may collide with another: dispatch then tries a pattern that cannot match there.
  /// Each length's key is built on the one before, so one walk over the next five scalars of
  /// an answer gives the keys of every length.
  @inline(__always)
  static func combine(_ key: UInt64, _ value: UInt32, _ offset: Int) -> UInt64 {
    offset < 3
      ? key << 21 | UInt64(value)
      : ((key &* 0x0000_0100_0000_01B3) ^ UInt64(value) &+ 0x9E37_79B9) & 0x7FFF_FFFF_FFFF_FFFF
  }
}

/// Every Unicode decimal digit (what `\\d` matches), found once.
enum DecimalDigits {
  static let all: Set<UInt32> = {
    var digits: Set<UInt32> = []
    for value in UInt32(0x30)...UInt32(0x1FBFF) {
      if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .decimalNumber {
        digits.insert(value)
      }
    }
    return digits
  }()
}

/// Parses the lexicons' regular-expression dialect into `NativePattern.Node`s; `nil` for
/// anything outside it (the pattern then runs on ICU).
struct PatternParser {
  typealias Node = NativePattern.Node
  let scalars: [Unicode.Scalar]
  let caseInsensitive: Bool
  var index = 0

  init(scalars: [Unicode.Scalar], caseInsensitive: Bool) {
    self.scalars = scalars
    self.caseInsensitive = caseInsensitive
  }

  var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  func fold(_ value: UInt32) -> UInt32 {
    caseInsensitive && (0x41...0x5A).contains(value) ? value + 0x20 : value
  }

  mutating func alternation() -> Node? {
    var branches: [Node] = []
    while true {
      guard let branch = sequence() else { return nil }
      branches.append(branch)
      guard current == "|" else { break }
      index += 1
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  mutating func sequence() -> Node? {
    var parts: [Node] = []
    while let c = current, c != "|", c != ")" {
      guard let atom = atom(), let quantified = quantifier(atom) else { return nil }
      parts.append(quantified)
    }
    return parts.count == 1 ? parts[0] : .sequence(parts)
  }

  mutating func atom() -> Node? {
    guard let c = current else { return nil }
    index += 1
    switch c {
    case "(":
      var look: (ahead: Bool, negative: Bool)?
      if current == "?" {
        index += 1
        switch current {
        case ":": index += 1
        case "=": index += 1; look = (true, false)
        case "!": index += 1; look = (true, true)
        case "<":
          index += 1
          switch current {
          case "=": index += 1; look = (false, false)
          case "!": index += 1; look = (false, true)
          default: return nil
          }
        default: return nil
        }
      }
      guard let inner = alternation(), current == ")" else { return nil }
      index += 1
      guard let look else { return inner }
      var minLength = 0
      var maxLength = 0
      if !look.ahead {
        guard let lengths = NativePattern.lengths(inner), let high = lengths.max else { return nil }
        minLength = lengths.min
        maxLength = high
      }
      return .look(inner, ahead: look.ahead, negative: look.negative, minLength: minLength, maxLength: maxLength)
    case "[": return characterClass()
    case "\\": return escape(inClass: false).map { $0 }
    case "^": return .start
    case "$": return .end
    case ".":
      var set = ScalarSet()
      set.dot = true
      return .set(set)
    case ")", "|", "?", "*", "+", "{", "}", "]": return nil
    default: return .scalar(fold(c.value))
    }
  }

  /// An escape after the backslash: a class shorthand, an anchor, or a literal.
  mutating func escape(inClass: Bool) -> Node? {
    guard let e = current else { return nil }
    index += 1
    var set = ScalarSet()
    switch e {
    case "b": return inClass ? nil : .wordBoundary(negated: false)
    case "B": return inClass ? nil : .wordBoundary(negated: true)
    case "d": set.digit = true; return .set(set)
    case "s": set.space = true; return .set(set)
    case "w": set.word = true; return .set(set)
    case "D": set.digit = true; set.negated = true; return .set(set)
    case "S": set.space = true; set.negated = true; return .set(set)
    case "W": set.word = true; set.negated = true; return .set(set)
    case "n": return .scalar(0x0A)
    case "t": return .scalar(0x09)
    case "r": return .scalar(0x0D)
    default:
      if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
      return .scalar(fold(e.value))
    }
  }

  mutating func characterClass() -> Node? {
    var set = ScalarSet()
    if current == "^" {
      set.negated = true
      index += 1
    }
    var first = true
    while let c = current, c != "]" || first {
      first = false
      index += 1
      var low: UInt32
      if c == "\\" {
        guard let node = escape(inClass: true) else { return nil }
        switch node {
        case .scalar(let v): low = v
        case .set(let shorthand):
          guard !shorthand.negated else { return nil }
          set.digit = set.digit || shorthand.digit
          set.space = set.space || shorthand.space
          set.word = set.word || shorthand.word
          continue
        default: return nil
        }
      } else {
        if c == "[" { return nil }
        low = c.value
      }
      if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
        index += 1
        guard let high = current?.value else { return nil }
        index += 1
        if high == 0x5C { return nil }
        if caseInsensitive, low <= 0x5A, high >= 0x41 {
          // An uppercase range also covers its lowercase twin.
          set.ranges.append(max(low, 0x41) + 0x20...min(high, 0x5A) + 0x20)
        }
        if high < low { return nil }
        set.ranges.append(low...high)
      } else {
        set.scalars.insert(fold(low))
      }
    }
    guard current == "]" else { return nil }
    index += 1
    return .set(set)
  }

  mutating func quantifier(_ atom: Node) -> Node? {
    guard let q = current else { return atom }
    var minimum = 0
    var maximum = Int.max
    switch q {
    case "?": maximum = 1; index += 1
    case "*": index += 1
    case "+": minimum = 1; index += 1
    case "{":
      var j = index + 1
      var low = ""
      while j < scalars.count, scalars[j].properties.numericType != nil {
        low.unicodeScalars.append(scalars[j]); j += 1
      }
      guard let m = Int(low) else { return nil }
      minimum = m
      maximum = m
      if j < scalars.count, scalars[j] == "," {
        j += 1
        var high = ""
        while j < scalars.count, scalars[j].properties.numericType != nil {
          high.unicodeScalars.append(scalars[j]); j += 1
        }
        maximum = high.isEmpty ? Int.max : (Int(high) ?? Int.max)
      }
      guard j < scalars.count, scalars[j] == "}" else { return nil }
      index = j + 1
    default: return atom
    }
    var lazy = false
    if current == "?" {
      lazy = true
      index += 1
    } else if current == "+" {
      return nil  // possessive: not in the dialect
    }
    switch atom {
    case .look, .wordBoundary, .start, .end: return nil
    default: return .repetition(atom, min: minimum, max: maximum, lazy: lazy)
    }
  }
}
