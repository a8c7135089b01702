import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

extension InterviewOutcome: ExpressibleByArgument {}

/// `rehearse outcome ID passed|rejected|waiting`: how a real interview ended (issue 12).
struct OutcomeCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "outcome",
    abstract:
      "How a real interview ended; after a rejection, two polite drafts and the weak questions back in practice.",
    discussion: """
      ID is the debrief's (`rehearse debrief`). After `rejected`: a draft asking for feedback \
      (mid-career applicants only, unless --feedback; config new-graduate) and one asking to be \
      considered again if a place opens, in the bank's language, filled in from your debrief; \
      and that interview's weakest questions are due again today.
      """)

  @Argument(
    help: ArgumentHelp("The debrief's id (see `rehearse history`).", valueName: "session"),
    completion: .custom { _, _, _ in ShowCommand.completions() })
  var id: Int64

  @Argument(help: ArgumentHelp("passed, rejected or waiting.", valueName: "outcome"))
  var outcome: InterviewOutcome

  @Flag(help: "Show the feedback request after a rejection even as a new graduate.")
  var feedback = false

  @OptionGroup var folders: BankFolderOptions

  @MainActor func run(in context: AppContext) throws {
    let m = context.messages
    guard let store = try context.existingStore(),
      let transcript = try RehearseError.storing({ try store.transcript(SessionID(id)) })
    else { throw RehearseError.usage(m.unknownSession(String(id))) }
    let session = transcript.session
    guard session.mode == .debrief else {
      throw RehearseError.usage(m.outcomeNotInterview(session.id, mode: session.mode))
    }
    try RehearseError.storing { try store.setOutcome(outcome, for: session.id, at: context.now()) }
    let style = context.console.outStyle
    let width = max(20, min(context.console.width, 100))
    func say(_ text: String, _ styled: (String) -> String = { $0 }) {
      for line in DisplayWidth.wrap(text, width: width) { context.console.print(styled(line)) }
    }
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let company = catalog.bank(id: session.companyID)?.bank.company
    let stageName = session.settings.stage.map { stage in
      stageTitle(stage, company: session.companyID, stages: catalog.stages(for: transcript), messages: m)
    }
    let date = context.dates.day(session.startedAt)
    say(m.outcomeRecorded(outcome, session: session.id, company: session.companyName, date: date), style.bold)
    switch outcome {
    case .waiting:
      say(m.outcomeWaiting, style.dim)
    case .passed:
      say(m.outcomePassed)
      if let company, let stage = session.settings.stage,
        let index = company.stages.firstIndex(where: { $0.id == stage }),
        index + 1 < company.stages.count
      {
        say(m.outcomeNextStage(company: company.id, stage: m.stageTitle(company.stages[index + 1])), style.dim)
      }
    case .rejected:
      try rejected(transcript, stageName: stageName ?? "", context: context, store: store, say: say)
    }
  }

  /// The drafts, and the weakest questions due again today.
  private func rejected(
    _ transcript: Transcript, stageName: String, context: AppContext, store: Store,
    say: (String, (String) -> String) -> Void
  ) throws {
    let m = context.messages
    let style = context.console.outStyle
    // Weakest first: unanswered, then the lowest totals.
    let answered = transcript.questions.filter { $0.bankQuestionID != nil }
    let weakest = answered.sorted { ($0.outcome?.totalScore ?? -1) < ($1.outcome?.totalScore ?? -1) }
    let drafts: RejectionDrafts
    do {
      drafts = try RejectionDrafts.shipped()
    } catch {
      throw RehearseError.io("the drafts could not be read: \(error)")
    }
    let language = transcript.session.language ?? .en
    let first = weakest.first
    let levels = Store.levels(first?.outcome?.scoreJSON)
    let lacking = [ScoreCategory.reasoning, .reproducibility, .evidence].filter { levels[$0] != nil }.min {
      levels[$0]! < levels[$1]!
    }
    let facts = RejectionDrafts.Facts(
      company: transcript.session.companyName, stage: stageName, date: context.dates.day(transcript.session.startedAt),
      topic: first?.text ?? "", nextTime: first?.review?.nextTime, weakest: lacking)
    let settings = try context.practiceSettings()
    say("", { $0 })
    say(m.outcomeRejectedIntro, { $0 })
    say("", { $0 })
    if !settings.isNewGraduate || feedback {
      say(m.outcomeFeedbackHeading, style.heading)
      Self.block(drafts.feedback(facts, language: language), context: context)
    } else {
      say(m.outcomeFeedbackLeftOut, style.dim)
    }
    say("", { $0 })
    say(m.outcomeSecondChanceHeading, style.heading)
    Self.block(drafts.secondChance(facts, language: language), context: context)
    let cards = weakest.prefix(3).compactMap { question in
      question.bankQuestionID.map { CardID(bank: question.companyID ?? transcript.session.companyID, question: $0) }
    }
    let schedule = context.practiceSchedule(settings)
    try RehearseError.storing {
      try store.syncReviewLog(schedule)
      try store.makeDue(cards, on: schedule.calendar.day(of: context.now()))
    }
    if !cards.isEmpty {
      say("", { $0 })
      say(m.outcomeBackInPractice(cards.map(\.question)), style.dim)
    }
  }

  /// A draft between rules, as written (its lines not re-wrapped: it is to be copied).
  private static func block(_ text: String, context: AppContext) {
    let rule = context.console.outStyle.dim(String(repeating: "─", count: 40))
    context.console.print(rule)
    context.console.write(text.hasSuffix("\n") ? text : text + "\n")
    context.console.print(rule)
  }
}
