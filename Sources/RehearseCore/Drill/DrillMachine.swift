/// The timed drill as a state machine (DESIGN §3, §9): events that carry their time go in,
/// effects come out for the terminal layer to show and the store to keep. No clock, no
/// terminal, no database: time is a `Duration` since any fixed origin, given with each event,
/// so tests drive deadlines, think time and overtime without sleeping.
///
/// One question: `ask` → `think` (until `thinkOver`; at once without think time) → `answer` → lines (`keepLine` each) → submit →
/// `finishAnswer` (scored) → interviewer `followUp`s for what the answer missed → `review`
/// → next question; at the end, `finish` with the summary.
public struct DrillMachine: Sendable {
  public enum Phase: Equatable, Sendable {
    /// Before `begin`, or between questions.
    case ready
    case thinking(until: Duration)
    case answering
    case reviewing
    case finished(EndReason)
  }

  public let plan: DrillPlan
  private let scorer: Preloaded<Scorer>
  private let rubricSource: Preloaded<Rubric>
  /// The rubric; the shipped one is tested to load, so a failure here is an installation fault.
  private var rubric: Rubric {
    (try? rubricSource.value()) ?? Rubric(criteria: [], reflection: [])
  }
  public private(set) var phase: Phase = .ready
  /// The index of the question being asked in `plan.questions`.
  public private(set) var index = 0
  /// The answer being typed (the main one or a follow-up).
  public private(set) var answer: AnswerInProgress?
  /// Every question done so far.
  public private(set) var results: [QuestionResult] = []
  private var pendingFollowUps: [FollowUpAsk] = []
  private var current: QuestionResult?

  public init(plan: DrillPlan, scorer: Scorer, rubric: Rubric) {
    self.init(plan: plan, scorer: Preloaded(ready: scorer), rubric: Preloaded(ready: rubric))
  }

  /// With a scorer and rubric still being made (see `Preloaded`): the first answer waits for them.
  /// An answer the scorer could not score (its lexicons failed to load) ends without a report.
  public init(plan: DrillPlan, scorer: Preloaded<Scorer>, rubric: Preloaded<Rubric>) {
    self.plan = plan
    self.scorer = scorer
    rubricSource = rubric
  }

  public var question: DrillQuestion? { plan.questions.indices.contains(index) ? plan.questions[index] : nil }

  // MARK: Events

  public mutating func handle(_ event: DrillEvent) -> [DrillEffect] {
    switch (phase, event) {
    case (.ready, .begin(let now)):
      return ask(at: now)
    case (.ready, .resume(let resumed, let now)):
      return resume(resumed, at: now)
    case (.thinking, .thinkOver(let now)):
      return startAnswer(at: now, followUp: nil)
    case (.answering, .line(let text, let now)):
      return line(text, at: now)
    case (.answering, .submit(let now)):
      return submit(at: now, status: .answered)
    case (.answering, .deadline(let partial, let now)):
      // Only a strict clock ends the answer; a soft one runs into overtime.
      guard plan.options.strict else { return [] }
      return keepPartial(partial, at: now) + submit(at: now, status: .timedOut)
    case (.answering, .abandon(let partial, let now)):
      return keepPartial(partial, at: now) + submit(at: now, status: .abandoned)
    case (.thinking, .quit(_, let now)), (.reviewing, .quit(_, let now)), (.ready, .quit(_, let now)):
      return finish(.quit, at: now)
    case (.answering, .quit(let partial, let now)):
      var effects = keepPartial(partial, at: now)
      effects += close(at: now, status: answer?.lines.isEmpty == false ? .abandoned : .unanswered)
      effects += finish(.quit, at: now)
      return effects
    case (.reviewing, .review(let ratings, let reflections, let now)):
      return review(ratings: ratings, reflections: reflections, at: now)
    default:
      return []
    }
  }

  // MARK: Steps

  /// The unfinished line as the answer's last line, kept like any other.
  private mutating func keepPartial(_ partial: String, at now: Duration) -> [DrillEffect] {
    guard !partial.isEmpty, var answer else { return [] }
    answer.lines.append(partial)
    self.answer = answer
    return [.keepLine(index: answer.lines.count - 1, text: partial, elapsed: now - answer.startedAt)]
  }

  private mutating func ask(at now: Duration) -> [DrillEffect] {
    guard let question else { return finish(.finished, at: now) }
    current = QuestionResult(question: question)
    pendingFollowUps = []
    // Even without think time the answer clock starts with `thinkOver`, once the question is
    // on screen and kept, not while it is being written.
    let until = now + .seconds(question.thinkSeconds)
    phase = .thinking(until: until)
    return [.ask(question), .think(until: until)]
  }

