#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's output goes. Tests use `CapturedOutput`; the program uses file descriptors.
public protocol OutputStream: AnyObject, TextOutputStream {
  /// Whether every write so far reached its destination.
  var failed: Bool { get }
}

/// Writes straight to a file descriptor and remembers failures, so a full disk or a closed pipe
/// becomes exit 74 instead of silently lost output (`print` to /dev/full exits 0).
public final class FileDescriptorOutput: OutputStream {
  private let fd: Int32
  public private(set) var failed = false
  public private(set) var failureReason: String?

  public init(fd: Int32) {
    self.fd = fd
  }

  public func write(_ string: String) {
    guard !failed, !string.isEmpty else { return }
    var bytes = Array(string.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        failed = true
        failureReason = String(cString: strerror(errno))
        return
      }
      offset += written
    }
  }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, pointer, count)
  #else
    Darwin.write(fd, pointer, count)
  #endif
}

/// Collects output in memory, for tests.
public final class CapturedOutput: OutputStream {
  public private(set) var text = ""
  public let failed = false

  public init() {}

  public func write(_ string: String) {
    text += string
  }
}

/// The two output streams of a command, with the styling each may use.
public final class Console {
  public let out: any OutputStream
  public let err: any OutputStream
  public let outStyle: Style
  public let errStyle: Style
  /// Columns available on standard output (80 when it is not a terminal).
  public let width: Int

  public init(out: any OutputStream, err: any OutputStream, outStyle: Style, errStyle: Style, width: Int = 80) {
    self.out = out
    self.err = err
    self.outStyle = outStyle
    self.errStyle = errStyle
    self.width = width
  }

  /// Text on standard output, as it is.
  public func write(_ text: String) {
    var out = self.out
    out.write(text)
  }

  public func print(_ text: String = "") {
    write(text + "\n")
  }

  /// A message for the person, on standard error.
  public func message(_ text: String) {
    var err = self.err
    err.write(text + "\n")
  }

  public func error(_ text: String, label: String = "error") {
    var err = self.err
    err.write(errStyle.error("\(label):") + " " + text + "\n")
  }

  public func warning(_ text: String, label: String = "warning") {
    var err = self.err
    err.write(errStyle.warning("\(label):") + " " + text + "\n")
  }
}
