import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse export ID|--all`: a transcript for a coach, or the whole store as a backup (issue 11).
struct ExportCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "A drill as Markdown, HTML or JSON for a coach; --all --format json is a full backup.",
    discussion: """
      Markdown is readable as it is or rendered; HTML is one self-contained page (no scripts, \
      nothing fetched) with the scorer's words marked; JSON is one document (README, "Exports"), \
      the shape `rehearse import` reads back. Written to -o FILE (atomically: a full disk leaves no \
      half-written file, exit 74) or to standard output.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md, json, html
  }

  @Argument(
    help: ArgumentHelp("The drill's id (see `rehearse history`).", valueName: "session"),
    completion: .custom { _, _, _ in ShowCommand.completions() })
  var id: Int64?

  @Flag(help: "Every drill in the store.")
  var all = false

  @Option(help: "md (Markdown, the default), html or json.")
  var format: Format = .md

  @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  func validate() throws {
    if (id == nil) == !all { throw ValidationError("give a drill id or --all") }
  }

  func run(in context: AppContext) throws {
    let store = try context.existingStore()
    var single: Transcript?
    if let id {
      guard let store, let transcript = try RehearseError.storing({ try store.transcript(SessionID(id)) }) else {
        throw RehearseError.usage(context.messages.unknownSession(String(id)))
      }
      single = transcript
    }
    // Written as it is read, a drill at a time: an export of every drill never holds it whole.
    var file: PrivateFiles.Stream?
    var url: URL?
    if let output {
      let target = URL(fileURLWithPath: output, relativeTo: context.workingDirectory)
      url = target
      do {
        file = try PrivateFiles.Stream(target)
      } catch {
        throw RehearseError.io(context.messages.exportCannotWrite(target.path, reason: "\(error)"))
      }
    }
    func emit(_ text: String) {
      if let file { file.write(text) } else { context.console.write(text) }
    }
    let rubric = format == .json ? nil : try? Rubric.shipped()
    let catalog = format == .html ? context.loadBanks(extra: []) : nil
    var count = 0
    func one(_ transcript: Transcript) {
      switch format {
      case .json:
        // Indented to sit inside "sessions": the document reads as one pretty-printed object.
        emit(
          (count == 0 ? "    " : ",\n    ") + TranscriptJSONWriter.write(transcript, dates: context.dates, indent: 4))
      case .md:
        emit(
          (count == 0 ? "" : "\n---\n\n")
            + MarkdownTranscript(
              transcript: transcript, messages: context.messages, dates: context.dates, rubric: rubric,
              language: context.language
            ).render())
      case .html:
        var html = HTMLWriter()
        HTMLTranscript(
          transcript: transcript, messages: context.messages, dates: context.dates, rubric: rubric,
          language: context.language, stages: catalog?.stages(for: transcript) ?? [:]
        ).write(to: &html)
        emit(html.take())
      }
      count += 1
    }
    switch format {
    case .json: emit(ExportDocument.opening(exportedAt: context.now(), dates: context.dates))
    case .html:
      let m = context.messages
      let title: String
      if let single {
        title = m.sessionTitle(single.session.id, mode: single.session.mode) + " — " + single.session.companyName
      } else {
        title = m.htmlExportTitle(drills: try RehearseError.storing { try store?.sessionCount() ?? 0 })
      }
      var html = HTMLWriter()
      html.element("header") { html in
        html.element("h1", text: title)
        html.element("p", ["class": "facts"], text: m.htmlExportedOn(context.dates.minute(context.now())))
        HTMLPage.legend(messages: m, to: &html)
      }
      html.newline()
      emit(HTMLPage.opening(title: title, language: context.language) + html.take())
    case .md: break
    }
    if let single {
      one(single)
    } else if let store {
      try RehearseError.storing { try store.eachTranscript { one($0) } }
    }
    switch format {
    case .json: emit(ExportDocument.closing(empty: count == 0))
    case .html: emit(HTMLPage.closing)
    case .md: break
    }
    guard let file, let url else {
      if format == .html, context.tty.stdoutIsTerminal { context.console.message(context.messages.htmlOnTerminal) }
      return
    }
    do {
      try file.commit()
    } catch {
      throw RehearseError.io(context.messages.exportCannotWrite(url.path, reason: "\(error)"))
    }
    context.console.message(context.messages.exported(count: count, path: url.path))
  }
}

/// The export document: `{"exported_at": …, "format": "rehearse-export", "sessions": [show --json
/// objects], "version": 1}`, written in pieces (keys in the same sorted order as every `--json`).
enum ExportDocument {
  static let format = "rehearse-export"
  static let version = 1

  static func opening(exportedAt: Date, dates: DateText) -> String {
    "{\n  \"exported_at\" : \"\(dates.iso(exportedAt))\",\n  \"format\" : \"\(format)\",\n  \"sessions\" : [\n"
  }

  static func closing(empty: Bool) -> String {
    (empty ? "" : "\n") + "  ],\n  \"version\" : \(version)\n}\n"
  }
}

/// A transcript in Markdown: headings per question, the answer as a quotation (so nothing in it
/// is read as markup), the levels as a table, follow-ups and the self-review.
struct MarkdownTranscript {
  var transcript: Transcript
  var messages: any Messages
  var dates: DateText
  var rubric: Rubric?
  var language: InterfaceLanguage

  func render() -> String {
    let m = messages
    let session = transcript.session
    var out =
      "# " + Self.escape(m.sessionTitle(session.id, mode: session.mode)) + " — "
      + Self.escape(session.companyName) + "\n\n"
    var facts = [dates.minute(session.startedAt), m.sessionStatus(session.endReason), m.sessionMode(session.mode)]
    facts.append(m.stageQuestionCount(transcript.questions.count))
    out += Self.escape(facts.joined(separator: " · ")) + "\n\n"
    for question in transcript.questions {
      out += "## Q\(question.position)"
      let about = [question.companyID, question.bankQuestionID].compactMap { $0 }
      if !about.isEmpty { out += " · " + Self.escape(about.joined(separator: " · ")) }
      out += "\n\n" + Self.escape(question.text) + "\n\n"
      out += answer(question)
      for followUp in question.followUps {
        out += "### " + Self.escape(m.followUpHeading(followUp.position, category: followUp.followUpCategory)) + "\n\n"
        out += Self.escape(followUp.text) + "\n\n" + answer(followUp)
      }
      if let review = question.review { out += self.review(review) }
    }
    return out
  }

  private func answer(_ question: AskedQuestion) -> String {
    let m = messages
    var out = "**" + Self.escape(m.answerHeading) + "**"
    if let outcome = question.outcome {
      out +=
        " — " + Self.escape(m.answerStatus(outcome.status)) + " · "
        + Self.escape(m.timeUsed(Int(outcome.secondsUsed.rounded()), limit: question.answerSeconds))
    }
    out += "\n\n"
    let text = question.answerText
    out +=
      text.isEmpty
      ? "_" + Self.escape(m.noAnswerText) + "_\n\n"
      : text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + Self.escape(String($0)) }
        .joined(separator: "\n") + "\n\n"
    if let reaction = question.reaction {
      out += "_" + Self.escape(m.reactionHeading) + "_: " + Self.escape(reaction) + "\n\n"
    }
    if let json = question.outcome?.scoreJSON, let total = question.outcome?.totalScore {
      let levels = Store.levels(json)
      if !levels.isEmpty {
        out += "| | |\n|---|---|\n"
        for category in ScoreCategory.allCases {
          guard let level = levels[category] else { continue }
          out +=
            "| " + Self.escape(m.category(category)) + " | " + String(repeating: "■", count: level)
            + String(repeating: "□", count: 3 - min(3, level)) + " \(level) |\n"
        }
        out += "\n" + Self.escape(m.totalScore(total)) + "\n\n"
      }
    }
    return out
  }

  private func review(_ review: SelfReview) -> String {
    let m = messages
    var out = "### " + Self.escape(m.selfReviewHeading) + "\n\n"
    let names = Dictionary(
      uniqueKeysWithValues: (rubric?.criteria ?? []).map { ($0.id, $0.name(language == .ja ? .ja : .en)) })
    // In the rubric's order, as the drill asked them; criteria it no longer has after.
    let order = (rubric?.criteria ?? []).map(\.id)
    let criteria =
      order.filter { review.ratings[$0] != nil } + review.ratings.keys.filter { !order.contains($0) }.sorted()
    for criterion in criteria {
      out += "- " + Self.escape(names[criterion] ?? criterion) + ": \(review.ratings[criterion]!)/5\n"
    }
    let prompts = rubric?.reflection ?? []
    for (index, text) in [review.whatWentWrong, review.why, review.nextTime].enumerated() {
      guard let text, !text.isEmpty else { continue }
      let prompt = prompts.indices.contains(index) ? prompts[index].text(language == .ja ? .ja : .en) : ""
      // "What went wrong? I rambled", "なぜそうなったか：緊張した".
      let separator =
        prompt.isEmpty || prompt.hasSuffix("?") || prompt.hasSuffix("？") ? " " : language == .ja ? "：" : ": "
      out += "- " + Self.escape(prompt) + (prompt.isEmpty ? "" : separator) + Self.escape(text) + "\n"
    }
    return out + "\n"
  }

  /// Text with Markdown's markup characters escaped, so an answer is never read as markup or
  /// HTML, and otherwise left as it reads: emphasis, code, links, tags, table bars and entities
  /// everywhere, headings, lists and quotes at the start of a line.
  static func escape(_ text: String) -> String {
    // Most text has nothing to escape: returned as it is. Read as Unicode scalars: breaking it
    // into Characters was most of the time of a whole-store export.
    func special(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x26, 0x7E, 0x23, 0x2D, 0x2B, 0x0A: true
      default: false
      }
    }
    guard text.utf8.contains(where: special) || text.utf8.first.map({ (0x30...0x39).contains($0) }) == true else {
      return text
    }
    var out = String.UnicodeScalarView()
    var atLineStart = true
    var leadingDigits = false
    for scalar in text.unicodeScalars {
      let escaped: Bool =
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~": true
        case "#", "-", "+": atLineStart
        case ".", ")": leadingDigits
        default: false
        }
      if escaped { out.append("\\") }
      out.append(scalar)
      leadingDigits = (atLineStart || leadingDigits) && ("0"..."9").contains(scalar)
      atLineStart = scalar == "\n" || (atLineStart && scalar == " ")
    }
    return String(out)
  }

}
