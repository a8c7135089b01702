/// A pattern compiled to flat instructions for a backtracking machine.
///
/// Two instructions keep the step count low on the lexicons' long word lists: `literal`
/// compares a run of scalars at once, and `branch` picks, by the next scalar, only the
/// alternatives that can match there (in their order, so ICU's ordered alternation holds),
/// instead of a chain of splits that tries every word in turn.
struct Program {
  enum Op: UInt8 {
    case scalar, literal, set, branch, split, jump, runScalar, runSet, boundary, notBoundary, start, end, look, match
  }

  /// 16 bytes: operands are stored in 32 bits (scalar values, indices and counts all fit; an
  /// unbounded run's maximum is kept as `Int32.max`), so a lexicon's thousands of programs stay
  /// small (issue 13's memory budget).
  struct Instruction {
    var op: Op
    var lazy: Bool
    /// For a run with a choice of lengths: 1 + the index in `follows` of the scalars what comes
    /// after it can begin with; 0 when anything can follow.
    var follow: UInt16 = 0
    private var storedA: Int32
    private var storedB: Int32
    private var storedC: Int32

    init(op: Op, a: Int = 0, b: Int = 0, c: Int = 0, lazy: Bool = false) {
      self.op = op
      self.lazy = lazy
      storedA = Int32(clamping: a)
      storedB = Int32(clamping: b)
      storedC = Int32(clamping: c)
    }

    /// scalar value, literal start, set index, branch table index, preferred branch, jump
    /// target, look index
    var a: Int {
      @inline(__always) get { Int(storedA) }
      set { storedA = Int32(clamping: newValue) }
    }
    /// other branch (split), minimum (runs), literal length
    var b: Int {
      @inline(__always) get { Int(storedB) }
      set { storedB = Int32(clamping: newValue) }
    }
    /// maximum (runs)
    var c: Int {
      @inline(__always) get { Int(storedC) }
      set { storedC = Int32(clamping: newValue) }
    }
  }

  /// A look-around: its code follows the main program in `code`, from `entry`.
  struct Look {
    var entry: Int
    var ahead: Bool
    var negative: Bool
    var minLength: Int
    var maxLength: Int
  }

  /// One alternation's alternatives, by the scalar they can begin with: alternative numbers
  /// in order under the key `table << 21 | scalar` in `branchKeys`, else (another scalar, or
  /// the end of the text) the ones that can be empty or begin with anything, in
  /// `branchFallback`. Where each alternative's code starts, relative to the `branch`
  /// instruction (so copies of a compiled piece share the table), is in `branchOffsets`.
  struct Branch {
    var offsets: Int
    var fallbackStart: Int
    var fallbackCount: Int
    /// Bit `scalar & 63` for every scalar under which `branchKeys` lists alternatives: most
    /// scalars the machine meets at a branch begin none of them, and this says so without a
    /// lookup.
    var firsts: UInt64
  }

  // Side tables are flat arrays of plain values, so the machine reads them without reference
  // counting.
  private(set) var code: [Instruction] = []
  private(set) var sets: [CompiledSet] = []
  private(set) var literalPool: [UInt32] = []
  private(set) var branches: [Branch] = []
  private(set) var branchOffsets: [Int] = []
  private(set) var branchFallback: [Int32] = []
  private var branchLists: [UInt64: [Int32]] = [:]
  private(set) var branchKeys = KeyTable([:])
  private(set) var looks: [Look] = []
  /// Bit `scalar & 63` of every scalar that can begin what follows a run (see `follow`): a run
  /// of `[^。、]{1,20}` before `にし` stops only where the next scalar may begin `に`, instead of
  /// handing every length it could take to the rest of the pattern.
  private(set) var follows: [UInt64] = []
  /// While compiling: the same bits for each set, `nil` when it cannot be listed.
  private var setMasks: [UInt64?] = []

  init?(_ root: NativePattern.Node) {
    var lookBodies: [[Instruction]] = []
    guard let main = compile(root, lookBodies: &lookBodies) else { return nil }
    code = main + [Instruction(op: .match)]
    for (index, body) in lookBodies.enumerated() {
      looks[index].entry = code.count
      code += Self.shift(body, by: code.count) + [Instruction(op: .match)]
    }
    branchKeys = KeyTable(branchLists)
    branchLists = [:]
    addFollows()
    setMasks = []
  }

