import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signals a line editor cares about, caught by handlers that only set atomic flags and write
/// one byte to a self-pipe, so a `poll` on the pipe wakes the editor's loop, which does the real
/// work on the main thread (TERMINAL.md). Nothing else is safe inside a signal handler.
enum SignalWatch {
  enum Caught: UInt32, CaseIterable, Sendable {
    case interrupt = 1
    case terminate = 2
    case hangUp = 4
    case resize = 8
    case stop = 16
    case resume = 32

    var number: Int32 {
      switch self {
      case .interrupt: SIGINT
      case .terminate: SIGTERM
      case .hangUp: SIGHUP
      case .resize: SIGWINCH
      case .stop: SIGTSTP
      case .resume: SIGCONT
      }
    }

    /// A plain switch: no allocation, so it may run inside a signal handler.
    init?(number: Int32) {
      switch number {
      case SIGINT: self = .interrupt
      case SIGTERM: self = .terminate
      case SIGHUP: self = .hangUp
      case SIGWINCH: self = .resize
      case SIGTSTP: self = .stop
      case SIGCONT: self = .resume
      default: return nil
      }
    }
  }

  /// Flags of `Caught` raised since they were last taken.
  static let pending = Atomic<UInt32>(0)
  /// The first SIGTERM/SIGHUP caught; it stays until the process ends (0: none).
  static let termination = Atomic<Int32>(0)
  static let wakeRead = Atomic<Int32>(-1)
  static let wakeWrite = Atomic<Int32>(-1)

  /// Dispositions replaced by `catchSignals`, restored by `release` (one stack entry per catch).
  @MainActor private static var saved: [[Int32: sigaction]] = []

  /// The read end of the self-pipe, made on first use (non-blocking, close-on-exec).
  @MainActor static var wakeDescriptor: Int32 {
    if wakeRead.load(ordering: .relaxed) < 0 {
      var fds: [Int32] = [-1, -1]
      if pipe(&fds) == 0 {
        for fd in fds {
          _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeWrite.store(fds[1], ordering: .relaxed)
        wakeRead.store(fds[0], ordering: .relaxed)
      }
    }
    return wakeRead.load(ordering: .relaxed)
  }

  /// Installs the flag-setting handler for `signals` and unblocks them (a test runner may start
  /// us with SIGINT blocked). Pair with `release()`.
  @MainActor static func catchSignals(_ signals: [Caught]) {
    // The atomics are lazily initialised globals: touch them here, never first in a handler.
    _ = pending.load(ordering: .relaxed)
    _ = termination.load(ordering: .relaxed)
    _ = wakeWrite.load(ordering: .relaxed)
    _ = wakeDescriptor
    var replaced: [Int32: sigaction] = [:]
    var mask = sigset_t()
    sigemptyset(&mask)
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = signalHandler
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      var old = sigaction()
      if sigaction(signal.number, &action, &old) == 0 { replaced[signal.number] = old }
      sigaddset(&mask, signal.number)
    }
    pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    saved.append(replaced)
  }

  /// Puts back what the matching `catchSignals` replaced.
  @MainActor static func release() {
    guard var replaced = saved.popLast() else { return }
    for (signal, _) in replaced {
      _ = sigaction(signal, &replaced[signal]!, nil)
    }
  }

  /// Takes (clears) the flags raised so far.
  static func take() -> Set<Caught> {
    let bits = pending.exchange(0, ordering: .acquiringAndReleasing)
    return Set(Caught.allCases.filter { bits & $0.rawValue != 0 })
  }

  /// Clears `signals` without acting on them (e.g. a Ctrl-C pressed before prompts began).
  static func discard(_ signals: [Caught]) {
    let bits = signals.reduce(0) { $0 | $1.rawValue }
    pending.bitwiseAnd(~bits, ordering: .acquiringAndReleasing)
  }

  /// Empties the self-pipe after a wake-up.
  @MainActor static func drainWakeups() {
    var buffer = [UInt8](repeating: 0, count: 64)
    let fd = wakeDescriptor
    while read(fd, &buffer, buffer.count) > 0 {}
  }

  /// If a SIGTERM or SIGHUP was caught, ends the process by that signal with its default action,
  /// as the sender asked (the parent sees "killed by SIGTERM", not a normal exit). Call it after
  /// the terminal has been restored; it does not return then.
  static func deliverPendingTermination() {
    let signal = termination.load(ordering: .relaxed)
    guard signal != 0 else { return }
    Glibc.signal(signal, SIG_DFL)
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, signal)
    pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    raise(signal)
    _exit(128 + signal)
  }

  /// Stops the process as Ctrl-Z would have without our handler, and returns once it is continued.
  @MainActor static func stopProcess() {
    var ours = sigaction()
    var fallback = sigaction()
    fallback.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&fallback.sa_mask)
    sigaction(SIGTSTP, &fallback, &ours)
    raise(SIGTSTP)
    // Continued (`fg`): catch Ctrl-Z again, and forget the SIGCONT that woke us.
    sigaction(SIGTSTP, &ours, nil)
    discard([.stop, .resume])
  }
}

/// Only async-signal-safe work: atomics and `write`.
private let signalHandler: @convention(c) (Int32) -> Void = { number in
  let savedErrno = errno
  if let caught = SignalWatch.Caught(number: number) {
    SignalWatch.pending.bitwiseOr(caught.rawValue, ordering: .acquiringAndReleasing)
    if caught == .terminate || caught == .hangUp {
      _ = SignalWatch.termination.compareExchange(
        expected: 0, desired: number, ordering: .acquiringAndReleasing)
    }
  }
  var byte = UInt8(truncatingIfNeeded: number)
  _ = write(SignalWatch.wakeWrite.load(ordering: .relaxed), &byte, 1)
  errno = savedErrno
}
