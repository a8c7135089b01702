import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse stats`: progress over the last weeks (issue 11).
struct StatsCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Your progress: practice days per week, streaks, each category's level over time, timing, readiness.",
    discussion: """
      Weeks end today. Levels are the scorer's 0–3 per answered question, averaged per week; the \
      readiness score (0–100) weighs the last 20 answers' totals (60), how many were within their \
      time limit (20) and practice on the last 14 days (20).
      """)

  @OptionGroup var span: ProgressSpan

  @OptionGroup var output: JSONOption

  func run(in context: AppContext) throws {
    try span.check(context)
    let (stats, _, checks) = try Self.progress(context: context, company: span.company, days: span.days)
    if output.json {
      context.console.write(
        try JSONText.encode(
          StatsJSON(
            stats: stats,
            checks: checks.map { StatsJSON.Check(takenAt: context.dates.iso($0.takenAt), score: $0.score) })))
      return
    }
    let view = StatsView(
      stats: stats, messages: context.messages, style: context.console.outStyle,
      unicode: context.tty.stdoutIsTerminal, width: min(context.console.width, 80),
      checks: checks.map { (context.dates.day($0.takenAt), $0.score) })
    context.console.write(view.render())
  }
}

/// Which answers progress is measured on (`stats` and `report`).
struct ProgressSpan: ParsableArguments {
  @Option(
    help: ArgumentHelp("Only this company's questions.", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String?

  @Option(help: ArgumentHelp("How many days back, 7–365 (56 is eight weeks).", valueName: "n"))
  var days: Int = 56

  /// `--days` out of range, in the interface's language (a usage error, exit 64).
  func check(_ context: AppContext) throws {
    if !(7...365).contains(days) { throw RehearseError.usage(context.messages.daysOutOfRange(days)) }
  }
}

extension StatsCommand {
  /// Progress over the last `days` days (of `company`'s questions when given), with the scored
  /// answers it was measured from (oldest first). Grades answers not yet graded first.
  /// Progress over the last `days` days (of `company`'s questions when given), with the scored
  /// answers it was measured from (oldest first) and the readiness self-checks taken in the span
  /// (`rehearse check`). Grades answers not yet graded first.
  static func progress(context: AppContext, company: String?, days: Int) throws -> (
    ProgressStats, [ScoredAnswer], [ReadinessRecord]
  ) {
    let settings = try context.practiceSettings()
    let schedule = context.practiceSchedule(settings)
    let today = schedule.calendar.day(of: context.now())
    var answers: [ScoredAnswer] = []
    var practised: Set<PracticeDay> = []
    var checks: [ReadinessRecord] = []
    if let store = try context.existingStore() {
      // A day before the span, so the first day's answers are all in (days are local).
      let since = context.now().addingTimeInterval(-Double(days + 1) * 86_400)
      checks = try RehearseError.storing { try store.readinessChecks() }.filter { $0.takenAt >= since }
      try RehearseError.storing { try store.syncReviewLog(schedule) }
      answers = try RehearseError.storing { try store.scoredAnswers(company: company, since: since) }
      practised = try RehearseError.storing { try store.answeredDays(company: company) }
    }
    let attempts = answers.map { answer in
      ProgressAttempt(
        card: answer.card, day: schedule.calendar.day(of: answer.answeredAt), levels: answer.levels,
        total: answer.total,
        inTime: !answer.timedOut && answer.secondsUsed <= Double(answer.answerSeconds),
        timeUse: answer.answerSeconds > 0 ? answer.secondsUsed / Double(answer.answerSeconds) : nil)
    }
    return (ProgressStats(attempts: attempts, practisedDays: practised, today: today, days: days), answers, checks)
  }

  /// What would raise readiness most, in words.
  static func advice(_ advice: ProgressStats.Advice, messages m: any Messages) -> String {
    switch advice {
    case .category(let category): m.statsAdviceCategory(m.category(category))
    case .timing: m.statsAdviceTiming
    case .regularity: m.statsAdviceRegularity
    }
  }
}

/// `stats --json`.
struct StatsJSON: Encodable {
  var stats: ProgressStats
  /// The readiness self-checks in the span.
  var checks: [Check] = []

  struct Check: Encodable {
    var takenAt: String
    var score: Int
    enum CodingKeys: String, CodingKey {
      case score
      case takenAt = "taken_at"
    }
  }

  enum CodingKeys: String, CodingKey {
    case weeks, readiness, advice, weakest, checks
    case currentStreak = "current_streak", longestStreak = "longest_streak", inTimeShare = "in_time_share"
  }

  struct Week: Encodable {
    var week: ProgressStats.Week
    enum CodingKeys: String, CodingKey {
      case end
      case practiceDays = "practice_days", meanLevels = "mean_levels"
    }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(week.end.description, forKey: .end)
      try c.encode(week.practiceDays, forKey: .practiceDays)
      try c.encode(
        Dictionary(uniqueKeysWithValues: week.meanLevels.map { ($0.key.rawValue, ($0.value * 100).rounded() / 100) }),
        forKey: .meanLevels)
    }
  }

  struct Weak: Encodable {
    var company: String
    var question: String
    var mean: Double
    var attempts: Int
    enum CodingKeys: String, CodingKey {
      case mean, attempts
      case company = "company_id", question = "question_id"
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(stats.weeks.map(Week.init), forKey: .weeks)
    try c.encode(stats.currentStreak, forKey: .currentStreak)
    try c.encode(stats.longestStreak, forKey: .longestStreak)
    try c.encode(stats.inTimeShare.map { ($0 * 100).rounded() / 100 }, forKey: .inTimeShare)
    try c.encode(
      stats.weakest.map {
        Weak(
          company: $0.card.bank, question: $0.card.question, mean: ($0.mean * 10).rounded() / 10, attempts: $0.attempts)
      }, forKey: .weakest)
    try c.encode(stats.readiness, forKey: .readiness)
    let advice: String? =
      switch stats.advice {
      case .category(let category)?: category.rawValue
      case .timing?: "timing"
      case .regularity?: "regularity"
      case nil: nil
      }
    try c.encode(advice, forKey: .advice)
    try c.encode(checks, forKey: .checks)
  }
}

/// Progress as a person reads it, within 80 columns: charts of Unicode blocks on a terminal,
/// plain characters otherwise.
struct StatsView {
  var stats: ProgressStats
  var messages: any Messages
  var style: Style
  /// Block characters (▁▂▃▄▅▆▇█) rather than ASCII (.:-=+*#).
  var unicode: Bool
  var width: Int
  /// The self-checks in the span (day, score), oldest first.
  var checks: [(day: String, score: Int)] = []

  /// One character per value from 0 to `top`; a space where there is none.
  func spark(_ values: [Double?], top: Double) -> String {
    let blocks: [Character] = unicode ? Array("▁▂▃▄▅▆▇█") : Array(".:-=+*#@")
    return String(
      values.map { value -> Character in
        guard let value else { return " " }
        let index = Int((min(max(value, 0), top) / top * Double(blocks.count - 1)).rounded())
        return blocks[index]
      })
  }

  func render() -> String {
    let m = messages
    var out = style.heading(m.statsHeading(weeks: stats.weeks.count)) + "\n"
    let labelWidth = ([m.statsPracticeDays] + ScoreCategory.allCases.map(m.category)).map(DisplayWidth.of).max() ?? 0
    func row(_ label: String, _ chart: String, _ latest: String) -> String {
      "  " + DisplayWidth.pad(label, to: labelWidth) + "  " + chart + "  " + style.dim(latest) + "\n"
    }
    let days = stats.weeks.map { Double($0.practiceDays) }
    out += row(m.statsPracticeDays, spark(days, top: 7), m.statsThisWeek(stats.weeks.last?.practiceDays ?? 0))
    for category in ScoreCategory.allCases {
      let levels = stats.weeks.map { $0.meanLevels[category] }
      guard levels.contains(where: { $0 != nil }) else { continue }
      let latest = levels.last(where: { $0 != nil }).flatMap { $0 }.map { String(format: "%.1f", $0) } ?? "–"
      out += row(m.category(category), spark(levels, top: 3), latest)
    }
    out +=
      style.dim("  " + String(repeating: " ", count: labelWidth) + "  " + m.statsWeeksAxis(stats.weeks.count)) + "\n\n"
    out += "  " + m.statsStreaks(current: stats.currentStreak, longest: stats.longestStreak) + "\n"
    if let share = stats.inTimeShare { out += "  " + m.statsInTime(Int((share * 100).rounded())) + "\n" }
    if !checks.isEmpty {
      let line = m.statsChecks(checks.suffix(5).map { "\($0.day) \($0.score)" })
      out += DisplayWidth.wrap(line, width: max(20, width - 2)).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
    if !stats.weakest.isEmpty {
      out += "\n" + style.heading(m.statsWeakest) + "\n"
      for weak in stats.weakest {
        out +=
          "  " + String(format: "%3.0f", weak.mean) + "  \(weak.card.bank) · \(weak.card.question)  "
          + style.dim(m.statsAttempts(weak.attempts)) + "\n"
      }
    }
    out += "\n"
    guard let readiness = stats.readiness else { return out + m.statsNothingYet + "\n" }
    let line = m.statsReadiness(readiness)
    out += (readiness < ProgressStats.lowReadiness ? style.warning(line) : style.bold(line)) + "\n"
    if let advice = stats.advice {
      let text = StatsCommand.advice(advice, messages: m)
      let lead = readiness < ProgressStats.lowReadiness ? m.statsLowReadiness + " " : ""
      out += DisplayWidth.wrap(lead + text, width: max(20, width)).joined(separator: "\n") + "\n"
    }
    return out
  }
}
