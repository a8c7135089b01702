import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse retry`: a second chance for the answers that went worst (DESIGN §1: a rejected
/// question deserves one). Each question first shows what its last attempt lacked and the
/// person's own "next time" note from then; after the new answer, each category side by side
/// with last time.
struct RetryCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "retry",
    abstract: "Answer your weakest questions again: what they lacked first, then better / same / worse.",
    discussion: """
      Chooses from each question's latest attempt those graded Again or Hard (README, "How an \
      attempt is graded"): skipped, abandoned and empty answers first, then the lowest levels, \
      answers cut at the deadline before those on time. Companies: --company, else the followed \
      ones, else every bank.
      """)

  static let defaultCount = 3

  @Option(help: "Only this company's questions.")
  var company: String?

  @Option(help: "How many questions (default 3).")
  var count: Int = RetryCommand.defaultCount

  @OptionGroup var drill: PracticeDrillOptions
  @OptionGroup var folders: BankFolderOptions

  func validate() throws {
    if !(1...50).contains(count) { throw ValidationError("--count must be between 1 and 50") }
  }

  @MainActor func run(in context: AppContext) throws {
    let start = try DailyCommand.Opening(company: company, folders: folders.folders, context: context)
    if try start.resumed() { return }
    try Self.start(
      context: context, store: start.store, catalog: start.catalog, schedule: context.practiceSchedule(start.settings),
      companies: start.banks.map(\.company.id), count: count, drill: drill, input: start.input)
  }

  /// Chooses the weakest attempts of these companies and drills them again as a `retry` session;
  /// returns how it ended, nil when there was nothing to retry.
  @discardableResult
  @MainActor static func start(
    context: AppContext, store: Store, catalog: BankCatalog, schedule: PracticeSchedule, companies: [String],
    count: Int, drill: PracticeDrillOptions, input: any LineInput
  ) throws -> EndReason? {
    let attempts: [PreviousAttempt]
    do {
      try store.syncReviewLog(schedule)
      attempts = try store.latestAttempts(companies: companies)
    } catch {
      throw RehearseError(error)
    }
    // Only questions the banks still have.
    var cards: [CardID: (bank: QuestionBank, question: Question)] = [:]
    for attempt in attempts {
      if let bank = catalog.bank(id: attempt.card.bank)?.bank,
        let question = bank.questions.first(where: { $0.id == attempt.card.question })
      {
        cards[attempt.card] = (bank, question)
      }
    }
    let known = attempts.filter { cards[$0.card] != nil }
    let chosen = Retry.choose(known, count: count)
    guard !chosen.isEmpty else {
      context.say(known.isEmpty ? context.messages.retryNoPractice : context.messages.retryNothingWeak)
      return nil
    }
    let plan: DrillPlan
    do {
      plan = try DrillPlan(
        practice: chosen.compactMap { cards[$0.card] }, options: drill.options(cards: chosen.map(\.card)))
    } catch {
      throw RehearseError.usage(context.messages.drillPlanProblem(error))
    }
    context.say(context.messages.retryStart(count: chosen.count), style: context.console.outStyle.heading)
    return try DrillCommand.start(
      plan: plan, mode: .retry,
      extras: extras(context: context, previous: Dictionary(uniqueKeysWithValues: chosen.map { ($0.card, $0) })),
      context: context, store: store, input: input)
  }

  /// The lines for a resumed retry: each card's latest attempt before the session began.
  @MainActor static func extras(context: AppContext, store: Store, cards: [CardID], before date: Date) throws
    -> DrillRunner.Extras
  {
    let attempts: [PreviousAttempt]
    do {
      attempts = try store.latestAttempts(companies: Array(Set(cards.map(\.bank))), before: date)
    } catch {
      throw RehearseError(error)
    }
    let wanted = Set(cards)
    return extras(
      context: context,
      previous: Dictionary(attempts.filter { wanted.contains($0.card) }.map { ($0.card, $0) }) { first, _ in first })
  }

  /// What a retry adds to the drill: before each answer what last time lacked and the person's
  /// note; after it, the categories side by side.
  @MainActor static func extras(context: AppContext, previous: [CardID: PreviousAttempt]) -> DrillRunner.Extras {
    let m = context.messages
    let style = context.console.outStyle
    let width = min(context.console.width, 100)
    func wrapped(_ text: String, indent: String) -> [String] {
      DisplayWidth.wrap(text, width: max(20, width - DisplayWidth.of(indent))).map { indent + $0 }
    }
    var extras = DrillRunner.Extras()
    extras.underQuestion = { question in
      guard let last = previous[question.card] else { return [] }
      var problems: [String] = []
      switch last.facts.outcome {
      case .skipped: problems.append(m.retrySkipped)
      case .abandoned: problems.append(m.retryAbandoned)
      case .unanswered: problems.append(m.retryUnanswered)
      case .answered:
        if last.facts.timedOut {
          problems.append(m.retryCutAtDeadline)
        } else if last.facts.seconds > Double(last.facts.limitSeconds) * 1.25 {
          problems.append(m.retryOverTime)
        }
        if last.facts.hintUsed { problems.append(m.retryHintUsed) }
      }
      var lines = wrapped(
        m.retryLastTime(
          date: context.dates.minute(last.answeredAt), grade: m.grade(last.grade), lacked: last.lacked.map(m.category),
          problems: problems),
        indent: "  "
      ).map(style.dim)
      if let note = last.nextTime { lines += wrapped(m.retryYourNote(note), indent: "  ").map(style.dim) }
      return lines
    }
    extras.afterAnswer = { question, record in
      // Nothing to compare when this answer was skipped, abandoned or left empty.
      guard let last = previous[question.card], record.report != nil else { return [] }
      let changes = Retry.compare(
        previous: last,
        now: record.report.map { report in
          Dictionary(uniqueKeysWithValues: report.asked.map { ($0, report[$0].level) })
        })
      let nameWidth = changes.map { DisplayWidth.of(m.category($0.category)) }.max() ?? 0
      var lines = ["", style.heading(m.retryAgainstLastTime)]
      for change in changes {
        let before = change.before.map(String.init) ?? "–"
        let after = change.after.map(String.init) ?? "–"
        let word = m.levelChange(change.direction)
        let shown: String =
          switch change.direction {
          case .better: style.good(word)
          case .worse: style.warning(word)
          case .same: style.dim(word)
          }
        lines.append(
          "  " + DisplayWidth.pad(m.category(change.category), to: nameWidth) + "  \(before) → \(after)  " + shown)
      }
      return lines
    }
    return extras
  }
}
