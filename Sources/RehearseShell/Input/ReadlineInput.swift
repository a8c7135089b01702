@preconcurrency import CReadline
import Foundation
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The line editor on a terminal: GNU readline driven through its callback interface, the only
/// file that talks to readline (TERMINAL.md). A `poll` loop waits on standard input and the
/// signal self-pipe with a timeout that lands on the next whole second of the countdown; keys go
/// to `rl_callback_read_char`, ticks redraw the prompt with `rl_set_prompt` + `rl_redisplay`, and
/// signals are handled here on the main thread, never inside their handlers.
///
/// The terminal is prepared once by `begin()` and restored by `end()` (and at exit, if a path
/// forgets), so keys typed between two prompts are never lost to a cooked terminal: readline's
/// own prep/deprep hooks are no-ops while a session of prompts runs.
@MainActor final class ReadlineInput: LineInput {
  let history: LineHistory
  /// Colour for the prompt's tone, decided for the stream the prompt goes to.
  let colour: ColorMode
  /// Whether clearing the screen is allowed (`TERM=dumb` gets no escape codes).
  let canClearScreen: Bool
  private let clock = ContinuousClock()

  var isInteractive: Bool { true }
  private(set) var isBegun = false

  /// The editor inside `read`, for readline's C callbacks.
  fileprivate static weak var active: ReadlineInput?
  private static var isSetUp = false
  /// Begun editors; the terminal is prepared while this is above zero.
  private static var sessions = 0
  private static var savedPrep: (@convention(c) (Int32) -> Void)?
  private static var savedDeprep: (@convention(c) () -> Void)?

  private var request: LineRequest?
  private var finished: LineEvent?
  private var shownPrompt = ""

  init(history: LineHistory, colour: ColorMode, canClearScreen: Bool = true) {
    self.history = history
    self.colour = colour
    self.canClearScreen = canClearScreen
  }

  /// An editor with the history under the context's state folder and the colour of its terminal.
  convenience init(context: AppContext) {
    let promptsOnStdout = context.tty.stdoutIsTerminal || !context.tty.stderrIsTerminal
    self.init(
      history: LineHistory(folder: context.paths.state),
      colour: promptsOnStdout ? context.console.outStyle.mode : context.console.errStyle.mode,
      canClearScreen: !context.tty.isDumb)
  }

  // MARK: Session

  func begin() {
    guard !isBegun else { return }
    isBegun = true
    Self.setUpOnce()
    SignalWatch.catchSignals(SignalWatch.Caught.allCases)
    // A Ctrl-C or resize from before the prompts began is nobody's business now.
    SignalWatch.discard([.interrupt, .stop, .resume, .resize])
    if Self.sessions == 0 {
      // Prompts go to standard output, or to standard error when only that is a terminal.
      rl_outstream = isatty(STDOUT_FILENO) == 0 && isatty(STDERR_FILENO) == 1 ? stderr : stdout
      Self.savedPrep = rl_prep_term_function
      Self.savedDeprep = rl_deprep_term_function
      rl_prep_term_function = keepTerminalPrepared
      rl_deprep_term_function = keepTerminalPreparedToo
      rl_prep_terminal(1)
      terminalPrepared.store(true, ordering: .relaxed)
    }
    Self.sessions += 1
  }

  func end() {
    guard isBegun else { return }
    isBegun = false
    Self.sessions -= 1
    if Self.sessions == 0 {
      rl_deprep_terminal()
      fflush(rl_outstream)
      terminalPrepared.store(false, ordering: .relaxed)
      rl_prep_term_function = Self.savedPrep
      rl_deprep_term_function = Self.savedDeprep
    }
    SignalWatch.release()
  }

