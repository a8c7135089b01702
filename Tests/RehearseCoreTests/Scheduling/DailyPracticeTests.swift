import Foundation
import RehearseCore
import Testing

/// `daily`'s choice of questions, the streak and `retry`'s choice, on a controlled clock.
@Suite("Daily practice and retries")
struct DailyPracticeTests {
  static let schedule = PracticeScheduleTests.schedule
  static let day = PracticeScheduleTests.calendar.day(of: PracticeScheduleTests.morning(10))

  static let banks = [
    PracticeScheduleTests.bank(
      "a", [("a-intro", .selfIntroduction), ("a-why", .motivation), ("a-story", .behavioural), ("a-fail", .failure)]),
    PracticeScheduleTests.bank("b", [("b-intro", .selfIntroduction), ("b-why", .motivation), ("b-case", .case)]),
  ]

  /// A card reviewed `daysAgo` with grade `grade` (its due day from FSRS).
  static func state(daysAgo: Int, grade: FSRS.Grade = .good) -> CardState {
    let at = PracticeScheduleTests.morning(10 - daysAgo)
    let entry = schedule.review(CardID(bank: "x", question: "x"), state: nil, grade: grade, at: at)
    return entry.state(reviewsBefore: 0)
  }

  @Test("without --count, what is left of the goal: answers today count, a second run continues")
  func continuesTheDay() {
    let states = [
      CardID(bank: "a", question: "a-intro"): Self.state(daysAgo: 9),
      CardID(bank: "b", question: "b-intro"): Self.state(daysAgo: 9),
    ]
    let first = Self.schedule.daily(
      Self.day, states: states, banks: Self.banks, practisedToday: [], answeredToday: 0, introducedToday: 0, goal: 4,
      count: nil, newLimit: 3, seed: 0)
    #expect(first.due.count == 2)
    #expect(first.new.count == 2, "4 in all: the goal")
    #expect(first.doneToday == 0 && first.goal == 4)
    // The first run stopped after two answers and a skip.
    let practised = Set(first.cards.prefix(3))
    let second = Self.schedule.daily(
      Self.day, states: states, banks: Self.banks, practisedToday: practised, answeredToday: 2, introducedToday: 1,
      goal: 4, count: nil, newLimit: 3, seed: 0)
    #expect(second.cards.count == 2, "the goal minus the two answered")
    #expect(practised.isDisjoint(with: second.cards), "nothing practised today is asked again")
    #expect(second.doneToday == 2)
    // With the goal met, nothing more without --count.
    let met = Self.schedule.daily(
      Self.day, states: states, banks: Self.banks, practisedToday: practised, answeredToday: 4, introducedToday: 1,
      goal: 4, count: nil, newLimit: 3, seed: 0)
    #expect(met.cards.isEmpty)
    let asked = Self.schedule.daily(
      Self.day, states: states, banks: Self.banks, practisedToday: practised, answeredToday: 4, introducedToday: 1,
      goal: 4, count: 2, newLimit: 3, seed: 0)
    #expect(asked.cards.count == 2, "--count asks for more anyway")
  }

  @Test("new questions: rationed per day, interview order per bank, banks in turn")
  func newQuestions() {
    let choice = Self.schedule.daily(
      Self.day, states: [:], banks: Self.banks, practisedToday: [], answeredToday: 0, introducedToday: 0, goal: 5,
      count: nil, newLimit: 3, seed: 0)
    #expect(choice.due.isEmpty)
    #expect(choice.new.map(\.question) == ["a-intro", "b-intro", "a-why"])
    #expect(choice.neverPractised == 4)
    let rationed = Self.schedule.daily(
      Self.day, states: [:], banks: Self.banks, practisedToday: [], answeredToday: 2, introducedToday: 2, goal: 5,
      count: nil, newLimit: 3, seed: 0)
    #expect(rationed.new.count == 1, "two of today's three already introduced")
    let seeded = Self.schedule.daily(
      Self.day, states: [:], banks: Self.banks, practisedToday: [], answeredToday: 0, introducedToday: 0, goal: 5,
      count: nil, newLimit: 3, seed: 1)
    #expect(seeded.new.first?.bank == "b", "the seed decides which bank goes first")
    #expect(seeded.new.map(\.question) == ["b-intro", "a-intro", "b-why"])
    for bank in ["a", "b"] {
      let order = seeded.new.filter { $0.bank == bank }.map(\.question)
      let interview = Self.banks.first { $0.company.id == bank }!.questions.map(\.id)
      #expect(order == interview.filter(order.contains), "\(bank)'s questions keep its interview order")
    }
  }

