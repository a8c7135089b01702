import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse mock COMPANY --stage S`: a simulated interview of one stage (issue 12).
struct MockCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "mock",
    abstract: "A mock interview of one stage: preflight, the questions in order, follow-ups, scores only at the end.",
    discussion: """
      First the preflight checklist (--no-preflight skips it), then the interviewer's opening and \
      the stage's questions in the bank's order with their own times, an introduction first and \
      a question for the interviewer (逆質問) last. When an answer lacks why you decided or \
      whether it would carry over, the interviewer follows up; from the second stage on, once \
      more if the answer to that still lacks it (two levels at most). Nothing is scored on \
      screen until the end; then the whole interview is: each answer's levels and follow-ups, \
      time, company fit against the prep sheet, the rubric, and the three things to fix first. \
      Kept as a drill of mode `mock` (resumed after a crash like any drill). Without a terminal \
      the preflight's y/n lines come first, then the answers as in `drill` (README).
      """)

  @Argument(
    help: ArgumentHelp("The company id (see `rehearse banks list`).", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String

  @Option(help: ArgumentHelp("The stage to rehearse (e.g. first, second, final).", valueName: "stage"))
  var stage: String?

  @Flag(help: "Submit the answer as typed when the clock reaches zero (default: overtime is recorded).")
  var strict = false

  @Flag(name: .customLong("no-preflight"), help: "Skip the preflight checklist.")
  var noPreflight = false

  @Option(
    help: ArgumentHelp(
      "How many questions at most (default 8, the question for the interviewer included).", valueName: "n"))
  var count: Int?

  @Option(help: ArgumentHelp("Which follow-up of several is asked (default: a new one each time).", valueName: "seed"))
  var seed: UInt64?

  @OptionGroup var folders: BankFolderOptions

  @MainActor func run(in context: AppContext) throws {
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let bank = try BanksCommand.bank(company, in: catalog, context: context).bank
    var stageIDs = bank.company.stages.map(\.id)
    for question in bank.questions where !stageIDs.contains(question.stage) { stageIDs.append(question.stage) }
    guard let stage else { throw RehearseError.usage(context.messages.mockStageNeeded(stageIDs)) }
    let script: InterviewerScript
    do {
      script = try InterviewerScript.shipped()
    } catch {
      throw RehearseError.io("the interviewer's script could not be read: \(error)")
    }
    let options = DrillOptions(
      stage: stage, count: count, strict: strict, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)),
      review: false)
    let plan: DrillPlan
    do {
      plan = try DrillPlan(mock: bank, options: options, script: script)
    } catch {
      throw RehearseError.usage(context.messages.drillPlanProblem(error))
    }
    let store = try RehearseError.storing { try Store.open(home: context.paths.home) }
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    if input.isInteractive, try DrillResume.offer(context: context, store: store, input: input, catalog: catalog) {
      return
    }
    // A preflight of this stage already done today with everything ready is not asked again.
    let calendar = PracticeCalendar(timeZone: context.timeZone)
    let readyToday = try RehearseError.storing { try store.preflights(company: bank.company.id) }.contains {
      $0.stage == stage && $0.ready && calendar.day(of: $0.checkedAt) == calendar.day(of: context.now())
    }
    if readyToday, !noPreflight {
      context.console.print(context.console.outStyle.dim(context.messages.preflightDoneToday))
      context.console.print()
    } else if !noPreflight {
      let known = PreflightChecklist.mode(of: bank.company, stage: stage)
      let preflight = PreflightRun(
        context: context, input: input, company: bank.company, stage: stage, mode: known ?? .online,
        guessed: known == nil, interviewAt: nil)
      guard let record = try preflight.run(store: store) else { return }
      if !record.ready { context.console.print(context.console.outStyle.dim(context.messages.mockPreflightNotReady)) }
      context.console.print()
    }
    try DrillCommand.start(
      plan: plan, mode: .mock, extras: Self.extras(plan: plan, script: script, context: context), context: context,
      store: store, input: input)
  }

  /// The interviewer's opening, no scores until the end, the end report.
  static func extras(plan: DrillPlan, script: InterviewerScript, context: AppContext) -> DrillRunner.Extras {
    let m = context.messages
    let style = context.console.outStyle
    let width = min(context.console.width, 100)
    let stage = plan.questions.first?.stage
    let minutes =
      stage?.minutes ?? max(10, (plan.questions.reduce(0) { $0 + $1.answerSeconds + $1.thinkSeconds } + 59) / 60 + 5)
    let opening = script.opening(
      company: plan.company.name, stage: stage.map(m.stageTitle) ?? plan.options.stage ?? "", minutes: minutes,
      count: plan.questions.count, language: plan.company.language)
    var extras = DrillRunner.Extras()
    extras.opening =
      [style.heading(m.mockHeading(company: plan.company.name))]
      + DisplayWidth.wrap(opening, width: max(20, width))
      + DisplayWidth.wrap(m.drillInstructions, width: max(20, width)).map(style.dim)
    extras.hideScores = true
    extras.ending = { summary, reason, session in
      let rubric = try? DrillCommand.rubric.value()
      let report = MockReport(
        results: summary.results, company: plan.company, rubric: rubric ?? Rubric(criteria: [], reflection: []))
      return MockEndView(
        report: report, plan: plan, script: script, rubric: rubric, messages: m, style: style, width: width,
        language: context.language
      ).render(session: session, reason: reason)
    }
    return extras
  }
}
