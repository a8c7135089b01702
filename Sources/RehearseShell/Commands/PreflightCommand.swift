import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

extension InterviewMode: ExpressibleByArgument {}

/// `rehearse preflight COMPANY`: the checklist before a real interview (issue 12).
struct PreflightCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "preflight",
    abstract:
      "The checklist before a real interview: link, camera, connection, room and contact online; route and arrival in person.",
    discussion: """
      The items follow how the interview is held: the stage's format in the bank (--mode to \
      choose). Each is answered y or n; what is not ready is listed with what to do. The \
      answers are kept with the interview's date (--at). It also checks the free disk for your \
      answers and, for an online interview, whether a network connection is up (a note, not a \
      failure). Without a terminal one y or n is read per line.
      """)

  @Argument(
    help: ArgumentHelp("The company id (see `rehearse banks list`).", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String

  @Option(help: ArgumentHelp("The interview's stage (e.g. first, second, final).", valueName: "stage"))
  var stage: String?

  @Option(help: ArgumentHelp("When the interview is, local time: \"2026-12-10 14:00\".", valueName: "date"))
  var at: String?

  @Option(help: ArgumentHelp("online, in-person or phone (default: the bank's).", valueName: "mode"))
  var mode: InterviewMode?

  @OptionGroup var folders: BankFolderOptions

  func run(in context: AppContext) throws {
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let bank = try BanksCommand.bank(company, in: catalog, context: context).bank
    if let stage { try Self.checkStage(stage, in: bank) }
    let interviewAt = try at.map { try Self.interviewDate($0, context: context) }
    let store = try RehearseError.storing { try Store.open(home: context.paths.home) }
    let known = PreflightChecklist.mode(of: bank.company, stage: stage)
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    let run = PreflightRun(
      context: context, input: input, company: bank.company, stage: stage, mode: mode ?? known ?? .online,
      guessed: mode == nil && known == nil, interviewAt: interviewAt)
    _ = try run.run(store: store)
  }

  /// A stage the bank has (declared, or used by a question), else a usage error naming them.
  static func checkStage(_ stage: String, in bank: QuestionBank) throws {
    guard bank.company.stage(id: stage) == nil, !bank.questions.contains(where: { $0.stage == stage }) else { return }
    throw RehearseError.usage(
      "'\(bank.company.id)' has no stage '\(stage)' (stages: \(bank.company.stages.map(\.id).joined(separator: ", ")))")
  }

  /// `--at` read as local time, or a usage error showing the form.
  static func interviewDate(_ text: String, context: AppContext) throws -> Date {
    guard let date = date(text, timeZone: context.timeZone) else {
      throw RehearseError.usage(context.messages.preflightBadDate(text))
    }
    return date
  }

  /// `2026-12-10 14:00`, `2026-12-10T14:00` or `2026-12-10` (the start of the day), local time.
  static func date(_ text: String, timeZone: TimeZone) -> Date? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
    guard (1...2).contains(parts.count) else { return nil }
    let day = parts[0].split(separator: "-").compactMap { Int($0) }
    let time = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
    guard day.count == 3, time.count == 2, (1...12).contains(day[1]), (1...31).contains(day[2]),
      (0...23).contains(time[0]), (0...59).contains(time[1])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day[2]
    else { return nil }
    return date
  }
}
