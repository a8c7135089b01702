import Foundation
import RehearseCore

/// The JSON shapes of `banks list --json` and `banks show --json`. Keys are snake_case like the
/// bank format; `id`, `name`, `language`, `questions`, `stages` and `path` are a contract.
enum BankJSON {
  struct Summary: Encodable {
    var id: String
    var name: String
    var language: String
    var type: String
    var questions: Int
    var stages: [String]
    var path: String
    var origin: String
    /// Followed with `rehearse follow` (daily practice draws from followed banks).
    var followed: Bool
  }

  struct Sheet: Encodable {
    var id: String
    var name: String
    var language: String
    var type: String
    var industry: String?
    var summary: String?
    var hiringBackground: String?
    var requiredSkills: [String]
    var preferredSkills: [String]
    var mission: String?
    var vision: String?
    var values: [String]
    var formatNotes: String?
    var stages: [StageJSON]
    var questions: [QuestionJSON]
    var path: String
    var origin: String

    enum CodingKeys: String, CodingKey {
      case id, name, language, type, industry, summary
      case hiringBackground = "hiring_background"
      case requiredSkills = "required_skills"
      case preferredSkills = "preferred_skills"
      case mission, vision, values
      case formatNotes = "format_notes"
      case stages, questions, path, origin
    }
  }

  struct StageJSON: Encodable {
    var id: String
    var name: String?
    var mode: String?
    var minutes: Int?
    var interviewers: String?
    var notes: String?
  }

  struct QuestionJSON: Encodable {
    var id: String
    var text: String
    var stage: String
    var kind: String
    var answerSeconds: Int
    var thinkSeconds: Int
    var followUps: [String: [String]]
    var tags: [String]
    var answerPoints: [String]
    var pitfalls: [String]
    var source: SourceJSON?

    enum CodingKeys: String, CodingKey {
      case id, text, stage, kind
      case answerSeconds = "answer_seconds"
      case thinkSeconds = "think_seconds"
      case followUps = "follow_ups"
      case tags
      case answerPoints = "answer_points"
      case pitfalls, source
    }
  }

  struct SourceJSON: Encodable {
    var type: String
    var years: [Int]
    var note: String?
  }

  static func summary(_ loaded: LoadedBank, followed: Bool = false) -> Summary {
    let company = loaded.bank.company
    return Summary(
      id: company.id, name: company.name, language: company.language.rawValue, type: company.type.rawValue,
      questions: loaded.bank.questions.count, stages: company.stages.map(\.id), path: loaded.bank.path,
      origin: loaded.origin.rawValue, followed: followed)
  }

  static func sheet(_ loaded: LoadedBank) -> Sheet {
    let bank = loaded.bank
    let c = bank.company
    return Sheet(
      id: c.id, name: c.name, language: c.language.rawValue, type: c.type.rawValue, industry: c.industry,
      summary: c.summary, hiringBackground: c.hiringBackground, requiredSkills: c.requiredSkills,
      preferredSkills: c.preferredSkills, mission: c.mission, vision: c.vision, values: c.values,
      formatNotes: c.formatNotes,
      stages: c.stages.map {
        StageJSON(
          id: $0.id, name: $0.name, mode: $0.mode?.rawValue, minutes: $0.minutes, interviewers: $0.interviewers,
          notes: $0.notes)
      },
      questions: bank.questions.map { q in
        QuestionJSON(
          id: q.id, text: q.text, stage: q.stage, kind: q.kind.rawValue, answerSeconds: q.answerSeconds,
          thinkSeconds: q.thinkSeconds,
          followUps: Dictionary(uniqueKeysWithValues: q.followUps.map { ($0.category.rawValue, $0.questions) }),
          tags: q.tags, answerPoints: q.answerPoints, pitfalls: q.pitfalls,
          source: q.source.map { SourceJSON(type: $0.kind.rawValue, years: $0.years, note: $0.note) })
      },
      path: bank.path, origin: loaded.origin.rawValue)
  }

}
