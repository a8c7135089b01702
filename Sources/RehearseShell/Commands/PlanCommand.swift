import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse plan`: the days ahead of daily practice: per company the questions due each day,
/// the new ones not yet practised, the streak and today's goal.
struct PlanCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "The practice schedule ahead: questions due per day and company, new ones left, the streak.",
    discussion: """
      Companies: the followed ones (rehearse follow), else every bank. Days are local days that \
      begin at the rollover hour (04:00 unless `rehearse config set rollover-hour` says otherwise). Every finished drill answer counts as practice of its question, graded \
      from its levels, time, skips and hints (README, "How an attempt is graded").
      """)

  @Option(help: ArgumentHelp("How many days, today included (1–31, default 7).", valueName: "n"))
  var days: Int = 7

  @OptionGroup var folders: BankFolderOptions
  @OptionGroup var output: JSONOption

  func validate() throws {
    if !(1...31).contains(days) { throw ValidationError("--days must be between 1 and 31") }
  }

  struct Row: Encodable {
    var id: String
    var name: String
    var due: [Int]
    var newLeft: Int

    enum CodingKeys: String, CodingKey {
      case id, name, due
      case newLeft = "new_left"
    }
  }

  struct Report: Encodable {
    var days: [String]
    var companies: [Row]
    var streak: Int
    var goal: Int
    var doneToday: Int

    enum CodingKeys: String, CodingKey {
      case days, companies, streak, goal
      case doneToday = "done_today"
    }
  }

  func run(in context: AppContext) throws {
    let settings = try context.practiceSettings()
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let schedule = context.practiceSchedule(settings)
    let today = schedule.calendar.day(of: context.now())
    var states: [CardID: CardState] = [:]
    var streak = 0
    var followed: [String] = []
    var doneToday = 0
    if let store = try context.existingStore() {
      do {
        states = try store.syncReviewLog(schedule)
        streak = try store.streak(today: today)
        followed = try store.followedCompanies()
        doneToday = try store.practice(on: today).answered.count
      } catch {
        throw RehearseError(error)
      }
    }
    let banks = followed.isEmpty ? catalog.banks : catalog.banks.filter { followed.contains($0.bank.company.id) }
    let report = Self.report(
      banks: banks.map(\.bank), states: states, streak: streak, today: today, days: days,
      goal: settings.dailyGoal, doneToday: doneToday)
    if output.json {
      context.console.write(try JSONText.encode(report))
      return
    }
    let m = context.messages
    let dayLabels = report.days.enumerated().map { $0.offset == 0 ? m.planToday : String($0.element.suffix(5)) }
    let nameWidth = max(DisplayWidth.of(m.columnCompany), report.companies.map { DisplayWidth.of($0.id) }.max() ?? 0)
    let cell = max(5, dayLabels.map(DisplayWidth.of).max() ?? 5)
    var out = DisplayWidth.pad(m.columnCompany, to: nameWidth)
    for label in dayLabels { out += "  " + String(repeating: " ", count: cell - DisplayWidth.of(label)) + label }
    out += "  " + m.planNewLeft + "\n"
    for row in report.companies {
      out += DisplayWidth.pad(row.id, to: nameWidth)
      for count in row.due { out += "  " + String(repeating: " ", count: cell - String(count).count) + String(count) }
      out +=
        "  " + String(repeating: " ", count: max(0, DisplayWidth.of(m.planNewLeft) - String(row.newLeft).count))
        + String(row.newLeft) + "\n"
    }
    out += m.planStreak(days: report.streak, done: report.doneToday, goal: report.goal) + "\n"
    context.console.write(out)
  }

  /// The plan from the cards' states and the streak, pure (the day comes in).
  static func report(
    banks: [QuestionBank], states: [CardID: CardState], streak: Int, today: PracticeDay, days: Int,
    goal: Int = PracticeSettings.Key.dailyGoal.defaultValue, doneToday: Int = 0
  ) -> Report {
    let rows = banks.map { bank in
      // One lookup per card: the day it is due, as an offset from today (overdue counts today).
      var due = Array(repeating: 0, count: days)
      var newLeft = 0
      for question in bank.questions {
        guard let state = states[CardID(bank: bank.company.id, question: question.id)] else {
          newLeft += 1
          continue
        }
        let offset = max(0, state.due.days(since: today))
        if offset < days { due[offset] += 1 }
      }
      return Row(id: bank.company.id, name: bank.company.name, due: due, newLeft: newLeft)
    }
    return Report(
      days: (0..<days).map { today.adding(days: $0).description }, companies: rows, streak: streak,
      goal: goal, doneToday: doneToday)
  }
}
