/// A matcher for the regular-expression dialect the lexicons use, run directly on the answer's
/// Unicode scalars. ICU through Foundation costs tens of microseconds per expression per answer
/// even when nothing matches; this dispatches on each pattern's possible first characters and
/// backtracks only where a match can start. It follows ICU's semantics (ordered alternation,
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

  let root: Node
  let caseInsensitive: Bool
  /// The scalars a non-empty match can start with; `nil` when any may.
  let first: Set<UInt32>?
  /// Whether the pattern begins with `^` (only position 0 can match).
  let anchoredAtStart: Bool

  init?(_ pattern: String, caseInsensitive: Bool) {
    var parser = PatternParser(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
    guard let root = parser.alternation(), parser.index == parser.scalars.count else { return nil }
    self.root = root
    self.caseInsensitive = caseInsensitive
    let (firstSet, canBeEmpty) = Self.firstSet(root)
    first = canBeEmpty ? nil : firstSet
    if case .sequence(let parts) = root, case .start? = parts.first { anchoredAtStart = true } else if case .start = root {
      anchoredAtStart = true
    } else {
      anchoredAtStart = false
    }
  }

  // MARK: Matching

  /// The end of a match starting exactly at `position`, or `nil`.
  func match(_ text: ScalarText, at position: Int) -> Int? {
    let s = caseInsensitive ? text.folded : text.values
    return Self.run(root, s, text, position) { $0 }
  }

  private static func run(_ node: Node, _ s: [UInt32], _ text: ScalarText, _ i: Int, _ k: (Int) -> Int?) -> Int? {
    switch node {
    case .scalar(let c):
      return i < s.count && s[i] == c ? k(i + 1) : nil
    case .set(let set):
      return i < s.count && set.contains(s[i]) ? k(i + 1) : nil
    case .sequence(let parts):
      return runSequence(parts[...], s, text, i, k)
    case .alternation(let branches):
      for branch in branches {
        if let end = run(branch, s, text, i, k) { return end }
      }
      return nil
    case .repetition(let inner, let min, let max, let lazy):
      if let single = singleScalar(inner) {
        // A run of one-character steps: count it, then try lengths without recursion.
        var n = 0
        while n < max, i + n < s.count, single(s[i + n]) { n += 1 }
        guard n >= min else { return nil }
        if lazy {
          for length in min...n { if let end = k(i + length) { return end } }
        } else {
          for length in stride(from: n, through: min, by: -1) { if let end = k(i + length) { return end } }
        }
        return nil
      }
      return repeatGeneral(inner, min, max, lazy, s, text, i, 0, k)
    case .look(let inner, let ahead, let negative, let minLength, let maxLength):
      let found: Bool
      if ahead {
        found = run(inner, s, text, i, { $0 }) != nil
      } else {
        var matched = false
        for length in stride(from: Swift.min(maxLength, i), through: minLength, by: -1) where !matched {
          matched = run(inner, s, text, i - length, { $0 == i ? $0 : nil }) != nil
        }
        found = matched
      }
      return found != negative ? k(i) : nil
    case .wordBoundary(let negated):
      let before = i > 0 && text.isWord(i - 1)
      let after = i < s.count && text.isWord(i)
      return (before != after) != negated ? k(i) : nil
    case .start:
      return i == 0 ? k(i) : nil
    case .end:
      let atEnd = i == s.count || (i == s.count - 1 && s[i] == 0x0A)
      return atEnd ? k(i) : nil
    }
  }

  private static func runSequence(_ parts: ArraySlice<Node>, _ s: [UInt32], _ text: ScalarText, _ i: Int, _ k: (Int) -> Int?) -> Int? {
    guard let first = parts.first else { return k(i) }
    return run(first, s, text, i) { next in runSequence(parts.dropFirst(), s, text, next, k) }
  }

  private static func repeatGeneral(
    _ inner: Node, _ min: Int, _ max: Int, _ lazy: Bool, _ s: [UInt32], _ text: ScalarText, _ i: Int, _ count: Int,
    _ k: (Int) -> Int?
  ) -> Int? {
    func more() -> Int? {
      guard count < max else { return nil }
      return run(inner, s, text, i) { next in
        // An empty iteration cannot make progress (ICU stops such loops too).
        next == i && count >= min ? nil : repeatGeneral(inner, min, max, lazy, s, text, next, count + 1, k)
      }
    }
    if count < min { return more() }
    if lazy { return k(i) ?? more() }
    return more() ?? k(i)
  }

  private static func singleScalar(_ node: Node) -> ((UInt32) -> Bool)? {
    switch node {
    case .scalar(let c): return { $0 == c }
    case .set(let set): return { set.contains($0) }
    default: return nil
    }
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

  /// The scalars a match can start with, and whether the node can match the empty string.
  static func firstSet(_ node: Node) -> (Set<UInt32>?, Bool) {
    switch node {
    case .scalar(let c): return ([c], false)
    case .set(let set): return (set.enumerable, false)
    case .sequence(let parts):
      var result: Set<UInt32> = []
      for part in parts {
        let (set, empty) = firstSet(part)
        guard let set else { return (nil, false) }
        result.formUnion(set)
        if !empty { return (result, false) }
      }
      return (result, true)
    case .alternation(let branches):
      var result: Set<UInt32> = []
      var empty = false
      for branch in branches {
        let (set, canBeEmpty) = firstSet(branch)
        guard let set else { return (nil, canBeEmpty || empty) }
        result.formUnion(set)
        empty = empty || canBeEmpty
      }
      return (result, empty)
    case .repetition(let inner, let min, _, _):
      let (set, empty) = firstSet(inner)
      return (set, empty || min == 0)
    case .look, .wordBoundary, .start, .end: return ([], true)
    }
  }
}

/// The answer's scalars as numbers, with ASCII case folded for case-insensitive patterns and
/// the word-character test `\b` needs.
final class ScalarText: @unchecked Sendable {
  let values: [UInt32]
  let folded: [UInt32]
  private let word: [Bool]
  /// Positions of each scalar, as typed and case-folded, for jumping to where a pattern can start.
  let positions: [UInt32: [Int]]
  let foldedPositions: [UInt32: [Int]]

  init(_ scalars: [Unicode.Scalar]) {
    values = scalars.map(\.value)
    folded = values.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    word = scalars.map(ScalarText.isWordScalar)
    var positions: [UInt32: [Int]] = [:]
    var foldedPositions: [UInt32: [Int]] = [:]
    for index in values.indices {
      positions[values[index], default: []].append(index)
      if folded[index] != values[index] { foldedPositions[folded[index], default: []].append(index) }
    }
    self.positions = positions
    self.foldedPositions = foldedPositions
  }

  /// Where a match of `pattern` may start, in order; `nil` when anywhere.
  func starts(of pattern: NativePattern) -> [Int]? {
    if pattern.anchoredAtStart { return values.isEmpty ? [] : [0] }
    guard let first = pattern.first else { return nil }
    var result: [Int] = []
    for scalar in first {
      result += positions[scalar] ?? []
      // A case-insensitive pattern's lowercase letter also starts at the uppercase one.
      if pattern.caseInsensitive { result += foldedPositions[scalar] ?? [] }
    }
    result.sort()
    return result
  }

  func isWord(_ index: Int) -> Bool { word[index] }

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
    var hit = scalars.contains(value) || ranges.contains { $0.contains(value) }
    if !hit, digit || space || word || dot, let scalar = Unicode.Scalar(value) {
      if digit, scalar.properties.generalCategory == .decimalNumber { hit = true }
      if space, scalar.properties.isWhitespace { hit = true }
      if word, ScalarText.isWordScalar(scalar) { hit = true }
      if dot, !(value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C || value == 0x85 || value == 0x2028 || value == 0x2029) { hit = true }
    }
    return hit != negated
  }

  /// The scalars in the set when they are few enough to list; `nil` otherwise.
  var enumerable: Set<UInt32>? {
    if negated || space || word || dot { return nil }
    var result = scalars
    if digit { result.formUnion((0x30...0x39).map { UInt32($0) }) }
    for range in ranges {
      if range.count > 256 { return nil }
      result.formUnion(range)
    }
    // \d also matches non-ASCII decimal digits; NFKC folds the common ones, the rest are rare
    // enough that a `nil` here would only cost time, so list the ASCII ones and mark digits
    // as unlistable only when the set is negated (handled above).
    return digit ? nil : result
  }
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
      while j < scalars.count, scalars[j].properties.numericType != nil { low.unicodeScalars.append(scalars[j]); j += 1 }
      guard let m = Int(low) else { return nil }
      minimum = m
      maximum = m
      if j < scalars.count, scalars[j] == "," {
        j += 1
        var high = ""
        while j < scalars.count, scalars[j].properties.numericType != nil { high.unicodeScalars.append(scalars[j]); j += 1 }
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
