#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says about a file, enough to notice that it was edited, replaced or
/// touched: the key a cached result of reading it is kept under.
public struct FileStamp: Equatable, Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// Last modification, in nanoseconds since 1970.
  public var modified: Int64
  /// Last status change (any write, rename, chmod or touch), in nanoseconds since 1970. Unlike
  /// the modification time it cannot be set back by a program, so it catches a file restored
  /// with an old modification time.
  public var changed: Int64

  public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modified = modified
    self.changed = changed
  }

  init(_ info: stat) {
    #if canImport(Darwin)
      let modified = info.st_mtimespec
      let changed = info.st_ctimespec
    #else
      let modified = info.st_mtim
      let changed = info.st_ctim
    #endif
    self.init(
      device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
      size: Int64(info.st_size),
      modified: Int64(modified.tv_sec) &* 1_000_000_000 &+ Int64(modified.tv_nsec),
      changed: Int64(changed.tv_sec) &* 1_000_000_000 &+ Int64(changed.tv_nsec))
  }

  /// The stamp of the file at `path` (symbolic links followed), or `nil` when it cannot be read.
  public static func of(path: String) -> FileStamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStamp(info)
  }

  /// The latest of the two times: a file is only as old as its last change.
  public var latest: Int64 { max(modified, changed) }

  /// The absolute path of `path` with every symbolic link, `.` and `..` resolved, or `nil`
  /// when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The wall-clock time in nanoseconds since 1970, the clock file times are written with.
  public static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
  }
}
