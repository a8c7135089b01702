import Foundation
import RehearseCore
import Testing

/// A bank with three stages: an introduction and a reverse question in the second, none in the
/// third; follow-ups only on one question.
enum MockFixture {
  static let bank = QuestionBank(
    company: Company(
      id: "acme", name: "Acme", language: .en, type: .company, hiringBackground: "Acme is opening depots in Osaka.",
      requiredSkills: ["Dispatch planning"], values: ["Customers first"],
      stages: [Stage(id: "first", mode: .online), Stage(id: "second", minutes: 45), Stage(id: "final")]),
    questions: [
      Question(id: "hello", text: "Introduce yourself.", stage: "first", kind: .selfIntroduction, thinkSeconds: 0),
      Question(id: "why-us", text: "Why us?", stage: "first", kind: .motivation, thinkSeconds: 0),
      Question(id: "ask-first", text: "Any questions?", stage: "first", kind: .reverseQuestion, thinkSeconds: 0),
      Question(id: "ask-second", text: "What would you like to ask us?", stage: "second", kind: .reverseQuestion),
      Question(
        id: "decision", text: "Tell me about a decision.", stage: "second", kind: .decision, thinkSeconds: 0,
        followUps: [FollowUp(category: .reasoning, questions: ["Why did you decide that?"])]),
      Question(
        id: "intro-2", text: "Tell us about yourself.", stage: "second", kind: .selfIntroduction, thinkSeconds: 0),
      Question(id: "failure", text: "Tell me about a failure.", stage: "second", kind: .failure, thinkSeconds: 0),
      Question(id: "plan", text: "Where do you see yourself?", stage: "final", kind: .careerPlan, thinkSeconds: 0),
    ],
    path: "acme.yaml")

  static func plan(_ stage: String, count: Int? = nil) throws -> DrillPlan {
    try DrillPlan(
      mock: bank, options: DrillOptions(stage: stage, count: count, seed: 4, review: false),
      script: try InterviewerScript.shipped())
  }

  static func machine(_ stage: String, count: Int? = nil) throws -> DrillMachine {
    DrillMachine(plan: try plan(stage, count: count), scorer: try Scorer.shipped(), rubric: try Rubric.shipped())
  }
}

