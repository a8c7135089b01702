import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The built `rehearse` on a real pseudo-terminal (`forkpty`): it is a session leader with the
/// pty as its controlling terminal, so `\u{03}` sent here raises SIGINT in it, a resize sends it
/// SIGWINCH, and readline really switches the terminal's modes. Everything the child needs is
/// allocated before the fork; the child only makes async-signal-safe calls (`sigprocmask`,
/// `sigaction`, `chdir`, `execve`, `_exit`). Works without a terminal of our own (`setsid … <
/// /dev/null`, as in CI).
public final class Pty {
  public enum Status: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
  }

  public struct Timeout: Error, CustomStringConvertible {
    public var waitingFor: String
    public var output: String
    public var description: String {
      "timed out waiting for \(waitingFor.debugDescription); output so far:\n\(output)"
    }
  }

  public let pid: pid_t
  private var master: Int32
  private var raw: [UInt8] = []
  /// How much of `output` earlier `waitFor` calls matched (UTF-8 offset).
  private var consumed = 0
  private var reachedEnd = false
  private var reaped: Status?
  /// The program's peak resident memory in KiB (`ru_maxrss`), once `wait` has reaped it.
  public private(set) var peakResidentKiB: Int?

  /// Starts `executable` (default: the built `rehearse`) with `arguments` on a `rows`×`cols` pty.
  public init(
    _ arguments: [String], environment: [String: String], workingDirectory: URL,
    rows: UInt16 = 24, cols: UInt16 = 80, executable: URL = PackagePaths.binary
  ) throws {
    // Allocate everything the child uses now: after fork only async-signal-safe calls are allowed.
    let path = strdup(executable.path)!
    let directory = strdup(workingDirectory.path)!
    let argv = Self.cStrings([executable.path] + arguments)
    let envp = Self.cStrings(environment.map { "\($0.key)=\($0.value)" }.sorted())
    defer {
      free(path)
      free(directory)
      Self.freeCStrings(argv)
      Self.freeCStrings(envp)
    }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var defaultAction = sigaction()
    defaultAction.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&defaultAction.sa_mask)
    let resetSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGPIPE, SIGWINCH, SIGCONT]
    var size = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
    var master: Int32 = -1

    let pid = forkpty(&master, nil, nil, &size)
    if pid == 0 {
      // The child: undo what the test runner may have blocked or ignored, then exec.
      sigprocmask(SIG_SETMASK, &emptyMask, nil)
      var index = 0
      while index < resetSignals.count {
        sigaction(resetSignals[index], &defaultAction, nil)
        index += 1
      }
      if chdir(directory) != 0 { _exit(126) }
      execve(path, argv, envp)
      _exit(127)
    }
    guard pid > 0 else {
      throw Timeout(waitingFor: "forkpty", output: String(cString: strerror(errno)))
    }
    self.pid = pid
    self.master = master
  }

  deinit {
    if reaped == nil {
      Glibc.kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    if master >= 0 { close(master) }
  }

  /// Closes the terminal as closing its window does: the program gets a hang-up (SIGHUP, and
  /// POLLHUP on its input). Its output after that is lost.
  public func closeTerminal() {
    guard master >= 0 else { return }
    close(master)
    master = -1
  }

  // MARK: Talking to it

  /// Types `text` (UTF-8) on the terminal. `\r` is Enter, `\u{03}` Ctrl-C, `\u{04}` Ctrl-D,
  /// `\u{7F}` Backspace, `\u{1B}[D` Left.
  public func send(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN {
          pump(milliseconds: 10)
          continue
        }
        return
      }
      offset += written
    }
  }

  /// Everything written so far with escape sequences, `\r`, backspaces and bells removed.
  public var output: String { String(decoding: Self.strip(raw), as: UTF8.self) }

  /// Everything written so far, as written.
  public var rawOutput: String { String(decoding: raw, as: UTF8.self) }

  /// Waits until `marker` appears in the stripped output after what earlier calls matched, and
  /// returns the stripped output from there up to the end of the marker.
  @discardableResult
  public func waitFor(_ marker: String, timeout: Duration = .seconds(10)) throws -> String {
    let deadline = ContinuousClock.now + timeout
    while true {
      let text = output
      let utf8 = Array(text.utf8)
      let start = min(consumed, utf8.count)
      let tail = String(decoding: utf8[start...], as: UTF8.self)
      if let range = tail.range(of: marker) {
        let found = String(tail[..<range.upperBound])
        consumed = start + found.utf8.count
        return found
      }
      let now = ContinuousClock.now
      if now >= deadline || (reachedEnd && !pump(milliseconds: 0)) {
        throw Timeout(waitingFor: marker, output: tail)
      }
      let remaining = deadline - now
      pump(milliseconds: Int32(min(remaining.components.seconds * 1000 + 1, 200)))
    }
  }

  /// Waits up to `timeout` for the next output and reads it; `false` when none came. For timing
  /// when the screen changes (the countdown benchmark).
  public func awaitOutput(timeout: Duration) -> Bool {
    let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
    return pump(milliseconds: Int32(max(0, milliseconds)))
  }

  /// Sets the terminal's size; the kernel sends SIGWINCH to the program.
  public func resize(rows: UInt16, cols: UInt16) {
    var size = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// The terminal's modes as the program left them (on Linux the master reports the slave's).
  public func terminalAttributes() -> termios {
    var attributes = termios()
    tcgetattr(master, &attributes)
    return attributes
  }

  /// Whether the terminal is in the cooked mode a shell expects: canonical input with echo.
  public var isCooked: Bool {
    let flags = terminalAttributes().c_lflag
    return flags & tcflag_t(ICANON) != 0 && flags & tcflag_t(ECHO) != 0
  }

  public func kill(_ signal: Int32) {
    _ = Glibc.kill(pid, signal)
  }

  /// Waits for the program to end, reading its output meanwhile so it never blocks on a full pty.
  public func wait(timeout: Duration = .seconds(10)) throws -> Status {
    if let reaped { return reaped }
    let deadline = ContinuousClock.now + timeout
    while true {
      var status: Int32 = 0
      var usage = rusage()
      let result = wait4(pid, &status, WNOHANG, &usage)
      if result == pid {
        peakResidentKiB = usage.ru_maxrss
        pump(milliseconds: 0)
        let signal = status & 0x7F
        let ended: Status = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        reaped = ended
        return ended
      }
      if ContinuousClock.now >= deadline { throw Timeout(waitingFor: "the program to exit", output: output) }
      if !pump(milliseconds: 20) { usleep(20_000) }
    }
  }

  /// Reads what is there within `milliseconds`; false when nothing came.
  @discardableResult
  private func pump(milliseconds: Int32) -> Bool {
    guard master >= 0 else { return false }
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
    if count > 0 {
      raw.append(contentsOf: buffer[..<count])
      return true
    }
    // EIO: the program closed the terminal (it exited).
    if count == 0 || (errno != EINTR && errno != EAGAIN) { reachedEnd = true }
    return false
  }

  // MARK: Helpers

  /// Removes CSI and OSC sequences, other two-byte escapes, `\r`, backspace and bell.
  static func strip(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, index + 1 < bytes.count {
        let next = bytes[index + 1]
        index += 2
        if next == UInt8(ascii: "[") {
          while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
          index += 1
        } else if next == UInt8(ascii: "]") {
          while index < bytes.count, bytes[index] != 0x07, bytes[index] != 0x1B { index += 1 }
          index += bytes.count > index && bytes[index] == 0x1B ? 2 : 1
        } else if next == UInt8(ascii: "(") || next == UInt8(ascii: ")") {
          index += 1
        }
        continue
      }
      if byte != 0x0D, byte != 0x08, byte != 0x07 { result.append(byte) }
      index += 1
    }
    return result
  }

  private static func cStrings(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() { array[index] = strdup(string) }
    array[strings.count] = nil
    return array
  }

  private static func freeCStrings(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
    var index = 0
    while let string = array[index] {
      free(string)
      index += 1
    }
    array.deallocate()
  }
}

extension CommandRunner {
  /// Starts the built binary on a pseudo-terminal with this runner's environment (and a real
  /// terminal type, no inputrc of the machine's).
  public func spawnOnTerminal(_ arguments: [String], rows: UInt16 = 24, cols: UInt16 = 80) throws -> Pty {
    var environment = self.environment
    environment["TERM"] = "xterm"
    environment["INPUTRC"] = "/dev/null"
    return try Pty(arguments, environment: environment, workingDirectory: workingDirectory, rows: rows, cols: cols)
  }
}