  private static func setUpOnce() {
    guard !isSetUp else { return }
    isSetUp = true
    Locale.ensureUTF8()
    rl_readline_name = UnsafePointer(strdup("rehearse"))
    // Our handlers, not readline's: they only set flags (TERMINAL.md).
    rl_catch_signals = 0
    rl_catch_sigwinch = 0
    rl_change_environment = 0
    rl_completer_quote_characters = UnsafePointer(strdup("\"'"))
    rl_attempted_completion_function = completionHook
    rl_completion_display_matches_hook = displayMatchesHook
    rl_initialize()
    // After rl_initialize, so an inputrc binding of Ctrl-L does not replace the repaint.
    for name in ["emacs", "vi-insert", "vi-command"] {
      if let map = rl_get_keymap_by_name(name) { rl_bind_key_in_map(0x0C, clearScreenKey, map) }
    }
    atexit(restoreTerminalAtExit)
  }

  // MARK: Reading

  func read(_ request: LineRequest) -> LineEvent {
    let beganHere = !isBegun
    if beganHere { begin() }
    defer { if beganHere { end() } }

    // Signals that arrived between two prompts count for this one.
    if SignalWatch.termination.load(ordering: .relaxed) != 0 { return .terminated(partial: request.initialText) }
    let early = SignalWatch.take()
    if early.contains(.interrupt) { return .interrupted(partial: request.initialText) }
    if early.contains(.stop) { suspendTerminal() }
    rl_reset_screen_size()

    loadHistory(request.history)
    self.request = request
    finished = nil
    Self.active = self
    defer {
      Self.active = nil
      self.request = nil
    }

    let start = clock.now
    var lastTick = request.tickOrigin.map { TickSchedule.tickIndex(now: start, origin: $0) }
    shownPrompt = request.prompt(start).readlinePrompt(colour: colour)
    rl_eof_found = 0  // readline 8.2 leaves it set after one Ctrl-D (TERMINAL.md)
    rl_callback_handler_install(shownPrompt, lineHandler)
    if !request.initialText.isEmpty {
      rl_insert_text(request.initialText)
      rl_redisplay()
    }

    let wake = SignalWatch.wakeDescriptor
    while true {
      let now = clock.now
      if let origin = request.tickOrigin, let last = lastTick {
        let index = TickSchedule.tickIndex(now: now, origin: origin)
        if index != last {
          lastTick = index
          tick(now)
        }
      }
      if let deadline = request.deadline, now >= deadline { return stop(with: LineEvent.deadline) }

      let timeout = TickSchedule.pollTimeout(now: now, origin: request.tickOrigin, deadline: request.deadline)
      var fds = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, timeout)
      if ready < 0, errno != EINTR { return stop(with: LineEvent.endOfInput) }
      if fds[1].revents != 0 { SignalWatch.drainWakeups() }

      let signals = SignalWatch.take()
      if SignalWatch.termination.load(ordering: .relaxed) != 0 { return stop(with: LineEvent.terminated) }
      if signals.contains(.interrupt) { return stop(with: LineEvent.interrupted) }
      if signals.contains(.stop) {
        suspendTerminal()
        repaint(clearing: request.repaint != nil)
      } else if signals.contains(.resume) {
        // Continued after a stop we did not ask for (SIGSTOP): the terminal may be cooked again.
        rl_deprep_terminal()
        rl_prep_terminal(1)
        repaint(clearing: request.repaint != nil)
      }
      if signals.contains(.resize) { resize() }

      let input = fds[0].revents
      if input & Int16(POLLNVAL) != 0 { return stop(with: LineEvent.endOfInput) }
      // The terminal was closed (its window, tmux kill-session): like SIGHUP, keep the line as
      // typed; readline would read the hang-up as Ctrl-D and drop it.
      if input & Int16(POLLHUP) != 0 { return stop(with: LineEvent.terminated) }
      if input & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        rl_callback_read_char()
        if let finished {
          using_history()
          return finished
        }
        // A hang-up with nothing left to read would wake poll forever.
        if input & Int16(POLLIN) == 0 { return stop(with: LineEvent.endOfInput) }
      }
    }
  }

  /// The line as typed so far: `rl_line_buffer[0..<rl_end]`.
  private func currentLine() -> String {
    guard let buffer = rl_line_buffer, rl_end > 0 else { return "" }
    return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(rl_end)) {
      String(decoding: UnsafeBufferPointer(start: $0, count: Int(rl_end)), as: UTF8.self)
    }
  }

  /// Ends the read before Enter: keeps the partial line, leaves the cursor below it and takes the
  /// callback handler down the way TERMINAL.md found clean.
  private func stop(with event: (String) -> LineEvent) -> LineEvent {
    let partial = currentLine()
    rl_point = rl_end
    if rl_readline_state & UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH) == 0 { rl_redisplay() }
    rl_crlf()
    fflush(rl_outstream)
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_callback_handler_remove()
    using_history()
    return event(partial)
  }

  /// Called by readline (through `lineHandler`) with the accepted line, or `nil` at Ctrl-D.
  fileprivate func lineAccepted(_ line: String?) {
    guard let request else { return }
    if let line {
      history.add(line, to: request.history)
      finished = .line(line)
    } else {
      // readline has already moved to a new line.
      finished = .endOfInput(partial: "")
    }
  }

  private func tick(_ now: ContinuousClock.Instant) {
    guard let request else { return }
    request.onTick?(now, currentLine())
    // Ctrl-R and completion listings own the prompt line; the next tick catches up.
    let busy = UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_COMPLETING)
    guard rl_readline_state & busy == 0 else { return }
    let prompt = request.prompt(now).readlinePrompt(colour: colour)
    guard prompt != shownPrompt else { return }
    shownPrompt = prompt
    rl_set_prompt(prompt)
    rl_redisplay()
  }

  private func loadHistory(_ kind: HistoryKind) {
    clear_history()
    for entry in history.entries(kind) { add_history(entry) }
    using_history()
  }

  // MARK: Screen

  /// Redraws after the screen changed under us. With a `repaint` closure: clear the screen, let
  /// the caller print what belongs above the prompt, then draw the prompt and line again
  /// (`rl_resize_terminal` leaves ghost rows, TERMINAL.md). Without one, only the line is drawn.
  fileprivate func repaint(clearing: Bool) {
    if clearing, let repaint = request?.repaint {
      if canClearScreen { fputs("\u{1B}[H\u{1B}[2J", rl_outstream) }
      fflush(rl_outstream)
      repaint()
    }
    rl_forced_update_display()
  }

  /// While a line is being read (a tick's save failing), clears the prompt and the line typed so
  /// far, lets `write` print, and draws them again underneath.
  func showAbove(_ write: () -> Void) {
    guard request != nil else { return write() }
    rl_clear_visible_line()
    fflush(rl_outstream)
    write()
    rl_on_new_line()
    rl_forced_update_display()
  }

  private func resize() {
    if request?.repaint != nil {
      rl_reset_screen_size()
      repaint(clearing: true)
    } else {
      rl_resize_terminal()
    }
  }

  /// Ctrl-Z: restore the terminal, stop, and on `fg` prepare it again (the caller repaints).
  private func suspendTerminal() {
    if request != nil {
      let point = rl_point
      rl_point = rl_end
      rl_redisplay()
      rl_point = point
      rl_crlf()
    }
    fflush(rl_outstream)
    rl_deprep_terminal()
    SignalWatch.stopProcess()
    rl_prep_terminal(1)
    rl_reset_screen_size()
  }

  fileprivate func controlL(count: Int32, key: Int32) -> Int32 {
    guard request?.repaint != nil else { return rl_clear_screen(count, key) }
    repaint(clearing: true)
    return 0
  }

  // MARK: Completion

  /// Candidates with what each is, when the request can say (one a line); nil for readline's list.
  fileprivate func described(_ candidates: [String]) -> [String]? {
    guard let describe = request?.describe else { return nil }
    let descriptions = describe(candidates)
    guard descriptions.contains(where: { $0 != nil }) else { return nil }
    let width = candidates.map { DisplayWidth.of($0) }.max() ?? 0
    return zip(candidates, descriptions).map { candidate, description in
      DisplayWidth.pad(candidate, to: width) + (description.map { "  " + Style(colour).dim($0) } ?? "")
    }
  }

  /// The candidates for the word being completed, or nil to let readline do nothing.
  fileprivate func completions(word: String, line: String) -> [String] {
    guard let complete = request?.completions else { return [] }
    var seen: Set<String> = []
    return complete(line, word).filter { $0.hasPrefix(word) && seen.insert($0).inserted }
  }
}

