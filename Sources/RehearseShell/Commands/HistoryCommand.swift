import ArgumentParser
import Foundation
import RehearseStore

/// `rehearse history`: every past drill, newest first.
struct HistoryCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List past drills, newest first: id, start, company, mode, questions, answered, mean score.",
    discussion: """
      The score is the mean total of the answered questions (follow-ups not counted). --json \
      prints an array (see README, "History and transcripts (JSON)"). Reads the store without \
      creating one; exits 74 when the store cannot be read.
      """)

  @OptionGroup var output: JSONOption

  func run(in context: AppContext) throws {
    var sessions: [SessionSummary] = []
    if let store = try context.existingStore() {
      do {
        sessions = try store.sessions()
      } catch {
        throw RehearseError(error)
      }
    }
    let dates = context.dates
    if output.json {
      context.console.write(try JSONText.encode(sessions.map { TranscriptJSON.Summary(summary: $0, dates: dates) }))
      return
    }
    let view = HistoryView(
      sessions: sessions, messages: context.messages, style: context.console.outStyle, width: context.console.width,
      dates: dates)
    context.console.write(view.render())
    if !sessions.isEmpty, context.tty.stdoutIsTerminal {
      context.console.print(context.console.outStyle.dim(context.messages.showSessionHint))
    }
  }
}
