import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse debrief COMPANY`: a real interview written down right after it (issue 12).
struct DebriefCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "debrief",
    abstract:
      "Right after a real interview: the questions you were asked, your answers, the reactions, your reflections.",
    discussion: """
      For each question: its text (an empty one ends), your answer as you gave it (an empty line \
      ends it), how the interviewer reacted, and the three reflections (empty skips one). A \
      question your bank of the company already has is recognised by its content words (README, \
      "Debrief"); a new one joins the bank, with its source (own interview) and the date. Each \
      answer is scored, kept as a session of mode `debrief`, and enters the daily schedule. The \
      bank must be your own (`rehearse banks new`), not one shipped with Rehearse.
      """)

  @Argument(
    help: ArgumentHelp("The company id (see `rehearse banks list`).", valueName: "company"),
    completion: .custom { _, _, _ in AppContext.live().loadBanks(extra: []).ids })
  var company: String

  @Option(help: ArgumentHelp("The interview's stage (default: the bank's first).", valueName: "stage"))
  var stage: String?

  @Option(help: ArgumentHelp("When the interview was, local time (default: now).", valueName: "date"))
  var at: String?

  @OptionGroup var folders: BankFolderOptions

  @MainActor func run(in context: AppContext) throws {
    let m = context.messages
    let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
    let loaded = try BanksCommand.bank(company, in: catalog, context: context)
    guard loaded.origin != .shipped else { throw RehearseError.usage(m.debriefShipped(loaded.bank.company.id)) }
    var bank = loaded.bank
    let stageID = stage ?? bank.company.stages.first?.id ?? "first"
    if stage != nil { try PreflightCommand.checkStage(stageID, in: bank) }
    let interviewAt = try at.map { try PreflightCommand.interviewDate($0, context: context) } ?? context.now()
    let scorer = try DrillCommand.scorer.value()
    let rubric = try? DrillCommand.rubric.value()
    let templates = try? StandardQuestions.shipped(bank.company.language)
    let style = context.console.outStyle
    let width = max(20, min(context.console.width, 100))
    func say(_ text: String, _ styled: (String) -> String = { $0 }) {
      for line in DisplayWidth.wrap(text, width: width) { context.console.print(styled(line)) }
    }
    let stageTitle = bank.company.stage(id: stageID).map(m.stageTitle) ?? m.stageName(stageID) ?? stageID
    say(
      m.debriefHeading(company: bank.company.name, stage: stageTitle, date: context.dates.minute(interviewAt)),
      style.heading)
    say(m.debriefIntro, style.dim)

    let store = try RehearseError.storing { try Store.open(home: context.paths.home) }
    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    input.begin()
    defer { input.end() }
    var session: SessionID?
    var kept: [(id: String, report: ScoreReport?)] = []
    var added = 0
    let language: Language = context.language == .ja ? .ja : .en
    var ended = false
    /// One line; nil when the input ended or the person pressed Ctrl-C (the debrief ends).
    func read(_ prompt: String) -> String? {
      guard !ended else { return nil }
      switch input.read(LineRequest(history: .form, prompt: prompt)) {
      case .line(let text): return text
      case .endOfInput(let partial):
        ended = true
        return partial.isEmpty ? nil : partial
      case .interrupted, .deadline, .terminated:
        ended = true
        return nil
      }
    }
    while let asked = read(m.debriefQuestionPrompt(kept.count + 1)), !asked.trimmingCharacters(in: .whitespaces).isEmpty
    {
      let text = asked.trimmingCharacters(in: .whitespaces)
      // The bank's question, or a new one for it.
      var question: Question?
      if let match = QuestionMatch.best(text, in: bank.questions, company: bank.company.name) {
        say(m.debriefMatched(match.question.id, text: match.question.text), style.dim)
        // On a terminal the person says whether it is that question; piped, it is taken.
        if !input.isInteractive || read(m.debriefSamePrompt).map(Self.isNo) != true { question = match.question }
      }
      if question == nil {
        let kind =
          templates.flatMap { templates in
            templates.templates.map { ($0.kind, QuestionMatch.similarity(text, $0.text, company: bank.company.name)) }
              .max { $0.1 < $1.1 }
              .flatMap { $0.1 >= QuestionMatch.threshold ? $0.0 : nil }
          } ?? .other
        let day = context.dates.day(interviewAt).replacingOccurrences(of: "-", with: "")
        var number = 1
        while bank.questions.contains(where: { $0.id == "own-\(day)-\(number)" }) { number += 1 }
        let year = Int(context.dates.day(interviewAt).prefix(4)) ?? 2026
        let new = Question(
          id: "own-\(day)-\(number)", text: text, stage: stageID, kind: kind,
          source: QuestionSource(kind: .ownInterview, years: [year], note: "debrief \(context.dates.day(interviewAt))"))
        do {
          bank = try BankFile.append([new], to: bank)
        } catch {
          throw RehearseError.io("\(error)")
        }
        added += 1
        say(m.debriefNew(new.id), style.dim)
        question = new
      }
      guard let question else { continue }
      say(m.debriefAnswerIntro, style.dim)
      var lines: [String] = []
      while let line = read("> "), !line.isEmpty { lines.append(line) }
      let reaction = read(m.debriefReactionPrompt)?.trimmingCharacters(in: .whitespaces)
      var reflections: [String?] = []
      for prompt in rubric?.reflection ?? [] {
        let answer = read(prompt.text(language) + " > ")?.trimmingCharacters(in: .whitespaces)
        reflections.append(answer.flatMap { $0.isEmpty ? nil : $0 })
      }
      // Kept before the next question is asked.
      let id = try RehearseError.storing { () throws -> SessionID in
        if let session { return session }
        let opened = try store.startSession(
          NewSession(
            companyID: bank.company.id, companyName: bank.company.name, mode: .debrief,
            language: bank.company.language,
            settings: DrillSettings(stage: stageID, count: 0, seed: 0, review: false), startedAt: interviewAt,
            ownerPID: getpid()))
        session = opened
        return opened
      }
      let answerText = lines.joined(separator: "\n")
      let judged = bank.company.type == .general ? nil : bank.company
      let report =
        answerText.isEmpty || question.kind == .reverseQuestion
        ? nil
        : scorer.score(
          answerText,
          context: ScoringContext(
            question: text, kind: question.kind, answerSeconds: question.answerSeconds, company: judged))
      try RehearseError.storing {
        let asked = try store.addQuestion(
          NewQuestion(
            bankQuestionID: question.id, stage: stageID, kind: question.kind, text: text,
            answerSeconds: question.answerSeconds, thinkSeconds: 0, askedAt: interviewAt, companyID: bank.company.id),
          to: id)
        for (index, line) in lines.enumerated() {
          _ = try store.appendLine(line, to: asked, typedAt: context.now(), elapsedSeconds: Double(index))
        }
        try store.finishAnswer(
          asked,
          outcome: AnswerOutcome(
            status: answerText.isEmpty ? .unanswered : .answered, text: answerText, secondsUsed: 0,
            scoreJSON: try report.map { try JSONText.encode(ScoreJSON.report($0)) }, totalScore: report?.total,
            // Written down now: the practice is today's, whenever the interview was.
            finishedAt: context.now()))
        try store.setReaction(reaction, for: asked)
        if reflections.contains(where: { $0 != nil }) {
          let padded = reflections + Array(repeating: nil, count: max(0, 3 - reflections.count))
          try store.saveReview(
            SelfReview(
              ratings: [:], whatWentWrong: padded[0], why: padded[1], nextTime: padded[2], reviewedAt: context.now()),
            for: asked)
        }
      }
      kept.append((question.id, report))
      context.console.print()
    }
    guard let session else {
      say(m.debriefNothing, style.dim)
      return
    }
    try RehearseError.storing {
      try store.finishSession(session, reason: .finished, at: context.now())
      try store.syncReviewLog(context.practiceSchedule(try context.practiceSettings()))
    }
    // Each answer's levels, now that the interview is over.
    for (index, entry) in kept.enumerated() {
      var parts = ["Q\(index + 1) \(entry.id)"]
      if let report = entry.report {
        for category in ScoreView.order where report.isAsked(category) {
          let level = report[category].level
          parts.append(
            m.categoryShort(category) + " " + String(repeating: "■", count: level)
              + String(repeating: "□", count: 3 - level))
        }
      }
      for line in TranscriptView.joinWrapped(parts, width: width - 2) { context.console.print("  " + line) }
    }
    context.console.print()
    say(m.debriefSummary(questions: kept.count, added: added, path: bank.path))
    say(m.debriefAfter(session), style.dim)
  }

  static func isNo(_ answer: String) -> Bool {
    ["n", "no", "いいえ"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