// MARK: - C callbacks (readline calls them only from inside rl_callback_read_char, on the main thread)

private let terminalPrepared = Atomic<Bool>(false)

/// readline preps and deps the terminal around every line; during a session we do it once.
private let keepTerminalPrepared: @convention(c) (Int32) -> Void = { _ in }
private let keepTerminalPreparedToo: @convention(c) () -> Void = {}

private let restoreTerminalAtExit: @convention(c) () -> Void = {
  if terminalPrepared.load(ordering: .relaxed) {
    rl_deprep_terminal()
    terminalPrepared.store(false, ordering: .relaxed)
  }
}

private let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { pointer in
  let line = pointer.map { String(cString: $0) }
  free(pointer)
  // Removing the handler here stops readline from installing a new line and printing the prompt again.
  rl_callback_handler_remove()
  MainActor.assumeIsolated { ReadlineInput.active?.lineAccepted(line) }
}

private let clearScreenKey: @convention(c) (Int32, Int32) -> Int32 = { count, key in
  MainActor.assumeIsolated { ReadlineInput.active?.controlL(count: count, key: key) } ?? rl_clear_screen(count, key)
}

/// Tab's list of several candidates: with what each is when the request describes them (a
/// drill id with its company and date), else readline's own columns.
private let displayMatchesHook:
  @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, Int32, Int32) -> Void = {
    matches, count, longest in
    guard let matches, count > 0 else { return }
    let candidates = (1...Int(count)).compactMap { matches[$0].map { String(cString: $0) } }
    let lines = MainActor.assumeIsolated { ReadlineInput.active?.described(candidates) }
    guard let lines else {
      rl_display_match_list(matches, count, longest)
      rl_forced_update_display()
      return
    }
    let shown = lines.prefix(20)
    var text = "\n" + shown.joined(separator: "\n") + "\n"
    if lines.count > shown.count { text += "… \(lines.count - shown.count)\n" }
    // Where readline draws (the prompt's stream), then the prompt and line again below the list.
    if let stream = rl_outstream {
      fputs(text, stream)
      fflush(stream)
    }
    rl_forced_update_display()
  }

