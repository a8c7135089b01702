#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What we know about the terminal (or lack of one) on each standard stream.
public struct TTY: Equatable, Sendable {
  public var stdinIsTerminal: Bool
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  /// `TERM=dumb` terminals get no escape codes at all.
  public var isDumb: Bool

  public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool, isDumb: Bool) {
    self.stdinIsTerminal = stdinIsTerminal
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.isDumb = isDumb
  }

  public static func live(environment: [String: String]) -> TTY {
    TTY(
      stdinIsTerminal: isatty(STDIN_FILENO) == 1,
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
      stderrIsTerminal: isatty(STDERR_FILENO) == 1,
      isDumb: environment["TERM"] == "dumb")
  }

  /// A pipe or file everywhere: what tests and scripts see.
  public static let none = TTY(stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, isDumb: false)
}

/// Whether output may carry colour and cursor codes.
public enum ColorMode: Equatable, Sendable {
  case on
  case off

  /// Colour only on a real terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
  public static func resolve(isTerminal: Bool, tty: TTY, environment: [String: String]) -> ColorMode {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .off }
    return isTerminal && !tty.isDumb ? .on : .off
  }
}
