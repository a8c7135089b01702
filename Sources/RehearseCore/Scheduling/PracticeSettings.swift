import Foundation
import Yams

/// The person's own daily-practice settings, kept in `config.yaml` under `$XDG_CONFIG_HOME/rehearse/`
/// (`rehearse config get/set`):
///
/// ```yaml
/// version: 1
/// daily-goal: 5       # questions a day that count as the day's practice (1–50)
/// new-per-day: 3      # never-practised questions introduced a day (0–50)
/// rollover-hour: 4    # the hour a new practice day begins (0–23)
/// new-graduate: 0     # 1 when applying as a new graduate (新卒): no feedback-request draft
/// ```
///
/// A missing file or key is the default. A key this version does not know is reported with its
/// line and column and ignored; a bad value or a newer `version` is an error, so a goal the
/// person set is never silently replaced.
public struct PracticeSettings: Equatable, Sendable {
  /// The file format's version; a file claiming a higher one came from a newer Rehearse.
  public static let version = 1
  public static let fileName = "config.yaml"

  public enum Key: String, CaseIterable, Sendable {
    case dailyGoal = "daily-goal"
    case newPerDay = "new-per-day"
    case rolloverHour = "rollover-hour"
    /// 1 when the person applies as a new graduate (新卒), 0 mid-career: after a rejection the
    /// draft asking for feedback is offered to mid-career applicants only, unless asked for.
    case newGraduate = "new-graduate"

    /// The values it may take.
    public var range: ClosedRange<Int> {
      switch self {
      case .dailyGoal: 1...50
      case .newPerDay: 0...50
      case .rolloverHour: 0...23
      case .newGraduate: 0...1
      }
    }

    public var defaultValue: Int {
      switch self {
      case .dailyGoal: 5
      case .newPerDay: 3
      case .rolloverHour: 4
      case .newGraduate: 0
      }
    }
  }

  private var values: [Key: Int] = [:]

  public init() {}

  public subscript(key: Key) -> Int {
    get { values[key] ?? key.defaultValue }
    set { values[key] = newValue }
  }

  public var dailyGoal: Int { self[.dailyGoal] }
  public var newPerDay: Int { self[.newPerDay] }
  public var rolloverHour: Int { self[.rolloverHour] }
  public var isNewGraduate: Bool { self[.newGraduate] == 1 }

  /// Whether the key was written in the file (else it has its default).
  public func isSet(_ key: Key) -> Bool { values[key] != nil }

  /// What reading the file gave: the settings (nil when it has errors) and every problem found.
  public struct Loaded: Sendable {
    public var settings: PracticeSettings?
    public var diagnostics: [Diagnostic]
  }

  /// Reads the file at `url`; a missing file is the defaults.
  public static func load(from url: URL) -> Loaded {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      if FileManager.default.fileExists(atPath: url.path) {
        return Loaded(settings: nil, diagnostics: [.error("cannot read the file", path: url.path, at: .start)])
      }
      return Loaded(settings: PracticeSettings(), diagnostics: [])
    }
    return parse(data, path: url.path)
  }

  public static func parse(_ data: Data, path: String) -> Loaded {
    guard data.count <= 64 * 1024 else {
      return Loaded(
        settings: nil,
        diagnostics: [.error("the file is over 64 KiB; a settings file is a few lines", path: path, at: .start)])
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let invalid = UTF8Check.invalidSequences(in: bytes)
    if let first = invalid.first {
      return Loaded(
        settings: nil,
        diagnostics: [.error("the file is not valid UTF-8; save it as UTF-8", path: path, at: first.location)])
    }
    let yaml = String(decoding: bytes, as: UTF8.self)
    let parser: Yams.Parser
    let root: Node?
    do {
      parser = try Yams.Parser(yaml: yaml)
      root = try parser.singleRoot()
    } catch let error as YamlError {
      return Loaded(settings: nil, diagnostics: [YAMLErrorTranslation.diagnostic(for: error, yaml: yaml, path: path)])
    } catch {
      return Loaded(settings: nil, diagnostics: [.error("cannot parse the file: \(error)", path: path, at: .start)])
    }
    // Only comments, or nothing: the defaults.
    guard let root else { return Loaded(settings: PracticeSettings(), diagnostics: []) }
    let reader = NodeReader(path: path)
    var settings = PracticeSettings()
    withExtendedLifetime(parser) {
      guard
        let fields = reader.mapping(
          root, "the settings", known: ["version"] + Key.allCases.map(\.rawValue))
      else { return }
      for (name, _, value) in fields.entries {
        if name == "version" {
          guard let version = reader.integer(value, "'version'", in: 1...Int.max) else { continue }
          if version > Self.version {
            reader.error(
              "this file is version \(version), written by a newer Rehearse; this one reads version \(Self.version)",
              at: value)
          }
          continue
        }
        guard let key = Key(rawValue: name),
          let number = reader.integer(value, "'\(name)'", in: key.range)
        else { continue }
        settings[key] = number
      }
    }
    let diagnostics = reader.diagnostics
    return Loaded(settings: diagnostics.hasErrors ? nil : settings, diagnostics: diagnostics)
  }

  /// `text` (the file as it is, or empty) with `key` set to `value`: the key's line is changed
  /// in place, keeping comments and every other line; a key not yet there is added at the end,
  /// and a file without a version gets one first.
  public static func updating(_ text: String, key: Key, value: Int) -> String {
    var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    let entry = "\(key.rawValue): \(value)"
    if let index = lines.firstIndex(where: { Self.topLevelKey(of: $0) == key.rawValue }) {
      // Keep a comment at the end of the line.
      let line = lines[index]
      let comment = line.range(of: " #").map { String(line[$0.lowerBound...]) } ?? ""
      lines[index] = entry + comment
    } else {
      if !lines.contains(where: { Self.topLevelKey(of: $0) == "version" }) {
        lines.insert("version: \(Self.version)", at: 0)
      }
      lines.append(entry)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The 1-based line where `key` is set in `text`, if it is.
  public static func line(of key: Key, in text: String) -> Int? {
    text.components(separatedBy: "\n").firstIndex { topLevelKey(of: $0) == key.rawValue }.map { $0 + 1 }
  }

  /// The key of a line `key: value` at the top level (no indentation), else nil.
  static func topLevelKey(of line: String) -> String? {
    guard let first = line.first, first != " ", first != "\t", first != "#", let colon = line.firstIndex(of: ":")
    else { return nil }
    return String(line[..<colon]).trimmingCharacters(in: .whitespaces)
  }
}
