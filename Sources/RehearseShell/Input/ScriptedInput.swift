/// Events given in advance, for tests of code that reads lines. Each request is recorded with
/// its prompt as shown at the start; when the script runs out, every read is end of input.
@MainActor final class ScriptedInput: LineInput {
  struct Read {
    var request: LineRequest
    var prompt: PromptText
  }

  private var events: [LineEvent]
  private(set) var reads: [Read] = []
  private(set) var beginCount = 0
  private(set) var endCount = 0
  private(set) var isBegun = false
  var isInteractive: Bool

  init(_ events: [LineEvent], isInteractive: Bool = true) {
    self.events = events
    self.isInteractive = isInteractive
  }

  /// Each string is a line followed by Enter.
  convenience init(lines: [String], isInteractive: Bool = true) {
    self.init(lines.map(LineEvent.line), isInteractive: isInteractive)
  }

  /// The prompts shown, in order.
  var prompts: [String] { reads.map(\.prompt.text) }

  func begin() {
    guard !isBegun else { return }
    isBegun = true
    beginCount += 1
  }

  func end() {
    guard isBegun else { return }
    isBegun = false
    endCount += 1
  }

  func read(_ request: LineRequest) -> LineEvent {
    reads.append(Read(request: request, prompt: request.prompt(ContinuousClock.now)))
    return events.isEmpty ? .endOfInput(partial: "") : events.removeFirst()
  }
}
