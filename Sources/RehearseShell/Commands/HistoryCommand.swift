import ArgumentParser
import Foundation
import RehearseStore

/// `rehearse history`: every past drill, newest first.
struct HistoryCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List past drills, newest first: id, start, company, mode, questions, answered, mean score.",
    discussion: """
      The score is the mean total of the answered questions (follow-ups not counted). --json \
      prints an array (see README, "History and transcripts (JSON)"). Reads the store without \
      creating one; exits 74 when the store cannot be read.
      """)

  @Option(
    help: ArgumentHelp("Only drills of this company.", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String?

  @Option(
    help: ArgumentHelp(
      "Only drills started on or after this day (YYYY-MM-DD, local time), or within the last days or weeks (7d, 2w).",
      valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp("At most this many drills, newest first.", valueName: "n"))
  var limit: Int?

  @OptionGroup var output: JSONOption

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    if let since, Self.since(since, now: Date()) == nil {
      throw ValidationError("--since must be a day like 2026-12-01, or days or weeks back like 7d or 2w")
    }
  }

  /// The start of the local day `text` names: `YYYY-MM-DD`, or `Nd` / `Nw` (that many days or
  /// weeks before today; `0d` is today).
  static func since(_ text: String, now: Date, timeZone: TimeZone = .current) -> Date? {
    if let unit = text.last, "dw".contains(unit), let count = Int(text.dropLast()), count >= 0, count <= 10_000 {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      let today = calendar.startOfDay(for: now)
      return calendar.date(byAdding: .day, value: -count * (unit == "w" ? 7 : 1), to: today)
    }
    return day(text, timeZone: timeZone)
  }

  /// The start of a local day written YYYY-MM-DD.
  static func day(_ text: String, timeZone: TimeZone = .current) -> Date? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, text.count == 10 else { return nil }
    var components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
    components.calendar = Calendar(identifier: .gregorian)
    components.timeZone = timeZone
    guard components.isValidDate, let date = components.date else { return nil }
    return date
  }

  /// Drills listed for a person without `--limit` (JSON lists them all).
  static let shown = 50

  func run(in context: AppContext) throws {
    var sessions: [SessionSummary] = []
    var total = 0
    let from = since.flatMap { Self.since($0, now: context.now(), timeZone: context.timeZone) }
    if let store = try context.existingStore() {
      do {
        sessions = try store.sessions(
          company: company, since: from, limit: limit ?? (output.json ? nil : Self.shown + 1))
        if !output.json, limit == nil, sessions.count > Self.shown {
          sessions.removeLast()
          total = try store.sessionCount(company: company, since: from)
        }
      } catch {
        throw RehearseError(error)
      }
    }
    let dates = context.dates
    if output.json {
      context.console.write(try JSONText.encode(sessions.map { TranscriptJSON.Summary(summary: $0, dates: dates) }))
      return
    }
    let view = HistoryView(
      sessions: sessions, messages: context.messages, style: context.console.outStyle, width: context.console.width,
      dates: dates, filtered: company != nil || since != nil)
    context.console.write(view.render())
    if total > 0 { context.console.print(context.console.outStyle.dim(context.messages.historyMore(total))) }
    if !sessions.isEmpty, context.tty.stdoutIsTerminal {
      context.console.print(context.console.outStyle.dim(context.messages.showSessionHint))
    }
  }
}
