import Foundation
import Testing

@testable import RehearseShell

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `PipedInput` on a real pipe, written from another thread.
@Suite("Piped input", .serialized)
@MainActor struct PipedInputTests {
  /// A pipe whose write end `producer` fills (then closes) on a background thread.
  func pipe(_ producer: @escaping @Sendable (Int32) -> Void) -> Int32 {
    var fds: [Int32] = [-1, -1]
    #expect(Glibc.pipe(&fds) == 0)
    let writeEnd = fds[1]
    Thread.detachNewThread {
      producer(writeEnd)
      close(writeEnd)
    }
    return fds[0]
  }

  nonisolated static func write(_ fd: Int32, _ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
  }

  @Test("a slow producer: the deadline returns the unterminated tail on time, and the next read goes on")
  func deadline() {
    let fd = pipe { fd in
      Self.write(fd, Array("first line\nhalf of a sec".utf8))
      usleep(1_500_000)
      Self.write(fd, Array("ond line\n".utf8))
    }
    defer { close(fd) }
    let input = PipedInput(fd: fd)
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("first line"))

    let clock = ContinuousClock()
    let start = clock.now
    let ticks = TickCounter()
    var request = LineRequest(history: .answer, prompt: "> ")
    request.tickOrigin = start
    request.deadline = start + .milliseconds(1200)
    request.onTick = { _, draft in ticks.drafts.append(draft) }
    let event = input.read(request)
    let elapsed = clock.now - start
    #expect(event == .deadline(partial: "half of a sec"))
    #expect(elapsed >= .milliseconds(1200) && elapsed < .milliseconds(1500), "took \(elapsed)")
    #expect(ticks.drafts == ["half of a sec"], "one tick, at 1 s, saw the tail so far")
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("ond line"))
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .endOfInput(partial: ""))
  }

  @Test("end of input returns an unterminated last line as the partial")
  func endOfInputPartial() {
    let fd = pipe { fd in Self.write(fd, Array("one\ntwo".utf8)) }
    defer { close(fd) }
    let input = PipedInput(fd: fd)
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("one"))
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .endOfInput(partial: "two"))
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .endOfInput(partial: ""))
  }

  @Test("CRLF ends a line like LF; initial text comes first")
  func crlf() {
    let fd = pipe { fd in Self.write(fd, Array("一行目\r\n\r\nthird\r\n".utf8)) }
    defer { close(fd) }
    let input = PipedInput(fd: fd)
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("一行目"))
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line(""))
    var request = LineRequest(history: .answer, prompt: "> ")
    request.initialText = "the "
    #expect(input.read(request) == .line("the third"))
  }

  @Test("invalid UTF-8 becomes U+FFFD; a character cut at the deadline waits for its other bytes")
  func invalidUTF8() {
    let fd = pipe { fd in
      Self.write(fd, [0x61, 0xFF, 0x62, 0x0A])
      // な is E3 81 AA: send two bytes, pause past the deadline, then the last one.
      Self.write(fd, [0xE3, 0x81])
      usleep(600_000)
      Self.write(fd, [0xAA, 0x0A])
    }
    defer { close(fd) }
    let input = PipedInput(fd: fd)
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("a\u{FFFD}b"))
    var request = LineRequest(history: .answer, prompt: "> ")
    request.deadline = ContinuousClock.now + .milliseconds(300)
    #expect(input.read(request) == .deadline(partial: ""))
    #expect(input.read(LineRequest(history: .answer, prompt: "> ")) == .line("な"))
  }

  @Test("the length of complete UTF-8 leaves a cut sequence out")
  func completeLength() {
    #expect(PipedInput.completeLength(Array("abc".utf8)) == 3)
    #expect(PipedInput.completeLength(Array("aな".utf8)) == 4)
    #expect(PipedInput.completeLength([0x61, 0xE3, 0x81]) == 1)
    #expect(PipedInput.completeLength([0x61, 0xF0, 0x9F, 0x98]) == 1)
    #expect(PipedInput.completeLength([0x61, 0x81, 0x81, 0x81, 0x81]) == 5, "stray continuation bytes are not held")
  }
}

@MainActor final class TickCounter {
  var drafts: [String] = []
}