  @Test("due questions come first: most overdue, then the least likely recalled; the rest is counted")
  func dueFirst() {
    let states = [
      CardID(bank: "a", question: "a-story"): Self.state(daysAgo: 9, grade: .good),
      CardID(bank: "b", question: "b-case"): Self.state(daysAgo: 3, grade: .again),
      CardID(bank: "a", question: "a-fail"): Self.state(daysAgo: 1, grade: .again),
    ]
    let choice = Self.schedule.daily(
      Self.day, states: states, banks: Self.banks, practisedToday: [], answeredToday: 0, introducedToday: 0, goal: 2,
      count: nil, newLimit: 3, seed: 0)
    #expect(choice.due.map(\.question) == ["a-story", "b-case"])
    #expect(choice.new.isEmpty)
    #expect(choice.moreDue == 1)
  }

  @Test("the streak counts practice days in a row; today without practice yet does not break it")
  func streak() {
    let day = Self.day
    #expect(PracticeSchedule.streak([], today: day) == 0)
    #expect(PracticeSchedule.streak([day.adding(days: -1), day.adding(days: -2)], today: day) == 2)
    #expect(PracticeSchedule.streak([day, day.adding(days: -1), day.adding(days: -3)], today: day) == 2)
    #expect(PracticeSchedule.streak([day.adding(days: -2)], today: day) == 0, "a missed day ends it")
  }

  static func attempt(
    _ id: String, grade: FSRS.Grade, outcome: AttemptFacts.Outcome = .answered, levels: [ScoreCategory: Int] = [:],
    timedOut: Bool = false, total: Int? = nil, daysAgo: Int = 1
  ) -> PreviousAttempt {
    PreviousAttempt(
      card: CardID(bank: "a", question: id), grade: grade,
      facts: AttemptFacts(
        outcome: outcome, kind: .behavioural, levels: levels, seconds: 60, limitSeconds: 90, timedOut: timedOut),
      total: total, answeredAt: PracticeScheduleTests.morning(10 - daysAgo), nextTime: nil)
  }

  @Test("retry chooses the worst: unanswered first, Again before Hard, cut at the deadline, lowest levels")
  func retryChoice() {
    let weakLevels: [ScoreCategory: Int] = [.reasoning: 0, .reproducibility: 1, .evidence: 0]
    let attempts = [
      Self.attempt("good", grade: .good, levels: [.reasoning: 3, .reproducibility: 2, .evidence: 2]),
      Self.attempt("hard", grade: .hard, levels: [.reasoning: 2, .reproducibility: 1, .evidence: 1]),
      Self.attempt("again", grade: .again, levels: weakLevels, total: 20),
      Self.attempt("again-cut", grade: .again, levels: weakLevels, timedOut: true, total: 30),
      Self.attempt("skipped", grade: .again, outcome: .skipped),
      Self.attempt("again-lower", grade: .again, levels: [.reasoning: 0, .reproducibility: 0, .evidence: 0]),
    ]
    #expect(
      Retry.choose(attempts, count: 10).map(\.card.question) == [
        "skipped", "again-cut", "again-lower", "again", "hard",
      ])
    #expect(Retry.choose(attempts, count: 2).count == 2)
    #expect(Retry.choose([attempts[0]], count: 3).isEmpty, "a Good answer needs no second chance")
  }

  @Test("what the last attempt lacked, and each category against it")
  func retryComparison() {
    let last = Self.attempt("story", grade: .again, levels: [.reasoning: 0, .reproducibility: 2, .evidence: 1])
    #expect(last.lacked == [.reasoning, .evidence])
    #expect(Self.attempt("s", grade: .again, outcome: .skipped).lacked.isEmpty, "the outcome says it")
    let changes = Retry.compare(
      previous: last, now: [.reasoning: 2, .reproducibility: 1, .evidence: 1, .structure: 2])
    #expect(changes.map(\.category) == [.reasoning, .reproducibility, .evidence, .structure])
    #expect(changes.map(\.direction) == [.better, .worse, .same, .better])
    // Company fit counts when the answer was judged on it (a company's bank).
    var judged = Self.attempt(
      "story", grade: .again, levels: [.reasoning: 2, .reproducibility: 2, .evidence: 2, .companyFit: 0])
    judged.mainLevels = judged.facts.levels
    #expect(judged.lacked == [.companyFit])
    #expect(
      Retry.compare(previous: judged, now: [.companyFit: 3]).first { $0.category == .companyFit }
        == LevelChange(category: .companyFit, before: 0, after: 3))
    let unanswered = Retry.compare(previous: last, now: nil)
    #expect(unanswered.allSatisfy { $0.after == nil })
  }
}
