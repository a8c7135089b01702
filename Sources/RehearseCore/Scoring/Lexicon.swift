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

  init(language: Language, roles: [String: PatternSet], hints: [String: String]) {
    self.language = language
    self.roles = roles
    self.hints = hints
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
    for (categoryNode, rolesNode) in categories {
      guard let category = categoryNode.string else { continue }
      if category == "language" || category == "matching" { continue }
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
            pattern = p
            marker = item["marker"]?.string
          } else if let p = item.string {
            pattern = p
            marker = nil
          } else {
            throw LoadError.invalid("\(path):\(item.mark?.description ?? ""): a pattern is text or {marker, pattern}")
          }
          do {
            entries.append(.init(marker: marker, regex: try NSRegularExpression(pattern: pattern, options: options)))
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
/// the native matcher against it).
public struct PatternSet: @unchecked Sendable {
  public struct Entry: @unchecked Sendable {
    /// The name reports give this entry's matches; `nil` reports the matched words themselves.
    public var marker: String?
    public var regex: NSRegularExpression
    /// The same pattern on the native matcher, when it can parse it.
    let native: NativePattern?

    init(marker: String?, regex: NSRegularExpression) {
      self.marker = marker
      self.regex = regex
      let caseInsensitive = regex.options.contains(.caseInsensitive)
      native = NativePattern(regex.pattern, caseInsensitive: caseInsensitive)
    }
  }

  public let entries: [Entry]
  let combined: NSRegularExpression?
  /// The capture group of each entry in `combined`.
  let groups: [Int]
  /// Run each entry on its own instead of the combined expression (`matching` in the lexicon).
  let separate: Bool

  static let empty = PatternSet(entries: [], combined: nil, groups: [], separate: false)

  static func combine(_ entries: [Entry], options: NSRegularExpression.Options, separate: Bool) throws -> PatternSet {
    var groups: [Int] = []
    var next = 1
    for entry in entries {
      groups.append(next)
      next += 1 + entry.regex.numberOfCaptureGroups
    }
    let combined = try NSRegularExpression(
      pattern: entries.map { "(\($0.regex.pattern))" }.joined(separator: "|"), options: options)
    return PatternSet(entries: entries, combined: combined, groups: groups, separate: separate)
  }

  /// Every match in the normalised text, in text order.
  public func matches(in text: NormalizedText, engine: Engine = .native) -> [Hit] {
    if engine == .native, entries.allSatisfy({ $0.native != nil }) {
      return separate ? nativeSeparateMatches(in: text) : nativeCombinedMatches(in: text)
    }
    return separate ? separateMatches(in: text) : combinedMatches(in: text)
  }

  /// Which matcher runs the patterns: the native one (when every pattern parses) or ICU.
  public enum Engine: Sendable {
    case native
    case icu
  }

  private func hit(_ entry: Entry, _ range: Range<Int>, _ text: NormalizedText) -> Hit {
    Hit(marker: entry.marker ?? text.slice(range).lowercased(), range: range)
  }

  /// Like the combined expression: at each position the first entry that matches wins, and
  /// the search goes on after its match.
  private func nativeCombinedMatches(in text: NormalizedText) -> [Hit] {
    let scalars = text.scalarText
    var candidates: [Int] = []
    var everywhere = false
    for entry in entries {
      guard let starts = scalars.starts(of: entry.native!) else {
        everywhere = true
        break
      }
      candidates += starts
    }
    let positions: [Int] = everywhere ? Array(0..<scalars.values.count) : Array(Set(candidates)).sorted()
    var hits: [Hit] = []
    var cursor = 0
    var stack: [(Int, Int)] = []
    for position in positions where position >= cursor {
      for entry in entries {
        let pattern = entry.native!
        if pattern.anchoredAtStart && position != 0 { continue }
        if let first = pattern.first {
          let value = pattern.caseInsensitive ? scalars.folded[position] : scalars.values[position]
          if !first.contains(value) { continue }
        }
        guard let end = pattern.match(scalars, at: position, stack: &stack) else { continue }
        if end > position {
          hits.append(hit(entry, position..<end, text))
          cursor = end
        } else {
          cursor = position + 1
        }
        break
      }
    }
    return hits
  }

  /// Each entry on its own, as `separateMatches` does on ICU.
  private func nativeSeparateMatches(in text: NormalizedText) -> [Hit] {
    let scalars = text.scalarText
    var seen: Set<Range<Int>> = []
    var hits: [Hit] = []
    var stack: [(Int, Int)] = []
    for entry in entries {
      let pattern = entry.native!
      let positions = scalars.starts(of: pattern) ?? Array(0..<scalars.values.count)
      var cursor = 0
      for position in positions where position >= cursor {
        guard let end = pattern.match(scalars, at: position, stack: &stack) else { continue }
        if end > position {
          if seen.insert(position..<end).inserted { hits.append(hit(entry, position..<end, text)) }
          cursor = end
        } else {
          cursor = position + 1
        }
      }
    }
    return hits.sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
  }

  /// One pass of the combined expression: non-overlapping matches, leftmost first.
  private func combinedMatches(in text: NormalizedText) -> [Hit] {
    guard let combined else { return [] }
    let ns = text.nsText
    return combined.matches(in: text.text, options: [], range: NSRange(location: 0, length: ns.length)).compactMap {
      result in
      guard result.range.length > 0 else { return nil }
      let entry = groups.firstIndex { result.range(at: $0).location != NSNotFound }
      let marker = entry.flatMap { entries[$0].marker } ?? ns.substring(with: result.range).lowercased()
      return Hit(marker: marker, range: text.scalarRange(result.range))
    }
  }

  /// Each entry on its own; identical ranges are reported once, overlapping ones both.
  private func separateMatches(in text: NormalizedText) -> [Hit] {
    let ns = text.nsText
    let whole = NSRange(location: 0, length: ns.length)
    var seen: Set<Range<Int>> = []
    var hits: [Hit] = []
    for entry in entries {
      for result in entry.regex.matches(in: text.text, options: [], range: whole) where result.range.length > 0 {
        let range = text.scalarRange(result.range)
        guard seen.insert(range).inserted else { continue }
        hits.append(Hit(marker: entry.marker ?? ns.substring(with: result.range).lowercased(), range: range))
      }
    }
    return hits.sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
  }
}

/// A pattern found in the normalised text.
public struct Hit: Hashable, Sendable {
  public var marker: String
  /// Normalised scalar range.
  public var range: Range<Int>
}
