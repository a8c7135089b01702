import Foundation
import RehearseCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything a command needs from the outside world, built once at the edge (`live()`) and
/// passed in, so tests can give a command a temporary home and capture its output.
public struct AppContext {
  public var environment: [String: String]
  public var paths: RehearsePaths
  public var workingDirectory: URL
  public var executable: URL?
  public var tty: TTY
  public var console: Console
  public var language: InterfaceLanguage
  /// The clock and the local time zone (practice days follow them): the system's, or a script's
  /// in tests that drive a month of daily practice.
  public var now: () -> Date
  public var timeZone: TimeZone

  public var messages: any Messages { language.messages }

  public init(
    environment: [String: String], paths: RehearsePaths, workingDirectory: URL, executable: URL?,
    tty: TTY, console: Console, language: InterfaceLanguage, now: @escaping () -> Date = { Date() },
    timeZone: TimeZone = .current
  ) {
    self.now = now
    self.timeZone = timeZone
    self.environment = environment
    self.paths = paths
    self.workingDirectory = workingDirectory
    self.executable = executable
    self.tty = tty
    self.console = console
    self.language = language
  }

  public static func live() -> AppContext {
    let environment = ProcessInfo.processInfo.environment
    let tty = TTY.live(environment: environment)
    let console = Console(
      out: FileDescriptorOutput(fd: STDOUT_FILENO),
      err: FileDescriptorOutput(fd: STDERR_FILENO),
      outStyle: Style(ColorMode.resolve(isTerminal: tty.stdoutIsTerminal, tty: tty, environment: environment)),
      errStyle: Style(ColorMode.resolve(isTerminal: tty.stderrIsTerminal, tty: tty, environment: environment)),
      width: terminalWidth(tty: tty, environment: environment))
    let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return AppContext(
      environment: environment,
      paths: RehearsePaths.resolve(environment: environment, userHome: userHome),
      workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
      executable: runningExecutable(),
      tty: tty,
      console: console,
      language: InterfaceLanguage.resolve(environment: environment))
  }

  /// The running executable, read from /proc/self/exe without `Bundle.main`'s set-up (~0.2 ms
  /// of every start); `Bundle.main` where there is no /proc.
  static func runningExecutable() -> URL? {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
    }
    guard count > 0 else { return Bundle.main.executableURL }
    return URL(fileURLWithPath: String(decoding: buffer[..<count], as: UTF8.self))
  }

  /// The width of the terminal on standard output, else `COLUMNS`, else unlimited for pipes.
  static func terminalWidth(tty: TTY, environment: [String: String]) -> Int {
    if tty.stdoutIsTerminal {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
    // Not a terminal: nothing to fit, so tables are not cut (scripts and grep see whole names).
    return tty.stdoutIsTerminal ? 80 : 1000
  }

  /// The shipped banks folder, the user's, `REHEARSE_BANKS` and `--banks` folders, in order.
  public func bankLocations(extra: [String]) -> [BankLocation] {
    BankLocation.standard(
      shipped: ShippedBanks.locate(executable: executable, environment: environment),
      paths: paths, environment: environment,
      extra: extra.map { URL(fileURLWithPath: $0, relativeTo: workingDirectory).standardizedFileURL })
  }

  /// Every bank, from the parsed-bank cache where the files are unchanged.
  public func loadBanks(extra: [String]) -> BankCatalog {
    BankLibrary(workingDirectory: workingDirectory, cache: bankCache).load(bankLocations(extra: extra))
  }

  /// The parsed-bank cache under `paths.cache`, or `nil` when `REHEARSE_NO_CACHE` is set (to
  /// anything but `0` or nothing). Its entries belong to this build: the version and the
  /// executable's size and modification time, so an upgrade or a rebuild starts afresh.
  public var bankCache: BankCache? {
    if let value = environment["REHEARSE_NO_CACHE"], !value.isEmpty, value != "0" { return nil }
    var build = "rehearse \(RehearseCommand.version)"
    if let executable, let stamp = FileStamp.of(path: executable.path) {
      build += " \(stamp.size) \(stamp.modified)"
    }
    return BankCache(folder: BankCache.folder(in: paths.cache), build: build)
  }
}
