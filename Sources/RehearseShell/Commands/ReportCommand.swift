import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse report`: progress as one self-contained HTML page for the person or a coach
/// (issue 11).
struct ReportCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "A progress report as one HTML page: levels, time and practice charts, and the weakest answers.",
    discussion: """
      The page holds everything (inline CSS and SVG, no scripts, nothing fetched): readiness and \
      streaks, each category's mean level per week, time use per week, a calendar of practice \
      days, and the weakest questions linked to their latest answers, shown in full below with \
      the scorer's words marked. Written atomically to -o FILE (a full disk is exit 74 and leaves \
      nothing behind) or to standard output. `Scripts/render-report` turns it into a PNG.
      """)

  @OptionGroup var span: ProgressSpan

  @Option(
    name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
    completion: .file(extensions: ["html"]))
  var output: String?

  func run(in context: AppContext) throws {
    try span.check(context)
    let (stats, answers, checks) = try StatsCommand.progress(
      context: context, company: span.company, days: span.days)
    // The latest answer to each weakest question, and the drills that hold them.
    var latest: [CardID: ScoredAnswer] = [:]
    let weak = Set(stats.weakest.map(\.card))
    for answer in answers where weak.contains(answer.card) { latest[answer.card] = answer }
    var transcripts: [Transcript] = []
    if let store = try context.existingStore() {
      var seen: Set<SessionID> = []
      for card in stats.weakest.map(\.card) {
        guard let answer = latest[card], seen.insert(answer.sessionID).inserted else { continue }
        if let transcript = try RehearseError.storing({ try store.transcript(answer.sessionID) }) {
          transcripts.append(transcript)
        }
      }
    }
    let catalog = context.loadBanks(extra: [])
    let names = Dictionary(
      catalog.banks.map { ($0.bank.company.id, $0.bank.company.name) }, uniquingKeysWith: { first, _ in first })
    var stages: [String: [Stage]] = [:]
    for transcript in transcripts { stages.merge(catalog.stages(for: transcript)) { first, _ in first } }
    let page = ReportPage(
      stats: stats, latest: latest, transcripts: transcripts, checks: checks, companyNames: names, stages: stages,
      messages: context.messages,
      dates: context.dates, rubric: try? Rubric.shipped(), language: context.language, madeAt: context.now())
    let html = page.render()
    guard let output else {
      context.console.write(html)
      if context.tty.stdoutIsTerminal { context.console.message(context.messages.htmlOnTerminal) }
      return
    }
    let url = URL(fileURLWithPath: output, relativeTo: context.workingDirectory)
    do {
      let file = try PrivateFiles.Stream(url)
      file.write(html)
      try file.commit()
    } catch {
      throw RehearseError.io(context.messages.exportCannotWrite(url.path, reason: "\(error)"))
    }
    context.console.message(context.messages.reportWritten(url.path))
  }
}

/// The report page: summary cards, the three charts, the weakest questions and their latest
/// answers.
struct ReportPage {
  var stats: ProgressStats
  var latest: [CardID: ScoredAnswer]
  var transcripts: [Transcript]
  /// The readiness self-checks in the span, oldest first.
  var checks: [ReadinessRecord] = []
  var companyNames: [String: String]
  var stages: [String: [Stage]]
  var messages: any Messages
  var dates: DateText
  var rubric: Rubric?
  var language: InterfaceLanguage
  var madeAt: Date

  func render() -> String {
    let m = messages
    var html = HTMLWriter()
    html.element("header") { html in
      html.element("h1", text: m.reportTitle)
      html.element(
        "p", ["class": "facts"],
        text: m.reportSpan(
          from: stats.firstDay.description, to: stats.weeks.last?.end.description ?? "", made: dates.minute(madeAt)))
    }
    html.newline()
    guard let readiness = stats.readiness else {
      html.element("p", text: m.statsNothingYet)
      return HTMLPage.opening(title: m.reportTitle, language: language) + html.take() + HTMLPage.closing
    }
    if readiness < ProgressStats.lowReadiness {
      html.element("p", ["class": "warning"]) { html in
        html.element("strong", text: m.statsLowReadiness)
        if let advice = stats.advice { Self.withCode(" " + StatsCommand.advice(advice, messages: m), to: &html) }
      }
    } else if let advice = stats.advice {
      html.element("p", ["class": "advice"]) { Self.withCode(StatsCommand.advice(advice, messages: m), to: &$0) }
    }
    html.element("div", ["class": "cards"]) { html in
      func card(_ value: String, _ label: String, warn: Bool = false) {
        html.element("div", ["class": warn ? "card low" : "card"]) { html in
          html.element("div", ["class": "value"], text: value)
          html.element("div", ["class": "label"], text: label)
        }
      }
      card("\(readiness)", m.reportReadiness, warn: readiness < ProgressStats.lowReadiness)
      card("\(stats.currentStreak)", m.reportCurrentStreak)
      card("\(stats.longestStreak)", m.reportLongestStreak)
      card("\(stats.answersPerDay.values.reduce(0, +))", m.reportAnswers)
      if let share = stats.inTimeShare { card("\(Int((share * 100).rounded()))%", m.reportInTime) }
      if let check = checks.last { card("\(check.score)", m.reportCheck, warn: check.score < ReadinessCheck.low) }
    }
    if checks.count > 1 {
      html.element(
        "p", ["class": "facts"],
        text: m.statsChecks(checks.suffix(8).map { "\(dates.day($0.takenAt)) \($0.score)" }))
    }
    html.newline()
    let charts = ReportCharts(stats: stats, messages: m)
    charts.levels(to: &html)
    html.newline()
    charts.time(to: &html)
    html.newline()
    charts.calendar(to: &html)
    html.newline()
    if !stats.weakest.isEmpty { weakest(to: &html) }
    if !transcripts.isEmpty {
      html.element("h2", text: m.reportTranscripts)
      HTMLPage.legend(messages: m, to: &html)
      html.newline()
      // Each drill with only the weakest questions' latest answers in it.
      for transcript in transcripts {
        let positions = Set(latest.values.filter { $0.sessionID == transcript.session.id }.map(\.position))
        HTMLTranscript(
          transcript: transcript, messages: m, dates: dates, rubric: rubric, language: language, stages: stages,
          only: positions
        ).write(to: &html)
      }
    }
    return HTMLPage.opening(title: m.reportTitle, language: language) + html.take() + HTMLPage.closing
  }

  /// Text with its `commands` in `<code>`.
  static func withCode(_ text: String, to html: inout HTMLWriter) {
    for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 1 { html.element("code", text: String(part)) } else { html.text(String(part)) }
    }
  }

  private func weakest(to html: inout HTMLWriter) {
    let m = messages
    html.element("h2", text: m.reportWeakest)
    html.element("table", ["class": "weakest"]) { html in
      html.element("tr") { html in
        for heading in [
          m.reportQuestionColumn, m.reportCompanyColumn, m.reportMeanColumn, m.reportAttemptsColumn,
          m.reportLatestColumn,
        ] {
          html.element("th", text: heading)
        }
      }
      for weak in stats.weakest {
        let answer = latest[weak.card]
        let text =
          answer.flatMap { answer in
            transcripts.first { $0.session.id == answer.sessionID }?.questions.first { $0.position == answer.position }?
              .text
          } ?? weak.card.question
        html.element("tr") { html in
          html.element("td") { html in
            if let answer {
              html.element(
                "a", ["href": "#" + HTMLTranscript.anchor(answer.sessionID, question: answer.position)], text: text)
            } else {
              html.text(text)
            }
          }
          html.element("td", text: companyNames[weak.card.bank] ?? weak.card.bank)
          html.element("td", text: String(format: "%.0f", weak.mean))
          html.element("td", text: "\(weak.attempts)")
          html.element("td", text: answer.map { dates.minute($0.answeredAt) } ?? "")
        }
      }
    }
  }
}
