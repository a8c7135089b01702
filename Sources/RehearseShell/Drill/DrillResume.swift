import Foundation
import RehearseCore
import RehearseStore

/// Picking up a drill whose process was killed (DESIGN §7): the same plan is drawn again from
/// the stored seed and settings, and the answer goes on with its lines, its draft and the time
/// already used.
@MainActor enum DrillResume {
  /// Offers the newest unfinished drill whose process is gone; runs it when the person says yes
  /// (returns `true`), closes it as interrupted when they say no.
  static func offer(context: AppContext, store: Store, input: any LineInput, catalog: BankCatalog? = nil) throws -> Bool
  {
    let sessions: [Transcript]
    do {
      sessions = try store.resumableSessions()
    } catch {
      throw RehearseError(error)
    }
    guard let transcript = sessions.first else { return false }
    let session = transcript.session
    let catalog = catalog ?? context.loadBanks(extra: [])
    guard
      let plan = plan(mode: session.mode, companyID: session.companyID, settings: session.settings, catalog: catalog),
      transcript.questions.allSatisfy({ matches($0, plan: plan) })
    else {
      context.console.message(context.messages.resumeUnavailable(company: session.companyName))
      try close(session.id, reason: .interrupted, store: store, at: context.now())
      return false
    }
    let scorer = try DrillCommand.scorer.value()
    guard let point = resumePoint(transcript, plan: plan, scorer: scorer) else {
      // Every question was answered and reviewed: only the ending was not written.
      try close(session.id, reason: .finished, store: store, at: context.now())
      return false
    }
    context.console.message(
      context.messages.resumeOffer(
        company: session.companyName, number: point.resumed.index + 1, total: plan.questions.count,
        started: context.dates.minute(session.startedAt)))
    let prompt = context.messages.resumePrompt
    input.begin()
    switch input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) })) {
    case .line(let answer):
      if ["n", "no", "いいえ"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) {
        try close(session.id, reason: .interrupted, store: store, at: context.now())
        // Said, not silent: what happened to the drill and where its answers are.
        context.console.message(context.messages.resumeDeclined(sessionID: String(session.id.rawValue)))
        return false
      }
    case .endOfInput:
      // Ctrl-D: not now; it is offered again next time.
      context.console.write("\n")
      return false
    case .interrupted, .terminated, .deadline:
      input.end()
      return true
    }
    do {
      guard try store.claim(session.id, pid: getpid()) else { return false }
    } catch {
      throw RehearseError(error)
    }
    let machine = DrillMachine(plan: plan, scorer: DrillCommand.scorer, rubric: DrillCommand.rubric)
    let runner = DrillRunner(
      context: context, store: store, input: input, session: .existing(session.id), machine: machine)
    if session.mode == .mock, let script = plan.interviewer?.script {
      runner.extras = MockCommand.extras(plan: plan, script: script, context: context)
    }
    if session.mode == .retry {
      runner.extras = try RetryCommand.extras(
        context: context, store: store, cards: plan.questions.map(\.card), before: session.startedAt)
    }
    _ = try runner.run(resume: point)
    return true
  }

  /// The plan a stored session ran, drawn again from its settings: one bank's draw, or for daily
  /// practice and retries the exact questions (`bank/question`) across banks. Nil when a bank
  /// or question is gone.
  static func plan(mode: SessionMode, companyID: String, settings: DrillSettings, catalog: BankCatalog) -> DrillPlan? {
    let options = settings.options
    if mode == .mock {
      guard let bank = catalog.bank(id: companyID)?.bank, let script = try? InterviewerScript.shipped() else {
        return nil
      }
      return try? DrillPlan(mock: bank, options: options, script: script)
    }
    guard mode == .daily || mode == .retry else {
      guard let bank = catalog.bank(id: companyID)?.bank else { return nil }
      return try? DrillPlan(bank: bank, options: options)
    }
    var cards: [(bank: QuestionBank, question: Question)] = []
    for id in settings.questions {
      guard let card = CardID(id), let bank = catalog.bank(id: card.bank)?.bank,
        let question = bank.questions.first(where: { $0.id == card.question })
      else { return nil }
      cards.append((bank, question))
    }
    return try? DrillPlan(practice: cards, options: options)
  }

  /// Where to continue and the stored rows the continued question already has.
  struct Point {
    var resumed: ResumedQuestion
    var mainID: AskedQuestionID?
    var followUpID: AskedQuestionID?
  }

  /// Whether a stored question is the plan's question at its position (else the bank changed).
  static func matches(_ asked: AskedQuestion, plan: DrillPlan) -> Bool {
    let index = asked.position - 1
    return plan.questions.indices.contains(index)
      && (asked.bankQuestionID == nil || asked.bankQuestionID == plan.questions[index].question.id)
  }

  /// The first step not done: an answer being typed (main or follow-up), a missing self-review,
  /// or the next question. `nil` when the drill was complete.
  static func resumePoint(_ transcript: Transcript, plan: DrillPlan, scorer: Scorer) -> Point? {
    var earlier: [QuestionResult] = []
    for main in transcript.questions.sorted(by: { $0.position < $1.position }) {
      let index = main.position - 1
      let question = plan.questions[index]
      guard main.outcome != nil else {
        if main.lines.isEmpty, (main.draft?.text ?? "").isEmpty {
          // Stopped before a word of the answer (in think time): the question is asked again,
          // think time and all, on its stored row.
          return Point(resumed: ResumedQuestion(index: index, step: .asking, earlier: earlier), mainID: main.id)
        }
        return Point(
          resumed: ResumedQuestion(index: index, step: typing(main, followUp: nil), earlier: earlier),
          mainID: main.id)
      }
      let current = result(for: main, plan: plan, scorer: scorer)
      if let open = main.followUps.first(where: { $0.outcome == nil }), let category = open.followUpCategory {
        return Point(
          resumed: ResumedQuestion(
            index: index, step: typing(open, followUp: FollowUpAsk(category: category, text: open.text)),
            current: current, earlier: earlier),
          mainID: main.id, followUpID: open.id)
      }
      if plan.options.review, main.review == nil, current?.main?.report != nil,
        question.question.kind != .reverseQuestion
      {
        return Point(
          resumed: ResumedQuestion(index: index, step: .reviewing, current: current, earlier: earlier),
          mainID: main.id)
      }
      if let current { earlier.append(current) }
    }
    let next = transcript.questions.map(\.position).max() ?? 0
    guard next < plan.questions.count else { return nil }
    return Point(resumed: ResumedQuestion(index: next, step: .asking, earlier: earlier))
  }

  /// An answer being typed, as stored: its lines, the draft, the time used.
  static func typing(_ asked: AskedQuestion, followUp: FollowUpAsk?) -> ResumedQuestion.Step {
    let elapsed = asked.draft?.elapsedSeconds ?? asked.lines.last?.elapsedSeconds ?? 0
    return .answering(
      followUp: followUp, lines: asked.lines.map(\.text), draft: asked.draft?.text ?? "",
      elapsed: .milliseconds(Int64(elapsed * 1000)))
  }

  /// A finished question rebuilt from the store; the reports are scored again from the text.
  static func result(for asked: AskedQuestion, plan: DrillPlan, scorer: Scorer) -> QuestionResult? {
    guard plan.questions.indices.contains(asked.position - 1), asked.outcome != nil else { return nil }
    let question = plan.questions[asked.position - 1]
    func record(_ asked: AskedQuestion, followUp: FollowUpAsk?) -> AnswerRecord? {
      guard let outcome = asked.outcome else { return nil }
      let report =
        outcome.status.isAnswered && !outcome.text.isEmpty && question.question.kind != .reverseQuestion
        ? scorer.score(
          outcome.text,
          context: ScoringContext(
            question: asked.text, kind: question.question.kind, answerSeconds: asked.answerSeconds,
            company: question.judgedCompany)) : nil
      return AnswerRecord(
        followUp: followUp, text: outcome.text, lines: asked.lines.map(\.text), status: outcome.status,
        seconds: outcome.secondsUsed, limitSeconds: asked.answerSeconds, timedOut: outcome.timedOut,
        overtimeSeconds: outcome.overtimeSeconds, hintUsed: outcome.hintUsed, report: report)
    }
    var result = QuestionResult(question: question, main: record(asked, followUp: nil))
    result.followUps = asked.followUps.compactMap { followUp in
      record(followUp, followUp: followUp.followUpCategory.map { FollowUpAsk(category: $0, text: followUp.text) })
    }
    if let review = asked.review {
      let ratings = review.ratings
      let criteria = question.reviewCriteria(
        (try? DrillCommand.rubric.value())?.criteria(for: question.question.kind) ?? [])
      let suggestions =
        result.combinedReport.map {
          Calibration.suggestions(for: criteria, report: $0, hasCompany: question.judgedCompany != nil)
        } ?? [:]
      result.review = ReviewRecord(
        ratings: ratings, reflections: [review.whatWentWrong, review.why, review.nextTime],
        calibration: Calibration.compare(ratings: ratings, suggestions: suggestions, order: criteria.map(\.id)),
        criteria: criteria.map(\.id))
    }
    return result
  }

  private static func close(_ id: SessionID, reason: EndReason, store: Store, at date: Date) throws {
    do {
      try store.finishSession(id, reason: reason, at: date)
    } catch {
      throw RehearseError(error)
    }
  }
}
