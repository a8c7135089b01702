import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with POSIX calls, so a failure says why in the system's words
/// ("Permission denied") and an oversized file is refused before it is read.
public enum FileReading {
  public enum Failure: Error, Equatable, CustomStringConvertible {
    case system(path: String, reason: String)
    case tooLarge(Int)
    case isDirectory(path: String)

    public var description: String {
      switch self {
      case .system(_, let reason): return reason
      case .tooLarge(let size): return "the file is \(size) bytes, over the limit"
      case .isDirectory: return "it is a folder, not a file"
      }
    }
  }

  public static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
    readStamped(path, limit: limit).map(\.data)
  }

  /// The file's bytes and its stamp, taken from the open file before reading, so a change
  /// made while it is read shows as a newer stamp next time.
  public static func readStamped(_ path: String, limit: Int) -> Result<(data: Data, stamp: FileStamp), Failure> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return .failure(.system(path: path, reason: errorText())) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 { return .failure(.system(path: path, reason: errorText())) }
    if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory(path: path)) }
    if Int(info.st_size) > limit { return .failure(.tooLarge(Int(info.st_size))) }

    // Read straight into a buffer of the file's size (a bank cache is megabytes: no second
    // copy); a file that grew meanwhile is read on in chunks, up to the limit.
    var data = Data(count: max(Int(info.st_size), 1))
    var filled = 0
    while true {
      if filled == data.count {
        if data.count >= limit + 1 { return .failure(.tooLarge(filled)) }
        data.count = min(limit + 1, data.count * 2)
      }
      let count = data.withUnsafeMutableBytes { raw in
        posixRead(fd, raw.baseAddress! + filled, raw.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.system(path: path, reason: errorText()))
      }
      if count == 0 { break }
      filled += count
      if filled > limit { return .failure(.tooLarge(filled)) }
    }
    data.count = filled
    return .success((data, FileStamp(info)))
  }

  static func errorText() -> String {
    String(cString: strerror(errno))
  }
}

/// `read(2)`, named apart from `FileReading.read`.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}