  private mutating func resume(_ resumed: ResumedQuestion, at now: Duration) -> [DrillEffect] {
    guard plan.questions.indices.contains(resumed.index) else { return finish(.finished, at: now) }
    index = resumed.index
    results = resumed.earlier
    pendingFollowUps = []
    let question = plan.questions[index]
    current = resumed.current ?? QuestionResult(question: question)
    switch resumed.step {
    case .asking:
      current = nil
      return ask(at: now)
    case .reviewing:
      return [.ask(question)] + afterQuestion(at: now)
    case .answering(let followUp, let lines, let draft, let elapsed):
      // The clock goes on from where it stopped: the time already used counts.
      let startedAt = now - elapsed
      let limit = followUp == nil ? question.answerSeconds : Self.followUpSeconds(question.answerSeconds)
      answer = AnswerInProgress(
        followUp: followUp, startedAt: startedAt, deadline: startedAt + .seconds(limit), limitSeconds: limit,
        lines: lines)
      if let followUp, let report = current?.combinedReport {
        // The other follow-ups the answer still calls for come after this one.
        let asked = Set((current?.followUps.compactMap(\.followUp?.category) ?? []) + [followUp.category])
        pendingFollowUps = followUps(for: report).filter { !asked.contains($0.category) }
      }
      phase = .answering
      return [.ask(question)] + (followUp.map { [.followUp($0)] } ?? [])
        + [.answer(answer!, strict: plan.options.strict, draft: draft)]
    }
  }

  private mutating func startAnswer(at now: Duration, followUp: FollowUpAsk?) -> [DrillEffect] {
    guard let question else { return [] }
    let limit = followUp.map { _ in Self.followUpSeconds(question.answerSeconds) } ?? question.answerSeconds
    answer = AnswerInProgress(
      followUp: followUp, startedAt: now, deadline: now + .seconds(limit), limitSeconds: limit, lines: [])
    phase = .answering
    return [.answer(answer!, strict: plan.options.strict, draft: "")]
  }

  /// A follow-up gets half the question's time, at least 30 seconds (or the whole time, when
  /// that is shorter).
  public static func followUpSeconds(_ answerSeconds: Int) -> Int { max(min(30, answerSeconds), answerSeconds / 2) }

  private mutating func line(_ text: String, at now: Duration) -> [DrillEffect] {
    guard var answer else { return [] }
    let command = text.trimmingCharacters(in: .whitespaces)
    switch command.lowercased() {
    case "": return submit(at: now, status: .answered)
    case ":skip": return submit(at: now, status: .skipped)
    case ":repeat": return [.repeatQuestion]
    case ":hint":
      answer.hintUsed = true
      self.answer = answer
      return [.hint(question?.question.answerPoints ?? [])]
    case ":quit":
      return handle(.quit(partial: "", at: now))
    case let other where other.count > 1 && other.hasPrefix(":") && other.dropFirst().allSatisfy(\.isLetter):
      // A mistyped command is not answer text.
      return [.unknownCommand(command)]
    default:
      answer.lines.append(text)
      self.answer = answer
      return [.keepLine(index: answer.lines.count - 1, text: text, elapsed: now - answer.startedAt)]
    }
  }

  private mutating func submit(at now: Duration, status: AnswerStatus) -> [DrillEffect] {
    guard let answer else { return [] }
    var effects = close(at: now, status: status)
    let text = answer.text
    // Follow-ups only for a main answer with words in it.
    if answer.followUp == nil, status == .answered || status == .timedOut, !text.isEmpty,
      let report = effects.lastReport
    {
      pendingFollowUps = followUps(for: report)
    } else if let followUp = answer.followUp, let report = current?.combinedReport {
      // A follow-up answer that already covered the next category makes its question moot.
      pendingFollowUps.removeAll { report[$0.category].present }
      if let deeper = deeperProbe(after: followUp, report: report) { pendingFollowUps.insert(deeper, at: 0) }
    }
    if !pendingFollowUps.isEmpty {
      let next = pendingFollowUps.removeFirst()
      effects.append(.followUp(next))
      effects += startAnswer(at: now, followUp: next)
      return effects
    }
    return effects + afterQuestion(at: now)
  }

