/// Works out, for a regular expression of the lexicons' dialect, a set of literal strings at
/// least one of which every match must contain. The scorer skips an expression when none of
/// them occurs in the answer, which is most of the time: ICU costs tens of microseconds per
/// expression per answer even when nothing matches.
///
/// The analysis is conservative: anything it does not understand (a character class, `.`,
/// `\w`, a back-reference) gives "no requirement", and the expression always runs.
enum RequiredLiterals {
  /// The literals (lowercased when `caseInsensitive`), or `nil` when the pattern cannot be gated.
  static func of(_ pattern: String, caseInsensitive: Bool) -> [String]? {
    var parser = Parser(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
    guard let node = parser.alternation(), parser.index == parser.scalars.count else { return nil }
    guard let set = node.required, !set.isEmpty, !set.contains(where: \.isEmpty) else { return nil }
    return Array(Set(set)).sorted()
  }

  /// What a sub-expression guarantees about its matches.
  struct Node {
    /// Each match is exactly one of these strings (a pure literal, or an alternation of them).
    var exact: [String]?
    /// Each match contains at least one of these strings.
    var required: [String]?
    /// Can match the empty string (an optional part, a lookaround, an anchor).
    var canBeEmpty: Bool
  }

  struct Parser {
    let scalars: [Unicode.Scalar]
    let caseInsensitive: Bool
    var index = 0

    init(scalars: [Unicode.Scalar], caseInsensitive: Bool) {
      self.scalars = scalars
      self.caseInsensitive = caseInsensitive
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func alternation() -> Node? {
      var branches: [Node] = []
      while true {
        guard let branch = sequence() else { return nil }
        branches.append(branch)
        if current == "|" {
          index += 1
          continue
        }
        break
      }
      if branches.count == 1 { return branches[0] }
      let canBeEmpty = branches.contains { $0.canBeEmpty }
      var exact: [String]? = []
      var required: [String]? = []
      for branch in branches {
        if let e = branch.exact, exact != nil { exact! += e } else { exact = nil }
        if let r = branch.required, required != nil, !branch.canBeEmpty { required! += r } else { required = nil }
      }
      return Node(exact: exact, required: canBeEmpty ? nil : required, canBeEmpty: canBeEmpty)
    }

    /// A concatenation: adjacent exact parts are joined into longer literals; the node requires
    /// the best of its parts' requirements.
    mutating func sequence() -> Node? {
      var parts: [Node] = []
      while let c = current, c != "|", c != ")" {
        guard var atom = atom() else { return nil }
        guard let quantified = quantifier(&atom) else { return nil }
        parts.append(quantified)
      }
      if parts.isEmpty { return Node(exact: [""], required: nil, canBeEmpty: true) }
      // Join runs of exact parts (capped, so alternations do not explode).
      var candidates: [[String]] = []
      var run: [String]? = nil
      var wholeExact: [String]? = [""]
      for part in parts {
        if let e = part.exact, !part.canBeEmpty || e == [""] {
          if e == [""] { continue }
          let joined = (run ?? [""]).flatMap { prefix in e.map { prefix + $0 } }
          run = joined.count <= 64 ? joined : e
          if let w = wholeExact {
            let all = w.flatMap { prefix in e.map { prefix + $0 } }
            wholeExact = all.count <= 64 ? all : nil
          }
        } else {
          if let r = run { candidates.append(r) }
          run = nil
          wholeExact = nil
          if let r = part.required, !part.canBeEmpty { candidates.append(r) }
        }
      }
      if let r = run { candidates.append(r) }
      let canBeEmpty = parts.allSatisfy { $0.canBeEmpty }
      // Prefer the candidate whose shortest literal is longest, then the fewest literals.
      let best = candidates.max { a, b in
        let la = a.map { $0.unicodeScalars.count }.min() ?? 0
        let lb = b.map { $0.unicodeScalars.count }.min() ?? 0
        return la != lb ? la < lb : a.count > b.count
      }
      return Node(exact: wholeExact, required: canBeEmpty ? nil : best, canBeEmpty: canBeEmpty)
    }

    mutating func atom() -> Node? {
      guard let c = current else { return nil }
      index += 1
      switch c {
      case "(":
        var lookaround = false
        if current == "?" {
          index += 1
          switch current {
          case ":": index += 1
          case "=", "!": index += 1; lookaround = true
          case "<":
            index += 1
            guard current == "=" || current == "!" else { return nil }
            index += 1
            lookaround = true
          default: return nil
          }
        }
        guard let inner = alternation(), current == ")" else { return nil }
        index += 1
        return lookaround ? Node(exact: [""], required: nil, canBeEmpty: true) : inner
      case "[":
        // Skip the class; it constrains nothing we can use.
        if current == "^" { index += 1 }
        if current == "]" { index += 1 }
        while let d = current, d != "]" {
          index += d == "\\" ? 2 : 1
        }
        guard current == "]" else { return nil }
        index += 1
        return Node(exact: nil, required: nil, canBeEmpty: false)
      case "\\":
        guard let e = current else { return nil }
        index += 1
        switch e {
        case "b", "B": return Node(exact: [""], required: nil, canBeEmpty: true)
        case "d", "D", "s", "S", "w", "W": return Node(exact: nil, required: nil, canBeEmpty: false)
        case "n": return literal("\n")
        case "t": return literal("\t")
        default:
          if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
          return literal(e)
        }
      case "^", "$": return Node(exact: [""], required: nil, canBeEmpty: true)
      case ".": return Node(exact: nil, required: nil, canBeEmpty: false)
      case ")", "|", "?", "*", "+", "{": return nil
      default: return literal(c)
      }
    }

    func literal(_ c: Unicode.Scalar) -> Node {
      var s = String(c)
      if caseInsensitive { s = s.lowercased() }
      return Node(exact: [s], required: [s], canBeEmpty: false)
    }

    /// Applies a following quantifier: optional parts can be empty; repeated parts keep their
    /// requirement but are no longer exact.
    mutating func quantifier(_ atom: inout Node) -> Node? {
      guard let q = current else { return atom }
      var minimum = 1
      var isQuantified = true
      switch q {
      case "?": minimum = 0; index += 1
      case "*": minimum = 0; index += 1
      case "+": minimum = 1; index += 1
      case "{":
        var digits = ""
        var j = index + 1
        while j < scalars.count, scalars[j].properties.numericType != nil {
          digits.unicodeScalars.append(scalars[j]); j += 1
        }
        guard let m = Int(digits) else { return nil }
        while j < scalars.count, scalars[j] != "}" { j += 1 }
        guard j < scalars.count else { return nil }
        index = j + 1
        minimum = m
      default: isQuantified = false
      }
      guard isQuantified else { return atom }
      if current == "?" || current == "+" { index += 1 }  // lazy or possessive
      if minimum == 0 { return Node(exact: nil, required: nil, canBeEmpty: true) }
      return Node(exact: nil, required: atom.required, canBeEmpty: atom.canBeEmpty)
    }
  }
}

/// Which short character sequences occur in an answer, so a literal that cannot occur is
/// ruled out in a few set lookups. A "maybe" is confirmed by running the expression.
struct LiteralIndex {
  private var singles: Set<UInt32> = []
  private var pairs: Set<UInt64> = []

  /// `scalars` are the normalised answer; ASCII letters are folded to lowercase, as the
  /// case-insensitive lexicon's literals are.
  init(_ scalars: [Unicode.Scalar]) {
    var previous: UInt32?
    singles.reserveCapacity(256)
    pairs.reserveCapacity(scalars.count)
    for scalar in scalars {
      var value = scalar.value
      if (0x41...0x5A).contains(value) { value += 0x20 }
      singles.insert(value)
      if let previous { pairs.insert(UInt64(previous) << 32 | UInt64(value)) }
      previous = value
    }
  }

  func mayContain(_ literal: [UInt32]) -> Bool {
    guard let first = literal.first else { return true }
    guard literal.count > 1 else { return singles.contains(first) }
    for i in 1..<literal.count where !pairs.contains(UInt64(literal[i - 1]) << 32 | UInt64(literal[i])) {
      return false
    }
    return true
  }
}
