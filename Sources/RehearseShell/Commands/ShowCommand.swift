import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse show ID`: one transcript, whole.
struct ShowCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one drill's transcript: every question, answer line, time, score and self-review.",
    discussion: """
      ID is a number from `rehearse history`. Follow-ups appear under their main question. --json \
      prints one object (see README, "History and transcripts (JSON)"). An unknown id is a usage \
      error (exit 64), like an unknown bank id; a store that cannot be read exits 74.
      """)

  @Argument(
    help: ArgumentHelp("The session id (see `rehearse history`).", valueName: "session"),
    completion: .custom { _, _, _ in ShowCommand.completions() })
  var id: String

  @OptionGroup var output: JSONOption

  func run(in context: AppContext) throws {
    let unknown = RehearseError.usage(context.messages.unknownSession(id))
    guard let number = Int64(id), number > 0 else { throw unknown }
    guard let store = try context.existingStore() else { throw unknown }
    let found: Transcript?
    do {
      found = try store.transcript(SessionID(number))
    } catch {
      throw RehearseError(error)
    }
    guard let transcript = found else { throw unknown }

    if output.json {
      context.console.write(try JSONText.encode(TranscriptJSON.Session(transcript: transcript, dates: context.dates)))
      return
    }
    let catalog = context.loadBanks(extra: [])
    var view = TranscriptView(
      transcript: transcript, messages: context.messages, style: context.console.outStyle,
      width: min(context.console.width, 100), dates: context.dates, rubric: try? Rubric.shipped(),
      language: context.language, stages: catalog.bank(id: transcript.session.companyID)?.bank.company.stages ?? [])
    for company in Set(transcript.questions.compactMap(\.companyID)) {
      view.companyStages[company] = catalog.bank(id: company)?.bank.company.stages
    }
    context.console.write(view.render())
  }

  /// Session ids for shell completion, newest first; none when there is no readable store.
  static func completions() -> [String] {
    let context = AppContext.live()
    guard let store = try? Store.openIfExists(home: context.paths.home) else { return [] }
    return (try? store.sessionIDs().map(\.description)) ?? []
  }
}
