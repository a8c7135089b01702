import Foundation
import GRDB

/// Why the store could not be opened, read or written. Every case names the store's path, so the
/// message tells the person which file to look at; the shell turns any of them into exit 74.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// The store's folder could not be created, or the path is not a folder.
  case folder(path: String, reason: String)
  /// The store file is empty (0 bytes): left alone rather than taken for a new store.
  case empty(path: String)
  /// The file is not an SQLite database (other bytes, or a header cut short).
  case notADatabase(path: String)
  /// The file is an SQLite database with damaged or missing pages (for example cut short).
  case corrupt(path: String)
  /// The file is an SQLite database that Rehearse did not make.
  case foreign(path: String)
  /// The store was written by a newer Rehearse: schema `found`, while this build knows up to `supported`.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The disk left no room for a write (SQLite's SQLITE_FULL, or an I/O error on a disk with no
  /// space left, such as the -shm file that even reading needs); any write was rolled back.
  case full(path: String)
  /// The store file or its folder is read-only (SQLite keeps its -wal and -shm files beside it).
  case readOnly(path: String)
  /// Another process kept the store locked for longer than the busy timeout.
  case busy(path: String)
  /// No session has this id.
  case unknownSession(path: String, id: Int64)
  /// No asked question has this id.
  case unknownQuestion(path: String, id: Int64)
  /// A write the store refuses, such as a line added to a finished answer or a rating outside 1…5.
  case rejected(path: String, reason: String)
  /// Any other failure of SQLite or the file system, with its message.
  case failed(path: String, reason: String)

  /// The store file this error is about.
  public var path: String {
    switch self {
    case .folder(let path, _), .empty(let path), .notADatabase(let path), .corrupt(let path), .foreign(let path),
      .newerSchema(let path, _, _), .full(let path), .readOnly(let path), .busy(let path), .unknownSession(let path, _),
      .unknownQuestion(let path, _),
      .rejected(let path, _), .failed(let path, _):
      path
    }
  }

  public var description: String {
    switch self {
    case .folder(let path, let reason):
      "cannot use \(path) as the store's folder: \(reason)"
    case .empty(let path):
      "the store \(path) is empty (0 bytes); it was left as it is. Move it away to start a new store"
    case .notADatabase(let path):
      "the store \(path) is not an SQLite database; it was left as it is. Move it away to start a new store"
    case .corrupt(let path):
      "the store \(path) is damaged (pages are missing or malformed); it was left as it is. Keep a copy, and "
        + "try `sqlite3 \(path) .recover` or move it away to start a new store"
    case .foreign(let path):
      "\(path) is an SQLite database that Rehearse did not make; it was left as it is. Move it away, or set "
        + "REHEARSE_HOME to another folder"
    case .newerSchema(let path, let found, let supported):
      "the store \(path) was written by a newer Rehearse (schema \(found); this version knows up to \(supported)); "
        + "it was left as it is. Update Rehearse to open it"
    case .full(let path):
      "the disk holding the store \(path) is full. Everything saved before is kept; free some space, then run "
        + "the command again to carry on"
    case .readOnly(let path):
      "the store \(path) cannot be written: it or its folder is read-only (SQLite keeps its -wal and -shm files "
        + "beside the store, even to read it); it was left as it is. Make both writable by you (chmod u+w)"
    case .busy(let path):
      "the store \(path) is locked by another process; try again"
    case .unknownSession(let path, let id):
      "no session \(id) in the store \(path)"
    case .unknownQuestion(let path, let id):
      "no asked question \(id) in the store \(path)"
    case .rejected(let path, let reason):
      "the store \(path) refused a write: \(reason)"
    case .failed(let path, let reason):
      "cannot use the store \(path): \(reason)"
    }
  }

  /// Classifies any error thrown inside a store operation; a `StoreError` passes through.
  init(_ error: any Error, path: String) {
    switch error {
    case let error as StoreError:
      self = error
    case let error as DatabaseError:
      let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
      switch error.resultCode {
      case .SQLITE_NOTADB: self = .notADatabase(path: path)
      case .SQLITE_CORRUPT: self = .corrupt(path: path)
      case .SQLITE_FULL: self = .full(path: path)
      case .SQLITE_READONLY: self = .readOnly(path: path)
      case .SQLITE_IOERR where Self.noSpaceLeft(near: path): self = .full(path: path)
      case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
      case .SQLITE_CONSTRAINT: self = .rejected(path: path, reason: reason)
      default: self = .failed(path: path, reason: reason)
      }
    default:
      self = .failed(path: path, reason: String(describing: error))
    }
  }

  /// Whether the file system holding `path`'s folder has no blocks left for this user. SQLite
  /// reports a failed write to the -shm file as a plain I/O error, whatever `errno` said.
  static func noSpaceLeft(near path: String) -> Bool {
    var info = statvfs()
    let folder = (path as NSString).deletingLastPathComponent
    return statvfs(folder.isEmpty ? "." : folder, &info) == 0 && info.f_bavail == 0
  }
}
