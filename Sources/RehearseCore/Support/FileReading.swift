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

    var data = Data(capacity: Int(info.st_size))
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.system(path: path, reason: errorText()))
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
      if data.count > limit { return .failure(.tooLarge(data.count)) }
    }
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
