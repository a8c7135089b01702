#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A key pressed in the reader.
enum Key: Equatable, Sendable {
  case character(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape
  /// A sequence the reader has no use for (a function key).
  case unknown
  /// Ctrl-C or Ctrl-D.
  case quit
  /// The terminal changed size.
  case resize
  /// SIGTERM or SIGHUP: restore the terminal, then `SignalWatch.deliverPendingTermination()`.
  case terminated
  /// Standard input ended.
  case endOfInput
}

/// Where keys come from: the terminal, or a script in tests.
@MainActor protocol KeySource: AnyObject {
  /// Puts the terminal in key-at-a-time mode (no echo, no line editing).
  func begin()
  /// Restores the terminal as it was. Idempotent.
  func end()
  func read() -> Key
}

/// Keys from the terminal on standard input, one at a time: the terminal in non-canonical mode
/// without echo (signals still raised by Ctrl-C and Ctrl-Z), a `poll` on standard input and the
/// signal self-pipe, escape sequences for arrows and paging read whole.
@MainActor final class TerminalKeys: KeySource {
  private var saved: termios?
  private var pending: [UInt8] = []

  init() {}

  func begin() {
    guard saved == nil else { return }
    var attributes = termios()
    guard tcgetattr(STDIN_FILENO, &attributes) == 0 else { return }
    saved = attributes
    SignalWatch.catchSignals([.interrupt, .terminate, .hangUp, .resize, .stop, .resume])
    SignalWatch.discard([.interrupt, .resize, .stop, .resume])
    attributes.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
    attributes.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &attributes.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(STDIN_FILENO, TCSADRAIN, &attributes)
  }

  func end() {
    guard var attributes = saved else { return }
    tcsetattr(STDIN_FILENO, TCSADRAIN, &attributes)
    saved = nil
    SignalWatch.release()
  }

  func read() -> Key {
    while true {
      if let key = decode() { return key }
      var fds = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: SignalWatch.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      // A lone ESC is the Escape key when nothing follows it within 50 ms.
      let timeout: Int32 = pending == [0x1B] ? 50 : -1
      let ready = poll(&fds, 2, timeout)
      if ready < 0 {
        if errno == EINTR { continue }
        return .endOfInput
      }
      if ready == 0 {
        pending.removeAll()
        return .escape
      }
      if fds[1].revents != 0 {
        SignalWatch.drainWakeups()
        let caught = SignalWatch.take()
        if caught.contains(.terminate) || caught.contains(.hangUp) { return .terminated }
        if caught.contains(.interrupt) { return .quit }
        if caught.contains(.stop) {
          // Ctrl-Z: the terminal as the shell expects it while stopped, ours again after.
          let attributes = saved
          end()
          SignalWatch.stopProcess()
          if attributes != nil { begin() }
          return .resize
        }
        if caught.contains(.resize) || caught.contains(.resume) { return .resize }
      }
      if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds[0].revents & Int16(POLLIN) == 0 {
        return .terminated
      }
      if fds[0].revents & Int16(POLLIN) != 0 {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = Glibc.read(STDIN_FILENO, &buffer, buffer.count)
        if count <= 0 {
          if count < 0, errno == EINTR || errno == EAGAIN { continue }
          return .endOfInput
        }
        pending.append(contentsOf: buffer[0..<count])
      }
    }
  }

  /// The first whole key in `pending`, removed from it; nil when more bytes are needed.
  private func decode() -> Key? {
    guard let first = pending.first else { return nil }
    if first == 0x1B {
      guard pending.count >= 2 else { return nil }
      guard pending[1] == UInt8(ascii: "[") || pending[1] == UInt8(ascii: "O") else {
        pending.removeFirst()
        return .escape
      }
      // CSI: parameters, then a final byte in 0x40...0x7E.
      guard let final = pending.dropFirst(2).firstIndex(where: { (0x40...0x7E).contains($0) }) else {
        if pending.count > 16 { pending.removeAll() }
        return nil
      }
      let sequence = Array(pending[2...final])
      pending.removeFirst(final + 1)
      switch sequence {
      case [0x41]: return .up
      case [0x42]: return .down
      case [0x43]: return .right
      case [0x44]: return .left
      case [0x48], Array("1~".utf8), Array("7~".utf8): return .home
      case [0x46], Array("4~".utf8), Array("8~".utf8): return .end
      case Array("5~".utf8): return .pageUp
      case Array("6~".utf8): return .pageDown
      default: return .unknown
      }
    }
    switch first {
    case 0x0D, 0x0A:
      pending.removeFirst()
      return .enter
    case 0x03, 0x04:
      pending.removeFirst()
      return .quit
    default: break
    }
    // One UTF-8 character.
    let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    guard pending.count >= length else { return nil }
    let bytes = pending.prefix(length)
    pending.removeFirst(length)
    guard let character = String(validating: bytes, as: UTF8.self)?.first else { return decode() }
    return .character(character)
  }
}

/// The size of the terminal on standard output (24 × 80 when it cannot be read).
func terminalSize() -> (rows: Int, columns: Int) {
  var size = winsize()
  if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
    return (Int(size.ws_row), Int(size.ws_col))
  }
  return (24, 80)
}
