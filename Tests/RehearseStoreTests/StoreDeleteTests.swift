import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// Deleting a drill or everything about a company: the answers, the index and the schedule.
@Suite("Store: delete and forget")
struct StoreDeleteTests {
  static let schedule = PracticeSchedule(calendar: PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!))

  @Test("deleting a drill takes its attempts out of the schedule; the card is scheduled from what remains")
  func deleteReschedules() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let card = CardID(bank: "kiso-consulting", question: "intro")
      let (first, _) = try StorePracticeTests.answer(store, level: 3)
      let (second, _) = try StorePracticeTests.answer(
        store, level: 0, at: Fixtures.start.addingTimeInterval(3 * 86_400))
      try store.syncReviewLog(Self.schedule)
      #expect(try store.cardStates()[card]?.reviews == 2)
      let removed = try store.delete(second, schedule: Self.schedule)
      #expect(removed == Store.Removed(sessions: 1, answers: 1))
      let log = try store.reviewLog()
      #expect(log.count == 1)
      #expect(try store.cardStates() == Self.schedule.states(replaying: log))
      try store.delete(first, schedule: Self.schedule)
      #expect(try store.cardStates().isEmpty && store.reviewLog().isEmpty)
      #expect(try store.sessions().isEmpty)
      #expect(throws: StoreError.unknownSession(path: store.path, id: first.rawValue)) {
        try store.delete(first, schedule: Self.schedule)
      }
    }
  }

  @Test("forgetting a company removes its drills, its answers in mixed drills, its schedule and following it")
  func forget() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      _ = try StorePracticeTests.answer(store, company: "kiso-consulting")
      // A daily drill across two banks.
      let mixed = try store.startSession(
        Fixtures.session(company: "kiso-consulting,hoshino-seiki", name: "基礎 · 星野"))
      for company in ["kiso-consulting", "hoshino-seiki"] {
        var question = Fixtures.question("intro")
        question.companyID = company
        let asked = try store.addQuestion(question, to: mixed)
        try store.finishAnswer(
          asked,
          outcome: AnswerOutcome(status: .answered, text: "答え \(company)", secondsUsed: 10, finishedAt: Fixtures.start))
      }
      try store.finishSession(mixed, reason: .finished, at: Fixtures.start.addingTimeInterval(60))
      try store.follow(["kiso-consulting"], at: Fixtures.start)
      try store.syncReviewLog(Self.schedule)
      let removed = try store.forget(company: "kiso-consulting")
      #expect(removed.answers == 2)
      let sessions = try store.sessions()
      #expect(sessions.map(\.companyID) == ["hoshino-seiki"], "the mixed drill keeps the other company's answer")
      #expect(sessions.first?.companyName == "星野")
      #expect(try store.search("kiso").isEmpty && store.search("hoshino").count == 1)
      #expect(try store.followedCompanies().isEmpty)
      #expect(try store.cardStates().keys.map(\.bank) == ["hoshino-seiki"])
      #expect(try store.reviewLog().allSatisfy { $0.card.bank == "hoshino-seiki" })
    }
  }
}
