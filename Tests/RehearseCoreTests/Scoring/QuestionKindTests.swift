import RehearseCore
import Testing

/// Issue 9: each answer is judged by what its kind of question asks for. A status question, a
/// self-introduction or a reverse question needs no before/after number; a motivation answer
/// needs its reasons and how the person's way of working would carry over.
@Suite("Question kinds and what they ask for")
struct QuestionKindTests {
  static let scorer = try! Scorer.shipped()

  static let table: [QuestionKind: Set<ScoreCategory>] = [
    .selfIntroduction: [],
    .motivation: [.reasoning, .reproducibility],
    .studentLife: [.reasoning, .reproducibility, .evidence],
    .behavioural: [.reasoning, .reproducibility, .evidence],
    .failure: [.reasoning, .reproducibility, .evidence],
    .decision: [.reasoning, .reproducibility, .evidence],
    .strengthsWeaknesses: [.reasoning, .reproducibility, .evidence],
    .careerChange: [.reasoning, .reproducibility],
    .careerPlan: [.reasoning, .reproducibility],
    .roleSpecific: [.reasoning, .reproducibility, .evidence],
    .case: [.reasoning],
    .values: [.reasoning, .reproducibility],
    .reverseQuestion: [],
    .other: [.reasoning],
  ]

  @Test("the table of what each kind asks for (README), row by row", arguments: QuestionKind.allCases)
  func table(kind: QuestionKind) {
    #expect(kind.asks == Self.table[kind], "\(kind.rawValue)")
  }

  @Test("a status question is not hinted for numbers or a method, and they are left out of the total")
  func statusQuestion() {
    let answer = "差し支えなければ、今はA社とB社の二次面接を受けています。"
    let context = ScoringContext(question: "差し支えなければ、他社の選考状況を教えていただけますか？", kind: .other)
    let report = Self.scorer.score(answer, context: context)
    #expect(report.asked == [.reasoning, .structure], "company fit needs a company")
    #expect(report[.evidence].hint == nil)
    #expect(report[.reproducibility].hint == nil)
    #expect(report[.reasoning].hint != nil, "a reason is still asked for")
    let levels = (report[.reasoning].level, report[.structure].level)
    let expected = Int(((Double(levels.0) / 3 * 30 + Double(levels.1) / 3 * 20) / 50 * 100).rounded())
    #expect(report.total == expected)
  }

  @Test("a self-introduction with a strong result scores only on structure; without a kind, everything counts")
  func selfIntroduction() {
    let answer = "I led the night shift and cut handover errors from 12 to 3 a month."
    let introduced = Self.scorer.score(answer, context: ScoringContext(kind: .selfIntroduction))
    #expect(introduced[.evidence].level == 3, "the level is still found and shown")
    #expect(!introduced.isAsked(.evidence))
    #expect(introduced.total == Int((Double(introduced[.structure].level) / 3 * 100).rounded()))
    let plain = Self.scorer.score(answer)
    #expect(plain.asked == Set(ScoreCategory.allCases).subtracting([.companyFit]))
    let hoshino = Company(id: "x", name: "X", language: .en, type: .fictional, values: ["Customers first"])
    #expect(Self.scorer.score(answer, context: ScoringContext(company: hoshino)).asked == Set(ScoreCategory.allCases))
    #expect(plain[.reasoning].hint != nil)
    #expect(plain.total != introduced.total)
  }

  @Test("the self-review rates only what the question asks for, and company fit only with a company")
  func reviewCriteria() throws {
    let rubric = try Rubric.shipped()
    let company = try DrillPlan(
      bank: QuestionBank(
        company: Company(id: "acme", name: "Acme", language: .en, type: .fictional),
        questions: [Question(id: "q", text: "Why us?", stage: "first", kind: .motivation)], path: "acme.yaml"),
      options: DrillOptions(seed: 1))
    func ids(_ plan: DrillPlan, _ kind: QuestionKind) -> [String] {
      var question = plan.questions[0]
      question.question.kind = kind
      return question.reviewCriteria(rubric.criteria(for: kind)).map(\.scorer)
    }
    #expect(!ids(company, .motivation).contains("evidence"))
    #expect(ids(company, .motivation).contains("reasoning"))
    #expect(ids(company, .motivation).contains("company_fit"))
    #expect(ids(company, .decision).contains("evidence"))
    var general = company
    general.questions[0].company.type = .general
    #expect(!ids(general, .decision).contains("company_fit"))
    #expect(ids(general, .decision).contains("structure"))
  }

  @Test("'weakest' compares what each question asks for: a status answer is not weakest for lacking a number")
  func weakest() throws {
    let bank = QuestionBank(
      company: Company(id: "acme", name: "Acme", language: .ja, type: .general),
      questions: [
        Question(id: "status", text: "他社の選考状況を教えてください。", stage: "first", kind: .other),
        Question(id: "decision", text: "難しい判断をした経験を教えてください。", stage: "first", kind: .decision),
      ],
      path: "acme.yaml")
    let plan = try DrillPlan(bank: bank, options: DrillOptions(stage: "first", seed: 1))
    func result(_ id: String, _ answer: String) throws -> QuestionResult {
      let question = try #require(plan.questions.first { $0.question.id == id })
      let report = Self.scorer.score(
        answer, context: ScoringContext(question: question.question.text, kind: question.question.kind))
      return QuestionResult(
        question: question,
        main: AnswerRecord(
          followUp: nil, text: answer, lines: [answer], status: .answered, seconds: 30, limitSeconds: 60,
          timedOut: false, overtimeSeconds: 0, hintUsed: false, report: report))
    }
    let status = try result("status", "A社とB社の最終面接を控えています。どちらも物流の改善に関われるので受けています。")
    // Without kinds the status answer (a reason, no number, no method) would be weakest.
    let decision = try result(
      "decision", "上司の案ではなく、自分の案で進めることにしました。お客様の待ち時間が一番短くなると考えたからです。")
    #expect(status.combinedReport?[.reasoning].level ?? 0 < decision.combinedReport?[.reasoning].level ?? 0)
    let summary = DrillSummary(plan: plan, results: [status, decision])
    #expect(summary.weakest?.question.question.id == "decision")
  }
}
