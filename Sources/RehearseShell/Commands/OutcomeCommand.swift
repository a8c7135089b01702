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
    let date = context.dates.day(session.startedAt)
    say(m.outcomeRecorded(outcome, session: session.id, company: session.companyName, date: date), style.bold)
    let stages = company?.stages ?? []
    let stageIndex = session.settings.stage.flatMap { stage in stages.firstIndex { $0.id == stage } }
    switch outcome {
    case .waiting:
      say(m.outcomeWaiting, style.dim)
    case .passed:
      if let company, let stageIndex, stageIndex + 1 < stages.count {
        let next = stages[stageIndex + 1]
        say(m.outcomePassedStage(m.stageTitle(next)))
        say(m.outcomeNextStage(company: company.id, stage: next.id), style.dim)
      } else {
        say(m.outcomePassed)
      }
    case .rejected:
      // The drafts speak the bank's language, stage names included.
      let language = session.language ?? company?.language ?? .en
      let bankMessages = (language == .ja ? InterfaceLanguage.ja : .en).messages
      let stageName = session.settings.stage.map { id in
        stages.first { $0.id == id }?.name
          ?? bankMessages.stageName(id).map { name in
            language == .en ? name.prefix(1).lowercased() + name.dropFirst() : name
          } ?? id
      }
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
    let withFeedback = !settings.isNewGraduate || feedback
    say("", { $0 })
    say(m.outcomeRejectedIntro(drafts: withFeedback ? 2 : 1), { $0 })
    say("", { $0 })
    if withFeedback {
      say(m.outcomeFeedbackHeading(1), style.heading)
      Self.block(drafts.feedback(facts, language: language), context: context)
      say("", { $0 })
    }
    say(m.outcomeSecondChanceHeading(withFeedback ? 2 : 1), style.heading)
    Self.block(drafts.secondChance(facts, language: language), context: context)
    if !withFeedback { say(m.outcomeFeedbackLeftOut, style.dim) }
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
      say(m.outcomeBackInPractice, style.dim)
      for question in weakest.prefix(cards.count) {
        for (index, line) in DisplayWidth.wrap(question.text, width: max(20, min(context.console.width, 100) - 4))
          .enumerated()
        {
          context.console.print((index == 0 ? "  • " : "    ") + line)
        }
      }
    }
  }

  /// A draft between rules, its paragraphs wrapped at words to the width (an email client
  /// joins the lines of a paragraph again).
  private static func block(_ text: String, context: AppContext) {
    // The terminal's width (unwrapped when written to a file or a pipe: the text to copy).
    let width = max(20, context.console.width)
    let rule = context.console.outStyle.dim(String(repeating: "─", count: min(40, width)))
    context.console.print(rule)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    for line in lines {
      for part in line.isEmpty ? [""] : DisplayWidth.wrap(String(line), width: width) { context.console.print(part) }
    }
    context.console.print(rule)
  }
}