  /// Ends the answer being typed: the record to keep, scored when it has words.
  private mutating func close(at now: Duration, status: AnswerStatus) -> [DrillEffect] {
    guard let answer, let question else { return [] }
    self.answer = nil
    let text = answer.text
    var status = status
    if text.isEmpty, status == .answered || status == .timedOut || status == .abandoned { status = .unanswered }
    let used = now - answer.startedAt
    let limit = Duration.seconds(answer.limitSeconds)
    // A reverse question (逆質問) is the candidate's question to the interviewer: why and
    // reproducibility do not apply, so it is kept but not scored. An abandoned answer (Ctrl-C,
    // then y or Ctrl-C again) is kept as typed but not scored either: a half answer has no
    // total, on screen, in `history` or in `show`.
    let scored =
      !text.isEmpty && status != .skipped && status != .abandoned && question.question.kind != .reverseQuestion
    let report: ScoreReport? =
      !scored
      ? nil
      : try? scorer.value().checkedScore(
        text,
        context: ScoringContext(
          question: answer.followUp?.text ?? question.question.text, kind: question.question.kind,
          answerSeconds: answer.limitSeconds, company: question.judgedCompany))
    let record = AnswerRecord(
      followUp: answer.followUp, text: text, lines: answer.lines, status: status,
      seconds: used.seconds, limitSeconds: answer.limitSeconds,
      timedOut: status == .timedOut, overtimeSeconds: status == .timedOut ? 0 : max(0, (used - limit).seconds),
      hintUsed: answer.hintUsed,
      report: report)
    if answer.followUp == nil {
      current?.main = record
    } else {
      current?.followUps.append(record)
    }
    return [.finishAnswer(record)]
  }

  /// The bank's follow-ups for reasoning and reproducibility, when the answer missed them;
  /// which of a category's questions is asked follows the seed.
  func followUps(for report: ScoreReport) -> [FollowUpAsk] {
    guard let question else { return [] }
    var random = SplitMix64(seed: plan.options.seed &+ UInt64(question.number))
    return [ScoreCategory.reasoning, .reproducibility].compactMap { category in
      guard !report[category].present else { return nil }
      // The bank's own follow-ups; in a mock interview without them, the interviewer's probes,
      // which dig into a story (a question that asks for a result): not into an introduction,
      // a motivation or a case.
      let own = question.question.followUps(for: category)
      let probes = question.question.kind.asks.contains(.evidence) ? plan.interviewer?.probes(category, level: 1) : nil
      let candidates = own.isEmpty ? probes ?? [] : own
      guard !candidates.isEmpty else { return nil }
      let text = candidates[Int(random.next() % UInt64(candidates.count))]
      return FollowUpAsk(category: category, text: text)
    }
  }

  /// In a mock interview past the first stage, the second probe into a category the answer to
  /// the first still lacks: two levels at most, and once per question (three follow-ups at
  /// most), into a story.
  func deeperProbe(after followUp: FollowUpAsk, report: ScoreReport) -> FollowUpAsk? {
    guard let interviewer = plan.interviewer, interviewer.depth >= 2, let question,
      question.question.kind.asks.contains(.evidence), !report[followUp.category].present,
      let asked = current?.followUps.compactMap(\.followUp?.category),
      asked.count(where: { $0 == followUp.category }) == 1,
      Set(asked).count == asked.count
    else { return nil }
    let probes = interviewer.probes(followUp.category, level: 2)
    guard !probes.isEmpty else { return nil }
    var random = SplitMix64(seed: plan.options.seed &+ UInt64(question.number) &+ 0x9E37)
    return FollowUpAsk(category: followUp.category, text: probes[Int(random.next() % UInt64(probes.count))])
  }

  private mutating func afterQuestion(at now: Duration) -> [DrillEffect] {
    guard let current else { return [] }
    let answered = current.main.map { $0.report != nil } ?? false
    if plan.options.review, answered {
      phase = .reviewing
      return [.review(reviewRequest(for: current))]
    }
    return next(at: now)
  }

  /// The criteria for this question with the scorer's view of each as a suggestion.
  func reviewRequest(for result: QuestionResult) -> ReviewRequest {
    let question = result.question.question
    let criteria = result.question.reviewCriteria(
      rubric.criteria(for: question.kind, isFailure: result.combinedReport?.failureReview != nil))
    var suggestions: [String: Int] = [:]
    if let report = result.combinedReport {
      suggestions = Calibration.suggestions(
        for: criteria, report: report, hasCompany: result.question.judgedCompany != nil)
    }
    return ReviewRequest(criteria: criteria, suggestions: suggestions, prompts: rubric.reflection)
  }