  /// Gives each run that can take more than one length the scalars its continuation can begin
  /// with, when they are fewer than all.
  private mutating func addFollows() {
    var memo: [Int: UInt64?] = [:]
    for pc in code.indices where code[pc].op == .runScalar || code[pc].op == .runSet {
      guard code[pc].c > code[pc].b, follows.count < Int(UInt16.max) - 1 else { continue }
      guard let mask = firstMask(pc + 1, memo: &memo, depth: 0), mask != ~0 else { continue }
      follows.append(mask)
      code[pc].follow = UInt16(follows.count)
    }
  }

  /// Bit `scalar & 63` of every scalar a match of the code from `pc` can consume first; `nil`
  /// when it can consume nothing (reach `match`) or the scalars cannot be listed. Look-arounds,
  /// anchors and boundaries take no scalars and are stepped over, so the bits are a superset.
  private func firstMask(_ pc: Int, memo: inout [Int: UInt64?], depth: Int) -> UInt64? {
    if let known = memo[pc] { return known }
    guard depth < 48 else { return nil }
    let instruction = code[pc]
    func bit(_ value: Int) -> UInt64 { 1 << UInt64(value & 63) }
    func union(_ a: UInt64?, _ b: UInt64?) -> UInt64? { a.flatMap { a in b.map { a | $0 } } }
    var mask: UInt64?
    switch instruction.op {
    case .scalar: mask = bit(instruction.a)
    case .literal: mask = bit(Int(literalPool[instruction.a]))
    case .set: mask = setMasks[instruction.a]
    case .branch:
      let branch = branches[instruction.a]
      mask = branch.firsts
      for index in branch.fallbackStart..<branch.fallbackStart + branch.fallbackCount where mask != nil {
        let offset = branchOffsets[branch.offsets + Int(branchFallback[index])]
        mask = union(mask, firstMask(pc + offset, memo: &memo, depth: depth + 1))
      }
    case .split:
      mask = firstMask(instruction.a, memo: &memo, depth: depth + 1)
      if mask != nil { mask = union(mask, firstMask(instruction.b, memo: &memo, depth: depth + 1)) }
    case .jump: mask = firstMask(instruction.a, memo: &memo, depth: depth + 1)
    case .runScalar, .runSet:
      mask = instruction.op == .runScalar ? bit(instruction.a) : setMasks[instruction.a]
      if instruction.b == 0, mask != nil { mask = union(mask, firstMask(pc + 1, memo: &memo, depth: depth + 1)) }
    case .boundary, .notBoundary, .start, .end, .look: mask = firstMask(pc + 1, memo: &memo, depth: depth + 1)
    case .match: mask = nil
    }
    memo[pc] = mask
    return mask
  }

