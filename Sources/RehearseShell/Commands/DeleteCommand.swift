import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse delete ID`: removes one drill and everything in it (issue 11: a person can delete
/// what they wrote).
struct DeleteCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a drill: its answers, reviews and follow-ups, from search and the schedule too.",
    discussion: """
      Asks first on a terminal; --yes deletes without asking (needed without a terminal). The \
      store is then rewritten so the text is not left in its free pages. Cannot be undone.
      """)

  @Argument(
    help: ArgumentHelp("The drill's id (see `rehearse history`).", valueName: "session"),
    completion: .custom { _, _, _ in ShowCommand.completions() })
  var id: Int64

  @Flag(help: "Delete without asking.")
  var yes = false

  @MainActor func run(in context: AppContext) throws {
    let m = context.messages
    guard let store = try context.existingStore(),
      let transcript = try RehearseError.storing({ try store.transcript(SessionID(id)) })
    else { throw RehearseError.usage(m.unknownSession(String(id))) }
    let session = transcript.session
    let what = m.deleteWhat(
      id: String(id), company: session.companyName, started: context.dates.minute(session.startedAt),
      answers: transcript.questions.count)
    guard try Confirmation.ask(m.deleteQuestion(what), yes: yes, context: context) else {
      context.console.message(m.nothingDeleted)
      return
    }
    let settings = try context.practiceSettings()
    try RehearseError.storing { try store.delete(SessionID(id), schedule: context.practiceSchedule(settings)) }
    context.console.message(m.deleted(what))
  }
}

/// `rehearse forget --company ID`: removes everything about one company.
struct ForgetCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    abstract: "Delete everything about one company: its drills, its answers in daily practice, its schedule.",
    discussion: """
      Its bank stays (delete the bank's file to remove that). Asks first on a terminal; --yes \
      deletes without asking (needed without a terminal). Cannot be undone.
      """)

  @Option(
    help: ArgumentHelp("The company id.", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String

  @Flag(help: "Delete without asking.")
  var yes = false

  @MainActor func run(in context: AppContext) throws {
    let m = context.messages
    guard let store = try context.existingStore() else {
      context.console.message(m.forgetNothing(company))
      return
    }
    let sessions = try RehearseError.storing { try store.sessions(company: company) }
    let followed = try RehearseError.storing { try store.followedCompanies() }.contains(company)
    guard !sessions.isEmpty || followed else {
      context.console.message(m.forgetNothing(company))
      return
    }
    guard try Confirmation.ask(m.forgetQuestion(company, drills: sessions.count), yes: yes, context: context) else {
      context.console.message(m.nothingDeleted)
      return
    }
    let removed = try RehearseError.storing { try store.forget(company: company) }
    context.console.message(m.forgotten(company, answers: removed.answers))
  }
}

/// A yes/no question before something that cannot be undone.
@MainActor enum Confirmation {
  /// True when `yes` was given, or the person answered y on a terminal. Without a terminal and
  /// without `yes` it is a usage error: a script must say it means it.
  static func ask(_ question: String, yes: Bool, context: AppContext) throws -> Bool {
    if yes { return true }
    guard context.tty.stdinIsTerminal else { throw RehearseError.usage(context.messages.confirmNeedsYes) }
    context.console.message(question)
    let input = ReadlineInput(context: context)
    input.begin()
    defer { input.end() }
    let prompt = context.messages.confirmPrompt
    guard case .line(let answer) = input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) }))
    else { return false }
    return DrillRunner.isYes(answer)
  }
}

extension RehearseError {
  /// Runs a store call, a failure ending the command with exit 74.
  @discardableResult static func storing<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw RehearseError(error)
    }
  }
}