  private mutating func review(ratings: [String: Int]?, reflections: [String?], at now: Duration) -> [DrillEffect] {
    guard var current else { return [] }
    let request = reviewRequest(for: current)
    // Enter alone accepts the suggestions; a criterion the scorer cannot judge then stays unrated.
    let given = ratings ?? request.suggestions
    let record = ReviewRecord(
      ratings: given, reflections: reflections,
      calibration: Calibration.compare(
        ratings: given, suggestions: request.suggestions, order: request.criteria.map(\.id)),
      criteria: request.criteria.map(\.id))
    current.review = record
    self.current = current
    return [.reviewed(record)] + next(at: now)
  }

  private mutating func next(at now: Duration) -> [DrillEffect] {
    if let current { results.append(current) }
    current = nil
    index += 1
    phase = .ready
    guard index < plan.questions.count else { return finish(.finished, at: now) }
    return ask(at: now)
  }

  private mutating func finish(_ end: EndReason, at now: Duration) -> [DrillEffect] {
    if let current, current.main != nil { results.append(current) }
    current = nil
    answer = nil
    phase = .finished(end)
    return [.finish(DrillSummary(plan: plan, results: results), end)]
  }
}

// MARK: - Events and effects

public enum DrillEvent: Equatable, Sendable {
  /// Ask the next question (the first, at the start).
  case begin(at: Duration)
  /// Continue an interrupted drill at a question, with what was typed before.
  case resume(ResumedQuestion, at: Duration)
  /// Think time is over (its clock ran out, or Enter).
  case thinkOver(at: Duration)
  /// A line of the answer, or an in-answer command on its own line (`:skip`, `:repeat`,
  /// `:hint`, `:quit`); an empty line submits.
  case line(String, at: Duration)
  /// Ctrl-D on an empty line.
  case submit(at: Duration)
  /// The answer clock reached zero with `partial` typed on the current line.
  case deadline(partial: String, at: Duration)
  /// The person chose to abandon this answer (after Ctrl-C).
  case abandon(partial: String, at: Duration)
  /// End the drill, keeping everything so far (`:quit`, Ctrl-C twice, SIGTERM).
  case quit(partial: String, at: Duration)
  /// The self-review: ratings by criterion id (`nil` accepts the suggestions) and one
  /// optional reflection per prompt.
  case review(ratings: [String: Int]?, reflections: [String?], at: Duration)
}

public enum DrillEffect: Equatable, Sendable {
  /// Show the question with its company, stage and number.
  case ask(DrillQuestion)
  /// Think time runs until then (Enter ends it).
  case think(until: Duration)
  /// Read the answer: its clock, and text to put back on the line (a resumed draft).
  case answer(AnswerInProgress, strict: Bool, draft: String)
  /// A line was accepted: keep it now.
  case keepLine(index: Int, text: String, elapsed: Duration)
  case repeatQuestion
  /// A line that looks like a command but is none (`:hnit`); it is not kept.
  case unknownCommand(String)
  /// The question's answer points (empty when the bank has none).
  case hint([String])
  /// An answer ended: keep it and show its score.
  case finishAnswer(AnswerRecord)
  /// The interviewer asks about what the answer missed.
  case followUp(FollowUpAsk)
  case review(ReviewRequest)
  case reviewed(ReviewRecord)
  case finish(DrillSummary, EndReason)
}

/// How a drill (a stored session) ended.
public enum EndReason: String, CaseIterable, Equatable, Sendable {
  /// Every planned question was asked.
  case finished
  /// The person stopped early, everything so far kept.
  case quit
  /// The drill was cut off (a signal, a closed terminal) and closed without being resumed.
  case interrupted
}

/// How an answer ended.
public enum AnswerStatus: String, CaseIterable, Equatable, Sendable {
  /// Submitted by the person (an empty line or Ctrl-D).
  case answered
  /// Passed over without an answer (`:skip`).
  case skipped
  /// Left unfinished: abandoned after Ctrl-C, or the drill ended while it was being typed.
  case abandoned
  /// Submitted by the clock at a strict deadline, as typed so far.
  case timedOut = "timed_out"
  /// Never answered.
  case unanswered

  /// Whether the answer counts as given (and its score in the session's mean).
  public var isAnswered: Bool { self == .answered || self == .timedOut }
}

/// The answer being typed.
public struct AnswerInProgress: Equatable, Sendable {
  public var followUp: FollowUpAsk?
  public var startedAt: Duration
  /// When the clock reaches zero (soft: overtime starts; strict: the answer is submitted).
  public var deadline: Duration
  public var limitSeconds: Int
  public var lines: [String]
  public var hintUsed = false

