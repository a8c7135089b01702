import Foundation
import RehearseCore
import Testing

/// The daily-practice schedule on a controlled clock (no system time, no system time zone).
@Suite("The practice schedule")
struct PracticeScheduleTests {
  static let calendar = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
  static let schedule = PracticeSchedule(calendar: calendar)
  /// 2026-12-01 09:00 in Tokyo, plus whole days.
  static func morning(_ day: Int, hour: Int = 9) -> Date {
    Date(timeIntervalSince1970: 1_764_547_200 + Double(day) * 86_400 + Double(hour - 9) * 3_600)
  }

  static func bank(_ id: String, _ kinds: [(String, QuestionKind)]) -> QuestionBank {
    QuestionBank(
      company: Company(id: id, name: id, language: .ja, type: .fictional),
      questions: kinds.map { Question(id: $0.0, text: $0.0, stage: "first", kind: $0.1) }, path: "\(id).yaml")
  }

  @Test("good answers push a question further out; a bad one brings it back soon")
  func intervals() {
    let card = CardID(bank: "a", question: "q")
    var state: CardState?
    var day = 0
    var gaps: [Int] = []
    for _ in 0..<4 {
      let entry = Self.schedule.review(card, state: state, grade: .good, at: Self.morning(day))
      state = CardState(
        memory: entry.after, lastDay: Self.calendar.day(of: entry.at), due: entry.due, reviews: 1, lastGrade: .good)
      let gap = entry.due.days(since: Self.calendar.day(of: entry.at))
      gaps.append(gap)
      day += gap
    }
    #expect(gaps == gaps.sorted() && Set(gaps).count == gaps.count, "\(gaps)")
    let forgotten = Self.schedule.review(card, state: state, grade: .again, at: Self.morning(day))
    #expect(forgotten.due.days(since: Self.calendar.day(of: forgotten.at)) < gaps.last!)
  }

  @Test("practice at 1 am belongs to the evening before")
  func rollover() {
    let card = CardID(bank: "a", question: "q")
    let late = Self.schedule.review(card, state: nil, grade: .good, at: Self.morning(1, hour: 25))  // 01:00 on day 2
    let evening = Self.schedule.review(card, state: nil, grade: .good, at: Self.morning(1, hour: 21))
    #expect(late.due == evening.due)
  }

  @Test("the schedule rebuilt from the log is the schedule kept along the way")
  func replay() {
    let cards = [CardID(bank: "a", question: "q1"), CardID(bank: "a", question: "q2")]
    var log: [ReviewEntry] = []
    var states: [CardID: CardState] = [:]
    let grades: [FSRS.Grade] = [.good, .hard, .again, .good, .easy, .good]
    for (index, grade) in grades.enumerated() {
      let card = cards[index % 2]
      let entry = Self.schedule.review(card, state: states[card], grade: grade, at: Self.morning(index * 3))
      log.append(entry)
      states[card] = CardState(
        memory: entry.after, lastDay: Self.calendar.day(of: entry.at), due: entry.due,
        reviews: (states[card]?.reviews ?? 0) + 1, lastGrade: grade)
    }
    #expect(Self.schedule.states(replaying: log.shuffled()) == states)
  }

  @Test("due questions first, most overdue first; then new ones rationed, in interview order, banks in turn")
  func today() {
    let a = Self.bank(
      "a", [("deep", .behavioural), ("why-us", .motivation), ("intro", .selfIntroduction), ("ask", .reverseQuestion)])
    let b = Self.bank("b", [("fail", .failure), ("intro", .selfIntroduction)])
    let day = Self.calendar.day(of: Self.morning(10))
    func state(due: Int, stability: Double) -> CardState {
      CardState(
        memory: FSRS.Memory(stability: stability, difficulty: 5), lastDay: day.adding(days: -10),
        due: day.adding(days: due),
        reviews: 1, lastGrade: .good)
    }
    let states: [CardID: CardState] = [
      CardID(bank: "a", question: "deep"): state(due: 0, stability: 10),
      CardID(bank: "b", question: "fail"): state(due: -3, stability: 10),
      CardID(bank: "gone", question: "x"): state(due: -9, stability: 1),  // its bank is no longer followed
    ]
    let plan = Self.schedule.today(
      day, states: states, banks: [a, b], finishedToday: [], newIntroducedToday: 0, count: 5, newLimit: 3)
    #expect(plan.due == [CardID(bank: "b", question: "fail"), CardID(bank: "a", question: "deep")])
    #expect(
      plan.new == [
        CardID(bank: "a", question: "intro"), CardID(bank: "b", question: "intro"),
        CardID(bank: "a", question: "why-us"),
      ])

    let later = Self.schedule.today(
      day, states: states, banks: [a, b], finishedToday: [CardID(bank: "b", question: "fail")], newIntroducedToday: 2,
      count: 5, newLimit: 3)
    #expect(later.due == [CardID(bank: "a", question: "deep")], "finished today is not offered again")
    #expect(later.new.count == 1, "only the new questions left of today's ration")
    let short = Self.schedule.today(
      day, states: states, banks: [a, b], finishedToday: [], newIntroducedToday: 0, count: 1, newLimit: 3)
    #expect(short.due.count == 1 && short.new.isEmpty, "the count covers due questions first")
  }
}
