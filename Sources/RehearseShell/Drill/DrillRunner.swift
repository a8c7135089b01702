import Foundation
import RehearseCore
import RehearseStore

/// Runs one drill: feeds the `DrillMachine` the lines, clock and keys of a `LineInput`, shows
/// what it says on the console, and keeps every step in the store as it happens, so a killed
/// process loses at most the last second of typing (DESIGN §7).
@MainActor final class DrillRunner {
  let context: AppContext
  let store: Store
  let input: any LineInput
  /// The stored session: given when resuming, else opened right after the first question is on
  /// screen (two durable writes the person need not wait for).
  private var session: SessionID?
  private let openSession: (() throws -> SessionID)?
  private let clock = ContinuousClock()
  private let origin: ContinuousClock.Instant
  private var machine: DrillMachine
  private let screens: DrillScreens

  /// The question on screen (the machine may have moved on by the time its effects are shown).
  private var shownQuestion: DrillQuestion?
  /// The main question being asked and the asked question (main or follow-up) being answered.
  private var mainID: AskedQuestionID?
  private var answeringID: AskedQuestionID?
  /// On resume, the stored rows of the question (and follow-up) being continued: they are not
  /// asked again.
  private var resumedID: AskedQuestionID?
  private var resumedFollowUpID: AskedQuestionID?
  /// Text to put back on the line of the next read.
  private var pendingText = ""
  private var lastDraft = ""
  /// What belongs above the prompt when the screen is repainted.
  private var above: [String] = []
  /// Piped input ended: the drill ends at the next read.
  private var inputEnded = false
  /// A signal ended the drill: it is stored as interrupted, not quit.
  private var interrupted = false
  /// The terminal closed or the process was told to end (SIGHUP, SIGTERM): the session is left
  /// as it is, the line being typed saved as its draft, so the next start offers to resume it
  /// (DESIGN §7: a closed terminal loses at most the last second of typing).
  private var leftOpen = false
  /// What a kind of session adds to the drill's screens (retry's "last time").
  var extras = Extras()

  /// Lines a kind of session adds: under each question before the answer, and after each main
  /// answer's score.
  struct Extras {
    var underQuestion: (DrillQuestion) -> [String] = { _ in [] }
    var afterAnswer: (DrillQuestion, AnswerRecord) -> [String] = { _, _ in [] }
    /// In place of the drill's opening lines (a mock interview's interviewer speaks instead).
    var opening: [String]?
    /// Nothing scored is shown before the end (a mock interview): an answer is acknowledged
    /// with its time only.
    var hideScores = false
    /// In place of the summary at the end.
    var ending: ((DrillSummary, EndReason, SessionID) -> [String])?
  }

  init(
    context: AppContext, store: Store, input: any LineInput, session: SessionSource, machine: DrillMachine
  ) {
    self.context = context
    self.store = store
    self.input = input
    switch session {
    case .existing(let id):
      self.session = id
      openSession = nil
    case .new(let open):
      self.session = nil
      openSession = open
    }
    self.machine = machine
    origin = clock.now
    screens = DrillScreens(
      messages: context.messages, style: context.console.outStyle, width: min(context.console.width, 100),
      company: machine.plan.company, language: context.language == .ja ? .ja : .en)
  }

  /// Where the stored session comes from.
  enum SessionSource {
    case existing(SessionID)
    case new(() throws -> SessionID)
  }

  /// The stored session, opened on first use.
  private func sessionID() throws -> SessionID {
    if let session { return session }
    let id = try storing { try openSession!() }
    session = id
    return id
  }

  private func now() -> Duration { clock.now - origin }
  private func instant(_ offset: Duration) -> ContinuousClock.Instant { origin + offset }