  /// Compiles a node to instructions whose targets are relative to the start of the result.
  private mutating func compile(_ node: NativePattern.Node, lookBodies: inout [[Instruction]]) -> [Instruction]? {
    switch node {
    case .scalar(let c): return [Instruction(op: .scalar, a: Int(c))]
    case .set(let set):
      addSet(set)
      return [Instruction(op: .set, a: sets.count - 1)]
    case .sequence(let parts):
      var out: [Instruction] = []
      var index = parts.startIndex
      while index < parts.endIndex {
        // Consecutive scalars become one literal.
        var run: [UInt32] = []
        while index < parts.endIndex, case .scalar(let c) = parts[index] {
          run.append(c)
          index += 1
        }
        if run.count == 1 {
          out.append(Instruction(op: .scalar, a: Int(run[0])))
        } else if run.count > 1 {
          out.append(Instruction(op: .literal, a: literalPool.count, b: run.count))
          literalPool += run
        }
        guard index < parts.endIndex else { break }
        if case .scalar = parts[index] { continue }
        guard let piece = compile(parts[index], lookBodies: &lookBodies) else { return nil }
        out += Self.shift(piece, by: out.count)
        index += 1
      }
      return out
    case .alternation(let alternatives):
      // branch(table); a1; jump End; a2; jump End; … an
      var out = [Instruction(op: .branch)]
      var offsets: [Int] = []
      var jumps: [Int] = []
      for (index, alternative) in alternatives.enumerated() {
        guard let piece = compile(alternative, lookBodies: &lookBodies) else { return nil }
        offsets.append(out.count)
        out += Self.shift(piece, by: out.count)
        if index < alternatives.count - 1 {
          jumps.append(out.count)
          out.append(Instruction(op: .jump))
        }
      }
      for jump in jumps { out[jump].a = out.count }
      out[0].a = addBranch(alternatives, offsets: offsets)
      return out
    case .repetition(let inner, let minimum, let maximum, let lazy):
      switch inner {
      case .scalar(let c):
        return [Instruction(op: .runScalar, a: Int(c), b: minimum, c: maximum, lazy: lazy)]
      case .set(let set):
        addSet(set)
        return [Instruction(op: .runSet, a: sets.count - 1, b: minimum, c: maximum, lazy: lazy)]
      default: break
      }
      guard let body = compile(inner, lookBodies: &lookBodies), let lengths = NativePattern.lengths(inner) else {
        return nil
      }
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
      guard let body = compile(inner, lookBodies: &lookBodies) else { return nil }
      lookBodies.append(body)
      looks.append(Look(entry: 0, ahead: ahead, negative: negative, minLength: minLength, maxLength: maxLength))
      return [Instruction(op: .look, a: looks.count - 1)]
    case .wordBoundary(let negated): return [Instruction(op: negated ? .notBoundary : .boundary)]
    case .start: return [Instruction(op: .start)]
    case .end: return [Instruction(op: .end)]
    }
  }

  private mutating func addSet(_ set: ScalarSet) {
    sets.append(CompiledSet(set))
    setMasks.append(set.enumerable.map { $0.reduce(0) { $0 | 1 << UInt64($1 & 63) } })
  }

  /// How many beginnings an alternative may be listed under, one by one.
  static let listedLimit = 128

