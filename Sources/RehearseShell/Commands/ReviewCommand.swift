import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse review [ID]`: a reader for past drills on the terminal (issue 11).
struct ReviewCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Reread a drill one question per screen, the scorer's words marked; e adds your reflections.",
    discussion: """
      Opens the latest drill, or drill ID. ←/→ move between questions (and on into the drill \
      before or after), [ and ] jump between drills, ↑/↓, Space and b scroll, e adds or edits \
      the three reflections of the question on screen (each saved as you press Enter), q quits. \
      Without a terminal every question is printed one after another.
      """)

  @Argument(
    help: ArgumentHelp("The drill's id (default: the latest; see `rehearse history`).", valueName: "session"),
    completion: .custom { _, _, _ in ShowCommand.completions() })
  var id: String?

  func run(in context: AppContext) throws {
    let m = context.messages
    let store = try context.existingStore()
    var found: Transcript?
    if let id {
      guard let number = Int64(id), number > 0, let store else { throw RehearseError.usage(m.unknownSession(id)) }
      found = try RehearseError.storing { try store.transcript(SessionID(number)) }
      if found == nil { throw RehearseError.usage(m.unknownSession(id)) }
    } else if let store, let latest = try RehearseError.storing({ try store.sessions(limit: 1).first }) {
      found = try RehearseError.storing { try store.transcript(latest.id) }
    }
    guard let store, let transcript = found else {
      context.console.message(m.noSessions)
      return
    }
    guard context.tty.stdinIsTerminal, context.tty.stdoutIsTerminal else {
      // Every screen in turn, as the reader would show it.
      let screen = ReviewScreen(
        transcript: transcript, messages: m, style: context.console.outStyle,
        width: min(context.console.width, 100), dates: context.dates, rubric: try? Rubric.shipped(),
        language: context.language, stages: context.loadBanks(extra: []).stages(for: transcript))
      for index in transcript.questions.indices {
        context.console.write(
          (index == 0 ? "" : "\n") + (screen.header(index) + screen.body(index)).joined(separator: "\n") + "\n")
      }
      return
    }
    let reader = ReviewReader(
      context: context, store: store, transcript: transcript, keys: TerminalKeys(),
      lines: ReadlineInput(context: context), out: context.console.out, size: terminalSize)
    try reader.run()
  }
}
