import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// Schema v2: the review log and followed companies, and the migration from a v1 store.
@Suite("Store: daily practice")
struct StorePracticeTests {
  @Test("a v1 store migrates to v2 on opening, keeping every drill")
  func migrationFromV1() throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url
      // A store as the previous build left it: schema v1 and one drill.
      let first = try Store.open(home: home)
      let url = first.url
      try first.close()
      try FileManager.default.removeItem(at: url)
      let queue = try DatabaseQueue(path: url.path)
      try StoreSchema.migrator(upTo: 1).migrate(queue)
      try queue.close()
      let old = try Store.open(home: home)
      #expect(try old.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 2)
      let session = try old.startSession(Fixtures.session())
      #expect(try old.sessions().map(\.id) == [session])
      #expect(try old.reviewLog().isEmpty)
      #expect(try old.followedCompanies().isEmpty)
    }
  }

  @Test("review entries and followed companies are kept and read back")
  func roundTrip() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let calendar = PracticeCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
      let schedule = PracticeSchedule(calendar: calendar)
      let card = CardID(bank: "kiso-consulting", question: "intro")
      let first = schedule.review(card, state: nil, grade: .good, at: Fixtures.start)
      let state = schedule.states(replaying: [first])[card]
      let second = schedule.review(card, state: state, grade: .hard, at: Fixtures.start.addingTimeInterval(3 * 86_400))
      try store.appendReviews([first, second])
      let log = try store.reviewLog()
      #expect(log.count == 2)
      #expect(log.map(\.grade) == [.good, .hard])
      #expect(log[1].before == first.after)
      #expect(abs(log[1].after.stability - second.after.stability) < 1e-12)
      #expect(log.map(\.due) == [first.due, second.due])
      #expect(schedule.states(replaying: log) == schedule.states(replaying: [first, second]))
      // The kept state is the replayed one: a plan reads one row per card.
      #expect(try store.cardStates() == schedule.states(replaying: log))
      #expect(try store.cardStates()[card]?.reviews == 2)
      let days = try store.practiceDays()
      #expect(days.map(\.day) == [second.day, first.day])
      #expect(days.map(\.reviews) == [1, 1])

      try store.follow(["kiso-consulting", "hoshino-seiki"], at: Fixtures.start)
      try store.follow(["kiso-consulting"], at: Fixtures.start.addingTimeInterval(60))
      #expect(try store.followedCompanies() == ["hoshino-seiki", "kiso-consulting"])
      #expect(try store.unfollow(["kiso-consulting", "nobody"]) == ["kiso-consulting"])
      #expect(try store.followedCompanies() == ["hoshino-seiki"])
    }
  }
}
