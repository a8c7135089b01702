import Foundation
import Yams

/// One language's markers, read from `Resources/Lexicons/LANG.yaml` and compiled once.
/// The file maps a category to roles (e.g. `reasoning.connective`), each a list of regular
/// expressions; an entry is a pattern string, or `{marker, pattern}` to name it in reports.
/// Code asks for roles by name; the words live in the data.
public final class Lexicon: Sendable {
  public let language: Language
  private let roles: [String: PatternSet]
  /// One-sentence hints per category, in this language.
  public let hints: [String: String]

  /// Where every role's patterns may start in an answer, found in one pass.
  let index: LexiconIndex
  private let indexOfRole: [String: Int]

  init(language: Language, roles: [String: PatternSet], hints: [String: String]) {
    self.language = language
    self.roles = roles
    self.hints = hints
    // A role with a pattern only ICU runs searches on its own.
    index = LexiconIndex(
      roles: roles.filter { $0.value.isNative }.map { (name: $0.key, patterns: $0.value) },
      caseInsensitive: roles.values.contains { $0.entries.first?.options.contains(.caseInsensitive) ?? false })
    indexOfRole = Dictionary(uniqueKeysWithValues: index.roles.enumerated().map { ($1, $0) })
  }

  /// The candidates of every indexed role in one answer, for `matches(_:in:scan:)`.
  func scan(_ text: NormalizedText) -> [[LexiconIndex.Candidate]] {
    index.scan(text.scalarText)
  }

  /// The matches of a role, tried only where `scan` says they may start.
  func matches(_ role: String, in text: NormalizedText, scan: [[LexiconIndex.Candidate]]) -> [Hit] {
    guard let position = indexOfRole[role] else { return self.role(role).matches(in: text) }
    return self.role(role).nativeMatches(in: text, candidates: scan[position])
  }

  /// The patterns of a role such as `"reasoning.connective"`; an empty set when the file has none.
  public func role(_ name: String) -> PatternSet {
    roles[name] ?? PatternSet.empty
  }

  public var roleNames: [String] { roles.keys.sorted() }

  // MARK: Loading

  public enum LoadError: Error, CustomStringConvertible {
    case missing(String)
    case invalid(String)

    public var description: String {
      switch self {
      case .missing(let name): "the lexicon \(name) is missing from the installation"
      case .invalid(let message): message
      }
    }
  }

  nonisolated(unsafe) private static var cache: [Language: Lexicon] = [:]
  private static let lock = NSLock()

