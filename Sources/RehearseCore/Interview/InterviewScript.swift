import Foundation
import Yams

/// A text in both languages, from a data file (`{en: …, ja: …}`).
public struct LocalizedText: Sendable, Equatable, Decodable {
  public var en: String
  public var ja: String

  public init(en: String, ja: String) {
    self.en = en
    self.ja = ja
  }

  public func text(_ language: Language) -> String { language == .ja ? ja : en }
}

/// Loads a shipped data file under `Resources/Interview`.
enum InterviewResources {
  static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources/Interview")
    else { throw CocoaError(.fileNoSuchFile) }
    return try YAMLDecoder().decode(T.self, from: String(decoding: try Data(contentsOf: url), as: UTF8.self))
  }

  /// `{name}` placeholders filled from `values`; unknown ones are left as they are.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    var text = template
    for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
    return text
  }
}

/// The checklist before a real interview (`Resources/Interview/preflight.yaml`).
public struct PreflightChecklist: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var id: String
    public var modes: [InterviewMode]
    /// A few words naming it (the list of what is not ready).
    public var label: LocalizedText
    public var question: LocalizedText
    /// What to do when the answer is no.
    public var fix: LocalizedText
  }

  public var items: [Item]

  private struct File: Decodable {
    struct ItemFile: Decodable {
      var id: String
      var modes: [String]
      var label: LocalizedText
      var question: LocalizedText
      var fix: LocalizedText
    }
    var version: Int
    var items: [ItemFile]
  }

  public static func shipped() throws -> PreflightChecklist {
    let file = try InterviewResources.load("preflight", as: File.self)
    return PreflightChecklist(
      items: file.items.map {
        Item(
          id: $0.id, modes: $0.modes.compactMap(InterviewMode.init(rawValue:)), label: $0.label, question: $0.question,
          fix: $0.fix)
      })
  }

  /// The items for an interview of `mode`, in the file's order.
  public func items(for mode: InterviewMode) -> [Item] {
    items.filter { $0.modes.contains(mode) }
  }

  /// How the interview is held, from the bank: the stage's own mode; else what the format notes
  /// say (online, Zoom, Teams, Meet, Web面接, オンライン…); nil when the bank does not tell.
  public static func mode(of company: Company, stage: String?) -> InterviewMode? {
    let described = stage.flatMap { company.stage(id: $0) } ?? company.stages.first
    if let mode = described?.mode { return mode }
    let notes = [described?.notes, company.formatNotes].compactMap { $0 }.joined(separator: " ").lowercased()
    if ["online", "zoom", "teams", "google meet", "web面接", "オンライン", "ウェブ", "リモート", "video call"].contains(
      where: notes.contains)
    {
      return .online
    }
    if ["in person", "in-person", "on site", "onsite", "来社", "対面", "本社", "office"].contains(where: notes.contains) {
      return .inPerson
    }
    if ["phone", "電話"].contains(where: notes.contains) { return .phone }
    return nil
  }
}

/// What the interviewer says in a mock interview (`Resources/Interview/interviewer.yaml`): the
/// opening, the closing, the question for the interviewer when the bank has none, and the
/// probes that dig into a missing why or carry-over.
public struct InterviewerScript: Sendable, Equatable {
  public var opening: LocalizedText
  public var closing: LocalizedText
  public var reverseQuestion: LocalizedText
  /// Category → level (1, 2) → the probes in each language.
  var probes: [ScoreCategory: [Int: [Language: [String]]]]

  private struct File: Decodable {
    var version: Int
    var opening: LocalizedText
    var closing: LocalizedText
    var reverseQuestion: LocalizedText
    var probes: [String: [Int: [String: [String]]]]

    enum CodingKeys: String, CodingKey {
      case version, opening, closing, probes
      case reverseQuestion = "reverse_question"
    }
  }

  public static func shipped() throws -> InterviewerScript {
    let file = try InterviewResources.load("interviewer", as: File.self)
    var probes: [ScoreCategory: [Int: [Language: [String]]]] = [:]
    for (name, levels) in file.probes {
      guard let category = ScoreCategory(rawValue: name) else { continue }
      probes[category] = levels.mapValues { byLanguage in
        Dictionary(
          uniqueKeysWithValues: byLanguage.compactMap { key, value in Language(rawValue: key).map { ($0, value) } })
      }
    }
    return InterviewerScript(
      opening: file.opening, closing: file.closing, reverseQuestion: file.reverseQuestion, probes: probes)
  }

  /// The probes of one category and level in a language (empty when the file has none).
  public func probes(_ category: ScoreCategory, level: Int, language: Language) -> [String] {
    probes[category]?[level]?[language] ?? []
  }

  /// The opening, filled in.
  public func opening(company: String, stage: String, minutes: Int, count: Int, language: Language) -> String {
    InterviewResources.fill(
      opening.text(language),
      ["company": company, "stage": stage, "minutes": String(minutes), "count": String(count)])
  }
}
