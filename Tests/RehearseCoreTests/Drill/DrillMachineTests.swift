import RehearseCore
import Testing

/// A small bank: two stages, think time on one question, follow-ups on another.
enum DrillFixture {
  static let bank = QuestionBank(
    company: Company(id: "acme", name: "Acme", language: .en, type: .fictional, values: ["Customers first"]),
    questions: [
      Question(
        id: "why-us", text: "Why do you want to join us?", stage: "first", kind: .motivation, answerSeconds: 60,
        thinkSeconds: 10),
      Question(
        id: "decision", text: "Tell me about a decision you made.", stage: "first", kind: .decision, answerSeconds: 90,
        thinkSeconds: 0,
        followUps: [
          FollowUp(category: .reasoning, questions: ["Why did you decide that?"]),
          FollowUp(category: .reproducibility, questions: ["Could you do that here?"]),
        ],
        answerPoints: ["The options you weighed", "Why you chose"]),
      Question(id: "failure", text: "Tell me about a failure.", stage: "second", kind: .failure, thinkSeconds: 0),
      Question(id: "plan", text: "Where do you see yourself?", stage: "final", kind: .careerPlan, thinkSeconds: 0),
    ],
    path: "acme.yaml")

  static func machine(_ options: DrillOptions) throws -> DrillMachine {
    DrillMachine(
      plan: try DrillPlan(bank: bank, options: options), scorer: try Scorer.shipped(), rubric: try Rubric.shipped())
  }

  /// Options that start with the decision question and no think time.
  static func decisionFirst(strict: Bool = false, review: Bool = false) -> DrillOptions {
    DrillOptions(stage: "first", count: 1, thinkSeconds: 0, strict: strict, seed: seedForDecisionFirst, review: review)
  }

  static var seedForDecisionFirst: UInt64 {
    (0..<100).first { seed in
      (try? DrillPlan(bank: bank, options: DrillOptions(stage: "first", count: 1, seed: seed)))?
        .questions.first?.question.id == "decision"
    } ?? 0
  }
}

func at(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }

@Suite("The drill state machine (a controlled clock, no sleeping)")
struct DrillMachineTests {
  @Test("questions come in stage order, shuffled within a stage by the seed, the count shared across stages")
  func plan() throws {
    let a = try DrillPlan(bank: DrillFixture.bank, options: DrillOptions(count: 3, seed: 7))
    let b = try DrillPlan(bank: DrillFixture.bank, options: DrillOptions(count: 3, seed: 7))
    #expect(a == b)
    #expect(a.questions.map(\.stage.id) == ["first", "second", "final"])
    #expect(a.questions.map(\.number) == [1, 2, 3])
    let orders = Set(
      (0..<20).map { seed in
        try! DrillPlan(bank: DrillFixture.bank, options: DrillOptions(stage: "first", seed: UInt64(seed))).questions
          .map(\.question.id)
      })
    #expect(orders.count == 2, "both orders of the first stage occur")
    #expect(throws: DrillPlan.Problem.unknownStage("third", known: ["first", "second", "final"])) {
      try DrillPlan(bank: DrillFixture.bank, options: DrillOptions(stage: "third", seed: 1))
    }
    let timed = try DrillPlan(
      bank: DrillFixture.bank, options: DrillOptions(answerSeconds: 45, thinkSeconds: 5, seed: 1))
    #expect(timed.questions.allSatisfy { $0.answerSeconds == 45 && $0.thinkSeconds == 5 })
  }

  @Test("think time counts down, then the answer clock starts when it ends or on Enter")
  func thinkTime() throws {
    let options = DrillOptions(stage: "first", count: 2, seed: 3, review: false)
    var machine = try DrillFixture.machine(options)
    let effects = machine.handle(.begin(at: at(0)))
    guard let first = machine.question else { Issue.record("no question"); return }
    if first.thinkSeconds > 0 {
      #expect(effects == [.ask(first), .think(until: at(10))])
      #expect(machine.phase == .thinking(until: at(10)))
      let started = machine.handle(.thinkOver(at: at(4)))
      guard case .answer(let answer, strict: false, draft: "") = started.first else {
        Issue.record("answer clock did not start: \(started)")
        return
      }
      #expect(answer.startedAt == at(4))
      #expect(answer.deadline == at(64))
    } else {
      #expect(effects == [.ask(first), .think(until: at(0))], "no think time: the clock starts on thinkOver")
      #expect(machine.phase == .thinking(until: at(0)))
    }
  }

  @Test("a soft deadline lets the answer go on and records the overtime")
  func softOvertime() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    #expect(machine.handle(.line("I chose the cheaper vendor.", at: at(50))).count == 1)
    #expect(machine.handle(.deadline(partial: "because", at: at(90))) == [], "a soft clock does not cut")
    #expect(machine.phase == .answering)
    _ = machine.handle(.line("because it halved our costs.", at: at(100)))
    let effects = machine.handle(.submit(at: at(102)))
    guard case .finishAnswer(let record) = effects.first else { Issue.record("\(effects)"); return }
    #expect(record.status == .answered)
    #expect(record.seconds == 102)
    #expect(record.overtimeSeconds == 12)
    #expect(!record.timedOut)
    #expect(record.lines == ["I chose the cheaper vendor.", "because it halved our costs."])
  }

  @Test("a strict deadline submits the answer as typed, the partial line included")
  func strictSubmit() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst(strict: true))
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = machine.handle(.line("I picked the night shift rota", at: at(30)))
    let effects = machine.handle(.deadline(partial: "because the ward was sho", at: at(90)))
    #expect(effects.first == .keepLine(index: 1, text: "because the ward was sho", elapsed: at(90)))
    let record = effects.compactMap { effect -> AnswerRecord? in
      if case .finishAnswer(let record) = effect { return record } else { return nil }
    }.first
    #expect(record?.status == .timedOut)
    #expect(record?.timedOut == true)
    #expect(record?.text == "I picked the night shift rota\nbecause the ward was sho")
    #expect(record?.overtimeSeconds == 0)
  }

  @Test("an answer without a reason or reproducibility brings the bank's follow-ups, each timed")
  func followUps() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = machine.handle(.line("We moved the meeting to Tuesday.", at: at(5)))
    let effects = machine.handle(.line("", at: at(8)))
    let asked = effects.compactMap { effect -> FollowUpAsk? in
      if case .followUp(let ask) = effect { return ask } else { return nil }
    }
    #expect(asked == [FollowUpAsk(category: .reasoning, text: "Why did you decide that?")])
    guard case .answer(let answer, _, _)? = effects.last else { Issue.record("\(effects)"); return }
    #expect(answer.followUp?.category == .reasoning)
    #expect(answer.limitSeconds == 45, "half the question's 90 seconds")
    _ = machine.handle(.line("Because half the team was off on Monday, so Tuesday was the only day.", at: at(20)))
    let second = machine.handle(.submit(at: at(25)))
    #expect(second.contains(.followUp(FollowUpAsk(category: .reproducibility, text: "Could you do that here?"))))
    _ = machine.handle(.submit(at: at(30)))
    #expect(machine.phase == .finished(.finished))
    #expect(machine.results.first?.followUps.count == 2)
    #expect(machine.results.first?.followUps.first?.status == .answered)
    #expect(machine.results.first?.followUps.last?.status == .unanswered)
  }

  @Test("a good answer brings no follow-up")
  func noFollowUp() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = machine.handle(
      .line(
        "I chose to move the release to Tuesday because half the QA team was out on Monday, and testing with two people would have missed regressions.",
        at: at(20)))
    _ = machine.handle(
      .line(
        "I wrote the checklist we used into a runbook, and now every team uses it for releases; it would carry over to your weekly releases.",
        at: at(40)))
    let effects = machine.handle(.submit(at: at(45)))
    #expect(!effects.contains { if case .followUp = $0 { true } else { false } })
    #expect(machine.phase == .finished(.finished))
  }

  @Test(":skip, :repeat, :hint and :quit on their own line")
  func commands() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    #expect(machine.handle(.line(":repeat", at: at(1))) == [.repeatQuestion])
    #expect(machine.handle(.line(":hint", at: at(2))) == [.hint(["The options you weighed", "Why you chose"])])
    #expect(machine.answer?.hintUsed == true)
    #expect(machine.answer?.lines == [], "commands are not answer text")
    let skipped = machine.handle(.line(":skip", at: at(3)))
    guard case .finishAnswer(let record)? = skipped.first else { Issue.record("\(skipped)"); return }
    #expect(record.status == .skipped)
    #expect(record.report == nil)

    var quitting = try DrillFixture.machine(DrillOptions(seed: 1, review: false))
    _ = quitting.handle(.begin(at: at(0)))
    _ = quitting.handle(.thinkOver(at: at(1)))
    _ = quitting.handle(.line("Half an answer", at: at(2)))
    let quit = quitting.handle(.line(":quit", at: at(3)))
    #expect(quit.contains { if case .finish(_, .quit) = $0 { true } else { false } })
    #expect(quitting.results.first?.main?.status == .abandoned)
    #expect(quitting.results.first?.main?.text == "Half an answer")
    #expect(quitting.results.first?.main?.report == nil, "an abandoned answer is kept, not scored (issue 9.6)")
  }

  @Test("the self-review takes ratings or accepts the scorer's suggestions, and flags over-confidence")
  func review() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst(review: true))
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = machine.handle(.line("We moved the meeting.", at: at(5)))
    _ = machine.handle(.submit(at: at(6)))
    _ = machine.handle(.submit(at: at(7)))
    let effects = machine.handle(.submit(at: at(8)))
    guard case .review(let request)? = effects.last else { Issue.record("\(effects)"); return }
    #expect(request.criteria.map(\.id).contains("reasoning"))
    #expect(request.suggestions["reasoning"] == 1)
    let done = machine.handle(
      .review(ratings: ["reasoning": 5], reflections: ["rambled", nil, "lead with why"], at: at(9)))
    guard case .reviewed(let record)? = done.first else { Issue.record("\(done)"); return }
    #expect(record.calibration.flagged.map(\.criterion) == ["reasoning"])
    #expect(record.calibration.flagged.first?.verdict == .overconfident)
    guard case .finish(let summary, .finished)? = done.last else { Issue.record("\(done)"); return }
    #expect(summary.calibration.first { $0.criterion == "reasoning" }?.verdict == .overconfident)
    #expect(summary.weakest?.question.question.id == "decision")
    #expect(summary.levels(.reasoning) == [0])
    #expect(record.criteria == request.criteria.map(\.id))
    #expect(summary.unrated == request.criteria.map(\.id).filter { $0 != "reasoning" }, "only reasoning was rated")
  }

  @Test("company fit is judged against the drill's own bank, and not at all for a general bank (issue 9.5)")
  func companyFitInDrills() throws {
    func run(_ bank: QuestionBank) throws -> (report: ScoreReport, review: ReviewRequest) {
      var machine = DrillMachine(
        plan: try DrillPlan(bank: bank, options: DrillFixture.decisionFirst(review: true)),
        scorer: try Scorer.shipped(), rubric: try Rubric.shipped())
      _ = machine.handle(.begin(at: at(0)))
      _ = machine.handle(.thinkOver(at: at(0)))
      _ = machine.handle(.line("I chose the slower supplier because customers come first for us.", at: at(5)))
      // Empty replies to any follow-ups until the self-review comes.
      var main: ScoreReport?
      for second in 6...12 {
        let effects = machine.handle(.submit(at: at(Double(second))))
        for case .finishAnswer(let record) in effects where record.followUp == nil { main = record.report }
        if case .review(let request)? = effects.last, let main { return (main, request) }
      }
      Issue.record("no self-review")
      throw CancellationError()
    }
    let company = try run(DrillFixture.bank)
    #expect(company.report.isAsked(.companyFit))
    #expect(company.review.criteria.contains { $0.id == "company_fit" })
    #expect(company.review.suggestions["company_fit"] != nil)

    var generalBank = DrillFixture.bank
    generalBank.company.type = .general
    let general = try run(generalBank)
    #expect(!general.report.isAsked(.companyFit), "not in the total")
    #expect(!general.review.criteria.contains { $0.id == "company_fit" }, "not rated")
    let weighted = [(ScoreCategory.reasoning, 30.0), (.reproducibility, 25), (.evidence, 25), (.structure, 20)]
      .reduce(0.0) { $0 + Double(general.report[$1.0].level) / 3 * $1.1 }
    #expect(general.report.total == Int(weighted.rounded()), "the total has no company fit in it")
  }

  @Test("a resumed answer keeps its lines and the time already used")
  func resume() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    let effects = machine.handle(
      .resume(
        ResumedQuestion(
          index: 0, step: .answering(followUp: nil, lines: ["First line"], draft: "second li", elapsed: at(30)),
          earlier: []),
        at: at(100)))
    guard case .answer(let answer, _, let draft)? = effects.last else { Issue.record("\(effects)"); return }
    #expect(draft == "second li")
    #expect(answer.startedAt == at(70))
    #expect(answer.lines == ["First line"])
    #expect(
      machine.handle(.line("second line", at: at(110))) == [.keepLine(index: 1, text: "second line", elapsed: at(40))])
  }

  @Test("a reverse question (逆質問) is kept but not scored, followed up or reviewed")
  func reverseQuestion() throws {
    let bank = QuestionBank(
      company: Company(id: "acme", name: "Acme", language: .ja, type: .fictional),
      questions: [
        Question(
          id: "gyaku", text: "最後に何か質問はありますか？", stage: "final", kind: .reverseQuestion, thinkSeconds: 0,
          followUps: [FollowUp(category: .reasoning, questions: ["なぜですか？"])])
      ],
      path: "acme.yaml")
    var machine = DrillMachine(
      plan: try DrillPlan(bank: bank, options: DrillOptions(seed: 1)), scorer: try Scorer.shipped(),
      rubric: try Rubric.shipped())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = machine.handle(.line("入社後の研修ではどのような判断を任されますか。", at: at(10)))
    let effects = machine.handle(.submit(at: at(12)))
    guard case .finishAnswer(let record)? = effects.first else { Issue.record("\(effects)"); return }
    #expect(record.status == .answered)
    #expect(record.report == nil)
    #expect(!effects.contains { if case .followUp = $0 { true } else { false } })
    #expect(!effects.contains { if case .review = $0 { true } else { false } })
    #expect(machine.phase == .finished(.finished))
  }

  @Test("a resumed follow-up goes on under its question; one the first follow-up made moot is dropped")
  func resumeFollowUp() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    let question = try #require(machine.plan.questions.first)
    let main = AnswerRecord(
      followUp: nil, text: "We moved the launch.", lines: ["We moved the launch."], status: .answered, seconds: 10,
      limitSeconds: 90, timedOut: false, overtimeSeconds: 0, hintUsed: false,
      report: try Scorer.shipped().score("We moved the launch."))
    let ask = FollowUpAsk(category: .reasoning, text: "Why did you decide that?")
    let effects = machine.handle(
      .resume(
        ResumedQuestion(
          index: 0, step: .answering(followUp: ask, lines: [], draft: "Because", elapsed: at(5)),
          current: QuestionResult(question: question, main: main), earlier: []),
        at: at(50)))
    #expect(effects.contains(.followUp(ask)))
    guard case .answer(let answer, _, "Because")? = effects.last else { Issue.record("\(effects)"); return }
    #expect(answer.followUp == ask)
    #expect(answer.limitSeconds == 45)
    // This answer gives the reason and says how it carries over: no second follow-up.
    _ = machine.handle(
      .line(
        "Because half the QA team was out, I chose Tuesday; since then I wrote a release checklist every team now uses.",
        at: at(60)))
    let done = machine.handle(.submit(at: at(61)))
    #expect(!done.contains { if case .followUp = $0 { true } else { false } })
    #expect(machine.results.first?.main?.text == "We moved the launch.")
    #expect(machine.results.first?.followUps.count == 1)
  }

  @Test("a mistyped command is not kept as answer text; commands ignore case")
  func unknownCommand() throws {
    var machine = try DrillFixture.machine(DrillFixture.decisionFirst())
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    #expect(machine.handle(.line(":hnit", at: at(1))) == [.unknownCommand(":hnit")])
    #expect(machine.handle(.line(":HINT", at: at(2))) == [.hint(["The options you weighed", "Why you chose"])])
    #expect(machine.answer?.lines == [])
  }
}