@Suite("The mock interview: its plan, its interviewer, its end report")
struct MockInterviewTests {
  @Test("a stage's questions in the bank's order, the introduction first and one reverse question last")
  func plan() throws {
    let second = try MockFixture.plan("second")
    #expect(second.questions.map(\.question.id) == ["intro-2", "decision", "failure", "ask-second"])
    #expect(second.questions.map(\.number) == [1, 2, 3, 4])
    #expect(second.interviewer?.depth == 2, "past the first stage the interviewer digs twice")
    #expect(try MockFixture.plan("first").interviewer?.depth == 1)
    #expect(try MockFixture.plan("second", count: 2).questions.map(\.question.id) == ["intro-2", "ask-second"])
    // The final stage has no question for the interviewer: the bank's first one is used.
    #expect(try MockFixture.plan("final").questions.map(\.question.id) == ["plan", "ask-first"])
    var bare = MockFixture.bank
    bare.questions.removeAll { $0.kind == .reverseQuestion }
    let script = try InterviewerScript.shipped()
    let scripted = try DrillPlan(
      mock: bare, options: DrillOptions(stage: "final", seed: 1, review: false), script: script)
    #expect(scripted.questions.last?.question.kind == .reverseQuestion)
    #expect(scripted.questions.last?.question.text == script.reverseQuestion.en)
    #expect(throws: DrillPlan.Problem.unknownStage("third", known: ["first", "second", "final"])) {
      try DrillPlan(mock: MockFixture.bank, options: DrillOptions(stage: "third", seed: 1), script: script)
    }
    #expect(throws: DrillPlan.Problem.unknownStage("", known: ["first", "second", "final"])) {
      try DrillPlan(mock: MockFixture.bank, options: DrillOptions(seed: 1), script: script)
    }
  }

  /// Answers the question on screen and every follow-up with the given texts in turn; returns
  /// the follow-ups asked.
  static func answer(_ machine: inout DrillMachine, _ texts: [String], from start: Double) -> [FollowUpAsk] {
    var asked: [FollowUpAsk] = []
    var time = start
    for text in texts {
      guard case .answering = machine.phase else { break }
      time += 1
      _ = machine.handle(.line(text, at: at(time)))
      let effects = machine.handle(.submit(at: at(time + 1)))
      for effect in effects { if case .followUp(let ask) = effect { asked.append(ask) } }
    }
    return asked
  }

  @Test(
    "follow-ups only for what is missing: the bank's first, the interviewer's probes without; a second level from the second stage"
  )
  func followUps() throws {
    // Second stage, the decision question: no reason, no carry-over.
    var machine = try MockFixture.machine("second")
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = Self.answer(&machine, ["Hello, I am Sam, I plan depots."], from: 0)
    #expect(machine.question?.question.id == "decision")
    _ = machine.handle(.thinkOver(at: at(10)))
    let asked = Self.answer(
      &machine, ["We moved the launch.", "It seemed fine.", "No idea.", "Not sure.", "Hmm."], from: 10)
    let script = try InterviewerScript.shipped()
    #expect(asked.map(\.category) == [.reasoning, .reasoning, .reproducibility])
    #expect(asked[0].text == "Why did you decide that?", "the bank's own follow-up first")
    #expect(script.probes(.reasoning, level: 2, language: .en).contains(asked[1].text), "then the deeper probe")
    #expect(script.probes(.reproducibility, level: 1, language: .en).contains(asked[2].text))
    #expect(machine.question?.question.id == "failure", "two levels at most, one dug twice a question")

    // A follow-up answer that gives the reason ends the digging into it.
    var answered = try MockFixture.machine("second")
    _ = answered.handle(.begin(at: at(0)))
    _ = answered.handle(.thinkOver(at: at(0)))
    _ = Self.answer(&answered, ["Hello."], from: 0)
    _ = answered.handle(.thinkOver(at: at(10)))
    let once = Self.answer(
      &answered,
      [
        "We moved the launch.",
        "I chose to wait because the data was incomplete and the risk to customers was too high.",
        "I would use the same checklist here: it is a method I repeat on every launch.",
      ], from: 10)
    #expect(once.map(\.category) == [.reasoning, .reproducibility], "\(once)")

    // A good answer gets no follow-up at all.
    var good = try MockFixture.machine("second")
    _ = good.handle(.begin(at: at(0)))
    _ = good.handle(.thinkOver(at: at(0)))
    _ = Self.answer(&good, ["Hello."], from: 0)
    _ = good.handle(.thinkOver(at: at(10)))
    let none = Self.answer(
      &good,
      [
        "I decided to delay the launch because the data was incomplete; I built a launch checklist we still reuse, and I would apply the same method here. Defects fell from 9 to 2."
      ], from: 10)
    #expect(none.isEmpty, "\(none)")

    // A motivation question is no story: the interviewer's probes leave it alone.
    var first = try MockFixture.machine("first")
    _ = first.handle(.begin(at: at(0)))
    _ = first.handle(.thinkOver(at: at(0)))
    _ = Self.answer(&first, ["Hello."], from: 0)
    #expect(first.question?.question.id == "why-us")
    _ = first.handle(.thinkOver(at: at(10)))
    let none2 = Self.answer(&first, ["I like you.", "Just because."], from: 10)
    #expect(none2.isEmpty, "\(none2)")
    #expect(first.question?.question.id == "ask-first")
  }

  @Test("the end report: levels with the follow-ups' help, the digging, time, the prep sheet, three fixes")
  func report() throws {
    var machine = try MockFixture.machine("second")
    _ = machine.handle(.begin(at: at(0)))
    _ = machine.handle(.thinkOver(at: at(0)))
    _ = Self.answer(&machine, ["Hello, I am Sam. I care about customers first."], from: 0)
    _ = machine.handle(.thinkOver(at: at(10)))
    _ = Self.answer(&machine, ["We moved the launch.", "It seemed fine.", "No idea.", "Not sure.", "Hmm."], from: 10)
    _ = machine.handle(.thinkOver(at: at(100)))
    // The failure question left unanswered, then over time on the reverse question.
    _ = machine.handle(.line(":skip", at: at(101)))
    _ = machine.handle(.thinkOver(at: at(200)))
    _ = machine.handle(.line("What are the first months like?", at: at(201)))
    let ending = machine.handle(.submit(at: at(200 + 150)))
    guard case .finish(let summary, .finished)? = ending.last else {
      Issue.record("the interview did not end: \(ending)")
      return
    }
    let report = MockReport(results: summary.results, company: MockFixture.bank.company, rubric: try Rubric.shipped())
    #expect(report.answers.map(\.questionID) == ["intro-2", "decision", "failure", "ask-second"])
    let decision = report.answers[1]
    #expect(decision.followUps == [.reasoning: 2, .reproducibility: 1])
    #expect(decision.levels[.reasoning] == 0 && decision.levels[.evidence] == 0)
    #expect(report.answers[2].status == .skipped)
    #expect(report.answers[3].inTime == false, "150 s on a 120 s question")
    #expect(report.inTime == (count: 2, of: 3))
    #expect(
      report.prepSheet.map(\.touched) == [false, false, true], "the background, the required skill, the value")
    #expect(
      report.fixes == [
        .unanswered(1), .category(.reasoning, answers: 1, of: 1), .category(.reproducibility, answers: 1, of: 1),
      ], "\(report.fixes)")
    #expect(report.rubric.map(\.criterion).contains("reasoning"))
  }

  @Test("a follow-up over its own limit puts the answer out of time; its time counts in the total")
  func followUpOvertime() throws {
    let question = try MockFixture.plan("second").questions[1]
    func record(_ seconds: Double, limit: Int, followUp: FollowUpAsk?) -> AnswerRecord {
      AnswerRecord(
        followUp: followUp, text: "x", lines: ["x"], status: .answered, seconds: seconds, limitSeconds: limit,
        timedOut: false, overtimeSeconds: max(0, seconds - Double(limit)), hintUsed: false, report: nil)
    }
    let result = QuestionResult(
      question: question, main: record(30, limit: 90, followUp: nil),
      followUps: [record(80, limit: 45, followUp: FollowUpAsk(category: .reasoning, text: "Why?"))])
    let report = MockReport(results: [result], company: MockFixture.bank.company, rubric: try Rubric.shipped())
    #expect(report.answers.first?.seconds == 30, "the main answer's own time")
    #expect(report.answers.first?.totalSeconds == 110)
    #expect(report.answers.first?.inTime == false, "the follow-up ran 35 s over")
    #expect(report.fixes.contains(.overtime(answers: 1)))
  }

  @Test("the preflight checklist: items by the interview's format; the format from the bank")
  func preflight() throws {
    let checklist = try PreflightChecklist.shipped()
    let online = checklist.items(for: .online).map(\.id)
    #expect(online.starts(with: ["link", "camera-microphone", "connection", "room"]))
    #expect(online.contains("backup-contact") && online.contains("documents") && !online.contains("route"))
    #expect(checklist.items(for: .inPerson).map(\.id) == ["route", "arrival", "documents"])
    #expect(checklist.items.allSatisfy { !$0.question.ja.isEmpty && !$0.fix.ja.isEmpty && !$0.fix.en.isEmpty })
    let company = MockFixture.bank.company
    #expect(PreflightChecklist.mode(of: company, stage: "first") == .online)
    #expect(PreflightChecklist.mode(of: company, stage: "final") == nil)
    var noted = company
    noted.formatNotes = "二次面接は本社にて対面で行います。"
    #expect(PreflightChecklist.mode(of: noted, stage: "final") == .inPerson)
    noted.formatNotes = "All rounds are on Zoom."
    #expect(PreflightChecklist.mode(of: noted, stage: "final") == .online)
  }
}