  /// The shipped lexicon for a language, compiled on first use and kept.
  public static func shipped(_ language: Language) throws -> Lexicon {
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[language] { return cached }
    let name = "\(language.rawValue).yaml"
    guard
      let url = Bundle.module.url(
        forResource: language.rawValue, withExtension: "yaml", subdirectory: "Resources/Lexicons")
    else { throw LoadError.missing(name) }
    let lexicon = try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self), language: language, path: name)
    cache[language] = lexicon
    return lexicon
  }

  public static func parse(_ yaml: String, language: Language, path: String) throws -> Lexicon {
    guard let root = try Yams.compose(yaml: yaml), case .mapping(let categories) = root else {
      throw LoadError.invalid("\(path): a lexicon is a mapping of categories")
    }
    var roles: [String: PatternSet] = [:]
    var hints: [String: String] = [:]
    let options: NSRegularExpression.Options = language == .en ? [.caseInsensitive] : []
    // Whether a role's patterns run as one ordered alternation or each on its own (see the file).
    let separate = root["matching"]?.string == "separate"
    // Named pieces of patterns (`fragments: {num: 'one|two|…'}`), written `{{num}}` in a pattern
    // and expanded as a non-capturing group, so a long alternation is kept in one place.
    var fragments: [String: String] = [:]
    if case .mapping(let mapping)? = root["fragments"] {
      for (key, value) in mapping {
        guard let name = key.string, let text = value.string else {
          throw LoadError.invalid("\(path):\(key.mark?.description ?? ""): a fragment is a name and a pattern")
        }
        fragments[name] = text
      }
    }
    func expand(_ pattern: String) throws -> String {
      guard pattern.contains("{{") else { return pattern }
      var result = pattern
      // Fragments may name fragments: expand until nothing changes (a few rounds at most).
      for _ in 0..<4 where result.contains("{{") {
        for (name, text) in fragments { result = result.replacingOccurrences(of: "{{\(name)}}", with: "(?:\(text))") }
      }
      if let open = result.range(of: "{{") {
        let name = result[open.upperBound...].prefix { $0 != "}" }
        throw LoadError.invalid("\(path): the pattern \(pattern) names an unknown fragment {{\(name)}}")
      }
      return result
    }
    for (categoryNode, rolesNode) in categories {
      guard let category = categoryNode.string else { continue }
      if category == "language" || category == "matching" || category == "fragments" { continue }
      if category == "hints", case .mapping(let mapping) = rolesNode {
        for (key, value) in mapping { hints[key.string ?? ""] = value.string }
        continue
      }
      guard case .mapping(let roleMapping) = rolesNode else {
        throw LoadError.invalid(
          "\(path):\(categoryNode.mark?.description ?? ""): \(category) must map roles to pattern lists")
      }
      for (roleNode, listNode) in roleMapping {
        guard let role = roleNode.string, case .sequence(let items) = listNode else {
          throw LoadError.invalid("\(path):\(roleNode.mark?.description ?? ""): each role is a list of patterns")
        }
        var entries: [PatternSet.Entry] = []
        for item in items {
          let marker: String?
          let pattern: String
          if case .mapping = item, let p = item["pattern"]?.string {
            pattern = try expand(p)
            marker = item["marker"]?.string
          } else if let p = item.string {
            pattern = try expand(p)
            marker = nil
          } else {
            throw LoadError.invalid("\(path):\(item.mark?.description ?? ""): a pattern is text or {marker, pattern}")
          }
          do {
            entries.append(try .init(marker: marker, pattern: pattern, options: options))
          } catch {
            throw LoadError.invalid("\(path):\(item.mark?.description ?? ""): bad pattern \(pattern): \(error)")
          }
        }
        guard !entries.isEmpty else {
          roles["\(category).\(role)"] = PatternSet.empty
          continue
        }
        do {
          roles["\(category).\(role)"] = try PatternSet.combine(entries, options: options, separate: separate)
        } catch {
          throw LoadError.invalid("\(path): the patterns of \(category).\(role) do not combine: \(error)")
        }
      }
    }
    return Lexicon(language: language, roles: roles, hints: hints)
  }
}

/// The patterns of one role, run as one ordered alternation (at each position the first
/// entry that matches wins) or each entry on its own, as the lexicon's `matching` says. They
/// run on `NativePattern`; ICU runs them only when one does not parse (and in tests, to check
/// the native matcher against it), so ICU compiles a pattern only then: compiling every
/// pattern took most of a lexicon's load time and a few MB that a drill never used.
public struct PatternSet: @unchecked Sendable {
  public struct Entry: @unchecked Sendable {
    /// The name reports give this entry's matches; `nil` reports the matched words themselves.
    public var marker: String?
    public let pattern: String
    let options: NSRegularExpression.Options
    /// The same pattern on the native matcher, when it can parse it.
    let native: NativePattern?
    /// ICU's compiled pattern, made the first time ICU runs it.
    let icu: Preloaded<ICUPattern>

    /// Throws when the pattern is not a valid ICU expression. One the native matcher parses is
    /// valid (it reads a subset of ICU's syntax, and a test checks both agree on every pattern),
    /// so only the others are compiled here.
    init(marker: String?, pattern: String, options: NSRegularExpression.Options) throws {
      self.marker = marker
      self.pattern = pattern
      self.options = options
      native = NativePattern(pattern, caseInsensitive: options.contains(.caseInsensitive))
      icu = Preloaded { ICUPattern(try NSRegularExpression(pattern: pattern, options: options)) }
      if native == nil { _ = try icu.value() }
    }
  }

