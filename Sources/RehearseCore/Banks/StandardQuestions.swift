import Foundation
import Yams

/// The standard questions `rehearse banks new` puts into a bank for a real company, read from
/// `Resources/Templates/standard-questions-LANG.yaml`. Each template names the stages it fits
/// and may repeat once per value or skill the person entered, with `{company}`, `{value}`,
/// `{required_skill}` and `{preferred_skill}` filled in.
public struct StandardQuestions: Equatable, Sendable {
  public struct Template: Equatable, Sendable {
    public var id: String
    /// Stage ids in preference order: the question goes into the first one the bank has.
    public var stages: [String]
    public var kind: QuestionKind
    public var text: String
    public var answerSeconds: Int
    public var thinkSeconds: Int
    public var followUps: [FollowUp]
    public var answerPoints: [String]
    public var pitfalls: [String]
    public var forEach: Placeholder?
  }

  /// What a template repeats over.
  public enum Placeholder: String, CaseIterable, Sendable {
    case value
    case requiredSkill = "required_skill"
    case preferredSkill = "preferred_skill"
  }

  /// A template repeats at most this many times, so ten values do not make thirty questions.
  public static let maximumRepeats = 3

  public var language: Language
  public var templates: [Template]

  /// The shipped templates for a language.
  public static func shipped(_ language: Language) throws -> StandardQuestions {
    let name = "standard-questions-\(language.rawValue)"
    guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources/Templates")
    else {
      throw TemplateError.missing(name)
    }
    let result = parse(try Data(contentsOf: url), path: url.path)
    guard let questions = result.questions else { throw TemplateError.invalid(result.diagnostics) }
    return questions
  }

  public enum TemplateError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case invalid([Diagnostic])

    public var description: String {
      switch self {
      case .missing(let name): "the template \(name).yaml is missing from the installation"
      case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
      }
    }
  }

  static let templateKeys = [
    "id", "stages", "kind", "text", "answer_seconds", "think_seconds", "follow_ups", "answer_points",
    "pitfalls", "for_each",
  ]

  public static func parse(_ data: Data, path: String) -> (questions: StandardQuestions?, diagnostics: [Diagnostic]) {
    let reader = NodeReader(path: path)
    let root: Node
    do {
      guard let node = try Yams.Parser(yaml: String(decoding: data, as: UTF8.self)).singleRoot() else {
        return (nil, [.error("the template is empty", path: path, at: .start)])
      }
      root = node
    } catch let error as YamlError {
      return (
        nil, [YAMLErrorTranslation.diagnostic(for: error, yaml: String(decoding: data, as: UTF8.self), path: path)]
      )
    } catch {
      return (nil, [.error("cannot parse the template: \(error)", path: path, at: .start)])
    }
    guard let fields = reader.mapping(root, "the template", known: ["version", "language", "questions"]) else {
      return (nil, reader.diagnostics)
    }
    let language = fields["language"].flatMap { reader.choice($0, "language", as: Language.self) }
    var templates: [Template] = []
    var ids: Set<String> = []
    for item in fields["questions"].flatMap({ reader.sequence($0, "questions") }) ?? [] {
      guard let template = self.template(item, reader: reader) else { continue }
      if !ids.insert(template.id).inserted {
        reader.error("duplicate template id '\(template.id)'", at: item)
      }
      templates.append(template)
    }
    guard let language, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
    return (StandardQuestions(language: language, templates: templates), reader.diagnostics)
  }

  private static func template(_ node: Node, reader: NodeReader) -> Template? {
    guard let fields = reader.mapping(node, "a template", known: templateKeys) else { return nil }
    let id = fields["id"].flatMap { reader.id($0, "template id") }
    let stages = (fields["stages"].flatMap { reader.sequence($0, "stages") } ?? []).compactMap {
      reader.id($0, "stage")
    }
    let kind = fields["kind"].flatMap { reader.choice($0, "kind", as: QuestionKind.self) }
    let text = fields["text"].flatMap { reader.text($0, "text") }
    let answer = fields["answer_seconds"].flatMap {
      reader.integer($0, "answer_seconds", in: BankDefaults.answerSecondsRange, unit: "seconds")
    }
    let think = fields["think_seconds"].flatMap {
      reader.integer($0, "think_seconds", in: BankDefaults.thinkSecondsRange, unit: "seconds")
    }
    let forEach = fields["for_each"].flatMap { reader.choice($0, "for_each", as: Placeholder.self) }
    var followUps: [FollowUp] = []
    if case .mapping(let mapping)? = fields["follow_ups"] {
      for (key, value) in mapping {
        guard let category = reader.choice(key, "follow-up category", as: ScoreCategory.self) else { continue }
        followUps.append(FollowUp(category: category, questions: reader.textList(value, "follow-up")))
      }
    }
    guard let id, !stages.isEmpty, let kind, let text else {
      reader.error("a template needs id, stages, kind and text", at: node)
      return nil
    }
    return Template(
      id: id, stages: stages, kind: kind, text: text,
      answerSeconds: answer ?? BankDefaults.standard.answerSeconds,
      thinkSeconds: think ?? 0, followUps: followUps,
      answerPoints: reader.textList(fields["answer_points"], "answer_points"),
      pitfalls: reader.textList(fields["pitfalls"], "pitfalls"),
      forEach: forEach)
  }
}

