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
    /// Bytes that do not begin with the SQLite header.
    case notSQLite
    case sqlite
  }

  static let header = Array("SQLite format 3\0".utf8)

  static func state(of url: URL) throws(StoreError) -> State {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return .missing }
      throw .failed(path: url.path, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .failed(path: url.path, reason: String(cString: strerror(errno))) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .failed(path: url.path, reason: "not a regular file") }
    if info.st_size == 0 { return .empty }
    var bytes = [UInt8](repeating: 0, count: header.count)
    let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, header.count) }
    return count == header.count && bytes == header ? .sqlite : .notSQLite
  }

  /// Makes a complete, migrated store in WAL mode at `url`, unless one appears there first.
  static func create(at url: URL, configuration: Configuration) throws(StoreError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).new")
    let companions = ["", "-wal", "-shm", "-journal"].map { temporary.path + $0 }
    defer { for path in companions { unlink(path) } }

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
