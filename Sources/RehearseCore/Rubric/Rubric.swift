import Foundation
import Yams

/// The self-review rubric (DESIGN §6, SCORING.md): criteria rated 1–5 with anchors for 1, 3
/// and 5 in both languages, and three reflection prompts. Loaded from `Resources/Rubric`.
public struct Rubric: Sendable {
  public struct Criterion: Sendable, Equatable {
    public var id: String
    /// What the scorer measures for this criterion, for suggestions and calibration.
    public var scorer: String
    /// Rated only for failure questions.
    public var failureOnly: Bool
    public var name: [Language: String]
    /// Anchor texts for ratings 1, 3 and 5.
    public var anchors: [Int: [Language: String]]

    public func name(_ language: Language) -> String { name[language] ?? name[.en] ?? id }
    public func anchor(_ rating: Int, _ language: Language) -> String? { anchors[rating]?[language] }
  }

  public struct Prompt: Sendable, Equatable {
    public var id: String
    public var text: [Language: String]

    public func text(_ language: Language) -> String { text[language] ?? text[.en] ?? id }
  }

  public static let ratings = 1...5

  public var criteria: [Criterion]
  public var reflection: [Prompt]

  public init(criteria: [Criterion], reflection: [Prompt]) {
    self.criteria = criteria
    self.reflection = reflection
  }

  /// The criteria to rate for a question: failure review only for failure questions.
  public func criteria(for kind: QuestionKind?, isFailure: Bool = false) -> [Criterion] {
    criteria.filter { !$0.failureOnly || kind == .failure || isFailure }
  }

  // MARK: Loading

  public static func shipped() throws -> Rubric {
    guard let url = Bundle.module.url(forResource: "rubric", withExtension: "yaml", subdirectory: "Resources/Rubric")
    else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
  }

  private struct File: Decodable {
    struct CriterionFile: Decodable {
      var id: String
      var scorer: String
      var failureOnly: Bool?
      var name: [String: String]
      var anchors: [Int: [String: String]]

      enum CodingKeys: String, CodingKey {
        case id, scorer, name, anchors
        case failureOnly = "failure_only"
      }
    }
    struct PromptFile: Decodable {
      var id: String
      var prompt: [String: String]
    }
    var criteria: [CriterionFile]
    var reflection: [PromptFile]
  }

  public static func parse(_ yaml: String) throws -> Rubric {
    let file = try YAMLDecoder().decode(File.self, from: yaml)
    func languages(_ map: [String: String]) -> [Language: String] {
      Dictionary(uniqueKeysWithValues: map.compactMap { key, value in Language(rawValue: key).map { ($0, value) } })
    }
    return Rubric(
      criteria: file.criteria.map {
        Criterion(
          id: $0.id, scorer: $0.scorer, failureOnly: $0.failureOnly ?? false, name: languages($0.name),
          anchors: $0.anchors.mapValues(languages))
      },
      reflection: file.reflection.map { Prompt(id: $0.id, text: languages($0.prompt)) })
  }
}

/// Self-ratings beside what the scorer found, so over- and under-confidence show.
public struct Calibration: Sendable, Equatable {
  public enum Verdict: String, Sendable, Equatable {
    case aligned
    /// Rated 2+ points above what the scorer found.
    case overconfident
    /// Rated 2+ points below.
    case underconfident
  }

  public struct Entry: Sendable, Equatable {
    public var criterion: String
    public var selfRating: Int
    /// The scorer's view on the 1–5 scale, when it measures the criterion.
    public var suggested: Int?
    public var verdict: Verdict
  }

  public var entries: [Entry]

  public var flagged: [Entry] { entries.filter { $0.verdict != .aligned } }

  /// The scorer's view of each criterion on the rating scale: level 0 → 1, 1 → 2, 2 → 3,
  /// 3 → 5 (level 3 is what the 5 anchor describes).
  public static func suggestions(for criteria: [Rubric.Criterion], report: ScoreReport, hasCompany: Bool) -> [String:
    Int]
  {
    suggestions(
      for: criteria, levels: report.categories.mapValues(\.level), ownership: report.ownership,
      failureLevel: report.failureReview?.level, hasCompany: hasCompany)
  }

  /// The same from what a stored report keeps (a transcript read back): each category's level
  /// (with the follow-ups' help, as in the drill), the "I"/"we" counts and the failure review's
  /// level.
  public static func suggestions(
    for criteria: [Rubric.Criterion], levels: [ScoreCategory: Int], ownership: Ownership?, failureLevel: Int?,
    hasCompany: Bool
  ) -> [String: Int] {
    func rating(_ level: Int) -> Int { [1, 2, 3, 5][max(0, min(3, level))] }
    var result: [String: Int] = [:]
    for criterion in criteria {
      switch criterion.scorer {
      case "ownership":
        guard let own = ownership, own.firstPersonSingular + own.firstPersonPlural > 0 else { continue }
        // "My role and actions are clear" (3) needs an action told concretely: a reason, a
        // method or a result beside the "I". "I learned a lot and grew as a person" is a 2.
        let concrete =
          (levels[.reasoning] ?? 0) >= 1 || (levels[.evidence] ?? 0) >= 1 || (levels[.reproducibility] ?? 0) >= 2
        result[criterion.id] =
          own.firstPersonSingular == 0 ? 1 : (own.firstPersonSingular >= own.firstPersonPlural && concrete ? 3 : 2)
      case "failure_review":
        if let failureLevel { result[criterion.id] = rating(failureLevel) }
      case "company_fit" where !hasCompany:
        continue
      default:
        if let category = ScoreCategory(rawValue: criterion.scorer), let level = levels[category] {
          result[criterion.id] = rating(level)
        }
      }
    }
    return result
  }

  /// Compares ratings (criterion id → 1–5) with the scorer's suggestions.
  public static func compare(ratings: [String: Int], suggestions: [String: Int], order: [String]) -> Calibration {
    Calibration(
      entries: order.compactMap { id in
        guard let rating = ratings[id] else { return nil }
        let suggested = suggestions[id]
        var verdict = Verdict.aligned
        if let suggested {
          if rating - suggested >= 2 { verdict = .overconfident }
          if suggested - rating >= 2 { verdict = .underconfident }
        }
        return Entry(criterion: id, selfRating: rating, suggested: suggested, verdict: verdict)
      })
  }
}
