import Foundation

/// The person's own review of one answer (DESIGN §6): ratings per rubric criterion and the three
/// reflections. Saving it again replaces it (reflections can be added later with `review`).
public struct SelfReview: Sendable, Equatable {
  /// Rubric criterion id → rating 1…5.
  public var ratings: [String: Int]
  /// 何が良くなかったか.
  public var whatWentWrong: String?
  /// なぜそうなったか.
  public var why: String?
  /// 次はどうするか.
  public var nextTime: String?
  public var reviewedAt: Date

  public init(
    ratings: [String: Int], whatWentWrong: String? = nil, why: String? = nil, nextTime: String? = nil,
    reviewedAt: Date
  ) {
    self.ratings = ratings
    self.whatWentWrong = whatWentWrong
    self.why = why
    self.nextTime = nextTime
    self.reviewedAt = reviewedAt
  }
}