@Suite("The readiness self-check and the interviewer's script (data files)")
struct InterviewDataTests {
  @Test("the check: ten statements in both languages; the score is the mean as 0–100; strengths and two to improve")
  func readiness() throws {
    let check = try ReadinessCheck.shipped()
    #expect(check.questions.count == 10)
    #expect(check.scale[.en]?.count == 5 && check.scale[.ja]?.count == 5)
    for question in check.questions {
      for text in [question.statement, question.strength, question.advice] {
        #expect(!text.en.isEmpty && !text.ja.isEmpty, "\(question.id)")
      }
    }
    let ids = check.questions.map(\.id)
    let all = Dictionary(uniqueKeysWithValues: ids.map { ($0, 3) })
    #expect(check.result(all).score == 50)
    #expect(check.result(all).strengths.isEmpty && check.result(all).improveFirst.map(\.id) == Array(ids.prefix(2)))
    var mixed = Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) })
    mixed[ids[5]] = 5
    mixed[ids[2]] = 4
    mixed[ids[7]] = 2
    let result = check.result(mixed)
    #expect(result.score == Int((Double(4 + 3 + 1) / 40 * 100).rounded()))
    #expect(result.isLow)
    #expect(result.strengths.map(\.id) == [ids[5], ids[2]], "highest first")
    #expect(result.improveFirst.map(\.id) == [ids[0], ids[1]], "lowest first, the file's order between equals")
    #expect(check.result(Dictionary(uniqueKeysWithValues: ids.map { ($0, 5) })).score == 100)
    #expect(check.result([:]).score == 0)
  }

  @Test("the interviewer's script: opening filled in, probes for both categories and levels in both languages")
  func script() throws {
    let script = try InterviewerScript.shipped()
    for category in [ScoreCategory.reasoning, .reproducibility] {
      for level in [1, 2] {
        for language in Language.allCases {
          #expect(!script.probes(category, level: level, language: language).isEmpty, "\(category) \(level)")
        }
      }
    }
    let opening = script.opening(company: "Acme", stage: "二次面接", minutes: 45, count: 6, language: .ja)
    #expect(opening.contains("Acme") && opening.contains("二次面接") && opening.contains("45") && !opening.contains("{"))
    #expect(!script.reverseQuestion.ja.isEmpty && !script.closing.en.isEmpty)
  }
}