private let completionHook:
  @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
    text, start, end in
    // Never fall back to file names: the request's completions are the whole answer.
    rl_attempted_completion_over = 1
    let word = text.map { String(cString: $0) } ?? ""
    var line = ""
    if let buffer = rl_line_buffer, end > 0 {
      line = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(end)) {
        String(decoding: UnsafeBufferPointer(start: $0, count: Int(end)), as: UTF8.self)
      }
    }
    let candidates = MainActor.assumeIsolated { ReadlineInput.active?.completions(word: word, line: line) ?? [] }
    guard !candidates.isEmpty else { return nil }
    // A folder name goes on to its contents, so no space after it.
    if candidates.allSatisfy({ $0.hasSuffix("/") }) { rl_completion_suppress_append = 1 }
    // readline's convention: [0] is what replaces the word (the one match, or the longest common
    // prefix of several), then the matches, then NULL. readline frees all of it.
    let first = candidates.count == 1 ? candidates[0] : ShellCompletion.commonPrefix(candidates)
    let list = candidates.count == 1 ? [first] : [first] + candidates
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (list.count + 1)
    guard let raw = malloc(size) else { return nil }
    let matches = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: list.count + 1)
    for (index, item) in list.enumerated() { matches[index] = strdup(item) }
    matches[list.count] = nil
    return matches
  }
