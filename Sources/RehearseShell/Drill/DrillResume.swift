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
    guard let bank = catalog.bank(id: session.companyID)?.bank,
      let plan = try? DrillPlan(bank: bank, options: session.settings.options),
      let point = resumePoint(transcript, plan: plan)
    else {
      context.console.message(context.messages.resumeUnavailable(company: session.companyName))
      try close(session.id, store: store)
      return false
    }
    let number = min(point.index + 1, plan.questions.count)
    context.console.message(
      context.messages.resumeOffer(
        company: session.companyName, number: number, total: plan.questions.count,
        started: context.dates.minute(session.startedAt)))
    let prompt = context.messages.resumePrompt
    input.begin()
    switch input.read(LineRequest(history: .form, prompt: { _ in PromptText(prompt) })) {
    case .line(let answer):
      if ["n", "no", "いいえ"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) {
        try close(session.id, store: store)
        return false
      }
    case .endOfInput:
      // Ctrl-D: not now; it is offered again next time.
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
    // Questions already done count in the summary; their reports are scored again from the text.
    let scorer = try DrillCommand.scorer.value()
    let machine = DrillMachine(plan: plan, scorer: DrillCommand.scorer, rubric: DrillCommand.rubric)
    let earlier = transcript.questions.filter { $0.position - 1 < point.index }.compactMap {
      result(for: $0, plan: plan, scorer: scorer)
    }
    let resumed = ResumedQuestion(
      index: point.index, lines: point.lines, draft: point.draft, elapsed: point.elapsed, earlier: earlier)
    let runner = DrillRunner(
      context: context, store: store, input: input, session: .existing(session.id), machine: machine)
    _ = try runner.run(resume: (resumed, point.askedID))
    return true
  }

  /// Where to continue: the first main question without an ending, with what was typed. A
  /// follow-up cut off mid-answer is kept as abandoned and the drill goes on with the next
  /// question. `nil` when the stored questions do not match the plan (the bank changed).
  struct Point {
    var index: Int
    var askedID: AskedQuestionID?
    var lines: [String]
    var draft: String
    var elapsed: Duration
  }

  static func resumePoint(_ transcript: Transcript, plan: DrillPlan) -> Point? {
    for question in transcript.questions {
      let index = question.position - 1
      guard plan.questions.indices.contains(index),
        question.bankQuestionID == nil || question.bankQuestionID == plan.questions[index].question.id
      else { return nil }
    }
    guard let open = transcript.questions.first(where: { $0.outcome == nil }) else {
      let next = transcript.questions.map(\.position).max() ?? 0
      return next < plan.questions.count
        ? Point(index: next, askedID: nil, lines: [], draft: "", elapsed: .zero) : nil
    }
    let elapsed = open.draft?.elapsedSeconds ?? open.lines.last?.elapsedSeconds ?? 0
    return Point(
      index: open.position - 1, askedID: open.id, lines: open.lines.map(\.text), draft: open.draft?.text ?? "",
      elapsed: .milliseconds(Int64(elapsed * 1000)))
  }

  static func result(for asked: AskedQuestion, plan: DrillPlan, scorer: Scorer) -> QuestionResult? {
    guard plan.questions.indices.contains(asked.position - 1), let outcome = asked.outcome else { return nil }
    let question = plan.questions[asked.position - 1]
    func record(_ asked: AskedQuestion, followUp: FollowUpAsk?) -> AnswerRecord? {
      guard let outcome = asked.outcome else { return nil }
      let report =
        outcome.status.isAnswered && !outcome.text.isEmpty
        ? scorer.score(
          outcome.text,
          context: ScoringContext(
            question: asked.text, kind: question.question.kind, answerSeconds: asked.answerSeconds,
            company: plan.company)) : nil
      return AnswerRecord(
        followUp: followUp, text: outcome.text, lines: asked.lines.map(\.text), status: outcome.status,
        seconds: outcome.secondsUsed, limitSeconds: asked.answerSeconds, timedOut: outcome.timedOut,
        overtimeSeconds: outcome.overtimeSeconds, hintUsed: outcome.hintUsed, report: report)
    }
    guard outcome.status != .unanswered || !asked.lines.isEmpty else { return nil }
    var result = QuestionResult(question: question, main: record(asked, followUp: nil))
    result.followUps = asked.followUps.compactMap { followUp in
      record(followUp, followUp: followUp.followUpCategory.map { FollowUpAsk(category: $0, text: followUp.text) })
    }
    if let review = asked.review {
      let ratings = review.ratings
      let criteria = (try? Rubric.shipped())?.criteria(for: question.question.kind) ?? []
      let suggestions =
        result.combinedReport.map { Calibration.suggestions(for: criteria, report: $0, hasCompany: true) } ?? [:]
      result.review = ReviewRecord(
        ratings: ratings, reflections: [review.whatWentWrong, review.why, review.nextTime],
        calibration: Calibration.compare(ratings: ratings, suggestions: suggestions, order: criteria.map(\.id)))
    }
    return result
  }

  private static func close(_ id: SessionID, store: Store) throws {
    do {
      try store.finishSession(id, reason: .interrupted, at: Date())
    } catch {
      throw RehearseError(error)
    }
  }
}
