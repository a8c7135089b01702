import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `rehearse` with no arguments. On a terminal: a prompt (`rehearse> `) with history and Tab
/// completion, where each line runs through the same ArgumentParser tree as the command line,
/// in this process. Errors print and the shell stays; `quit`, `exit` or Ctrl-D leave.
///
/// Without a terminal it reads commands from standard input, one a line (blank lines and `#`
/// comments skipped), with no prompt, and exits with the status of the last command that failed
/// (0 if none): `printf 'banks list\nbanks show kiso\n' | rehearse`. Those commands get an empty
/// standard input, since the script is on it (use `score --text` in scripts).
@MainActor final class Shell {
  let context: AppContext
  let input: any LineInput
  let completion: ShellCompletion

  init(context: AppContext, input: any LineInput, completion: ShellCompletion) {
    self.context = context
    self.input = input
    self.completion = completion
  }

  /// The live shell: readline on a terminal, piped lines otherwise.
  static func live() -> Shell {
    let context = AppContext.live()
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    return Shell(context: context, input: input, completion: .live(context: context))
  }

  /// Runs until `quit`, `exit` or end of input; returns the exit status.
  func run() -> Int32 {
    if input.isInteractive {
      context.console.message(context.messages.shellWelcome(version: RehearseCommand.version))
      offerResume()
    }
    var failure: Int32 = 0
    let completion = self.completion
    let request = LineRequest(
      history: .shell, prompt: { _ in PromptText("rehearse> ") },
      completions: { line, word in completion.candidates(line: line, word: word) },
      describe: { candidates in completion.describe(candidates) })
    while true {
      input.begin()
      let event = input.read(request)
      input.end()
      var line: String
      switch event {
      case .line(let text):
        line = text
      case .endOfInput(let partial):
        // A script's last line may lack its newline.
        guard !input.isInteractive, !partial.isEmpty else { return input.isInteractive ? 0 : failure }
        line = partial
      case .interrupted, .deadline:
        continue  // Ctrl-C clears the line
      case .terminated:
        return 128 + SignalWatch.termination.load(ordering: .relaxed)
      }
      if !input.isInteractive, line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { line = "" }
      switch execute(line) {
      case .quit:
        return input.isInteractive ? 0 : failure
      case .ran(let status):
        if status != 0 { failure = status }
      }
      if case .endOfInput = event { return failure }
      if SignalWatch.termination.load(ordering: .relaxed) != 0 {
        return 128 + SignalWatch.termination.load(ordering: .relaxed)
      }
    }
  }

  enum Outcome: Equatable {
    case quit
    case ran(Int32)
  }

  /// Runs one line of the shell.
  func execute(_ line: String) -> Outcome {
    var words: [String]
    do {
      words = try ShellWords.split(line)
    } catch {
      switch error {
      case .unclosedQuote(let quote): context.console.error(context.messages.unclosedQuote(quote))
      case .trailingBackslash: context.console.error(context.messages.trailingBackslash)
      }
      return .ran(64)
    }
    if words.first == "rehearse" { words.removeFirst() }
    guard let first = words.first else { return .ran(0) }
    if words.count == 1, first == "quit" || first == "exit" { return .quit }
    if words == ["help"] {
      context.console.print(RehearseCommand.shellWords(RehearseCommand.helpMessage(columns: context.console.width)))
      context.console.print()
      for text in DisplayWidth.wrap(context.messages.shellHelp, width: min(context.console.width, 100)) {
        context.console.print(text)
      }
      return .ran(0)
    }
    return .ran(runCommand(words))
  }

  /// A drill whose process was killed is offered first thing (DESIGN §7). A store that cannot be
  /// read is reported and the shell opens anyway.
  private func offerResume() {
    do {
      guard let store = try context.existingStore() else { return }
      _ = try DrillResume.offer(context: context, store: store, input: input)
    } catch {
      _ = RehearseCommand.report(error)
    }
  }

  /// Parses `words` with the root command and runs the result here, as `rehearse WORDS` would.
  private func runCommand(_ words: [String]) -> Int32 {
    // While a command runs, Ctrl-C must not end the shell: it is caught (and dropped after). A
    // command that reads lines handles it itself.
    if input.isInteractive { SignalWatch.catchSignals([.interrupt]) }
    let savedInput = input.isInteractive ? -1 : detachStandardInput()
    defer {
      if input.isInteractive {
        SignalWatch.release()
        SignalWatch.discard([.interrupt])
      }
      if savedInput >= 0 {
        dup2(savedInput, STDIN_FILENO)
        close(savedInput)
      }
    }
    do {
      var command = try RehearseCommand.parseCommand(words)
      if command is RehearseCommand {
        // Only options for the root (none but --help and --version, which parse to help):
        // never a shell inside the shell.
        context.console.print(RehearseCommand.helpMessage(columns: context.console.width))
        return 0
      }
      try command.run()
      return 0
    } catch {
      return RehearseCommand.report(error, inShell: true)
    }
  }

  /// Points standard input at /dev/null for a command run from a script, returning the saved
  /// descriptor (or -1).
  private func detachStandardInput() -> Int32 {
    let saved = dup(STDIN_FILENO)
    let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
    guard saved >= 0, null >= 0 else { return saved }
    dup2(null, STDIN_FILENO)
    close(null)
    return saved
  }
}

extension ShellCompletion {
  /// Completion for the live shell: the real command tree, the bank catalogue (read again after
  /// each Tab that needs it, so a bank made with `banks new` shows at once) and session ids.
  static func live(context: AppContext) -> ShellCompletion {
    var completion = ShellCompletion(
      tree: CommandNode.of(RehearseCommand.self) ?? CommandNode(commandName: "rehearse"),
      bankIDs: { context.loadBanks(extra: []).ids },
      sessionIDs: { sessionIDs(context) },
      workingDirectory: context.workingDirectory)
    completion.stageIDs = { company in
      let catalog = context.loadBanks(extra: [])
      // A unique prefix names a bank too, as on the command line.
      let bank = catalog.bank(id: company) ?? catalog.banks.first { $0.id.hasPrefix(company) }
      return bank?.bank.company.stages.map(\.id) ?? []
    }
    completion.sessionDescriptions = {
      guard let store = try? context.existingStore(), let sessions = try? store.sessions() else { return [:] }
      return Dictionary(
        sessions.map { (String($0.id.rawValue), "\($0.companyName) · \(context.dates.minute($0.startedAt))") },
        uniquingKeysWith: { first, _ in first })
    }
    completion.questionIDs = { company in
      DrillCommand.questionIDs(in: context.loadBanks(extra: []), words: [company])
    }
    return completion
  }

  /// Session ids for Tab (`show`, `review`, `export` …), newest first; none when there is no
  /// store yet or it cannot be read (completion never reports errors).
  static func sessionIDs(_ context: AppContext) -> [String] {
    guard let store = try? context.existingStore(), let ids = try? store.sessionIDs() else { return [] }
    return ids.map { String($0.rawValue) }
  }
}