  public var text: String { lines.joined(separator: "\n") }
}

public struct FollowUpAsk: Equatable, Sendable {
  public var category: ScoreCategory
  public var text: String

  public init(category: ScoreCategory, text: String) {
    self.category = category
    self.text = text
  }
}

/// One answer as it ended.
public struct AnswerRecord: Equatable, Sendable {
  public var followUp: FollowUpAsk?
  public var text: String
  public var lines: [String]
  public var status: AnswerStatus
  public var seconds: Double
  public var limitSeconds: Int
  /// Cut by a strict clock.
  public var timedOut: Bool
  /// Seconds past the limit (soft clock).
  public var overtimeSeconds: Double
  public var hintUsed: Bool
  /// `nil` for an empty or skipped answer.
  public var report: ScoreReport?

  public init(
    followUp: FollowUpAsk?, text: String, lines: [String], status: AnswerStatus, seconds: Double, limitSeconds: Int,
    timedOut: Bool, overtimeSeconds: Double, hintUsed: Bool, report: ScoreReport?
  ) {
    self.followUp = followUp
    self.text = text
    self.lines = lines
    self.status = status
    self.seconds = seconds
    self.limitSeconds = limitSeconds
    self.timedOut = timedOut
    self.overtimeSeconds = overtimeSeconds
    self.hintUsed = hintUsed
    self.report = report
  }
}

public struct ReviewRequest: Equatable, Sendable {
  public var criteria: [Rubric.Criterion]
  /// The scorer's view on the 1–5 scale, by criterion id, where it has one.
  public var suggestions: [String: Int]
  public var prompts: [Rubric.Prompt]
}

public struct ReviewRecord: Equatable, Sendable {
  public var ratings: [String: Int]
  public var reflections: [String?]
  public var calibration: Calibration
  /// The criteria the person was asked to rate (some may have been left unrated).
  public var criteria: [String]

  public init(ratings: [String: Int], reflections: [String?], calibration: Calibration, criteria: [String] = []) {
    self.ratings = ratings
    self.reflections = reflections
    self.calibration = calibration
    self.criteria = criteria
  }

  /// Criteria asked but left without a rating.
  public var unrated: [String] { criteria.filter { ratings[$0] == nil } }
}

/// What to continue from after a drill was interrupted.
public struct ResumedQuestion: Equatable, Sendable {
  public enum Step: Equatable, Sendable {
    /// Ask the question afresh (the one after the last finished).
    case asking
    /// Go on typing an answer: the main one, or the follow-up given.
    case answering(followUp: FollowUpAsk?, lines: [String], draft: String, elapsed: Duration)
    /// Every answer of the question is in; its self-review is not.
    case reviewing
  }

  /// The index in the plan of the question to continue.
  public var index: Int
  public var step: Step
  /// What the question has so far (its main answer, when a follow-up or the review is next).
  public var current: QuestionResult?
  /// The questions finished before it.
  public var earlier: [QuestionResult]

  public init(index: Int, step: Step, current: QuestionResult? = nil, earlier: [QuestionResult]) {
    self.index = index
    self.step = step
    self.current = current
    self.earlier = earlier
  }
}

/// One question of the drill with its answer, follow-ups and self-review.
public struct QuestionResult: Equatable, Sendable {
  public var question: DrillQuestion
  public var main: AnswerRecord?
  public var followUps: [AnswerRecord] = []
  public var review: ReviewRecord?

  public init(
    question: DrillQuestion, main: AnswerRecord? = nil, followUps: [AnswerRecord] = [], review: ReviewRecord? = nil
  ) {
    self.question = question
    self.main = main
    self.followUps = followUps
    self.review = review
  }

  /// Per category, the best level the answer and its follow-ups reached together: a reason
  /// given when the interviewer asked for it still counts for the question.
  public var combinedReport: ScoreReport? {
    guard var report = main?.report else { return nil }
    for followUp in followUps {
      guard let other = followUp.report else { continue }
      for (category, result) in other.categories where result.level > report[category].level {
        report.categories[category] = result
      }
      if let review = other.failureReview, let mine = report.failureReview, review.level > mine.level {
        report.failureReview = review
      }
    }
    return report
  }
}

extension [DrillEffect] {
  var lastReport: ScoreReport? {
    for effect in reversed() {
      if case .finishAnswer(let record) = effect { return record.report }
    }
    return nil
  }
}

extension Duration {
  /// Seconds as a `Double`.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
