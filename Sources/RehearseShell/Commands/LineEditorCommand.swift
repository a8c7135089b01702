import ArgumentParser
import Foundation

/// `rehearse line-editor` (hidden): the timed line editor on its own, the way the drill will use
/// it: a question, a countdown in the prompt, lines until an empty line, Ctrl-D, Ctrl-C or the
/// deadline, then a JSON summary on standard output. For trying the editor in a terminal (resize
/// it, press Ctrl-L or Ctrl-Z) and for the pty tests, until the drill exists.
struct LineEditorCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "line-editor",
    abstract: "Try the timed line editor (development aid).",
    shouldDisplay: false)

  @Option(help: "Answer time in seconds (default: no clock).")
  var seconds: Int?

  @Option(help: "Text shown above the prompt.")
  var question = "Tell me about a decision you made."

  @Option(help: "Text already on the first line, as when resuming a draft.")
  var initial = ""

  @MainActor func run(in context: AppContext) throws {
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    let summary = Self.session(
      input: input, question: question, seconds: seconds, initial: initial, console: context.console)
    context.console.write(try JSONText.encode(summary))
  }

  /// What one session of lines came to.
  struct Summary: Encodable, Equatable {
    var lines: [String] = []
    /// `empty-line`, `end-of-input`, `interrupted`, `deadline` or `terminated`.
    var ending = "empty-line"
    var partial = ""
    var ticks = 0
    /// The line as the last tick saw it.
    var draft = ""
    var elapsedMilliseconds: Int64 = 0

    enum CodingKeys: String, CodingKey {
      case lines, ending, partial, ticks, draft
      case elapsedMilliseconds = "elapsed_ms"
    }
  }

  /// Reads lines until an empty one or any other ending.
  @MainActor static func session(
    input: any LineInput, question: String, seconds: Int?, initial: String, console: Console,
    clock: ContinuousClock = ContinuousClock()
  ) -> Summary {
    /// Shared with the request's closures, which run on the main actor inside `read`.
    final class State {
      var summary = Summary()
    }
    let state = State()
    let start = clock.now
    let deadline = seconds.map { start + .seconds($0) }
    let printAbove: @MainActor () -> Void = {
      console.message(question)
      for line in state.summary.lines { console.message("> " + line) }
    }
    if input.isInteractive { printAbove() }

    input.begin()
    defer { input.end() }
    var text = initial
    reading: while true {
      let request = LineRequest(
        history: .answer,
        prompt: { now in
          guard let deadline else { return PromptText("> ") }
          let remaining = deadline - now
          return PromptText(
            "[\(TickSchedule.countdown(remaining: remaining))] > ",
            tone: remaining <= .seconds(10) ? .warning : .normal)
        },
        tickOrigin: deadline.map { _ in start },
        deadline: deadline,
        initialText: text,
        onTick: { _, draft in
          state.summary.ticks += 1
          state.summary.draft = draft
        },
        repaint: printAbove)
      text = ""
      let event = input.read(request)
      switch event {
      case .line(let line) where !line.isEmpty:
        state.summary.lines.append(line)
        continue reading
      case .line: state.summary.ending = "empty-line"
      case .endOfInput: state.summary.ending = "end-of-input"
      case .interrupted: state.summary.ending = "interrupted"
      case .deadline: state.summary.ending = "deadline"
      case .terminated: state.summary.ending = "terminated"
      }
      state.summary.partial = event.text
      break
    }
    state.summary.elapsedMilliseconds = TickSchedule.nanoseconds(clock.now - start) / 1_000_000
    return state.summary
  }
}
