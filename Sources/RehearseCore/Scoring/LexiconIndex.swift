/// Where every pattern of a lexicon can start in an answer, found in one pass over the answer.
///
/// Each pattern lists the one to five scalars its matches begin with (`NativePattern.Prefix`).
/// The index maps those beginnings to patterns, so a pass over the answer looks up each position
/// once per beginning length and hands every role the positions worth trying, instead of every
/// pattern searching the answer for its first letter. English patterns mostly begin with common
/// letters, so one letter alone would leave tens of thousands of attempts per long answer.
struct LexiconIndex: Sendable {
  /// A position worth trying, and which entry of the role to try there.
  struct Candidate: Equatable, Sendable {
    var position: Int32
    var entry: Int32
  }

  /// The role names covered, in index order.
  let roles: [String]
  let caseInsensitive: Bool
  /// Indexed by beginning length - 1.
  private let tables: [KeyTable]
  /// For each global entry number: its role and its place in the role.
  private let roleOf: [Int32]
  private let entryOf: [Int32]
  /// Entries whose beginnings cannot be listed: tried at the text's first position only (`^`),
  /// at word boundaries only (`\b`), or at every position.
  private let atTextStart: [Int32]
  private let atBoundaries: [Int32]
  private let everywhere: [Int32]
  /// One bit per scalar below U+10000 that some beginning opens with (as the text's keys fold
  /// it): at any other position no table can hold a key, and the pass skips the lookups.
  private let opening: [UInt64]
  /// What each global entry's matches need where they begin (see `NativePattern.StartCheck`).
  private let checks: [NativePattern.StartCheck]

  /// The most entries one position can have before its checks: every table's longest list,
  /// and every entry tried without beginnings.
  private let mostFound: Int

  private static func append(_ entries: [Int32], to found: UnsafeMutableBufferPointer<Int32>, count: inout Int) {
    for entry in entries {
      found[count] = entry
      count += 1
    }
  }

  init(roles named: [(name: String, patterns: PatternSet)], caseInsensitive: Bool) {
    self.caseInsensitive = caseInsensitive
    var roles: [String] = []
    var roleOf: [Int32] = []
    var entryOf: [Int32] = []
    var byLength = Array(repeating: [UInt64: [Int32]](), count: ScalarKey.maxLength)
    var atTextStart: [Int32] = []
    var atBoundaries: [Int32] = []
    var everywhere: [Int32] = []
    var opening = [UInt64](repeating: 0, count: 1024)
    var checks: [NativePattern.StartCheck] = []
    for (name, patterns) in named.sorted(by: { $0.name < $1.name }) {
      let role = Int32(roles.count)
      roles.append(name)
      for (local, entry) in patterns.entries.enumerated() {
        let global = Int32(roleOf.count)
        roleOf.append(role)
        entryOf.append(Int32(local))
        checks.append(entry.native?.startCheck ?? NativePattern.StartCheck())
        switch entry.native?.start ?? .anywhere {
        case .prefix(let prefix):
          if let first = entry.native?.firstScalars {
            for scalar in first { if scalar < 0x10000 { opening[Int(scalar) >> 6] |= 1 << UInt64(scalar & 63) } }
          } else {
            opening = [UInt64](repeating: ~0, count: 1024)
          }
          for (length, keys) in zip(prefix.lengths, prefix.keys) {
            for key in keys { byLength[length - 1][key, default: []].append(global) }
          }
          if prefix.atTextStart { atTextStart.append(global) }
        case .textStart: atTextStart.append(global)
        case .wordBoundary: atBoundaries.append(global)
        case .anywhere: everywhere.append(global)
        }
      }
    }
    self.atTextStart = atTextStart
    self.opening = opening
    self.atBoundaries = atBoundaries
    self.everywhere = everywhere
    self.roles = roles
    self.roleOf = roleOf
    self.entryOf = entryOf
    self.checks = checks
    tables = byLength.map { KeyTable($0, filtered: true) }
    mostFound = max(
      1, tables.map(\.longestList).reduce(0, +) + atTextStart.count + atBoundaries.count + everywhere.count)
  }

