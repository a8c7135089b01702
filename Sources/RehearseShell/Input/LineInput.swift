/// How urgent the prompt looks. The editor colours it only when colour is on.
enum PromptTone: Sendable, Equatable {
  case normal
  case warning
  case overtime
}

/// The text before the cursor, e.g. `[01:29] > `.
struct PromptText: Sendable, Equatable {
  var text: String
  var tone: PromptTone

  init(_ text: String, tone: PromptTone = .normal) {
    self.text = text
    self.tone = tone
  }

  init(text: String, tone: PromptTone) {
    self.text = text
    self.tone = tone
  }

  /// The prompt as readline takes it: escape codes wrapped in `\u{01}…\u{02}` so readline does not
  /// count them as columns, and no stray `\u{01}`/`\u{02}` from the text itself.
  func readlinePrompt(colour: ColorMode) -> String {
    let plain = text.filter { $0 != "\u{01}" && $0 != "\u{02}" }
    guard colour == .on, !plain.isEmpty else { return plain }
    let code: String
    switch tone {
    case .normal: return plain
    case .warning: code = ANSI.bold + ANSI.yellow
    case .overtime: code = ANSI.bold + ANSI.red
    }
    return "\u{01}\(code)\u{02}\(plain)\u{01}\(ANSI.reset)\u{02}"
  }
}

/// Which history a line joins. Each kind has its own, so Up in an answer never recalls a shell
/// command. `LineHistory` decides which kinds are kept on disk.
enum HistoryKind: String, Sendable, CaseIterable {
  case answer
  case shell
  case rubric
  case reflection
  case form
}

/// One line to read: its prompt, clock and helpers. Every closure runs on the main actor, inside
/// `LineInput.read`.
struct LineRequest {
  var history: HistoryKind
  /// The prompt at an instant; evaluated at the start and again at every tick.
  var prompt: @MainActor (ContinuousClock.Instant) -> PromptText
  /// A tick happens whenever `now - tickOrigin` crosses a whole second; `nil` means no ticks.
  var tickOrigin: ContinuousClock.Instant?
  /// Reaching it ends the read with `.deadline(partial:)`.
  var deadline: ContinuousClock.Instant?
  /// Editable text already on the line (a draft being resumed).
  var initialText: String = ""
  /// Called at each tick with the line as typed so far (the caller saves it as a draft).
  var onTick: (@MainActor (ContinuousClock.Instant, String) -> Void)?
  /// Tab completion: `line` is the text before the cursor, `word` the word being completed (its
  /// end). Candidates that do not start with `word` are dropped.
  var completions: (@MainActor (_ line: String, _ word: String) -> [String])?
  /// What each candidate is, shown beside it when Tab lists several (a drill id: its company and
  /// date; nil where there is nothing to say). Called once per list.
  var describe: (@MainActor (_ candidates: [String]) -> [String?])?
  /// Ctrl-L, a resize and a return from Ctrl-Z clear the screen and call this to print what
  /// belongs above the prompt (the question, lines already accepted); then the prompt and the
  /// line being typed are drawn again. `nil`: Ctrl-L clears the screen, a resize redraws the line.
  var repaint: (@MainActor () -> Void)?

  init(
    history: HistoryKind,
    prompt: @escaping @MainActor (ContinuousClock.Instant) -> PromptText,
    tickOrigin: ContinuousClock.Instant? = nil,
    deadline: ContinuousClock.Instant? = nil,
    initialText: String = "",
    onTick: (@MainActor (ContinuousClock.Instant, String) -> Void)? = nil,
    completions: (@MainActor (_ line: String, _ word: String) -> [String])? = nil,
    describe: (@MainActor (_ candidates: [String]) -> [String?])? = nil,
    repaint: (@MainActor () -> Void)? = nil
  ) {
    self.describe = describe
    self.history = history
    self.prompt = prompt
    self.tickOrigin = tickOrigin
    self.deadline = deadline
    self.initialText = initialText
    self.onTick = onTick
    self.completions = completions
    self.repaint = repaint
  }

  /// A request with a fixed prompt and nothing else.
  init(history: HistoryKind, prompt: String) {
    self.init(history: history, prompt: { _ in PromptText(prompt) })
  }
}

/// How one read ended.
enum LineEvent: Equatable, Sendable {
  /// Enter.
  case line(String)
  /// Ctrl-D on an empty line, or the end of piped input (`partial` is an unterminated last line).
  case endOfInput(partial: String)
  /// Ctrl-C.
  case interrupted(partial: String)
  /// The request's deadline was reached.
  case deadline(partial: String)
  /// SIGTERM or SIGHUP. Save what matters, call `end()`, then
  /// `SignalWatch.deliverPendingTermination()` ends the process the way it was asked to.
  case terminated(partial: String)

  /// What was typed: the whole line, or the partial one.
  var text: String {
    switch self {
    case .line(let text), .endOfInput(let text), .interrupted(let text), .deadline(let text),
      .terminated(let text):
      text
    }
  }
}

/// Where lines come from: `ReadlineInput` on a terminal, `PipedInput` for pipes and files,
/// `ScriptedInput` in tests. One is used from the main actor at a time.
@MainActor protocol LineInput: AnyObject {
  /// Prepares the terminal for a run of prompts. Idempotent; `read` calls it when it was not.
  func begin()
  /// Restores the terminal. Idempotent; also done at exit if forgotten.
  func end()
  /// Reads one line.
  func read(_ request: LineRequest) -> LineEvent
  /// Whether a person is typing (a terminal), so prompts and colours make sense.
  var isInteractive: Bool { get }
  /// Prints something (by `write`) while a line may be being typed; see the extension.
  func showAbove(_ write: () -> Void)
}

extension LineInput {
  /// Prints something (by `write`) while a line may be being typed, so it does not land in the
  /// middle of the prompt: a terminal's line is cleared first and drawn again below it. Piped
  /// input has no line on screen, so `write` just runs.
  func showAbove(_ write: () -> Void) {
    write()
  }
}
