import Foundation
import GRDB

/// Every drill, kept: the SQLite store at `<home>/rehearse.sqlite` (DESIGN §7).
///
/// ```
/// open(home:) ── StoreFile: read the header before SQLite touches anything ── refuse empty,
///      │            not SQLite, another program's (create: build under a temporary name, link)
///      ├─ DatabaseQueue: WAL, synchronous=FULL, busy timeout 5 s, foreign keys
///      ├─ identify: application_id and tables ── refuse foreign, damaged, newer schema
///      └─ migrate (StoreSchema), then owner-only modes on the file, -wal and -shm
/// ```
///
/// The drill writes through `Store+Drill.swift` (every call is its own durable transaction, so
/// whatever returned is on disk); `history`, `show` and resuming read through
/// `Store+Reading.swift`. Dates are always passed in: the store has no clock of its own.
/// Several processes may use one store at once; each write waits up to the busy timeout for
/// the others.
public final class Store: Sendable {
  /// The store's file name inside the home folder.
  public static let fileName = "rehearse.sqlite"

  /// The store file.
  public let url: URL
  let queue: DatabaseQueue

  var path: String { url.path }

  private init(url: URL, queue: DatabaseQueue) {
    self.url = url
    self.queue = queue
  }

  /// The store file of a home folder.
  public static func fileURL(home: URL) -> URL {
    home.appendingPathComponent(fileName, isDirectory: false)
  }

  /// Opens the store in `home`, creating the folder (0700) and a new store (0600) when there is
  /// none. An existing file that is empty, damaged, not SQLite, another program's database or
  /// from a newer Rehearse is refused and left exactly as it was.
  public static func open(home: URL) throws(StoreError) -> Store {
    try open(home: home, create: true)!
  }

  /// Opens the store in `home` if there is one, and creates nothing: for commands that only
  /// read (`history`, `show`). Refuses the same files as `open(home:)`.
  public static func openIfExists(home: URL) throws(StoreError) -> Store? {
    try open(home: home, create: false)
  }

  private static func open(home: URL, create: Bool) throws(StoreError) -> Store? {
    let url = fileURL(home: home)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: home.path, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw .folder(path: home.path, reason: "it is not a folder") }
    } else {
      guard create else { return nil }
      try StoreFile.makeFolder(home)
    }

    switch try StoreFile.state(of: url) {
    case .missing:
      guard create else { return nil }
      try StoreFile.create(at: url, configuration: configuration)
    case .empty: throw .empty(path: url.path)
    case .notSQLite: throw .notADatabase(path: url.path)
    case .foreign: throw .foreign(path: url.path)
    case .rehearse: break
    }

    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: url.path, configuration: configuration)
    } catch {
      throw StoreError(error, path: url.path)
    }
    let store = Store(url: url, queue: queue)
    try store.identify()
    try store.migrateIfNeeded()
    try store.verifyTables()
    StoreFile.restrictModes(of: url)
    return store
  }

  /// How every connection is set up. Nothing here writes to the file, so a file that is then
  /// refused is left byte for byte as it was.
  static var configuration: Configuration {
    var configuration = Configuration()
    // GRDB's default (fail at once) lost writes when several processes wrote (DESIGN §10).
    configuration.busyMode = .timeout(5)
    configuration.foreignKeysEnabled = true
    configuration.label = "rehearse.store"
    configuration.prepareDatabase { db in
      // Each commit is on disk when it returns, also in WAL mode (where NORMAL would only
      // protect against corruption, not against losing the last commits).
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  /// Checks that the file is a Rehearse store that this build can use, reading only.
  private func identify() throws(StoreError) {
    let path = self.path
    try read { db in
      let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      guard applicationID == StoreSchema.applicationID else { throw StoreError.foreign(path: path) }
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      let superseded = try StoreSchema.migrator.hasBeenSuperseded(db)
      if version > StoreSchema.version || superseded {
        throw StoreError.newerSchema(path: path, found: version, supported: StoreSchema.version)
      }
      // Every store is created migrated: ours by its id but with no record of migrations is damaged,
      // and migrating it would write into a file that should be left alone.
      guard version >= 1, try db.tableExists("grdb_migrations") else { throw StoreError.corrupt(path: path) }
    }
  }

  /// Checks, after migrating, that the tables of this schema are all there.
  private func verifyTables() throws(StoreError) {
    let path = self.path
    try read { db in
      let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
      guard StoreSchema.tables.isSubset(of: tables) else { throw StoreError.corrupt(path: path) }
    }
  }

  /// Runs the migrations this store lacks. Two processes may race to migrate: the loser's
  /// failure is fine when the winner completed them.
  private func migrateIfNeeded() throws(StoreError) {
    let migrator = StoreSchema.migrator
    let complete = try read { db in try migrator.hasCompletedMigrations(db) }
    guard !complete else { return }
    do {
      try migrator.migrate(queue)
    } catch {
      let failure = StoreError(error, path: path)
      guard try read({ db in try migrator.hasCompletedMigrations(db) }) else { throw failure }
    }
  }

  /// Closes the connection; the store cannot be used afterwards.
  public func close() throws(StoreError) {
    do {
      try queue.close()
    } catch {
      throw StoreError(error, path: path)
    }
  }

  // MARK: Access

  /// Runs `body` in one read transaction (a consistent snapshot).
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try queue.read(body)
    } catch {
      throw StoreError(error, path: path)
    }
  }

  /// Runs `body` in one IMMEDIATE write transaction, committed (and synced) before returning.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try queue.write(body)
    } catch {
      throw StoreError(error, path: path)
    }
  }
}
