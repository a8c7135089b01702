import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// The drill's options for `daily` and `retry`: the clock, strictness, the self-review and the
/// seed.
struct PracticeDrillOptions: ParsableArguments {
  @OptionGroup var timing: DrillTimingOptions

  @Option(help: "A seed, to repeat a run: which follow-up is asked (and in daily, whose new question comes first).")
  var seed: UInt64?

  /// The drill options for exactly these cards.
  func options(cards: [CardID]) -> DrillOptions {
    DrillOptions(
      count: cards.count, answerSeconds: timing.answerSeconds, thinkSeconds: timing.thinkSeconds,
      strict: timing.strict, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)), review: !timing.noReview,
      questionIDs: cards.map(\.description))
  }
}

/// `rehearse daily`: today's practice across the followed companies (DESIGN §2): the questions
/// due again first, then a few new ones, in one drill; the streak and the day's goal at the start
/// and the end. Run again the same day, it goes on with what is left and never repeats a
/// question already practised that day.
struct DailyCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "daily",
    abstract: "Today's practice: due questions first (weakest memory first), then new ones; streak and goal.",
    discussion: """
      Questions come from the followed companies (rehearse follow), else every bank. Without \
      --count it practises what is left of the day's goal (rehearse config set daily-goal N); a \
      question practised today is not asked again today. New questions are rationed \
      (new-per-day, default 3) and come in interview order. The drill itself works as in \
      `rehearse drill`: countdown, :skip/:repeat/:hint/:quit, follow-ups, self-review, and \
      resume after a crash. Days begin at the rollover hour (default 04:00).
      """)

  @Option(help: "How many questions (default: what is left of the daily goal).")
  var count: Int?

  @Option(name: .customLong("new"), help: ArgumentHelp("New questions allowed today (default 3).", valueName: "n"))
  var newLimit: Int?

  @Option(help: "Only this company's questions.")
  var company: String?

  @OptionGroup var drill: PracticeDrillOptions
  @OptionGroup var folders: BankFolderOptions

  func validate() throws {
    if let count, !(1...100).contains(count) { throw ValidationError("--count must be between 1 and 100") }
    if let newLimit, !(0...50).contains(newLimit) { throw ValidationError("--new must be between 0 and 50") }
  }

  @MainActor func run(in context: AppContext) throws {
    let start = try Opening(company: company, folders: folders.folders, context: context)
    if company == nil, start.banks.count == start.catalog.banks.count, start.banks.count > 1 {
      // Questions from every bank mix languages and career stages: say how to focus.
      context.console.message(context.messages.dailyFollowHint)
    }
    let practice = Practice(
      context: context, store: start.store, settings: start.settings, banks: start.banks,
      newLimit: newLimit ?? start.settings.newPerDay, input: start.input)
    if try start.resumed() {
      try practice.showEnd()
      return
    }
    try practice.run(count: count, drill: drill, catalog: start.catalog)
  }

  /// What `daily` and `retry` begin with: the person's settings, the banks and store, the banks
  /// to practise, and the line input.
  @MainActor struct Opening {
    let context: AppContext
    let settings: PracticeSettings
    let catalog: BankCatalog
    let store: Store
    let banks: [QuestionBank]
    let input: any LineInput

    init(company: String?, folders: [String], context: AppContext) throws {
      self.context = context
      settings = try context.practiceSettings()
      catalog = BanksCommand.loadCatalog(context, folders: folders)
      do {
        store = try Store.open(home: context.paths.home)
      } catch {
        throw RehearseError(error)
      }
      banks = try DailyCommand.banks(company: company, catalog: catalog, store: store, context: context)
      input = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    }

    /// On a terminal, offers a drill a killed process left; true when one was resumed.
    func resumed() throws -> Bool {
      guard input.isInteractive else { return false }
      return try DrillResume.offer(context: context, store: store, input: input, catalog: catalog)
    }
  }

  /// The banks practised: the one named, else the followed ones, else all.
  static func banks(company: String?, catalog: BankCatalog, store: Store, context: AppContext) throws -> [QuestionBank]
  {
    if let company { return [try BanksCommand.bank(company, in: catalog, context: context).bank] }
    let followed: [String]
    do {
      followed = try store.followedCompanies()
    } catch {
      throw RehearseError(error)
    }
    let chosen = catalog.banks.filter { followed.contains($0.bank.company.id) }.map(\.bank)
    return chosen.isEmpty ? catalog.banks.map(\.bank) : chosen
  }

  /// One run of daily practice on a store.
  @MainActor struct Practice {
    let context: AppContext
    let store: Store
    let settings: PracticeSettings
    let banks: [QuestionBank]
    /// New questions allowed today (`--new`, else the setting).
    let newLimit: Int
    let input: any LineInput

    var schedule: PracticeSchedule { context.practiceSchedule(settings) }

    /// Where today stands: every card's state (new answers graded first), today's practice, the
    /// streak.
    func standing(day: PracticeDay) throws -> (
      states: [CardID: CardState], today: PracticedDay, streak: Int
    ) {
      do {
        let states = try store.syncReviewLog(schedule)
        let today = try store.practice(on: day)
        let streak = try store.streak(today: day)
        return (states, today, streak)
      } catch {
        throw RehearseError(error)
      }
    }

    func run(count: Int?, drill: PracticeDrillOptions, catalog: BankCatalog) throws {
      let day = schedule.calendar.day(of: context.now())
      let standing = try standing(day: day)
      let options = drill.options(cards: [])
      let choice = schedule.daily(
        day, states: standing.states, banks: banks, practisedToday: standing.today.cards,
        answeredToday: standing.today.answered.count, introducedToday: standing.today.introduced,
        goal: settings.dailyGoal, count: count, newLimit: newLimit, seed: options.seed)
      let m = context.messages
      guard !choice.cards.isEmpty else {
        context.say(
          m.dailyNothingLeft(
            done: choice.doneToday, goal: choice.goal, moreDue: choice.moreDue, streak: standing.streak))
        try offerMore(choice: choice, day: day, drill: drill, catalog: catalog)
        return
      }
      start(choice, streak: standing.streak)
      try drillCards(choice.cards, drill: drill)
    }

    /// The line before the drill: the streak, today against the goal, what this run holds.
    func start(_ choice: DailyChoice, streak: Int) {
      context.say(
        context.messages.dailyStart(
          streak: streak, done: choice.doneToday, goal: choice.goal, due: choice.due.count, new: choice.new.count),
        style: context.console.outStyle.heading)
    }

    /// Runs one drill of exactly these cards as a `daily` session, then the line after it
    /// (unless the terminal went away: the drill waits to be resumed).
    func drillCards(_ cards: [CardID], drill: PracticeDrillOptions) throws {
      let byID = Dictionary(banks.map { ($0.company.id, $0) }, uniquingKeysWith: { first, _ in first })
      let chosen = cards.compactMap { card -> (bank: QuestionBank, question: Question)? in
        guard let bank = byID[card.bank], let question = bank.questions.first(where: { $0.id == card.question })
        else { return nil }
        return (bank, question)
      }
      let plan: DrillPlan
      do {
        plan = try DrillPlan(practice: chosen, options: drill.options(cards: cards))
      } catch {
        throw RehearseError.usage(context.messages.drillPlanProblem(error))
      }
      let ending = try DrillCommand.start(plan: plan, mode: .daily, context: context, store: store, input: input)
      if ending != .interrupted { try showEnd() }
    }

    /// After the drill (or a resumed one): the streak, today against the goal (or the day's work
    /// complete: nothing more due and the new questions introduced), what is due tomorrow.
    func showEnd() throws {
      let day = schedule.calendar.day(of: context.now())
      let standing = try standing(day: day)
      let known = Set(banks.flatMap { bank in bank.questions.map { CardID(bank: bank.company.id, question: $0.id) } })
      let tomorrow = standing.states.count { known.contains($0.key) && $0.value.due <= day.adding(days: 1) }
      let left = schedule.daily(
        day, states: standing.states, banks: banks, practisedToday: standing.today.cards,
        answeredToday: 0, introducedToday: standing.today.introduced, goal: 1, count: 1,
        newLimit: newLimit, seed: 0)
      context.say(
        context.messages.dailyEnd(
          streak: standing.streak, done: standing.today.answered.count, goal: settings.dailyGoal,
          dayComplete: left.cards.isEmpty, dueTomorrow: tomorrow),
        style: context.console.outStyle.heading)
    }

    /// Nothing left for today: offers new questions beyond the day's ration or a retry (on a
    /// terminal; anything else is asked again), else says how to get them.
    func offerMore(choice: DailyChoice, day: PracticeDay, drill: PracticeDrillOptions, catalog: BankCatalog) throws {
      let m = context.messages
      guard input.isInteractive else {
        let introduced = try store.practice(on: day).introduced
        context.say(m.dailyMoreHint(newLeft: choice.neverPractised, newOption: introduced + settings.newPerDay))
        return
      }
      context.say(m.dailyMoreOptions(newLeft: choice.neverPractised))
      input.begin()
      defer { input.end() }
      let prompt = m.dailyMorePrompt
      while true {
        guard case .line(let answer) = input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) }))
        else {
          context.console.write("\n")
          return
        }
        switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
        case "":
          return
        case "n", "new", "新":
          guard choice.neverPractised > 0 else {
            context.say(m.dailyNoNewLeft)
            return
          }
          let standing = try standing(day: day)
          let more = schedule.daily(
            day, states: standing.states, banks: banks, practisedToday: standing.today.cards,
            answeredToday: standing.today.answered.count, introducedToday: 0, goal: settings.dailyGoal,
            count: settings.dailyGoal, newLimit: settings.dailyGoal,
            seed: drill.seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
          guard !more.cards.isEmpty else { return }
          input.end()
          start(more, streak: standing.streak)
          try drillCards(more.cards, drill: drill)
          return
        case "r", "retry", "再":
          input.end()
          let ending = try RetryCommand.start(
            context: context, store: store, catalog: catalog, schedule: schedule,
            companies: banks.map(\.company.id), count: RetryCommand.defaultCount, drill: drill, input: input)
          if ending != nil, ending != .interrupted { try showEnd() }
          return
        default:
          context.console.warning(m.dailyMoreUnknown(answer), label: m.warningLabel)
        }
      }
    }
  }
}

extension AppContext {
  /// A message of daily practice on standard output, with the drill it belongs to, wrapped to
  /// the terminal.
  func say(_ text: String, style: (String) -> String = { $0 }) {
    let lines = DisplayWidth.wrap(text, width: max(20, min(console.width, 100)))
    console.print(lines.map(style).joined(separator: "\n"))
  }
}
