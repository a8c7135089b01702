import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files that hold a person's own data: folders 0700, files 0600, whatever the umask.
public enum PrivateFiles {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Creates `url` and any missing parents with mode 0700. Existing folders are left as they are.
  public static func makeDirectory(_ url: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return }
      throw Failure(description: "\(url.path) exists and is not a folder")
    }
    try makeDirectory(url.deletingLastPathComponent())
    if mkdir(url.path, 0o700) != 0, errno != EEXIST {
      throw Failure(description: String(cString: strerror(errno)))
    }
    chmod(url.path, 0o700)
  }

  /// Writes `data` to `url` atomically (a temporary file renamed over it), with mode 0600.
  /// `durable: false` skips the `fsync` for files that can be rebuilt (caches): after a crash
  /// such a file may be empty or old, never half-written under its name.
  public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
    var ok = true
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          ok = false
          return
        }
        offset += written
      }
    }
    let reason = String(cString: strerror(errno))
    if ok, durable { ok = fsync(fd) == 0 }
    fchmod(fd, 0o600)
    close(fd)
    guard ok, rename(temporary.path, url.path) == 0 else {
      unlink(temporary.path)
      throw Failure(description: reason)
    }
  }

  /// A file written piece by piece under a temporary name and renamed into place by `commit()`
  /// (mode 0600, synced): until then, and after any failure, nothing is at `url`.
  public final class Stream {
    public let url: URL
    private let temporary: URL
    private var fd: Int32
    /// The first failure, if any: later writes do nothing.
    public private(set) var failure: String?

    public init(_ url: URL) throws {
      self.url = url
      temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
      fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
      guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
      fchmod(fd, 0o600)
    }

    deinit {
      if fd >= 0 {
        close(fd)
        unlink(temporary.path)
      }
    }

    public func write(_ text: String) {
      guard failure == nil, fd >= 0 else { return }
      var text = text
      text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            return
          }
          offset += written
        }
      }
    }

    /// Syncs and renames the file into place; on any failure so far or now, removes it and throws.
    public func commit() throws {
      if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
      close(fd)
      fd = -1
      if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
      if let failure {
        unlink(temporary.path)
        throw Failure(description: failure)
      }
    }
  }
}