  /// `NSRegularExpression` is immutable once made, so safe to share between threads.
  struct ICUPattern: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
  }

  /// The role as one ICU alternation, with the capture group of each entry.
  struct Combined: @unchecked Sendable {
    let regex: NSRegularExpression
    let groups: [Int]
  }

  public let entries: [Entry]
  /// Made the first time ICU runs this role as one alternation.
  private let combined: Preloaded<Combined>
  /// Run each entry on its own instead of the combined expression (`matching` in the lexicon).
  let separate: Bool
  /// Every entry's native pattern, when all parse (else empty and ICU runs the role).
  let natives: [NativePattern]

  init(entries: [Entry], options: NSRegularExpression.Options, separate: Bool) {
    self.entries = entries
    self.separate = separate
    let natives = entries.compactMap(\.native)
    self.natives = natives.count == entries.count ? natives : []
    combined = Preloaded {
      var groups: [Int] = []
      var next = 1
      for entry in entries {
        groups.append(next)
        next += 1 + (try entry.icu.value()).regex.numberOfCaptureGroups
      }
      let regex = try NSRegularExpression(
        pattern: entries.map { "(\($0.pattern))" }.joined(separator: "|"), options: options)
      return Combined(regex: regex, groups: groups)
    }
  }

  static let empty = PatternSet(entries: [], options: [], separate: false)

  /// The role of `entries`; a role ICU must run as one alternation is compiled now, so a
  /// pattern that breaks the alternation is reported when the lexicon loads.
  static func combine(_ entries: [Entry], options: NSRegularExpression.Options, separate: Bool) throws -> PatternSet {
    let set = PatternSet(entries: entries, options: options, separate: separate)
    if !set.isNative, !separate { _ = try set.combined.value() }
    return set
  }

  /// Every match in the normalised text, in text order.
  public func matches(in text: NormalizedText, engine: Engine = .native) -> [Hit] {
    // A role this lexicon does not have (the other language's, asked of a mixed answer).
    guard !entries.isEmpty else { return [] }
    guard engine == .native, isNative else {
      return separate ? separateMatches(in: text) : combinedMatches(in: text)
    }
    return nativeMatches(in: text, candidates: candidates(in: text.scalarText))
  }

  /// Which matcher runs the patterns: the native one (when every pattern parses) or ICU.
  public enum Engine: Sendable {
    case native
    case icu
  }

  /// Whether every entry runs on the native matcher.
  var isNative: Bool { natives.count == entries.count }

  /// Where each entry may match, found by this role alone (`LexiconIndex` finds them for a
  /// whole lexicon at once): at every position whose beginning an entry lists, or everywhere
  /// for an entry that cannot list its beginnings.
  private func candidates(in text: ScalarText) -> [LexiconIndex.Candidate] {
    let patterns = natives
    var result: [LexiconIndex.Candidate] = []
    let caseInsensitive = patterns.first?.caseInsensitive ?? false
    (caseInsensitive ? text.foldedKeys : text.keys).withUnsafeBufferPointer { s in
      var keys = [UInt64](repeating: 0, count: ScalarKey.maxLength)
      for position in 0..<s.count {
        // The keys of every length at this position (`keys[length - 1]`), as the index packs them.
        let longest = Swift.min(ScalarKey.maxLength, s.count - position)
        var key: UInt64 = 0
        for length in 1...longest {
          key = ScalarKey.combine(key, s[position + length - 1], length - 1)
          keys[length - 1] = key
        }
        // Plain index loops: this runs for every pattern at every position (tests run it on
        // debug builds).
        for index in 0..<patterns.count {
          switch patterns[index].start {
          case .prefix(let prefix):
            var found = position == 0 && prefix.atTextStart
            var next = 0
            while !found, next < prefix.lengths.count, prefix.lengths[next] <= longest {
              found = prefix.keys[next].contains(keys[prefix.lengths[next] - 1])
              next += 1
            }
            guard found else { continue }
          case .textStart: guard position == 0 else { continue }
          case .wordBoundary: guard text.isBoundary(position) else { continue }
          case .anywhere: break
          }
          guard patterns[index].startCheck.allows(s, text, at: position) else { continue }
          result.append(.init(position: Int32(position), entry: Int32(index)))
        }
      }
    }
    return result
  }

  /// Runs the native matcher at the candidate positions (in position order, and in entry
  /// order at one position). Combined: like one ordered alternation, at each position the first
  /// entry that matches wins and the search goes on after its match. Separate: each entry
  /// searches on its own, as `separateMatches` does on ICU.
  func nativeMatches(in text: NormalizedText, candidates: [LexiconIndex.Candidate]) -> [Hit] {
    guard !candidates.isEmpty else { return [] }
    let scalars = text.scalarText
    return scalars.values.withUnsafeBufferPointer { values in
      scalars.folded.withUnsafeBufferPointer { folded in
        natives.withUnsafeBufferPointer { natives in
          var stack = BacktrackStack()
          var hits: [Hit] = []
          if separate {
            var cursors = Array(repeating: 0, count: entries.count)
            var seen: Set<Range<Int>> = []
            for candidate in candidates {
              let position = Int(candidate.position)
              let index = Int(candidate.entry)
              guard position >= cursors[index] else { continue }
              guard
                let end = natives[index].match(
                  candidate: position, values: values, folded: folded, scalars, stack: &stack)
              else { continue }
              if end > position {
                if seen.insert(position..<end).inserted {
                  hits.append(Hit(marker: entries[index].marker, range: position..<end))
                }
                cursors[index] = end
              } else {
                cursors[index] = position + 1
              }
            }
            return hits.sorted {
              ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound)
            }
          }
          var cursor = 0
          for candidate in candidates {
            let position = Int(candidate.position)
            guard position >= cursor else { continue }
            let index = Int(candidate.entry)
            guard
              let end = natives[index].match(
                candidate: position, values: values, folded: folded, scalars, stack: &stack)
            else { continue }
            if end > position {
              hits.append(Hit(marker: entries[index].marker, range: position..<end))
              cursor = end
            } else {
              cursor = position + 1
            }
          }
          return hits
        }
      }
    }
  }

  /// One pass of the combined expression: non-overlapping matches, leftmost first.
  private func combinedMatches(in text: NormalizedText) -> [Hit] {
    guard !entries.isEmpty, let combined = try? combined.value() else { return [] }
    let ns = text.nsText
    return combined.regex.matches(in: text.text, options: [], range: NSRange(location: 0, length: ns.length))
      .compactMap { result in
        guard result.range.length > 0 else { return nil }
        let entry = combined.groups.firstIndex { result.range(at: $0).location != NSNotFound }
        return Hit(marker: entry.flatMap { entries[$0].marker }, range: text.scalarRange(result.range))
      }
  }

  /// Each entry on its own; identical ranges are reported once, overlapping ones both.
  private func separateMatches(in text: NormalizedText) -> [Hit] {
    let ns = text.nsText
    let whole = NSRange(location: 0, length: ns.length)
    var seen: Set<Range<Int>> = []
    var hits: [Hit] = []
    for entry in entries {
      guard let icu = try? entry.icu.value() else { continue }
      for result in icu.regex.matches(in: text.text, options: [], range: whole) where result.range.length > 0 {
        let range = text.scalarRange(result.range)
        guard seen.insert(range).inserted else { continue }
        hits.append(Hit(marker: entry.marker, range: range))
      }
    }
    return hits.sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
  }
}

