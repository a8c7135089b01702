import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse search TEXT`: every answer, follow-up answer and reflection containing the text,
/// Japanese or English, best first (issue 11).
struct SearchCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find old answers and reflections by their words, Japanese or English, best match first.",
    discussion: """
      Matches any part of a word, any case, full-width and half-width alike (ＡＰＩ finds API, \
      ｽｹｰﾗ finds スケーラ). Three characters or more use the search index, ranked; shorter \
      queries (設計, UI) are found too, newest first. Each hit shows its drill, question and \
      date, with the words found marked; `rehearse show ID` opens the drill.
      """)

  @Argument(help: ArgumentHelp("The words to find (quote several: \"on-call rota\").", valueName: "text"))
  var text: [String]

  @Option(
    help: ArgumentHelp("Only answers to this company's questions.", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String?

  @Option(
    help: ArgumentHelp("Only answers given on or after this day (YYYY-MM-DD), or within 7d, 2w …", valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp("At most this many hits (default 20).", valueName: "n"))
  var limit: Int = 20

  @OptionGroup var output: JSONOption

  func validate() throws {
    if text.joined(separator: " ").trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("give the words to find")
    }
    if !(1...500).contains(limit) { throw ValidationError("--limit must be between 1 and 500") }
    if let since, HistoryCommand.since(since, now: Date()) == nil {
      throw ValidationError("--since must be a day like 2026-12-01, or days or weeks back like 7d or 2w")
    }
  }

  func run(in context: AppContext) throws {
    let query = text.joined(separator: " ")
    var hits: [SearchHit] = []
    if let store = try context.existingStore() {
      do {
        hits = try store.search(
          query, company: company,
          since: since.flatMap { HistoryCommand.since($0, now: context.now(), timeZone: context.timeZone) },
          limit: limit)
      } catch {
        throw RehearseError(error)
      }
    }
    if output.json {
      context.console.write(try JSONText.encode(hits.map { Hit(hit: $0, dates: context.dates) }))
      return
    }
    let view = SearchView(
      hits: hits, messages: context.messages, style: context.console.outStyle,
      width: min(context.console.width, 100), dates: context.dates)
    context.console.write(view.render(query: query))
  }

  /// `search --json`: one object per hit.
  struct Hit: Encodable {
    var hit: SearchHit
    var dates: DateText

    enum CodingKeys: String, CodingKey {
      case session, field, snippet, marked, date
      case askedQuestionID = "asked_question_id", companyID = "company_id", questionID = "question_id"
      case questionText = "question_text", followUp = "follow_up"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(hit.sessionID.rawValue, forKey: .session)
      try c.encode(hit.askedQuestionID.rawValue, forKey: .askedQuestionID)
      try c.encode(hit.companyID, forKey: .companyID)
      try c.encode(hit.questionID, forKey: .questionID)
      try c.encode(hit.questionText, forKey: .questionText)
      try c.encode(hit.isFollowUp, forKey: .followUp)
      try c.encode(hit.field.rawValue, forKey: .field)
      try c.encode(dates.iso(hit.askedAt), forKey: .date)
      try c.encode(SearchView.plain(hit.snippet), forKey: .snippet)
      try c.encode(SearchView.bracketed(hit.snippet), forKey: .marked)
    }
  }
}

/// The hits of a search as a person reads them: the drill, date, company and question on one
/// line, the words around the match below, the match marked (colour, else 【】).
struct SearchView {
  var hits: [SearchHit]
  var messages: any Messages
  var style: Style
  var width: Int
  var dates: DateText

  func render(query: String) -> String {
    guard !hits.isEmpty else { return messages.searchNothing(query) + "\n" }
    var out = ""
    for hit in hits {
      var facts = ["#\(hit.sessionID.rawValue)", dates.minute(hit.askedAt), hit.companyID]
      if let id = hit.questionID { facts.append(id) }
      if hit.isFollowUp { facts.append(messages.searchFollowUp) }
      if hit.field == .reflection { facts.append(messages.searchReflection) }
      out += style.dim(DisplayWidth.truncate(facts.joined(separator: " · "), to: max(20, width))) + "\n"
      out += "  " + style.bold(DisplayWidth.truncate(hit.questionText, to: max(20, width - 2))) + "\n"
      out += mark(hit.snippet.replacingOccurrences(of: "\n", with: " ")) + "\n\n"
    }
    out += style.dim(messages.searchCount(hits.count)) + "\n"
    return out
  }

  /// The snippet wrapped to the width, its matches in colour on a terminal, else 【】.
  func mark(_ snippet: String) -> String {
    // Wrap the text as it will be shown (with 【】 when there is no colour), then mark.
    let shown = style.mode == .on ? snippet : Self.bracketedMarks(snippet)
    let lines = DisplayWidth.wrap(shown, width: max(20, width - 4))
    var open = false
    return lines.map { line -> String in
      var out = "    "
      if open { out += style.searchMatchStart }
      for character in line {
        if character == SearchHit.markStart {
          open = true
          out += style.searchMatchStart
        } else if character == SearchHit.markEnd {
          open = false
          out += style.searchMatchEnd
        } else {
          out.append(character)
        }
      }
      if open { out += style.searchMatchEnd }
      return out
    }.joined(separator: "\n")
  }

  /// Without the marks.
  static func plain(_ snippet: String) -> String {
    snippet.filter { $0 != SearchHit.markStart && $0 != SearchHit.markEnd }
  }

  /// The marks as 【】.
  static func bracketed(_ snippet: String) -> String {
    plain(bracketedMarks(snippet))
  }

  private static func bracketedMarks(_ snippet: String) -> String {
    String(
      snippet.map { character -> String in
        character == SearchHit.markStart ? "【" : character == SearchHit.markEnd ? "】" : String(character)
      }.joined())
  }
}
