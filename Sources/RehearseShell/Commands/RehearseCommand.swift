import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// The root of the command tree: `rehearse` and its subcommands (DESIGN §8).
public struct RehearseCommand: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "rehearse",
    abstract: "Timed mock-interview practice in the terminal, in Japanese and English.",
    discussion: """
      Drill the questions a company asks under a clock, see whether each answer says why you \
      decided and whether it would carry over, and reread every past drill.

      Banks are found in the shipped QuestionBanks folder, <home>/banks, REHEARSE_BANKS and \
      --banks DIR. <home> is $REHEARSE_HOME, else $XDG_DATA_HOME/rehearse, else \
      ~/.local/share/rehearse.
      """,
    version: version,
    subcommands: [
      DrillCommand.self, HistoryCommand.self, ShowCommand.self, BanksCommand.self, ScoreCommand.self,
      FollowCommand.self, UnfollowCommand.self, PlanCommand.self, DailyCommand.self, RetryCommand.self,
      ConfigCommand.self, SearchCommand.self, CompareCommand.self, DeleteCommand.self, ForgetCommand.self,
      ExportCommand.self, ImportCommand.self, StatsCommand.self, ReportCommand.self, ReviewCommand.self,
      PreflightCommand.self, MockCommand.self, DebriefCommand.self, OutcomeCommand.self, CheckCommand.self,
    ]
  )

  public init() {}

  /// `rehearse` alone opens the interactive shell (or, without a terminal, runs the commands
  /// read from standard input).
  public func run() throws {
    let status = MainActor.assumeIsolated { Shell.live().run() }
    if status != 0 { throw ExitCode(status) }
  }

  /// Runs the command line and returns the process exit status: 0, 64 usage, 65 bad data, 74 I/O.
  public static func main(arguments: [String]) -> Int32 {
    // The version with the commit it was built from, read only when asked for.
    if arguments == ["--version"] {
      let out = FileDescriptorOutput(fd: 1)
      out.write("\(version) (\(BuildInfo.commit().map { "commit \($0)" } ?? "development build"))\n")
      return out.failed ? 74 : 0
    }
    var status: Int32 = 0
    do {
      var command = try parseCommand(arguments)
      try command.run()
    } catch {
      status = report(error)
    }
    // A SIGTERM or SIGHUP caught by the line editor ends the process by that signal, now that
    // the terminal is restored.
    SignalWatch.deliverPendingTermination()
    return status
  }

  /// ArgumentParser's message in the shell's own words: its commands are typed without
  /// `rehearse`, and its help is `help` or `COMMAND --help`.
  static func shellWords(_ message: String) -> String {
    message
      .replacingOccurrences(of: "'rehearse --help'", with: "'help'")
      .replacingOccurrences(of: "'rehearse ", with: "'")
      .replacingOccurrences(of: "Usage: rehearse ", with: "Usage: ")
      .replacingOccurrences(of: "USAGE: rehearse ", with: "USAGE: ")
  }

  /// The subcommands' names (`drill`, `history`, …).
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName }
  }

  /// `parseAsRoot`, with a mistyped command named as one. Checked only when parsing failed:
  /// listing the commands' names costs ~0.4 ms of every start.
  static func parseCommand(_ words: [String]) throws -> any ParsableCommand {
    do {
      return try parseAsRoot(words)
    } catch {
      try checkCommandName(words)
      throw error
    }
  }

  /// A first word that is no command and no option is a mistyped command, not an argument of
  /// the shell: "unknown command 'histroy' — did you mean 'history'?" (exit 64).
  static func checkCommandName(_ words: [String]) throws {
    guard let first = words.first, !first.hasPrefix("-"), !commandNames.contains(first), first != "help" else { return }
    let messages = AppContext.live().messages
    throw RehearseError.usage(
      messages.unknownCommand(first, suggestion: Spelling.closest(to: first, in: commandNames), commands: commandNames))
  }

  /// Prints what `error` means (ArgumentParser's message and usage, or ours) and returns its
  /// exit status. Help and version requests go to standard output with status 0.
  static func report(_ error: any Error, inShell: Bool = false) -> Int32 {
    if let error = error as? RehearseError {
      let context = AppContext.live()
      if !error.description.isEmpty { context.console.error(error.description, label: context.messages.errorLabel) }
      return error.exitCode
    }
    if let error = error as? StoreError {
      // Any store failure a command did not map itself is still an I/O error.
      let context = AppContext.live()
      context.console.error(context.messages.storeError(error), label: context.messages.errorLabel)
      return RehearseError(error).exitCode
    }
    let code = exitCode(for: error).rawValue
    let message = inShell ? Self.shellWords(fullMessage(for: error)) : fullMessage(for: error)
    if !message.isEmpty {
      let stream = code == 0 ? FileDescriptorOutput(fd: 1) : FileDescriptorOutput(fd: 2)
      stream.write(message.hasSuffix("\n") ? message : message + "\n")
      if stream.failed { return RehearseError.io("").exitCode }
    }
    return code
  }
}

/// Commands run on the main thread (from `main.swift` or the shell), so `run(in:)` is on the main
/// actor, where the line editor lives.
protocol ContextCommand: ParsableCommand {
  @MainActor func run(in context: AppContext) throws
}

extension ContextCommand {
  public func run() throws {
    // ArgumentParser calls this on the main thread (main.swift, or the shell's loop); the value
    // only crosses to the main actor's view of that same thread.
    nonisolated(unsafe) let command = self
    try MainActor.assumeIsolated {
      let context = AppContext.live()
      try command.run(in: context)
      if let out = context.console.out as? FileDescriptorOutput, out.failed {
        throw RehearseError.io("cannot write to standard output: \(out.failureReason ?? "unknown error")")
      }
    }
  }
}

/// `--banks DIR`, accepted by every command that reads banks.
struct BankFolderOptions: ParsableArguments {
  @Option(
    name: .customLong("banks"),
    help: ArgumentHelp("Also load banks from this folder (repeatable).", valueName: "DIR"),
    completion: .directory)
  var folders: [String] = []
}

/// `--json`: machine-readable output on standard output, nothing else there.
struct JSONOption: ParsableArguments {
  @Flag(help: "Print JSON on standard output.")
  var json = false
}
