import Foundation
import RehearseCore
import RehearseStore

/// `rehearse-benchmarks --plan`: the schedule at the scale issue 10 names (50 banks × 200
/// questions, 100,000 graded attempts): reading the review log from a store, rebuilding every
/// card's state from it (the rebuild), reading the kept states instead, and choosing today's
/// questions. Figures in the README.
enum PlanBenchmark {
  static func run() throws {
    let calendar = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    let schedule = PracticeSchedule(calendar: calendar)
    let banks = (0..<50).map { bank in
      QuestionBank(
        company: Company(id: "bank-\(bank)", name: "Bank \(bank)", language: .en, type: .fictional),
        questions: (0..<200).map { Question(id: "q\($0)", text: "Q\($0)", stage: "first", kind: .behavioural) },
        path: "bank-\(bank).yaml")
    }
    // 100,000 attempts over a year: each a card's next review, graded at random (seeded).
    var random = SplitMix64(seed: 7)
    var states: [CardID: CardState] = [:]
    var log: [ReviewEntry] = []
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    for index in 0..<100_000 {
      let card = CardID(bank: "bank-\(Int(random.next() % 50))", question: "q\(Int(random.next() % 200))")
      let at = start.addingTimeInterval(Double(index) * 315)
      let grade = FSRS.Grade(rawValue: Int(random.next() % 4) + 1)!
      let entry = schedule.review(card, state: states[card], grade: grade, at: at)
      states[card] = CardState(
        memory: entry.after, lastDay: calendar.day(of: at), due: entry.due, reviews: 1, lastGrade: grade)
      log.append(entry)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-plan-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store.open(home: folder)
    try store.appendReviews(log)
    let today = calendar.day(of: log.last!.at)
    let clock = ContinuousClock()
    var read: [Double] = []
    var rebuild: [Double] = []
    var choose: [Double] = []
    for _ in 0..<7 {
      let t0 = clock.now
      let kept = try store.cardStates()
      _ = try store.streak(today: today)
      let t1 = clock.now
      let replayed = schedule.states(replaying: try store.reviewLog())
      let t2 = clock.now
      _ = replayed.count
      _ = schedule.today(
        today, states: kept, banks: banks, finishedToday: [], newIntroducedToday: 0, count: 5, newLimit: 3)
      let t3 = clock.now
      read.append(milliseconds(t1 - t0))
      rebuild.append(milliseconds(t2 - t1))
      choose.append(milliseconds(t3 - t2))
    }
    print(
      String(
        format:
          "%d attempts, %d cards: reading the kept card states and the streak %.1f ms, today's questions %.1f ms; rebuilding everything from the log %.0f ms (medians of 7)",
        log.count, states.count, median(read), median(choose), median(rebuild)))
  }
}