  /// Runs from the first question, or from a resumed one, to the summary.
  func run(resume: DrillResume.Point? = nil) throws -> (EndReason, DrillSummary) {
    input.begin()
    defer { input.end() }
    var effects: [DrillEffect]
    if let resume {
      resumedID = resume.mainID
      resumedFollowUpID = resume.followUpID
      effects = machine.handle(.resume(resume.resumed, at: now()))
    } else {
      show(extras.opening ?? screens.starting(plan: machine.plan))
      effects = machine.handle(.begin(at: now()))
    }
    while true {
      if leftOpen { return (.interrupted, DrillSummary(plan: machine.plan, results: machine.results)) }
      for effect in effects {
        if let ending = try perform(effect) { return ending }
      }
      switch machine.phase {
      case .thinking(let until): effects = readThinking(until: until)
      case .answering: effects = readAnswerLine()
      case .reviewing: effects = readReview()
      case .ready: effects = machine.handle(.begin(at: now()))
      case .finished(let reason):
        // `finish` was performed above; this only guards against a machine that stops silently.
        return (reason, DrillSummary(plan: machine.plan, results: machine.results))
      }
    }
  }

  // MARK: Effects

  /// Shows and keeps one effect; the end of the drill returns its reason and summary.
  private func perform(_ effect: DrillEffect) throws -> (EndReason, DrillSummary)? {
    switch effect {
    case .ask(let question):
      // A script that has ended answers nothing more: the drill ends before asking.
      if inputEnded { break }
      // On screen first, then kept: the row is in the store before any line of the answer.
      let askedAt = context.now()
      shownQuestion = question
      above = screens.question(question, total: machine.plan.questions.count) + extras.underQuestion(question)
      show(above)
      if question.number == 1 || resumedID != nil {
        // The lexicons compile behind the first question rather than before it.
        DrillCommand.prepareScorer(for: question.company.language)
      }
      if let resumedID {
        mainID = resumedID
        answeringID = resumedID
        self.resumedID = nil
      } else {
        let session = try sessionID()
        let id = try storing {
          try store.addQuestion(
            NewQuestion(
              bankQuestionID: question.question.id, stage: question.stage.id, kind: question.question.kind,
              text: question.question.text, answerSeconds: question.answerSeconds,
              thinkSeconds: question.thinkSeconds, askedAt: askedAt, companyID: question.company.id),
            to: session)
        }
        mainID = id
        answeringID = id
      }
    case .think(let until):
      if input.isInteractive, until > now() {
        show([context.console.outStyle.dim(context.messages.thinkInstructions)])
      }
    case .answer(let answer, _, let draft):
      // A resumed draft, else whatever was typed during think time.
      if !draft.isEmpty { pendingText = draft }
      lastDraft = pendingText
      shownLines = []
      if !answer.lines.isEmpty {
        // A resumed answer: show what was already typed.
        let lines = answer.lines.map { "> " + $0 }
        shownLines = lines
        above += lines
        show(lines)
      }
    case .keepLine(_, let text, let elapsed):
      guard let answeringID else { break }
      try storing(unsaved: text) {
        _ = try store.appendLine(text, to: answeringID, typedAt: context.now(), elapsedSeconds: elapsed.seconds)
      }
      lastDraft = ""
      // As it was on screen, with the clock it was entered at, so a repaint shows the same.
      let limit = Duration.seconds(machine.answer?.limitSeconds ?? 0)
      let shown = "[\(TickSchedule.countdown(remaining: limit - elapsed))] > " + text
      shownLines.append(shown)
      above.append(shown)
    case .repeatQuestion:
      if let question = machine.question {
        above = screens.question(question, total: machine.plan.questions.count) + extras.underQuestion(question)
        if let followUp = machine.answer?.followUp { above += screens.followUp(followUp) }
        above += shownLines
        show(screens.question(question, total: machine.plan.questions.count))
      }
    case .hint(let points):
      show(screens.hint(points))
    case .unknownCommand(let command):
      context.console.warning(context.messages.unknownDrillCommand(command), label: context.messages.warningLabel)
    case .finishAnswer(let record):
      guard let answeringID else { break }
      let scoreJSON = try record.report.map { try JSONText.encode(ScoreJSON.report($0)) }
      try storing {
        try store.finishAnswer(
          answeringID,
          outcome: AnswerOutcome(
            status: record.status, text: record.text, secondsUsed: record.seconds, timedOut: record.timedOut,
            overtimeSeconds: record.overtimeSeconds, hintUsed: record.hintUsed, scoreJSON: scoreJSON,
            totalScore: record.report?.total, finishedAt: context.now()))
      }
      if extras.hideScores {
        // Its time only; a skip said as one, an answer left unfinished not called kept.
        if record.status.isAnswered {
          show([
            context.console.outStyle.dim(
              context.messages.mockAnswerKept(seconds: Int(record.seconds.rounded()), limit: record.limitSeconds))
          ])
        } else if record.status == .skipped {
          show([context.console.outStyle.dim(context.messages.answerSkipped)])
        }
      } else {
        show(
          screens.answerEnded(
            record, hasCompany: shownQuestion.map { $0.company.type != .general } ?? false, question: shownQuestion))
        if record.followUp == nil, let question = shownQuestion { show(extras.afterAnswer(question, record)) }
      }
      if record.report == nil, record.status.isAnswered, !record.text.isEmpty,
        shownQuestion?.question.kind != .reverseQuestion
      {
        // Only a broken installation gets here: the shipped lexicons are tested to load.
        do {
          _ = try DrillCommand.scorer.value().checkedScore(record.text)
        } catch {
          context.console.error("the scorer could not load its lexicons: \(error)")
        }
      }
    case .followUp(let ask):
      guard let mainID else { break }
      above = screens.followUp(ask)
      show(above)
      if let resumedFollowUpID {
        answeringID = resumedFollowUpID
        self.resumedFollowUpID = nil
        break
      }
      let question = machine.question
      let id = try storing {
        try store.addQuestion(
          NewQuestion(
            bankQuestionID: question?.question.id, stage: question?.stage.id,
            kind: question?.question.kind ?? .other, text: ask.text,
            answerSeconds: DrillMachine.followUpSeconds(question?.answerSeconds ?? 60), askedAt: context.now(),
            followUp: NewQuestion.FollowUp(parent: mainID, category: ask.category)),
          to: try sessionID())
      }
      answeringID = id
    case .review(let request):
      reviewRequest = request
      // On a terminal the report stays on screen until the person has read it: the self-review
      // (about 30 lines) would otherwise scroll the levels and hints away at once.
      if input.isInteractive, !inputEnded {
        reviewWaitsForEnter = true
      } else {
        show(screens.review(request))
      }
    case .reviewed(let record):
      guard let mainID else { break }
      let texts = record.reflections + Array(repeating: nil, count: max(0, 3 - record.reflections.count))
      try storing(unsaved: texts.compactMap { $0 }.joined(separator: "\n")) {
        try store.saveReview(
          SelfReview(
            ratings: record.ratings, whatWentWrong: texts[0], why: texts[1], nextTime: texts[2],
            reviewedAt: context.now()),
          for: mainID)
      }
      // On a terminal the flags were shown while the ratings could still be changed.
      if !input.isInteractive { show(screens.calibration(record.calibration)) }
    case .finish(let summary, let reason):
      let stored: EndReason = interrupted ? .interrupted : reason
      let session = try sessionID()
      try storing { try store.finishSession(session, reason: stored, at: context.now()) }
      show(extras.ending?(summary, stored, session) ?? screens.summary(summary, reason: stored, sessionID: session))
      return (stored, summary)
    }
    return nil
  }

