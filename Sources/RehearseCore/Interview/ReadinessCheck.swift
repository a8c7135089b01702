import Foundation

/// The one-minute readiness self-check (`Resources/Interview/readiness.yaml`): statements rated
/// 1–5, a score out of 100, strengths, and the two things to improve first.
public struct ReadinessCheck: Sendable, Equatable {
  public struct Question: Sendable, Equatable {
    public var id: String
    public var statement: LocalizedText
    /// How a high rating reads as a strength.
    public var strength: LocalizedText
    /// What to do when the rating is low.
    public var advice: LocalizedText
  }

  public var questions: [Question]
  /// The five points of the scale, in each language.
  public var scale: [Language: [String]]

  /// Under this the result says plainly that the person is not ready.
  public static let low = 40

  private struct File: Decodable {
    struct QuestionFile: Decodable {
      var id: String
      var statement: LocalizedText
      var strength: LocalizedText
      var advice: LocalizedText
    }
    var version: Int
    var scale: [String: [String]]
    var questions: [QuestionFile]
  }

  public static func shipped() throws -> ReadinessCheck {
    let file = try InterviewResources.load("readiness", as: File.self)
    return ReadinessCheck(
      questions: file.questions.map {
        Question(id: $0.id, statement: $0.statement, strength: $0.strength, advice: $0.advice)
      },
      scale: Dictionary(
        uniqueKeysWithValues: file.scale.compactMap { key, value in Language(rawValue: key).map { ($0, value) } }))
  }

  /// The result of a set of ratings (question id → 1…5; unrated questions are left out).
  public struct Result: Sendable, Equatable {
    /// 0–100: the mean rating, 1 as 0 and 5 as 100.
    public var score: Int
    /// The questions rated 4 or 5, highest first (at most three).
    public var strengths: [Question]
    /// The two lowest-rated questions under 4, lowest first (the file's order breaks ties).
    public var improveFirst: [Question]

    public var isLow: Bool { score < ReadinessCheck.low }
  }

  public func result(_ ratings: [String: Int]) -> Result {
    let rated = questions.enumerated().compactMap { offset, question in
      ratings[question.id].map { (question: question, rating: max(1, min(5, $0)), offset: offset) }
    }
    guard !rated.isEmpty else { return Result(score: 0, strengths: [], improveFirst: []) }
    let mean = Double(rated.reduce(0) { $0 + $1.rating - 1 }) / Double(rated.count) / 4
    let strengths = rated.filter { $0.rating >= 4 }.sorted { ($1.rating, $0.offset) < ($0.rating, $1.offset) }
    let weakest = rated.filter { $0.rating < 4 }.sorted { ($0.rating, $0.offset) < ($1.rating, $1.offset) }
    return Result(
      score: Int((mean * 100).rounded()), strengths: strengths.prefix(3).map(\.question),
      improveFirst: weakest.prefix(2).map(\.question))
  }
}
