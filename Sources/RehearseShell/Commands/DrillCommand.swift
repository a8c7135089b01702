import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// The drill's clock and self-review, shared by `drill`, `daily` and `retry`.
struct DrillTimingOptions: ParsableArguments {
  @Option(name: .customLong("time"), help: ArgumentHelp("Answer time for every question.", valueName: "seconds"))
  var answerSeconds: Int?

  @Option(name: .customLong("think"), help: ArgumentHelp("Think time for every question.", valueName: "seconds"))
  var thinkSeconds: Int?

  @Flag(help: "Submit the answer as typed when the clock reaches zero (default: overtime is recorded).")
  var strict = false

  @Flag(name: .customLong("no-review"), help: "Skip the self-review after each answer.")
  var noReview = false
}

/// `rehearse drill COMPANY`: a timed drill on one bank (DESIGN §3).
struct DrillCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "A timed drill on one company's questions, scored as you go, saved line by line.",
    discussion: """
      Questions come stage by stage, shuffled within a stage (--seed repeats an order). Each has \
      think time, then an answer clock shown in the prompt. Enter keeps a line; an empty line or \
      Ctrl-D submits. On a line of their own: :skip, :repeat (the question again), :hint (the \
      bank's answer points), :quit (end, keeping everything). Ctrl-C asks whether to abandon the \
      answer; a second Ctrl-C ends the drill. After each answer: its score, a follow-up when it \
      missed why or reproducibility, then the self-review (one digit per criterion, like 435343; Enter accepts the \
      scorer's suggestions). Without a terminal the same protocol is read line by line (README).
      """)

  @Argument(
    help: ArgumentHelp("The company id (see `rehearse banks list`).", valueName: "company"))
  var company: String

  @Option(help: "Only this stage (e.g. first, second, final).")
  var stage: String?

  @Option(help: "How many questions (default \(DrillOptions.defaultCount)).")
  var count: Int?

  @OptionGroup var timing: DrillTimingOptions

  @Option(help: "The question order's seed (default: a new one each drill).")
  var seed: UInt64?

  @Option(
    name: .customLong("question"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "Exactly these questions, in this order (ids from `rehearse banks show COMPANY`), e.g. the weakest one again.",
      valueName: "id"),
    completion: .custom { arguments, _, _ in DrillCommand.questionCompletions(arguments) })
  var questionIDs: [String] = []

  @OptionGroup var folders: BankFolderOptions

  @MainActor func run(in context: AppContext) throws {
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let loaded = try BanksCommand.bank(company, in: catalog, context: context)
    let options = DrillOptions(
      stage: stage, count: count, answerSeconds: timing.answerSeconds, thinkSeconds: timing.thinkSeconds,
      strict: timing.strict, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)), review: !timing.noReview,
      questionIDs: questionIDs)
    let plan: DrillPlan
    do {
      plan = try DrillPlan(bank: loaded.bank, options: options)
    } catch {
      throw RehearseError.usage(context.messages.drillPlanProblem(error))
    }
    let store: Store
    do {
      store = try Store.open(home: context.paths.home)
    } catch {
      throw RehearseError(error)
    }
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    if input.isInteractive, try DrillResume.offer(context: context, store: store, input: input, catalog: catalog) {
      return
    }
    try Self.start(plan: plan, context: context, store: store, input: input)
  }

  /// The shipped scorer and rubric, made once per process (a shell runs many drills). A
  /// language's lexicons take ~90 ms to compile and are compiled only when needed: the runner
  /// starts the bank's language behind the first question (`prepareScorer`), and an answer in
  /// the other language compiles that one when it is scored.
  static let scorer = Preloaded { try Scorer.shipped(loading: []) }
  static let rubric = Preloaded { try Rubric.shipped() }

  /// Compiles `language`'s lexicons and loads the rubric on background threads; the first
  /// answer to be scored waits for them if they are not done.
  static func prepareScorer(for language: Language) {
    Thread.detachNewThread { _ = try? scorer.value().prepare([language]) }
    rubric.startInBackground()
  }

  /// Opens a new session for `plan` and runs it; returns how it ended.
  @discardableResult
  @MainActor static func start(
    plan: DrillPlan, mode: SessionMode = .drill, extras: DrillRunner.Extras = DrillRunner.Extras(),
    context: AppContext, store: Store, input: any LineInput
  ) throws -> EndReason {
    let machine = DrillMachine(plan: plan, scorer: scorer, rubric: rubric)
    let session = DrillRunner.SessionSource.new {
      try store.startSession(
        NewSession(
          companyID: plan.company.id, companyName: plan.company.name, mode: mode, language: plan.company.language,
          settings: DrillSettings(plan.options, count: plan.questions.count), startedAt: context.now(),
          ownerPID: getpid()))
    }
    let runner = DrillRunner(context: context, store: store, input: input, session: session, machine: machine)
    runner.extras = extras
    return try runner.run().0
  }
}

extension DrillCommand {
  /// Question ids of the bank named on the command line, for Tab after `--question`.
  static func questionCompletions(_ words: [String]) -> [String] {
    questionIDs(in: AppContext.live().loadBanks(extra: []), words: words)
  }

  /// The ids of the first word that names a bank (a unique prefix too, as on the command line).
  static func questionIDs(in catalog: BankCatalog, words: [String]) -> [String] {
    for word in words where !word.hasPrefix("-") {
      let bank = catalog.bank(id: word) ?? catalog.banks.first { $0.id.hasPrefix(word) && !word.isEmpty }
      if let bank { return bank.bank.questions.map(\.id) }
    }
    return []
  }
}

extension DrillSettings {
  init(_ options: DrillOptions, count: Int) {
    self.init(
      stage: options.stage, count: count, answerSeconds: options.answerSeconds, thinkSeconds: options.thinkSeconds,
      strict: options.strict, seed: options.seed, review: options.review, questions: options.questionIDs)
  }

  var options: DrillOptions {
    DrillOptions(
      stage: stage, count: count, answerSeconds: answerSeconds, thinkSeconds: thinkSeconds, strict: strict, seed: seed,
      review: review, questionIDs: questions)
  }
}