  /// Store failures end the drill with exit 74; what was kept so far stays kept. Text the person
  /// typed that could not be kept (`unsaved`) is printed whole, to be copied from the screen.
  private func storing<T>(unsaved: String = "", _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as StoreError {
      if !unsaved.isEmpty {
        show(
          [context.console.outStyle.warning(context.messages.notSavedCopyIt)]
            + unsaved.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
      }
      throw RehearseError(error)
    }
  }

  private func show(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    context.console.write(lines.joined(separator: "\n") + "\n")
  }

  private func repaint() {
    context.console.write(above.joined(separator: "\n") + (above.isEmpty ? "" : "\n"))
  }

  // MARK: Reading

  private func readThinking(until: Duration) -> [DrillEffect] {
    if inputEnded { return machine.handle(.quit(partial: "", at: now())) }
    guard input.isInteractive, !inputEnded, until > now() else {
      // Piped: no one to press Enter, and no reason to wait.
      return machine.handle(.thinkOver(at: now()))
    }
    let start = now()
    let messages = context.messages
    let request = LineRequest(
      history: .form,
      prompt: { [origin] instant in
        let remaining = origin + until - instant
        return PromptText("[\(TickSchedule.countdown(remaining: remaining))] \(messages.thinkLabel) > ")
      },
      tickOrigin: instant(start), deadline: instant(until), initialText: pendingText,
      repaint: { [weak self] in self?.repaint() })
    pendingText = ""
    switch input.read(request) {
    case .line(let text):
      // Words typed during think time are the answer's first line, not lost.
      if !text.trimmingCharacters(in: .whitespaces).isEmpty { pendingLine = text }
      return machine.handle(.thinkOver(at: now()))
    case .deadline(let partial), .endOfInput(let partial):
      // An unfinished line goes on as the answer's line being typed.
      pendingText = partial
      return machine.handle(.thinkOver(at: now()))
    case .interrupted(let partial):
      if confirmEnd() { return machine.handle(.quit(partial: "", at: now())) }
      // Back to thinking with the words typed so far.
      pendingText = partial
      return []
    case .terminated:
      return hangUp()
    }
  }

  /// After Ctrl-C where there is no answer to abandon (think time, the self-review): a second
  /// Ctrl-C ends the drill, anything else goes back to where it was.
  private func confirmEnd() -> Bool {
    show(screens.wrapped(context.messages.endDrillQuestion).map(context.console.outStyle.warning))
    let prompt = context.messages.endDrillPrompt
    switch input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) })) {
    case .interrupted:
      return true
    case .terminated:
      _ = hangUp()
      return true
    case .line, .endOfInput, .deadline:
      repaint()
      return false
    }
  }

  /// A line typed during think time, handed to the answer once its clock has started.
  private var pendingLine: String?

  private func readAnswerLine() -> [DrillEffect] {
    guard let answer = machine.answer else { return machine.handle(.submit(at: now())) }
    if let line = pendingLine {
      pendingLine = nil
      return machine.handle(.line(line, at: now()))
    }
    if inputEnded { return machine.handle(.quit(partial: "", at: now())) }
    let strict = machine.plan.options.strict
    let answeringID = answeringID
    let request = LineRequest(
      history: .answer,
      prompt: { [origin] instant in
        let remaining = origin + answer.deadline - instant
        let tone: PromptTone =
          remaining < .zero ? .overtime : (remaining <= .seconds(15) ? .warning : .normal)
        return PromptText("[\(TickSchedule.countdown(remaining: remaining))] > ", tone: tone)
      },
      tickOrigin: instant(answer.startedAt),
      deadline: strict ? instant(answer.deadline) : nil,
      initialText: pendingText,
      onTick: { [weak self] instant, partial in
        guard let self, let answeringID else { return }
        self.saveDraft(partial, for: answeringID, elapsed: instant - self.origin - answer.startedAt)
      },
      repaint: { [weak self] in self?.repaint() })
    pendingText = ""
    let event = input.read(request)
    switch event {
    case .line(let text)
    where input.isInteractive && text.trimmingCharacters(in: .whitespaces).lowercased() == ":skip"
      && !(machine.answer?.lines.isEmpty ?? true):
      // Typed lines are not thrown away without asking (they stay kept, but are not scored).
      return confirmSkip(lines: machine.answer?.lines.count ?? 0) ? machine.handle(.line(text, at: now())) : []
    case .line(let text):
      return machine.handle(.line(text, at: now()))
    case .endOfInput(let partial):
      if !input.isInteractive {
        inputEnded = true
        // The script ended before this answer began: end here, not with empty answers.
        if partial.isEmpty, machine.answer?.lines.isEmpty ?? true {
          return machine.handle(.quit(partial: "", at: now()))
        }
      }
      var effects: [DrillEffect] = []
      if !partial.isEmpty { effects += machine.handle(.line(partial, at: now())) }
      if machine.phase == .answering, machine.answer?.startedAt == answer.startedAt {
        effects += machine.handle(.submit(at: now()))
      }
      return effects
    case .deadline(let partial):
      if strict { show(screens.wrapped(context.messages.timeUpSubmitted)) }
      return machine.handle(.deadline(partial: partial, at: now()))
    case .interrupted(let partial):
      if let answeringID { saveDraft(partial, for: answeringID, elapsed: now() - answer.startedAt) }
      return confirmAbandon(partial: partial)
    case .terminated(let partial):
      return hangUp(partial: partial)
    }
  }

  /// The terminal is gone or the process must end: keep the line being typed as the draft and
  /// stop without closing the answer or the session (see `leftOpen`).
  private func hangUp(partial: String = "") -> [DrillEffect] {
    interrupted = true
    leftOpen = true
    if let answeringID, let answer = machine.answer, machine.phase == .answering {
      saveDraft(partial, for: answeringID, elapsed: now() - answer.startedAt)
    }
    return []
  }

  /// `:skip` after lines were typed: y skips (the lines stay kept, unscored), anything else goes
  /// back to answering.
  private func confirmSkip(lines: Int) -> Bool {
    show(screens.wrapped(context.messages.skipQuestion(lines: lines)).map(context.console.outStyle.warning))
    let prompt = context.messages.skipPrompt
    let reply = input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) }))
    if case .line(let answer) = reply, Self.isYes(answer) { return true }
    if case .terminated(let partial) = reply {
      _ = hangUp(partial: partial)
      return false
    }
    repaint()
    return false
  }

  /// y, yes or はい (any case, spaces around).
  static func isYes(_ answer: String) -> Bool {
    ["y", "yes", "はい"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces))
  }

  /// After a first Ctrl-C: abandon this answer (y), go on (Enter), or end the drill (Ctrl-C again).
  private func confirmAbandon(partial: String) -> [DrillEffect] {
    show(screens.wrapped(context.messages.abandonQuestion).map(context.console.outStyle.warning))
    let prompt = context.messages.abandonPrompt
    switch input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) })) {
    case .line(let answer) where Self.isYes(answer):
      return machine.handle(.abandon(partial: partial, at: now()))
    case .line, .endOfInput, .deadline:
      pendingText = partial
      repaint()
      return []
    case .interrupted:
      return machine.handle(.quit(partial: partial, at: now()))
    case .terminated:
      return hangUp(partial: partial)
    }
  }

  /// Saves the line being typed with the time used so far. Called every tick even when the
  /// text has not changed, so a resumed answer's clock goes on from the last second.
  private func saveDraft(_ text: String, for id: AskedQuestionID, elapsed: Duration) {
    guard !text.isEmpty || !lastDraft.isEmpty || machine.answer?.lines.isEmpty == false else { return }
    lastDraft = text
    // A draft that cannot be saved is not worth ending the drill for: the lines are kept on Enter.
    do {
      try store.saveDraft(Draft(text: text, elapsedSeconds: max(0, elapsed.seconds), savedAt: context.now()), for: id)
      draftWarning = nil
    } catch {
      // Said once, above the line being typed, not at every tick while the disk stays full.
      let reason = if case .full = error { context.messages.diskFull } else { context.messages.storeError(error) }
      guard reason != draftWarning else { return }
      draftWarning = reason
      input.showAbove {
        context.console.warning(context.messages.draftNotSaved(reason), label: context.messages.warningLabel)
      }
    }
  }

  /// The last reason a draft could not be saved, until one is saved again.
  private var draftWarning: String?

  /// The self-review being asked (from the machine's `review` effect).
  private var reviewRequest: ReviewRequest?

  /// The current answer's lines as shown when entered (`[01:23] > text`), for repaints.
  private var shownLines: [String] = []

  /// Set when a self-review is due on a terminal: it starts after Enter (`continueToReview`).
  private var reviewWaitsForEnter = false

  /// Reads the ratings line and one line per reflection prompt, then hands them over.
  private func readReview() -> [DrillEffect] {
    guard let current = reviewRequest else { return machine.handle(.review(ratings: nil, reflections: [], at: now())) }
    if reviewWaitsForEnter {
      reviewWaitsForEnter = false
      let prompt = context.messages.continueToReview
      var event = input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) }))
      while case .interrupted = event {
        if confirmEnd() { return machine.handle(.quit(partial: "", at: now())) }
        event = input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) }))
      }
      switch event {
      case .terminated:
        return hangUp()
      case .line, .endOfInput, .deadline, .interrupted:
        break
      }
      show(screens.review(current))
    }
    reviewRequest = nil
    let count = current.criteria.count
    var ratings: [String: Int]?
    var typed = ""
    // Ratings shown back for a check (flagged or unrated) and kept by Enter; `.some(nil)` keeps
    // the suggestions.
    var shown: [String: Int]??
    reading: while true {
      if inputEnded { return machine.handle(.review(ratings: nil, reflections: [], at: now())) }
      let prompt =
        shown == nil ? context.messages.ratingsPrompt(count: count) : context.messages.keepRatingsPrompt(count: count)
      let event = input.read(
        LineRequest(history: .rubric, prompt: { _ in PromptText(prompt) }, initialText: typed))
      typed = ""
      switch event {
      case .line(let text), .endOfInput(let text):
        if case .endOfInput = event, !input.isInteractive { inputEnded = true }
        let digits = text.filter { !$0.isWhitespace }
        if digits.isEmpty, let kept = shown {
          ratings = kept
          break reading
        } else if digits.isEmpty {
          ratings = nil
        } else if let parsed = Self.ratings(digits, criteria: current.criteria) {
          ratings = parsed
        } else {
          context.console.warning(context.messages.badRatings(count: count), label: context.messages.warningLabel)
          if input.isInteractive { continue }
          ratings = nil
        }
      case .deadline:
        ratings = nil
      case .interrupted(let partial):
        if confirmEnd() { return machine.handle(.quit(partial: "", at: now())) }
        typed = partial
        continue
      case .terminated:
        return hangUp()
      }
      // While the ratings can still be changed: ratings 2+ from the scorer's, and criteria that
      // would stay unrated (Enter accepts only the suggestions there are) — never silently.
      if input.isInteractive, !inputEnded {
        let given = ratings ?? current.suggestions
        let check = Calibration.compare(
          ratings: given, suggestions: current.suggestions, order: current.criteria.map(\.id))
        let unrated = current.criteria.filter { given[$0.id] == nil }
        if !check.flagged.isEmpty || !unrated.isEmpty {
          show(screens.ratingCheck(check, unrated: unrated))
          shown = .some(ratings)
          continue
        }
      }
      break
    }
    var reflections: [String?] = []
    for prompt in current.prompts {
      if inputEnded {
        reflections.append(nil)
        continue
      }
      let text = "\(prompt.text(context.language == .ja ? .ja : .en))\(context.messages.reviewSkipHint) > "
      var event = input.read(LineRequest(history: .reflection, prompt: { _ in PromptText(text) }))
      while case .interrupted(let partial) = event, !confirmEnd() {
        event = input.read(
          LineRequest(history: .reflection, prompt: { _ in PromptText(text) }, initialText: partial))
      }
      switch event {
      case .line(let line):
        reflections.append(line.trimmingCharacters(in: .whitespaces).isEmpty ? nil : line)
      case .endOfInput(let partial):
        if !input.isInteractive { inputEnded = true }
        reflections.append(partial.isEmpty ? nil : partial)
      case .deadline:
        reflections.append(nil)
      case .interrupted:
        return machine.handle(.quit(partial: "", at: now()))
      case .terminated:
        return hangUp()
      }
    }
    return machine.handle(.review(ratings: ratings, reflections: reflections, at: now()))
  }

  /// `43534` → ratings by criterion in order; `nil` unless there is one digit 1–5 per criterion.
  static func ratings(_ digits: String, criteria: [Rubric.Criterion]) -> [String: Int]? {
    let values = digits.compactMap(\.wholeNumberValue)
    guard values.count == digits.count, values.count == criteria.count, values.allSatisfy(Rubric.ratings.contains)
    else { return nil }
    return Dictionary(uniqueKeysWithValues: zip(criteria.map(\.id), values))
  }
}
