import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Offering unfinished drills to resume, and taking one over.
@Suite("Store: resuming an unfinished drill")
struct StoreResumeTests {
  @Test("a live pid is alive; a reaped child's pid, 0 and negative pids are not")
  func liveness() throws {
    #expect(OwnerProcess.isAlive(getpid()))
    #expect(OwnerProcess.isAlive(1), "init exists (EPERM counts as alive for other users' processes)")
    #expect(!OwnerProcess.isAlive(try Fixtures.deadPID()))
    #expect(!OwnerProcess.isAlive(0))
    #expect(!OwnerProcess.isAlive(-1))
  }

  @Test("a session whose owner died is offered with its lines, outcomes and drafts; a live owner's is not")
  func offered() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let t = Fixtures.start
      let dead = try Fixtures.deadPID()

      let crashed = try store.startSession(Fixtures.session(at: t, pid: dead))
      let done = try store.addQuestion(Fixtures.question("intro"), to: crashed)
      try store.appendLine("first answer", to: done, typedAt: t + 10, elapsedSeconds: 10)
      try store.finishAnswer(
        done, outcome: AnswerOutcome(status: .answered, text: "first answer", secondsUsed: 11, finishedAt: t + 11))
      let typing = try store.addQuestion(Fixtures.question("why-us"), to: crashed)
      try store.appendLine("御社を志望するのは", to: typing, typedAt: t + 30, elapsedSeconds: 8)
      try store.saveDraft(Draft(text: "現場の改善を", cursor: 6, elapsedSeconds: 12.5, savedAt: t + 34), for: typing)

      _ = try store.startSession(Fixtures.session(at: t + 100, pid: getpid()))
      let ended = try store.startSession(Fixtures.session(at: t + 200, pid: dead))
      try store.finishSession(ended, reason: .quit, at: t + 210)

      let offered = try store.resumableSessions()
      #expect(offered.map(\.session.id) == [crashed])
      let resumed = try #require(offered.first)
      #expect(resumed.session.settings.seed == 42)
      #expect(resumed.questions.map(\.bankQuestionID) == ["intro", "why-us"])
      #expect(resumed.questions[0].outcome?.status == .answered)
      #expect(resumed.questions[1].outcome == nil)
      #expect(resumed.questions[1].lines.map(\.text) == ["御社を志望するのは"])
      #expect(
        resumed.questions[1].draft == Draft(text: "現場の改善を", cursor: 6, elapsedSeconds: 12.5, savedAt: t + 34))
    }
  }

  @Test("claiming a resumable session takes it over once; a second terminal cannot claim it too")
  func claim() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let dead = try Fixtures.deadPID()
      let id = try store.startSession(Fixtures.session(pid: dead))

      #expect(try store.claim(id, pid: getpid()))
      #expect(try store.resumableSessions().isEmpty, "now owned by a live process")
      #expect(try store.transcript(id)?.session.ownerPID == getpid())
      // Another terminal (pid 1 here, any live process) finds it owned by a live process.
      #expect(try !store.claim(id, pid: 1))
      #expect(try store.claim(id, pid: getpid()), "claiming again by the owner is fine")

      // When the owner is seen as gone, the session is offered and can be claimed again.
      #expect(try store.resumableSessions(isAlive: { _ in false }).map(\.session.id) == [id])
      #expect(try store.claim(id, pid: 4242, isAlive: { _ in false }))

      try store.finishSession(id, reason: .finished, at: Fixtures.start)
      #expect(try !store.claim(id, pid: getpid()), "an ended session cannot be claimed")
      #expect(throws: StoreError.unknownSession(path: store.path, id: 999)) {
        try store.claim(SessionID(999), pid: getpid())
      }
    }
  }
}
