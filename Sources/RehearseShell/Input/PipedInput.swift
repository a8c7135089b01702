#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines from a pipe or a file: `poll` and `read` on the descriptor with a buffer of our own
/// (never mixed with `readLine()`, whose buffer `poll` cannot see), so deadlines still hold.
/// No prompt is echoed and no escape code written: standard output stays for the program's
/// real output. `\r\n` ends a line like `\n`; invalid UTF-8 becomes U+FFFD.
///
/// Signals keep their default actions: with no terminal to restore, Ctrl-C or SIGTERM simply
/// end the process, as for any filter in a pipeline.
@MainActor final class PipedInput: LineInput {
  let fd: Int32
  private var buffer: [UInt8] = []
  private var atEnd = false
  private let clock = ContinuousClock()

  var isInteractive: Bool { false }

  init(fd: Int32 = STDIN_FILENO) {
    self.fd = fd
  }

  func begin() {}
  func end() {}

  /// A line, or at the deadline the unterminated tail read so far (which is then used up, so the
  /// rest of that line starts the next read). `initialText` comes before what is read, as if
  /// typed after it.
  func read(_ request: LineRequest) -> LineEvent {
    let prefix = request.initialText
    var lastTick = request.tickOrigin.map { TickSchedule.tickIndex(now: clock.now, origin: $0) }
    while true {
      if let line = takeLine() { return .line(prefix + line) }
      if atEnd { return .endOfInput(partial: prefix + takeTail(all: true)) }

      let now = clock.now
      if let origin = request.tickOrigin, let last = lastTick {
        let index = TickSchedule.tickIndex(now: now, origin: origin)
        if index != last {
          lastTick = index
          request.onTick?(now, prefix + Self.decode(buffer[..<Self.completeLength(buffer)]))
        }
      }
      if let deadline = request.deadline, now >= deadline { return .deadline(partial: prefix + takeTail(all: false)) }

      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let timeout = TickSchedule.pollTimeout(now: now, origin: request.tickOrigin, deadline: request.deadline)
      let ready = poll(&descriptor, 1, timeout)
      if ready < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        atEnd = true
        continue
      }
      guard ready > 0 else { continue }
      if descriptor.revents & Int16(POLLNVAL) != 0 {
        atEnd = true
        continue
      }
      fill()
    }
  }

  private func fill() {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
    if count > 0 {
      buffer.append(contentsOf: chunk[..<count])
    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
      atEnd = true
    }
  }

  private func takeLine() -> String? {
    guard let newline = buffer.firstIndex(of: 0x0A) else { return nil }
    var end = newline
    if end > 0, buffer[end - 1] == 0x0D { end -= 1 }
    let line = Self.decode(buffer[..<end])
    buffer.removeSubrange(...newline)
    return line
  }

  /// The buffered tail; unless `all`, an incomplete UTF-8 sequence at its end stays for later.
  private func takeTail(all: Bool) -> String {
    var end = all ? buffer.count : Self.completeLength(buffer)
    let taken = end
    if end > 0, buffer[end - 1] == 0x0D { end -= 1 }
    let text = Self.decode(buffer[..<end])
    buffer.removeFirst(taken)
    return text
  }

  /// Invalid UTF-8 and NUL become U+FFFD: a NUL would cut the text short where it is stored
  /// (C strings end there), losing the rest of the line.
  static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self).withoutNUL
  }

  /// The length of `bytes` without a UTF-8 sequence cut off at the end.
  static func completeLength(_ bytes: [UInt8]) -> Int {
    var start = bytes.count
    // Step back over at most three continuation bytes to the lead byte of the last sequence.
    while start > 0, bytes.count - start < 3, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
    guard start > 0 else { return bytes.count }
    let lead = bytes[start - 1]
    let needed: Int
    switch lead {
    case 0xC0...0xDF: needed = 2
    case 0xE0...0xEF: needed = 3
    case 0xF0...0xF7: needed = 4
    default: return bytes.count
    }
    let have = bytes.count - (start - 1)
    return have < needed ? start - 1 : bytes.count
  }
}
