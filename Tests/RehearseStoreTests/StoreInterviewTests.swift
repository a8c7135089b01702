import Foundation
import GRDB
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseStore

/// What surrounds a real interview (schema v5): preflights, readiness checks, outcomes.
@Suite("Store: preflight, readiness checks and outcomes")
struct StoreInterviewTests {
  @Test("a preflight comes back with its answers in the order asked; forgetting the company removes it")
  func preflight() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let record = PreflightRecord(
        companyID: "acme", stage: "second", mode: "online", interviewAt: Fixtures.start.addingTimeInterval(86_400),
        checkedAt: Fixtures.start, answers: [("room", true), ("link", false), ("camera-microphone", true)])
      let id = try store.savePreflight(record)
      try store.savePreflight(
        PreflightRecord(
          companyID: "other", stage: nil, mode: "in-person", interviewAt: nil, checkedAt: Fixtures.start,
          answers: [("route", true)]))
      var kept = try #require(try store.preflights(company: "acme").first)
      #expect(kept.id == id)
      kept.id = nil
      #expect(kept == record)
      #expect(!kept.ready && kept.answers.map(\.item) == ["room", "link", "camera-microphone"])
      #expect(try store.preflights().count == 2)
      _ = try store.forget(company: "acme")
      #expect(try store.preflights(company: "acme").isEmpty)
      #expect(try store.preflights().map(\.companyID) == ["other"])
    }
  }

  @Test("readiness checks oldest first; an outcome per session, changed in place, gone with the session")
  func checksAndOutcomes() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      try store.saveReadinessCheck(
        ReadinessRecord(takenAt: Fixtures.start.addingTimeInterval(60), score: 72, answers: ["research": 4]))
      try store.saveReadinessCheck(ReadinessRecord(takenAt: Fixtures.start, score: 35, answers: ["research": 1]))
      #expect(try store.readinessChecks().map(\.score) == [35, 72])
      #expect(try store.readinessChecks().last?.answers == ["research": 4])

      let session = try store.startSession(Fixtures.session(company: "acme", at: Fixtures.start))
      try store.setOutcome(.waiting, for: session, at: Fixtures.start)
      try store.setOutcome(.rejected, for: session, at: Fixtures.start.addingTimeInterval(86_400))
      #expect(try store.transcript(session)?.session.outcome == .rejected)
      #expect(throws: StoreError.self) { try store.setOutcome(.passed, for: SessionID(99), at: Fixtures.start) }
      try store.delete(session, schedule: PracticeSchedule(calendar: PracticeCalendar(timeZone: .gmt)))
      let left = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM interview_outcome") }
      #expect(left == 0)
    }
  }

  @Test("a v4 store migrates to v5 with its drills kept")
  func migration() throws {
    try TemporaryDirectory.with { folder in
      let queue = try StorePracticeTests.oldStore(home: folder.url, upTo: 4)
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO session (id, company_id, company_name, mode, language, settings, started_at, ended_at, end_reason)
              VALUES (1, 'acme', 'Acme', 'drill', 'en', '{}', '2025-11-24 09:00:00.000', '2025-11-24 09:05:00.000',
                'finished');
            """)
      }
      try queue.close()
      let store = try Store.open(home: folder.url)
      #expect(try store.sessions().map(\.id) == [SessionID(1)])
      #expect(try store.preflights().isEmpty && store.readinessChecks().isEmpty)
      try store.setOutcome(.passed, for: SessionID(1), at: Fixtures.start)
      #expect(try store.transcript(SessionID(1))?.session.outcome == .passed)
    }
  }
}