  /// Records which alternatives to try for each next scalar, keeping their order; returns the
  /// table's number.
  private mutating func addBranch(_ alternatives: [NativePattern.Node], offsets: [Int]) -> Int {
    var firsts: [Set<UInt32>?] = []
    // An alternative that can begin with very many scalars (`\d`: every decimal digit in Unicode,
    // some 680) is listed under its ASCII ones only and is also tried for every other scalar,
    // like one that can begin with anything: listing it in full cost some 40 KB per alternation.
    var overflows: [Bool] = []
    for alternative in alternatives {
      if let beginnings = NativePattern.prefixes(alternative, 1, limit: 4096), !beginnings.contains([]) {
        let all = Set(beginnings.map { $0[0] })
        let overflow = all.count > Self.listedLimit
        firsts.append(overflow ? all.filter { $0 < 0x80 } : all)
        overflows.append(overflow)
      } else {
        firsts.append(nil)
        overflows.append(false)
      }
    }
    let table = branches.count
    let fallback = firsts.indices.filter { firsts[$0] == nil || overflows[$0] }.map(Int32.init)
    let scalars = Set(firsts.compactMap { $0 }.flatMap { $0 })
    branches.append(
      Branch(
        offsets: branchOffsets.count, fallbackStart: branchFallback.count, fallbackCount: fallback.count,
        firsts: scalars.reduce(0) { $0 | 1 << UInt64($1 & 63) }))
    branchOffsets += offsets
    branchFallback += fallback
    for scalar in scalars {
      branchLists[UInt64(table) << 21 | UInt64(scalar)] = firsts.indices.filter {
        firsts[$0]?.contains(scalar) ?? true || overflows[$0] && scalar >= 0x80
      }.map(Int32.init)
    }
    return table
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

  /// The end of a match starting exactly at `start` in `s` (the text's scalars, folded or
  /// not), or `nil`. With `boundaryChecked`, the caller has seen that a word begins or ends at
  /// `start`, and a program that opens with `\b` starts after it.
  func execute(
    _ s: UnsafeBufferPointer<UInt32>, _ text: ScalarText, at start: Int, boundaryChecked: Bool = false,
    stack: inout BacktrackStack
  ) -> Int? {
    stack.clear()
    return code.withUnsafeBufferPointer { code in
      let entry = boundaryChecked && code[0].op == .boundary ? 1 : 0
      return sets.withUnsafeBufferPointer { sets in
        literalPool.withUnsafeBufferPointer { literals in
          branchOffsets.withUnsafeBufferPointer { offsets in
            follows.withUnsafeBufferPointer { follows in
              run(
                Tables(code: code, sets: sets, literals: literals, offsets: offsets, follows: follows), s, text, entry,
                start, nil, &stack)
            }
          }
        }
      }
    }
  }

  /// The side tables the machine reads on every step, as buffers (no bounds checks, no
  /// reference counting).
  private struct Tables {
    var code: UnsafeBufferPointer<Instruction>
    var sets: UnsafeBufferPointer<CompiledSet>
    var literals: UnsafeBufferPointer<UInt32>
    var offsets: UnsafeBufferPointer<Int>
    var follows: UnsafeBufferPointer<UInt64>
  }

  /// Runs `code` from `entry` at text position `start`; backtracking entries go on `stack`
  /// above where it was, and are gone again on return (look-arounds run nested on the same
  /// stack).
  private func run(
    _ tables: Tables, _ s: UnsafeBufferPointer<UInt32>, _ text: ScalarText, _ entry: Int, _ start: Int,
    _ requiredEnd: Int?, _ stack: inout BacktrackStack
  ) -> Int? {
    let code = tables.code
    let sets = tables.sets
    let literals = tables.literals
    let offsets = tables.offsets
    let base = stack.count
    var pc = entry
    var i = start
    let n = s.count
    while true {
      let instruction = code[pc]
      var ok = true
      switch instruction.op {
      case .scalar:
        if i < n, s[i] == UInt32(truncatingIfNeeded: instruction.a) { i += 1; pc += 1 } else { ok = false }
      case .literal:
        let length = instruction.b
        if i + length <= n {
          var k = 0
          let literal = instruction.a
          while k < length, s[i + k] == literals[literal + k] { k += 1 }
          if k == length { i += k; pc += 1 } else { ok = false }
        } else {
          ok = false
        }
      case .set:
        if i < n, sets[instruction.a].contains(s[i]) { i += 1; pc += 1 } else { ok = false }
      case .branch:
        let branch = branches[instruction.a]
        let alternatives = offsets.baseAddress! + branch.offsets
        if i < n, branch.firsts & 1 << UInt64(s[i] & 63) != 0,
          let found = branchKeys.lookup(UInt64(instruction.a) << 21 | UInt64(s[i]))
        {
          for index in (found.lowerBound + 1..<found.upperBound).reversed() {
            stack.push(pc + alternatives[Int(branchKeys.values[index])], i)
          }
          pc += alternatives[Int(branchKeys.values[found.lowerBound])]
        } else if branch.fallbackCount > 0 {
          let start = branch.fallbackStart
          for index in (start + 1..<start + branch.fallbackCount).reversed() {
            stack.push(pc + alternatives[Int(branchFallback[index])], i)
          }
          pc += alternatives[Int(branchFallback[start])]
        } else {
          ok = false
        }
      case .split:
        stack.push(instruction.b, i)
        pc = instruction.a
      case .jump:
        pc = instruction.a
      case .runScalar, .runSet:
        var count = 0
        let limit = instruction.c
        if instruction.op == .runScalar {
          let c = UInt32(truncatingIfNeeded: instruction.a)
          while count < limit, i + count < n, s[i + count] == c { count += 1 }
        } else {
          while count < limit, i + count < n, sets[instruction.a].contains(s[i + count]) { count += 1 }
        }
        let minimum = instruction.b
        if count < minimum {
          ok = false
        } else if instruction.follow != 0 {
          // Only the lengths after which the next scalar can begin what follows.
          let mask = tables.follows[Int(instruction.follow) - 1]
          var chosen = -1
          if instruction.lazy {
            for length in stride(from: count, through: minimum, by: -1) {
              let next = i + length
              guard next < n, mask & 1 << UInt64(s[next] & 63) != 0 else { continue }
              if chosen >= 0 { stack.push(pc + 1, i + chosen) }
              chosen = length
            }
          } else {
            for length in minimum...count {
              let next = i + length
              guard next < n, mask & 1 << UInt64(s[next] & 63) != 0 else { continue }
              if chosen >= 0 { stack.push(pc + 1, i + chosen) }
              chosen = length
            }
          }
          if chosen >= 0 {
            i += chosen
            pc += 1
          } else {
            ok = false
          }
        } else if instruction.lazy {
          if count > minimum {
            for length in stride(from: count, to: minimum, by: -1) { stack.push(pc + 1, i + length) }
          }
          i += minimum
          pc += 1
        } else {
          if count > minimum { for length in minimum..<count { stack.push(pc + 1, i + length) } }
          i += count
          pc += 1
        }
      case .boundary, .notBoundary:
        if text.isBoundary(i) == (instruction.op == .boundary) { pc += 1 } else { ok = false }
      case .start:
        if i == 0 { pc += 1 } else { ok = false }
      case .end:
        if i == n || (i == n - 1 && s[i] == 0x0A) { pc += 1 } else { ok = false }
      case .look:
        let look = looks[instruction.a]
        var found = false
        if look.ahead {
          found = run(tables, s, text, look.entry, i, nil, &stack) != nil
        } else {
          var length = Swift.min(look.maxLength, i)
          while length >= look.minLength, !found {
            found = run(tables, s, text, look.entry, i - length, i, &stack) != nil
            length -= 1
          }
        }
        if found != look.negative { pc += 1 } else { ok = false }
      case .match:
        if requiredEnd == nil || i == requiredEnd {
          stack.truncate(to: base)
          return i
        }
        ok = false
      }
      if !ok {
        guard stack.count > base else { return nil }
        (pc, i) = stack.pop()
      }
    }
  }
}

/// A character class with an answer for ASCII in two bit masks; other scalars are checked
/// against a short list when the class is only listed scalars (`[^。、]`), else ask the set.
struct CompiledSet {
  private let low: UInt64
  private let high: UInt64
  /// The listed scalars of a class with nothing else, and whether it is negated.
  private let listed: [UInt32]?
  private let negated: Bool
  private let set: ScalarSet

