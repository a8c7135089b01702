import Foundation
import GRDB
import RehearseCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store file on disk, before SQLite is let near it: what is at the path, how a new store is
/// made, and the owner-only modes of the file and its `-wal`/`-shm` companions.
///
/// SQLite opens an empty file as a fresh database without a word and would write a schema into
/// it, so an existing file is looked at first, and a new store is built under a temporary name
/// and linked into place only when complete: the real path never holds a half-made store, two
/// processes creating one at once end up sharing the first, and nothing is ever overwritten.
enum StoreFile {
  /// What is at the store's path.
  enum State: Equatable {
    case missing
    case empty
    /// Bytes that are not an SQLite database header.
    case notSQLite
    /// An SQLite database without Rehearse's application id.
    case foreign
    /// An SQLite database with Rehearse's application id: SQLite may open it.
    case rehearse
  }

  static let magic = Array("SQLite format 3\0".utf8)

  /// Reads the 100-byte database header. Another program's database is recognised here, from
  /// the application id at offset 68, so SQLite never opens it (opening can write: a hot
  /// rollback journal beside it would be rolled back). A store's id is in its main file from
  /// the moment it is linked into place, and never changes.
  static func state(of url: URL) throws(StoreError) -> State {
    // O_NONBLOCK: a FIFO at the path must not hang the program.
    let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 {
      if errno == ENOENT { return .missing }
      throw .failed(path: url.path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .failed(path: url.path, reason: String(cString: strerror(errno))) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .failed(path: url.path, reason: "not a regular file") }
    if info.st_size == 0 { return .empty }
    var header = [UInt8](repeating: 0, count: 100)
    let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
    guard count == 100, Array(header[0..<16]) == magic else { return .notSQLite }
    // The checks SQLite makes before it calls a file a database: a power-of-two page size
    // (1 means 65536) and the fixed payload fractions 64, 32, 32.
    let pageSize = Int(header[16]) << 8 | Int(header[17])
    let validPageSize = pageSize == 1 || (512...32768).contains(pageSize) && pageSize & (pageSize - 1) == 0
    guard validPageSize, header[21] == 64, header[22] == 32, header[23] == 32 else { return .notSQLite }
    let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    return Int32(bitPattern: applicationID) == StoreSchema.applicationID ? .rehearse : .foreign
  }

  /// Makes a complete, migrated store in WAL mode at `url`, unless one appears there first.
  static func create(at url: URL, configuration: Configuration) throws(StoreError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).new")
    let companions = ["", "-wal", "-shm", "-journal"].map { temporary.path + $0 }
    defer { for path in companions { unlink(path) } }
    removeAbandonedTemporaries(in: folder, for: url)

    // Created here, owner-only, so SQLite's files (it copies the main file's mode to -wal and
    // -shm) are private whatever the umask.
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .failed(path: url.path, reason: String(cString: strerror(errno))) }
    fchmod(fd, 0o600)
    close(fd)
    do {
      let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
      try StoreSchema.migrator.migrate(queue)
      let mode = try queue.writeWithoutTransaction { db in
        try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      }
      guard mode == "wal" else { throw StoreError.failed(path: url.path, reason: "SQLite refused WAL mode") }
      try queue.close()
    } catch {
      throw StoreError(error, path: url.path)
    }
    if link(temporary.path, url.path) != 0 {
      // Another process finished its store first: use that one.
      if errno == EEXIST { return }
      throw .failed(path: url.path, reason: String(cString: strerror(errno)))
    }
    syncFolder(folder)
  }

  /// Removes temporary stores left by a process killed while creating one (their names carry
  /// the pid). Ones whose process still runs are being made now and are left alone.
  private static func removeAbandonedTemporaries(in folder: URL, for url: URL) {
    let prefix = ".\(url.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names where name.hasPrefix(prefix) && name.contains(".new") {
      let fields = name.dropFirst(prefix.count).split(separator: ".")
      guard let pid = fields.first.flatMap({ Int32($0) }), !OwnerProcess.isAlive(pid) else { continue }
      unlink(folder.appendingPathComponent(name).path)
    }
  }

  /// Creates the store's folder (and missing parents) with mode 0700. An existing folder keeps
  /// its mode: it may be one the person chose for other things too.
  static func makeFolder(_ url: URL) throws(StoreError) {
    do {
      try PrivateFiles.makeDirectory(url)
    } catch {
      throw .folder(path: url.path, reason: String(describing: error))
    }
  }

  /// Sets the store file and its `-wal`/`-shm` files that this user owns to 0600, in case they
  /// were made under a looser umask or by an older tool.
  static func restrictModes(of url: URL) {
    for path in [url.path, url.path + "-wal", url.path + "-shm"] {
      var info = stat()
      guard stat(path, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 else { continue }
      chmod(path, 0o600)
    }
  }

  /// Makes a new directory entry durable (the link of a new store).
  private static func syncFolder(_ url: URL) {
    let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }
}