@Suite("Matching a question from a real interview with the bank's")
struct QuestionMatchTests {
  @Test("the same question in other words matches; a different one does not")
  func similarity() {
    #expect(QuestionMatch.similarity("Why do you want to join us?", "So why do you want to join us") >= 0.6)
    #expect(QuestionMatch.similarity("Tell me about a failure.", "Tell me about a success.") == 0)
    #expect(QuestionMatch.similarity("学生時代に力を入れたことを教えてください。", "学生時代に一番力を入れたことは何ですか？") >= 0.6)
    #expect(QuestionMatch.similarity("Why do you want to join us?", "What is your greatest weakness?") < 0.3)
    #expect(QuestionMatch.similarity("What is your greatest strength?", "What is your greatest weakness?") < 0.6)
    #expect(QuestionMatch.similarity("なぜ当社を志望されたのですか？", "当社を志望した理由は何ですか") >= 0.6)
    #expect(QuestionMatch.similarity("Why do you want to join us?", "So why do you want to join us") == 1)
    #expect(QuestionMatch.similarity("ＡＰＩ設計について", "api設計について") == 1, "NFKC and case")
    let bank = MockFixture.bank.questions
    #expect(QuestionMatch.best("So, why us?", in: bank)?.question.id == "why-us")
    #expect(QuestionMatch.best("What is your salary expectation?", in: bank) == nil)
  }
}