  init(_ set: ScalarSet) {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for value in UInt32(0)..<128 where set.contains(value) {
      if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
    }
    self.low = low
    self.high = high
    let onlyListed = set.ranges.isEmpty && !set.digit && !set.space && !set.word && !set.dot && set.scalars.count <= 16
    listed = onlyListed ? set.scalars.sorted() : nil
    negated = set.negated
    self.set = set
  }

  @inline(__always)
  func contains(_ value: UInt32) -> Bool {
    if value < 64 { return low & (1 << UInt64(value)) != 0 }
    if value < 128 { return high & (1 << UInt64(value - 64)) != 0 }
    if let listed { return listed.contains(value) != negated }
    return set.contains(value)
  }
}

/// The backtracking machine's saved choices, `(pc, position)` pairs in a buffer it owns: pushing
/// and popping are a store and a load (an array checked its uniqueness and capacity at every
/// step, and cleared itself by a library call per candidate).
struct BacktrackStack: ~Copyable {
  private var entries: UnsafeMutablePointer<(Int32, Int32)>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    self.capacity = capacity
    entries = .allocate(capacity: capacity)
  }

  deinit { entries.deallocate() }

  mutating func clear() { count = 0 }

  @inline(__always)
  mutating func push(_ pc: Int, _ position: Int) {
    if count == capacity { grow() }
    entries[count] = (Int32(truncatingIfNeeded: pc), Int32(truncatingIfNeeded: position))
    count += 1
  }

  /// The last entry, taken off; the stack must not be empty.
  @inline(__always)
  mutating func pop() -> (Int, Int) {
    count -= 1
    let entry = entries[count]
    return (Int(entry.0), Int(entry.1))
  }

  mutating func truncate(to length: Int) { count = Swift.min(count, length) }

  private mutating func grow() {
    let larger = UnsafeMutablePointer<(Int32, Int32)>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: entries, count: count)
    entries.deallocate()
    entries = larger
    capacity *= 2
  }
}
