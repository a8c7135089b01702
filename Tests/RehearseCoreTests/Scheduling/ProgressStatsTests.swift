import Foundation
import RehearseCore
import Testing

/// `stats`'s figures on a controlled calendar.
@Suite("Progress statistics")
struct ProgressStatsTests {
  static let today = PracticeDay(year: 2026, month: 12, day: 5)

  static func attempt(
    _ question: String, daysAgo: Int, reasoning: Int, total: Int, inTime: Bool = true, timeUse: Double? = nil
  ) -> ProgressAttempt {
    ProgressAttempt(
      card: CardID(bank: "acme", question: question), day: today.adding(days: -daysAgo),
      levels: [.reasoning: reasoning, .structure: 2], total: total, inTime: inTime, timeUse: timeUse)
  }

  @Test("the report's figures: answers per day, and per week the answers, the share in time and the time used")
  func timeAndDays() {
    let attempts = [
      Self.attempt("a", daysAgo: 30, reasoning: 0, total: 20, timeUse: 0.5),
      Self.attempt("a", daysAgo: 9, reasoning: 0, total: 20, timeUse: 0.5),
      Self.attempt("b", daysAgo: 1, reasoning: 1, total: 40, timeUse: 0.8),
      Self.attempt("c", daysAgo: 1, reasoning: 1, total: 40, inTime: false, timeUse: 1.3),
      Self.attempt("d", daysAgo: 0, reasoning: 2, total: 60),
    ]
    let stats = ProgressStats(attempts: attempts, practisedDays: [], today: Self.today, days: 14)
    #expect(stats.firstDay == Self.today.adding(days: -13))
    #expect(
      stats.answersPerDay == [Self.today.adding(days: -9): 1, Self.today.adding(days: -1): 2, Self.today: 1],
      "30 days ago is outside the span")
    #expect(stats.weeks.map(\.answers) == [1, 3])
    #expect(stats.weeks.map(\.inTimeShare) == [1, 2.0 / 3])
    #expect(stats.weeks.map(\.meanTimeUse) == [0.5, (0.8 + 1.3) / 2], "answers without a time are left out")
    let empty = ProgressStats(attempts: [], practisedDays: [], today: Self.today, days: 7)
    #expect(empty.weeks.map(\.answers) == [0] && empty.weeks[0].inTimeShare == nil && empty.weeks[0].meanTimeUse == nil)
  }

  @Test("weekday: Monday 0 to Sunday 6")
  func weekday() {
    // 2026-12-05 is a Saturday; 1970-01-01 was a Thursday; 1969-12-29 a Monday.
    #expect(Self.today.weekday == 5)
    #expect(PracticeDay(number: 0).weekday == 3)
    #expect(PracticeDay(number: -3).weekday == 0)
    #expect(Self.today.adding(days: 2).weekday == 0)
  }

  @Test("weeks end today; practice days and each category's mean level per week; streaks")
  func weeks() {
    let attempts = [
      Self.attempt("a", daysAgo: 20, reasoning: 0, total: 20),
      Self.attempt("b", daysAgo: 8, reasoning: 1, total: 40),
      Self.attempt("a", daysAgo: 1, reasoning: 3, total: 80),
      Self.attempt("b", daysAgo: 0, reasoning: 2, total: 60, inTime: false),
    ]
    let practised: Set<PracticeDay> = [20, 8, 7, 1, 0].map { Self.today.adding(days: -$0) }.reduce(into: []) {
      $0.insert($1)
    }
    let stats = ProgressStats(attempts: attempts, practisedDays: practised, today: Self.today, days: 28)
    #expect(stats.weeks.map(\.end) == [21, 14, 7, 0].map { Self.today.adding(days: -$0) })
    #expect(stats.weeks.map(\.practiceDays) == [0, 1, 2, 2], "20 days ago is in the week ending 14 days ago")
    #expect(stats.weeks.map { $0.meanLevels[.reasoning] } == [nil, 0, 1, 2.5])
    #expect(stats.currentStreak == 2 && stats.longestStreak == 2)
    #expect(stats.inTimeShare == 0.75)
    #expect(stats.weakest.map(\.card.question) == ["a", "b"], "equal means (50): by id")
  }

  @Test("readiness: 60 from totals, 20 from timing, 20 from the last 14 days; the biggest gap is the advice")
  func readiness() {
    let steady = (0..<14).map { Self.attempt("q\($0)", daysAgo: $0, reasoning: 3, total: 100) }
    let every = Set((0..<14).map { Self.today.adding(days: -$0) })
    let full = ProgressStats(attempts: steady, practisedDays: every, today: Self.today, days: 28)
    #expect(full.readiness == 100)
    let late = steady.map { attempt -> ProgressAttempt in
      var late = attempt
      late.inTime = false
      return late
    }
    let slow = ProgressStats(attempts: late, practisedDays: every, today: Self.today, days: 28)
    #expect(slow.readiness == 80)
    #expect(slow.advice == .timing)
    let weak = [Self.attempt("a", daysAgo: 0, reasoning: 0, total: 10)]
    let low = ProgressStats(attempts: weak, practisedDays: [Self.today], today: Self.today, days: 28)
    let expected: Double = 0.1 * 60 + 20 + 20.0 / 14
    #expect(low.readiness == Int(expected.rounded()))
    #expect(low.readiness ?? 100 < ProgressStats.lowReadiness)
    #expect(low.advice == .category(.reasoning))
    #expect(ProgressStats(attempts: [], practisedDays: [], today: Self.today, days: 28).readiness == nil)
  }
}