  /// The candidates of every indexed role, each list in position order and, at one position,
  /// in entry order (the order a combined alternation tries them).
  func scan(_ text: ScalarText) -> [[Candidate]] {
    // Every candidate as (position, global entry) first, then split by role: positions stay
    // in order, and at one position a role's entries in entry order (globals are numbered
    // role by role).
    var flat: [(position: Int32, global: Int32)] = []
    let values = caseInsensitive ? text.foldedKeys : text.keys
    flat.reserveCapacity(values.count)
    values.withUnsafeBufferPointer { s in
      tables.withUnsafeBufferPointer { tables in
        // The entries found at one position, in a buffer long enough for the most any position
        // can have (an array cleared and grown per position cost a library call each time).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: mostFound) { found in
          let n = s.count
          for position in 0..<n {
            var count = 0
            // The key of each length, built on the one before (as `ScalarKey.pack` packs a
            // pattern's beginning).
            let first = s[position]
            if first >= 0x10000 || opening[Int(first) >> 6] & (1 << UInt64(first & 63)) != 0 {
              var key: UInt64 = 0
              for length in 1...Swift.min(ScalarKey.maxLength, n - position) {
                key = ScalarKey.combine(key, s[position + length - 1], length - 1)
                tables[length - 1].append(key, to: found, count: &count)
              }
            }
            if position == 0 { Self.append(atTextStart, to: found, count: &count) }
            if !atBoundaries.isEmpty, text.isBoundary(position) { Self.append(atBoundaries, to: found, count: &count) }
            if !everywhere.isEmpty { Self.append(everywhere, to: found, count: &count) }
            if count == 0 { continue }
            // Insertion sort: a position has a few entries.
            for index in 1..<count {
              let value = found[index]
              var place = index
              while place > 0, found[place - 1] > value {
                found[place] = found[place - 1]
                place -= 1
              }
              found[place] = value
            }
            var previous: Int32 = -1
            for global in found[..<count] where global != previous {  // at 0, an entry can come twice (`^`)
              previous = global
              let check = checks[Int(global)]
              guard check.allows(s, text, at: position) else { continue }
              flat.append((Int32(position), global))
            }
          }
        }
      }
    }
    // By role, keeping the order within each (a counting sort into one buffer), then each
    // role's run copied out whole.
    var starts = Array(repeating: 0, count: roles.count + 1)
    for candidate in flat { starts[Int(roleOf[Int(candidate.global)]) + 1] += 1 }
    for role in roles.indices { starts[role + 1] += starts[role] }
    let sorted = [Candidate](unsafeUninitializedCapacity: flat.count) { buffer, initialized in
      var next = starts
      for candidate in flat {
        let role = Int(roleOf[Int(candidate.global)])
        (buffer.baseAddress! + next[role]).initialize(
          to: Candidate(position: candidate.position, entry: entryOf[Int(candidate.global)]))
        next[role] += 1
      }
      initialized = flat.count
    }
    return roles.indices.map { Array(sorted[starts[$0]..<starts[$0 + 1]]) }
  }
}

/// An open-addressing hash table from packed scalar keys to lists of entry numbers, for the
/// one lookup per position and length that `LexiconIndex.scan` makes.
struct KeyTable: Sendable {
  /// A slot: its key with the top bit set when occupied (packed keys use at most 63 bits), and
  /// where its entries start in `values` and how many there are, side by side so a lookup
  /// reads one cache line.
  private struct Slot {
    var key: UInt64 = 0
    var start: Int32 = 0
    var count: Int32 = 0
  }

  private let slots: [Slot]
  let values: [Int32]
  private let shift: UInt64
  /// With `filtered`, one bit per hash value's top bits, set for every stored key, about sixteen
  /// bits per key: most positions of an answer begin with nothing stored, and this small array
  /// says so without touching the slots (a cache miss each on a lexicon's table of thousands).
  /// Empty otherwise (a program's branch table is small and checks its own mask).
  private let filter: [UInt64]
  private let filterShift: UInt64

  private static let occupied: UInt64 = 1 << 63

  init(_ entries: [UInt64: [Int32]], filtered: Bool = false) {
    var bits: UInt64 = 4
    while (1 << bits) < entries.count * 2 { bits += 1 }
    let capacity = 1 << Int(bits)
    var slots = Array(repeating: Slot(), count: capacity)
    var values: [Int32] = []
    shift = 64 - bits
    for (key, list) in entries {
      var slot = Int(Self.hash(key) >> shift)
      while slots[slot].key != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Slot(key: key | Self.occupied, start: Int32(values.count), count: Int32(list.count))
      values += list
    }
    self.slots = slots
    self.values = values
    var filterBits: UInt64 = 6
    while filtered, (1 << filterBits) < entries.count * 16 { filterBits += 1 }
    var filter = filtered ? Array(repeating: UInt64(0), count: 1 << Int(filterBits - 6)) : []
    filterShift = 64 - filterBits
    for key in entries.keys where filtered {
      let bit = Int(Self.hash(key) >> filterShift)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.filter = filter
  }

  /// Whether `key` may be stored: `false` is certain, `true` may be wrong (always `true`
  /// without a filter).
  @inline(__always)
  func mayContain(_ key: UInt64) -> Bool {
    guard !filter.isEmpty else { return true }
    let bit = Int(Self.hash(key) >> filterShift)
    return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  @inline(__always)
  private static func hash(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }

  /// Where the entries stored under `key` are in `values`, or `nil`.
  @inline(__always)
  func lookup(_ key: UInt64) -> Range<Int>? {
    let mask = slots.count - 1
    var slot = Int(Self.hash(key) >> shift)
    let wanted = key | Self.occupied
    while true {
      let stored = slots[slot]
      if stored.key == wanted { return Int(stored.start)..<Int(stored.start) + Int(stored.count) }
      if stored.key == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// The most entries stored under one key.
  var longestList: Int { Int(slots.map(\.count).max() ?? 0) }

  /// Writes the entries stored under `key`, if any, into `found` from `count` on (which must
  /// have room: `longestList`).
  @inline(__always)
  func append(_ key: UInt64, to found: UnsafeMutableBufferPointer<Int32>, count: inout Int) {
    guard mayContain(key), let range = lookup(key) else { return }
    values.withUnsafeBufferPointer { values in
      for index in range {
        found[count] = values[index]
        count += 1
      }
    }
  }
}