/// A pattern found in the normalised text.
public struct Hit: Hashable, Sendable {
  /// The entry's name; `nil` to report the matched words themselves (lowercased).
  public var marker: String?
  /// Normalised scalar range.
  public var range: Range<Int>
}

extension Lexicon {
  /// What each pattern costs in the shared scan over `texts`, for `rehearse-benchmarks
  /// --pattern-costs`: how many candidate positions dispatch hands it, how many of them match,
  /// and the machine's time on them (each call timed, so the figures include the clock's cost).
  public func patternCosts(
    in texts: [NormalizedText]
  ) -> (
    scanMilliseconds: Double,
    patterns: [(role: String, pattern: String, candidates: Int, matches: Int, milliseconds: Double)]
  ) {
    var costs: [String: [(candidates: Int, matches: Int, seconds: Double)]] = [:]
    let clock = ContinuousClock()
    var stack = BacktrackStack()
    let scanStart = clock.now
    let scans = texts.map { scan($0) }
    let scanTime = clock.now - scanStart
    for (text, scan) in zip(texts, scans) {
      let scalars = text.scalarText
      scalars.values.withUnsafeBufferPointer { values in
        scalars.folded.withUnsafeBufferPointer { folded in
          for (position, name) in index.roles.enumerated() {
            let set = role(name)
            var entries = costs[name] ?? Array(repeating: (0, 0, 0), count: set.entries.count)
            for candidate in scan[position] {
              let entry = Int(candidate.entry)
              let start = clock.now
              let end = set.natives[entry].match(
                candidate: Int(candidate.position), values: values, folded: folded, scalars, stack: &stack)
              let elapsed = clock.now - start
              entries[entry].candidates += 1
              if end != nil { entries[entry].matches += 1 }
              entries[entry].seconds +=
                Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            }
            costs[name] = entries
          }
        }
      }
    }
    let scanMilliseconds =
      (Double(scanTime.components.attoseconds) / 1e15 + Double(scanTime.components.seconds) * 1000)
      / Double(texts.count)
    return (
      scanMilliseconds,
      costs.flatMap { name, entries in
        entries.enumerated().map { index, cost in
          (
            name, role(name).entries[index].pattern, cost.candidates, cost.matches,
            cost.seconds * 1000 / Double(texts.count)
          )
        }
      }.sorted { $0.milliseconds > $1.milliseconds }
    )
  }
}
