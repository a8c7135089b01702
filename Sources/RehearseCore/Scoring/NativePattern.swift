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

  let caseInsensitive: Bool
  /// The scalars a non-empty match can start with; `nil` when any may.
  let first: Set<UInt32>?
  /// Whether the pattern begins with `^` (only position 0 can match).
  let anchoredAtStart: Bool

  init?(_ pattern: String, caseInsensitive: Bool) {
    var parser = PatternParser(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
    guard let root = parser.alternation(), parser.index == parser.scalars.count else { return nil }
    guard let program = Program(root) else { return nil }
    self.program = program
    self.caseInsensitive = caseInsensitive
    let (firstSet, canBeEmpty) = Self.firstSet(root)
    first = canBeEmpty ? nil : firstSet
    if case .sequence(let parts) = root, case .start? = parts.first {
      anchoredAtStart = true
    } else if case .start = root {
      anchoredAtStart = true
    } else {
      anchoredAtStart = false
    }
  }

  // MARK: Matching

  /// The compiled program: a backtracking machine over flat instructions (no reference
  /// counting on the hot path), with look-arounds as sub-programs.
  let program: Program

  /// The end of a match starting exactly at `position`, or `nil`. `stack` is scratch space for
  /// backtracking, passed in so trying thousands of positions allocates it once.
  func match(_ text: ScalarText, at position: Int, stack: inout [(Int, Int)]) -> Int? {
    program.execute(caseInsensitive ? text.folded : text.values, text, at: position, stack: &stack)
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
    word = values.map(ScalarText.isWordValue)
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
    // Walk whichever is shorter: the pattern's first scalars or the answer's distinct ones.
    if first.count <= positions.count {
      for scalar in first {
        result += positions[scalar] ?? []
        // A case-insensitive pattern's lowercase letter also starts at the uppercase one.
        if pattern.caseInsensitive { result += foldedPositions[scalar] ?? [] }
      }
    } else {
      for (scalar, places) in positions where first.contains(scalar) { result += places }
      if pattern.caseInsensitive {
        for (scalar, places) in foldedPositions where first.contains(scalar) { result += places }
      }
    }
    result.sort()
    return result
  }

  func isWord(_ index: Int) -> Bool { word[index] }

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
      hit =
        value < 0x80
        ? (value == 0x20 || (0x09...0x0D).contains(value)) : (Unicode.Scalar(value)?.properties.isWhitespace ?? false)
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

  /// The scalars in the set when they can be listed; `nil` otherwise.
  var enumerable: Set<UInt32>? {
    if negated || space || word || dot { return nil }
    var result = scalars
    if digit { result.formUnion(DecimalDigits.all) }
    for range in ranges {
      if range.count > 4096 { return nil }
      result.formUnion(range)
    }
    return result
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

/// A pattern compiled to flat instructions for a backtracking machine.
struct Program {
  enum Op: UInt8 {
    case scalar, set, split, jump, runScalar, runSet, boundary, notBoundary, start, end, look, match
  }

  struct Instruction {
    var op: Op
    /// scalar value, set index, preferred branch, jump target, look index
    var a: Int = 0
    /// other branch (split), minimum (runs)
    var b: Int = 0
    /// maximum (runs)
    var c: Int = 0
    var lazy = false
  }

  struct Look {
    var program: [Instruction]
    var ahead: Bool
    var negative: Bool
    var minLength: Int
    var maxLength: Int
  }

  private(set) var code: [Instruction] = []
  private(set) var sets: [ScalarSet] = []
  private(set) var looks: [Look] = []

  init?(_ root: NativePattern.Node) {
    guard let main = compile(root) else { return nil }
    code = main + [Instruction(op: .match)]
  }

  /// Compiles a node to instructions whose targets are relative to the start of the result.
  private mutating func compile(_ node: NativePattern.Node) -> [Instruction]? {
    switch node {
    case .scalar(let c): return [Instruction(op: .scalar, a: Int(c))]
    case .set(let set):
      sets.append(set)
      return [Instruction(op: .set, a: sets.count - 1)]
    case .sequence(let parts):
      var out: [Instruction] = []
      for part in parts {
        guard let piece = compile(part) else { return nil }
        out += Self.shift(piece, by: out.count)
      }
      return out
    case .alternation(let branches):
      // split(L1, next); L1: b1; jump End; next: split(L2, next2); … last: bn
      var pieces: [[Instruction]] = []
      for branch in branches {
        guard let piece = compile(branch) else { return nil }
        pieces.append(piece)
      }
      var out: [Instruction] = []
      var jumps: [Int] = []
      for (index, piece) in pieces.enumerated() {
        if index < pieces.count - 1 {
          let split = out.count
          out.append(Instruction(op: .split))
          out += Self.shift(piece, by: out.count)
          jumps.append(out.count)
          out.append(Instruction(op: .jump))
          out[split].a = split + 1
          out[split].b = out.count
        } else {
          out += Self.shift(piece, by: out.count)
        }
      }
      for jump in jumps { out[jump].a = out.count }
      return out
    case .repetition(let inner, let minimum, let maximum, let lazy):
      switch inner {
      case .scalar(let c):
        return [Instruction(op: .runScalar, a: Int(c), b: minimum, c: maximum, lazy: lazy)]
      case .set(let set):
        sets.append(set)
        return [Instruction(op: .runSet, a: sets.count - 1, b: minimum, c: maximum, lazy: lazy)]
      default: break
      }
      guard let body = compile(inner), let lengths = NativePattern.lengths(inner) else { return nil }
      var out: [Instruction] = []
      for _ in 0..<minimum { out += Self.shift(body, by: out.count) }
      if maximum == Int.max {
        // A loop whose body can be empty would never end; ICU guards that, we decline.
        guard lengths.min > 0 else { return nil }
        let top = out.count
        out.append(Instruction(op: .split))
        out += Self.shift(body, by: out.count)
        out.append(Instruction(op: .jump, a: top))
        let exit = out.count
        out[top].a = lazy ? exit : top + 1
        out[top].b = lazy ? top + 1 : exit
      } else {
        guard maximum - minimum <= 16 else { return nil }
        var splits: [Int] = []
        for _ in 0..<(maximum - minimum) {
          splits.append(out.count)
          out.append(Instruction(op: .split))
          out += Self.shift(body, by: out.count)
        }
        let exit = out.count
        for split in splits {
          out[split].a = lazy ? exit : split + 1
          out[split].b = lazy ? split + 1 : exit
        }
      }
      return out
    case .look(let inner, let ahead, let negative, let minLength, let maxLength):
      guard let body = compile(inner) else { return nil }
      looks.append(
        Look(
          program: body + [Instruction(op: .match)], ahead: ahead, negative: negative, minLength: minLength,
          maxLength: maxLength))
      return [Instruction(op: .look, a: looks.count - 1)]
    case .wordBoundary(let negated): return [Instruction(op: negated ? .notBoundary : .boundary)]
    case .start: return [Instruction(op: .start)]
    case .end: return [Instruction(op: .end)]
    }
  }

  /// Moves a compiled piece's branch targets by `offset`.
  private static func shift(_ piece: [Instruction], by offset: Int) -> [Instruction] {
    guard offset != 0 else { return piece }
    return piece.map { instruction in
      var moved = instruction
      switch instruction.op {
      case .split:
        moved.a += offset
        moved.b += offset
      case .jump: moved.a += offset
      default: break
      }
      return moved
    }
  }

  func execute(_ s: [UInt32], _ text: ScalarText, at start: Int, stack: inout [(Int, Int)]) -> Int? {
    stack.removeAll(keepingCapacity: true)
    return run(code, s, text, start, nil, &stack)
  }

  /// Runs `code` from `start`; backtracking entries go on `stack` above where it was, and are
  /// gone again on return (look-arounds run nested on the same stack).
  private func run(
    _ code: [Instruction], _ s: [UInt32], _ text: ScalarText, _ start: Int, _ requiredEnd: Int?,
    _ stack: inout [(Int, Int)]
  ) -> Int? {
    let base = stack.count
    defer { stack.removeSubrange(base...) }
    var pc = 0
    var i = start
    let n = s.count
    while true {
      let instruction = code[pc]
      var ok = true
      switch instruction.op {
      case .scalar:
        if i < n, s[i] == UInt32(instruction.a) { i += 1; pc += 1 } else { ok = false }
      case .set:
        if i < n, sets[instruction.a].contains(s[i]) { i += 1; pc += 1 } else { ok = false }
      case .split:
        stack.append((instruction.b, i))
        pc = instruction.a
      case .jump:
        pc = instruction.a
      case .runScalar, .runSet:
        var count = 0
        let limit = instruction.c
        if instruction.op == .runScalar {
          let c = UInt32(instruction.a)
          while count < limit, i + count < n, s[i + count] == c { count += 1 }
        } else {
          while count < limit, i + count < n, sets[instruction.a].contains(s[i + count]) { count += 1 }
        }
        let minimum = instruction.b
        if count < minimum {
          ok = false
        } else if instruction.lazy {
          if count > minimum {
            for length in stride(from: count, to: minimum, by: -1) { stack.append((pc + 1, i + length)) }
          }
          i += minimum
          pc += 1
        } else {
          if count > minimum { for length in minimum..<count { stack.append((pc + 1, i + length)) } }
          i += count
          pc += 1
        }
      case .boundary, .notBoundary:
        let before = i > 0 && text.isWord(i - 1)
        let after = i < n && text.isWord(i)
        if (before != after) == (instruction.op == .boundary) { pc += 1 } else { ok = false }
      case .start:
        if i == 0 { pc += 1 } else { ok = false }
      case .end:
        if i == n || (i == n - 1 && s[i] == 0x0A) { pc += 1 } else { ok = false }
      case .look:
        let look = looks[instruction.a]
        var found = false
        if look.ahead {
          found = run(look.program, s, text, i, nil, &stack) != nil
        } else {
          var length = Swift.min(look.maxLength, i)
          while length >= look.minLength, !found {
            found = run(look.program, s, text, i - length, i, &stack) != nil
            length -= 1
          }
        }
        if found != look.negative { pc += 1 } else { ok = false }
      case .match:
        if requiredEnd == nil || i == requiredEnd { return i }
        ok = false
      }
      if !ok {
        guard stack.count > base, let (nextPC, nextI) = stack.popLast() else { return nil }
        pc = nextPC
        i = nextI
      }
    }
  }
}
