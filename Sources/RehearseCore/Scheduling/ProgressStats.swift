import Foundation

/// One answered question, as progress is measured from it (`rehearse stats`).
public struct ProgressAttempt: Sendable, Equatable {
  public var card: CardID
  /// The practice day it was answered on.
  public var day: PracticeDay
  /// The levels of the categories it was judged on.
  public var levels: [ScoreCategory: Int]
  public var total: Int
  /// Within its time limit (not over, not cut at the deadline).
  public var inTime: Bool
  /// The time used as a share of the limit (1 is all of it), when known.
  public var timeUse: Double?

  public init(
    card: CardID, day: PracticeDay, levels: [ScoreCategory: Int], total: Int, inTime: Bool, timeUse: Double? = nil
  ) {
    self.card = card
    self.day = day
    self.levels = levels
    self.total = total
    self.inTime = inTime
    self.timeUse = timeUse
  }
}

/// Progress over a span of days (pure: the days, answers and today come in): practice days per
/// week, streaks, each category's mean level per week, time discipline, the weakest questions,
/// and a readiness score.
public struct ProgressStats: Equatable, Sendable {
  /// One week (seven practice days ending on `end`, the last one ending today).
  public struct Week: Equatable, Sendable {
    public var end: PracticeDay
    public var practiceDays: Int
    /// Each category's mean level that week, for the categories judged that week.
    public var meanLevels: [ScoreCategory: Double]
    /// Answers that week.
    public var answers: Int = 0
    /// The share of that week's answers within their limit; nil with none.
    public var inTimeShare: Double?
    /// The mean share of the limit used, over the answers whose time is known; nil with none.
    public var meanTimeUse: Double?
  }

  /// What raises readiness most, when it is low.
  public enum Advice: Equatable, Sendable {
    /// A category's level (the weakest one).
    case category(ScoreCategory)
    /// Answering within the time limit.
    case timing
    /// Practising on more days.
    case regularity
  }

  public var weeks: [Week]
  public var currentStreak: Int
  public var longestStreak: Int
  /// The share of answers within their time limit, nil with no answers.
  public var inTimeShare: Double?
  /// Answers on each day of the span that had any.
  public var answersPerDay: [PracticeDay: Int]
  /// The span's first day.
  public var firstDay: PracticeDay
  /// The questions with the lowest mean total, worst first, at most five (mean, attempts).
  public var weakest: [(card: CardID, mean: Double, attempts: Int)]
  /// 0–100 (nil with no answers): 60 from the mean total of the last 20 answers, 20 from time
  /// discipline over them, 20 from practice on the last 14 days.
  public var readiness: Int?
  public var advice: Advice?

  public static func == (lhs: ProgressStats, rhs: ProgressStats) -> Bool {
    lhs.weeks == rhs.weeks && lhs.answersPerDay == rhs.answersPerDay && lhs.currentStreak == rhs.currentStreak
      && lhs.longestStreak == rhs.longestStreak
      && lhs.inTimeShare == rhs.inTimeShare && lhs.readiness == rhs.readiness && lhs.advice == rhs.advice
      && lhs.weakest.map(\.card) == rhs.weakest.map(\.card)
  }

  /// Readiness under this is called out plainly.
  public static let lowReadiness = 40

  public init(attempts: [ProgressAttempt], practisedDays: Set<PracticeDay>, today: PracticeDay, days: Int) {
    let first = today.adding(days: -(days - 1))
    let recent = attempts.filter { $0.day >= first && $0.day <= today }
    firstDay = first
    answersPerDay = recent.reduce(into: [:]) { $0[$1.day, default: 0] += 1 }
    // Weeks back from today, oldest first.
    let weekCount = max(1, (days + 6) / 7)
    weeks = (0..<weekCount).reversed().map { back in
      let end = today.adding(days: -7 * back)
      let start = end.adding(days: -6)
      let inWeek = recent.filter { $0.day >= start && $0.day <= end }
      var means: [ScoreCategory: Double] = [:]
      for category in ScoreCategory.allCases {
        let levels = inWeek.compactMap { $0.levels[category] }
        if !levels.isEmpty { means[category] = Double(levels.reduce(0, +)) / Double(levels.count) }
      }
      let uses = inWeek.compactMap(\.timeUse)
      return Week(
        end: end, practiceDays: (0..<7).count { practisedDays.contains(start.adding(days: $0)) },
        meanLevels: means, answers: inWeek.count,
        inTimeShare: inWeek.isEmpty ? nil : Double(inWeek.count { $0.inTime }) / Double(inWeek.count),
        meanTimeUse: uses.isEmpty ? nil : uses.reduce(0, +) / Double(uses.count))
    }
    currentStreak = PracticeSchedule.streak(practisedDays, today: today)
    var longest = 0
    for day in practisedDays where !practisedDays.contains(day.adding(days: -1)) {
      var length = 1
      while practisedDays.contains(day.adding(days: length)) { length += 1 }
      longest = max(longest, length)
    }
    longestStreak = longest
    inTimeShare = recent.isEmpty ? nil : Double(recent.count { $0.inTime }) / Double(recent.count)

    var byCard: [CardID: [Int]] = [:]
    for attempt in recent { byCard[attempt.card, default: []].append(attempt.total) }
    weakest = byCard.map { card, totals in
      (card: card, mean: Double(totals.reduce(0, +)) / Double(totals.count), attempts: totals.count)
    }
    .sorted { ($0.mean, $0.card) < ($1.mean, $1.card) }
    .prefix(5).map { $0 }

    let last = recent.sorted { $0.day < $1.day }.suffix(20)
    guard !last.isEmpty else {
      readiness = nil
      advice = nil
      return
    }
    let quality = Double(last.reduce(0) { $0 + $1.total }) / Double(last.count) / 100
    let timing = Double(last.count { $0.inTime }) / Double(last.count)
    let regularity = Double((0..<14).count { practisedDays.contains(today.adding(days: -$0)) }) / 14
    readiness = Int((quality * 60 + timing * 20 + regularity * 20).rounded())
    // What would raise it most: the biggest gap, weighted as in the score.
    let gaps: [(Advice, Double)] = [
      (.timing, (1 - timing) * 20), (.regularity, (1 - regularity) * 20),
    ]
    let categoryMeans = ScoreCategory.allCases.compactMap { category -> (ScoreCategory, Double)? in
      let levels = last.compactMap { $0.levels[category] }
      return levels.isEmpty ? nil : (category, Double(levels.reduce(0, +)) / Double(levels.count))
    }
    var best = gaps.max { $0.1 < $1.1 }
    if let weakest = categoryMeans.min(by: { $0.1 < $1.1 }) {
      let gap = (1 - quality) * 60
      if best.map({ gap >= $0.1 }) ?? true { best = (.category(weakest.0), gap) }
    }
    advice = best?.0
  }
}
