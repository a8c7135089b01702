import Foundation
import GRDB
import RehearseTestSupport
import Testing

@testable import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Opening, creating, migrating, and refusing files that are not a usable store.
@Suite("Store: opening and refusing")
struct StoreOpeningTests {
  @Test("a new store is created, migrated from empty to the current schema, in WAL mode")
  func newStore() throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url.appendingPathComponent("data/rehearse", isDirectory: true)
      let store = try Store.open(home: home)
      #expect(store.url == home.appendingPathComponent("rehearse.sqlite"))
      try store.queue.read { db in
        #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == StoreSchema.applicationID)
        #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == StoreSchema.version)
        #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2, "FULL")
        #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
        #expect(try StoreSchema.migrator.completedMigrations(db) == ["v1", "v2", "v3", "v4", "v5"])
        for table in StoreSchema.tables { #expect(try db.tableExists(table), "\(table)") }
        let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
        #expect(indexes.contains("session_by_start"))
        #expect(indexes.contains("asked_question_by_bank_question"))
      }
      #expect(try store.sessions().isEmpty)
      // No temporary file is left beside the store.
      #expect(try Fixtures.names(in: home).allSatisfy { $0.hasPrefix("rehearse.sqlite") })
    }
  }

  @Test("reopening a store keeps its sessions")
  func reopen() throws {
    try TemporaryDirectory.with { folder in
      let first = try Store.open(home: folder.url)
      let id = try first.startSession(Fixtures.session())
      let question = try first.addQuestion(Fixtures.question(), to: id)
      try first.appendLine("はじめまして。", to: question, typedAt: Fixtures.start, elapsedSeconds: 3)
      try first.close()

      let second = try Store.open(home: folder.url)
      #expect(try second.sessionIDs() == [id])
      #expect(try second.transcript(id)?.questions.first?.lines.map(\.text) == ["はじめまして。"])
      let third = try #require(try Store.openIfExists(home: folder.url))
      #expect(try third.sessions().map(\.id) == [id])
    }
  }

  @Test("a temporary store left by a killed process is removed when a store is created; a live one's is not")
  func abandonedTemporaries() throws {
    try TemporaryDirectory.with { folder in
      let dead = try Fixtures.deadPID()
      let abandoned = [".rehearse.sqlite.\(dead).A1B2.new", ".rehearse.sqlite.\(dead).A1B2.new-journal"]
      let live = ".rehearse.sqlite.\(getpid()).C3D4.new"
      for name in abandoned + [live] { try folder.write("half a store", to: name) }
      _ = try Store.open(home: folder.url)
      #expect(try Fixtures.names(in: folder.url) == [live, "rehearse.sqlite"])
    }
  }

  @Test("openIfExists creates neither a folder nor a file")
  func openIfExistsCreatesNothing() throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url.appendingPathComponent("data", isDirectory: true)
      #expect(try Store.openIfExists(home: home) == nil)
      #expect(!FileManager.default.fileExists(atPath: home.path))
      try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
      #expect(try Store.openIfExists(home: home) == nil)
      #expect(try Fixtures.names(in: home).isEmpty)
    }
  }

  @Test("a home that is a file is refused")
  func homeIsAFile() throws {
    try TemporaryDirectory.with { folder in
      let file = try folder.write("not a folder", to: "home")
      #expect(throws: StoreError.folder(path: file.path, reason: "it is not a folder")) {
        try Store.open(home: file)
      }
    }
  }

  @Test("a store written by a newer schema is refused and left unchanged", arguments: [false, true])
  func newerSchema(byMigrationOnly: Bool) throws {
    try TemporaryDirectory.with { folder in
      let url = try Store.open(home: folder.url).url
      // What a later Rehearse would leave behind: another migration and, usually, a higher version.
      let queue = try DatabaseQueue(path: url.path)
      try queue.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        if !byMigrationOnly { try db.execute(sql: "PRAGMA user_version = 99") }
      }
      try queue.close()
      let before = try Fixtures.bytes(url)
      let found = byMigrationOnly ? StoreSchema.version : 99
      #expect(throws: StoreError.newerSchema(path: url.path, found: found, supported: StoreSchema.version)) {
        try Store.open(home: folder.url)
      }
      #expect(throws: StoreError.newerSchema(path: url.path, found: found, supported: StoreSchema.version)) {
        try Store.openIfExists(home: folder.url)
      }
      #expect(try Fixtures.bytes(url) == before)
    }
  }

  /// One file that must be refused, and how.
  struct Refusal: CustomTestStringConvertible, Sendable {
    var name: String
    /// Puts the file at `url` (the store's path).
    var make: @Sendable (URL) throws -> Void
    var error: @Sendable (String) -> StoreError

    var testDescription: String { name }
  }

  static let refusals: [Refusal] = [
    Refusal(
      name: "an empty file", make: { try Data().write(to: $0) }, error: { .empty(path: $0) }),
    Refusal(
      name: "a real store cut to half its size",
      make: { url in
        let store = try Store.open(home: url.deletingLastPathComponent())
        let id = try store.startSession(Fixtures.session())
        let question = try store.addQuestion(Fixtures.question(), to: id)
        for index in 1...400 {
          try store.appendLine(
            "line \(index): なぜなら手順を仕組みにしたからです。", to: question, typedAt: Fixtures.start,
            elapsedSeconds: Double(index))
        }
        try store.close()
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
      },
      error: { .corrupt(path: $0) }),
    Refusal(
      name: "random bytes",
      make: { url in
        var generator = SystemRandomNumberGenerator()
        try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: url)
      },
      error: { .notADatabase(path: $0) }),
    Refusal(
      name: "the SQLite header alone, cut short",
      make: { try Data("SQLite format 3\0".utf8.prefix(10)).write(to: $0) },
      error: { .notADatabase(path: $0) }),
    Refusal(
      name: "the SQLite header followed by garbage",
      make: { try (Data("SQLite format 3\0".utf8) + Data(repeating: 0xA5, count: 4080)).write(to: $0) },
      error: { .notADatabase(path: $0) }),
    Refusal(
      name: "another program's SQLite database",
      make: { url in
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
          try db.execute(
            sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hi')")
        }
        try queue.close()
      },
      error: { .foreign(path: $0) }),
    Refusal(
      name: "an SQLite database with no tables and no application id",
      make: { url in
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 1") }
        try queue.close()
      },
      error: { .foreign(path: $0) }),
    Refusal(
      name: "another program's database that uses a session table",
      make: { url in
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE session (id INTEGER PRIMARY KEY)") }
        try queue.close()
      },
      error: { .foreign(path: $0) }),
    Refusal(
      name: "a file with Rehearse's application id but none of its tables",
      make: { url in
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID); PRAGMA user_version = 1")
        }
        try queue.close()
      },
      error: { .corrupt(path: $0) }),
  ]

  @Test("files that are not a usable store are refused, byte for byte unchanged", arguments: refusals)
  func refused(_ refusal: Refusal) throws {
    try TemporaryDirectory.with { folder in
      let home = folder.url.appendingPathComponent("data", isDirectory: true)
      try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
      let url = Store.fileURL(home: home)
      try refusal.make(url)
      let before = try Fixtures.bytes(url)
      let namesBefore = try Fixtures.names(in: home)

      #expect(throws: refusal.error(url.path)) { try Store.open(home: home) }
      #expect(throws: refusal.error(url.path)) { try Store.openIfExists(home: home) }

      #expect(try Fixtures.bytes(url) == before)
      #expect(try Fixtures.names(in: home) == namesBefore, "nothing created beside it")
    }
  }

  @Test("a folder or a FIFO at the store's path is refused, without waiting for a writer")
  func notARegularFile() throws {
    try TemporaryDirectory.with { folder in
      let url = Store.fileURL(home: folder.url)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
      #expect(throws: StoreError.failed(path: url.path, reason: "not a regular file")) {
        try Store.open(home: folder.url)
      }
      try FileManager.default.removeItem(at: url)
      #expect(mkfifo(url.path, 0o600) == 0)
      #expect(throws: StoreError.failed(path: url.path, reason: "not a regular file")) {
        try Store.openIfExists(home: folder.url)
      }
    }
  }

  @Test("every refusal names the file in its message")
  func messagesNameThePath() {
    let path = "/home/me/.local/share/rehearse/rehearse.sqlite"
    let errors: [StoreError] = [
      .empty(path: path), .notADatabase(path: path), .corrupt(path: path), .foreign(path: path),
      .newerSchema(path: path, found: 3, supported: 1), .busy(path: path),
      .failed(path: path, reason: "disk I/O error"),
    ]
    for error in errors {
      #expect(error.description.contains(path), "\(error)")
      #expect(error.path == path)
    }
  }
}
