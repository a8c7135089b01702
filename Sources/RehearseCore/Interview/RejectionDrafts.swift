import Foundation

/// The two message drafts offered after a rejection (`Resources/Interview/after-rejection.yaml`):
/// asking for feedback, and asking to be considered again if a place opens; filled in from the
/// person's own debrief, in the bank's language.
public struct RejectionDrafts: Sendable, Equatable {
  var feedback: LocalizedText
  var secondChance: LocalizedText
  var name: LocalizedText
  var improvements: [String: LocalizedText]

  private struct File: Decodable {
    var version: Int
    var feedback: LocalizedText
    var secondChance: LocalizedText
    var name: LocalizedText
    var improvement: [String: LocalizedText]

    enum CodingKeys: String, CodingKey {
      case version, feedback, name, improvement
      case secondChance = "second_chance"
    }
  }

  public static func shipped() throws -> RejectionDrafts {
    let file = try InterviewResources.load("after-rejection", as: File.self)
    return RejectionDrafts(
      feedback: file.feedback, secondChance: file.secondChance, name: file.name, improvements: file.improvement)
  }

  /// What the drafts are filled in from.
  public struct Facts: Sendable, Equatable {
    public var company: String
    public var stage: String
    public var date: String
    /// A question the person was asked (the weakest answer's).
    public var topic: String
    /// The person's own note of what to do next time, if they wrote one.
    public var nextTime: String?
    /// The category the weakest answer lacked most, for a phrase when there is no note.
    public var weakest: ScoreCategory?

    public init(
      company: String, stage: String, date: String, topic: String, nextTime: String?, weakest: ScoreCategory?
    ) {
      self.company = company
      self.stage = stage
      self.date = date
      self.topic = topic
      self.nextTime = nextTime
      self.weakest = weakest
    }
  }

  private func values(_ facts: Facts, _ language: Language) -> [String: String] {
    let phrase = (facts.weakest.flatMap { improvements[$0.rawValue] } ?? improvements["default"])?.text(language) ?? ""
    let improvement: String
    if let note = facts.nextTime?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
      improvement = language == .ja ? "「\(note)」こと" : "“\(note)”"
    } else {
      improvement = phrase
    }
    return [
      "company": facts.company, "stage": facts.stage, "date": facts.date, "topic": facts.topic,
      "improvement": improvement, "name": name.text(language),
    ]
  }

  public func feedback(_ facts: Facts, language: Language) -> String {
    InterviewResources.fill(feedback.text(language), values(facts, language))
  }

  public func secondChance(_ facts: Facts, language: Language) -> String {
    InterviewResources.fill(secondChance.text(language), values(facts, language))
  }
}