/// What the person tells `banks new` about the company.
public struct CompanyProfile: Equatable, Sendable {
  public var id: String
  public var name: String
  public var language: Language
  public var industry: String?
  public var hiringBackground: String?
  public var requiredSkills: [String]
  public var preferredSkills: [String]
  public var mission: String?
  public var vision: String?
  public var values: [String]
  public var formatNotes: String?
  public var stages: [String]

  public init(
    id: String, name: String, language: Language, industry: String? = nil,
    hiringBackground: String? = nil, requiredSkills: [String] = [], preferredSkills: [String] = [],
    mission: String? = nil, vision: String? = nil, values: [String] = [], formatNotes: String? = nil,
    stages: [String] = Stage.defaultStages.map(\.id)
  ) {
    self.id = id
    self.name = name
    self.language = language
    self.industry = industry
    self.hiringBackground = hiringBackground
    self.requiredSkills = requiredSkills
    self.preferredSkills = preferredSkills
    self.mission = mission
    self.vision = vision
    self.values = values
    self.formatNotes = formatNotes
    self.stages = stages
  }
}

extension StandardQuestions {
  /// A bank for `profile`: its prep sheet, and the templates that fit its stages, in stage
  /// order, filled in with its name, values and skills.
  public func bank(for profile: CompanyProfile, path: String) -> QuestionBank {
    let company = Company(
      id: profile.id, name: profile.name, language: profile.language, type: .company,
      industry: profile.industry, hiringBackground: profile.hiringBackground,
      requiredSkills: profile.requiredSkills, preferredSkills: profile.preferredSkills,
      mission: profile.mission, vision: profile.vision, values: profile.values,
      formatNotes: profile.formatNotes, stages: profile.stages.map { Stage(id: $0) })

    var byStage: [String: [Question]] = [:]
    for template in templates {
      guard let stage = template.stages.first(where: profile.stages.contains) else { continue }
      let items: [String?]
      switch template.forEach {
      case nil: items = [nil]
      case .value: items = Array(profile.values.prefix(Self.maximumRepeats))
      case .requiredSkill: items = Array(profile.requiredSkills.prefix(Self.maximumRepeats))
      case .preferredSkill: items = Array(profile.preferredSkills.prefix(Self.maximumRepeats))
      }
      for (number, item) in items.enumerated() {
        func fill(_ text: String) -> String {
          var filled = text.replacingOccurrences(of: "{company}", with: profile.name)
          if let placeholder = template.forEach, let item {
            filled = filled.replacingOccurrences(of: "{\(placeholder.rawValue)}", with: item)
          }
          return filled
        }
        let id = items.count > 1 || template.forEach != nil ? "\(template.id)-\(number + 1)" : template.id
        byStage[stage, default: []].append(
          Question(
            id: id, text: fill(template.text), stage: stage, kind: template.kind,
            answerSeconds: template.answerSeconds, thinkSeconds: template.thinkSeconds,
            followUps: template.followUps.map { FollowUp(category: $0.category, questions: $0.questions.map(fill)) },
            answerPoints: template.answerPoints.map(fill), pitfalls: template.pitfalls.map(fill),
            source: QuestionSource(kind: .guide)))
      }
    }
    let questions = profile.stages.flatMap { byStage[$0] ?? [] }
    return QuestionBank(company: company, questions: questions, path: path)
  }
}
