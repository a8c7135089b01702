import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Two terminals drilling at once both keep everything (DESIGN §7).
@Suite("Store: several processes at once")
struct StoreConcurrencyTests {
  @Test("four processes creating and writing one store at once keep every line", arguments: [4])
  func concurrentWriters(count: Int) throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url.appendingPathComponent("data", isDirectory: true)
      let lines = 250
      // No store yet: the writers also race to create it.
      let writers = try (0..<count).map { _ in try WriterProcess(home: home, lines: lines) }
      var ids: [SessionID] = []
      for writer in writers {
        let result = try writer.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        if let id = Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) { ids.append(SessionID(id)) }
      }
      #expect(Set(ids).count == count)

      let store = try Store.open(home: home)
      #expect(try store.sessions().count == count)
      for id in ids {
        let transcript = try #require(try store.transcript(id))
        let pid = try #require(transcript.session.ownerPID)
        let question = try #require(transcript.questions.first)
        #expect(question.lines.map(\.text) == (1...lines).map { "writer \(pid) line \($0)" })
        #expect(question.lines.map(\.index) == Array(1...lines))
        #expect(question.outcome?.status == .answered)
        #expect(transcript.session.endReason == .finished)
      }
      #expect(try Fixtures.names(in: home).allSatisfy { $0.hasPrefix("rehearse.sqlite") }, "no temporary store left")
    }
  }

  @Test("a drill killed with SIGKILL keeps every line and is offered for resuming")
  func killed() throws {
    try TemporaryDirectory.with { folder in
      let writer = try WriterProcess(home: folder.url, lines: 120, hold: true)
      let printed = writer.waitUntilHeld()
      let id = try #require(Int64(printed.split(separator: "\n").first ?? ""))
      let wal = Store.fileURL(home: folder.url).path + "-wal"
      let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
      #expect(size > 0, "the lines are in the WAL, not yet in the main file")
      kill(writer.process.processIdentifier, SIGKILL)
      _ = try writer.finish()
      #expect(writer.process.terminationReason == .uncaughtSignal)

      let store = try Store.open(home: folder.url)
      let offered = try store.resumableSessions()
      #expect(offered.map(\.session.id) == [SessionID(id)])
      let question = try #require(offered.first?.questions.first)
      #expect(question.lines.count == 120)
      #expect(question.outcome == nil, "the answer was still open")
      #expect(try store.claim(SessionID(id), pid: getpid()))
    }
  }

  @Test("a writer in this process and one in another interleave without losing lines")
  func inProcessAndOutside() throws {
    try TemporaryDirectory.with { folder in
      let store = try Store.open(home: folder.url)
      let id = try store.startSession(Fixtures.session())
      let question = try store.addQuestion(Fixtures.question(), to: id)
      let writer = try WriterProcess(home: folder.url, lines: 200)
      for index in 1...200 {
        try store.appendLine("here \(index)", to: question, typedAt: Fixtures.start, elapsedSeconds: Double(index))
      }
      let result = try writer.finish()
      #expect(result.status == 0, "\(result.stderr)")
      #expect(try store.transcript(id)?.questions.first?.lines.count == 200)
      let other = try #require(Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
      #expect(try store.transcript(SessionID(other))?.questions.first?.lines.count == 200)
    }
  }
}
