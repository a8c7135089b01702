import RehearseCore
import Testing

@Suite("Self-review rubric")
struct RubricTests {
  static let rubric = try! Rubric.shipped()

  @Test("seven criteria with 1/3/5 anchors and names in both languages")
  func criteriaAndAnchors() {
    #expect(
      Self.rubric.criteria.map(\.id) == [
        "reasoning", "reproducibility", "evidence", "ownership", "company_fit", "failure_review", "structure",
      ])
    for criterion in Self.rubric.criteria {
      for language in Language.allCases {
        #expect(!criterion.name(language).isEmpty)
        for rating in [1, 3, 5] {
          #expect(criterion.anchor(rating, language)?.isEmpty == false, "\(criterion.id) \(rating) \(language)")
        }
      }
    }
    #expect(Self.rubric.criteria.first?.name(.ja) == "判断の理由")
  }

  @Test("failure review is rated only for failure questions")
  func failureOnly() {
    #expect(!Self.rubric.criteria(for: .motivation).contains { $0.id == "failure_review" })
    #expect(Self.rubric.criteria(for: .failure).contains { $0.id == "failure_review" })
    #expect(Self.rubric.criteria(for: nil, isFailure: true).count == 7)
  }

  @Test("three reflection prompts: what went wrong, why, what next")
  func reflectionPrompts() {
    #expect(Self.rubric.reflection.map { $0.text(.ja) } == ["何が良くなかったか", "なぜそうなったか", "次はどうするか"])
    #expect(Self.rubric.reflection.map { $0.text(.en) } == ["What went wrong?", "Why?", "What will I do next time?"])
  }

  @Test("calibration flags ratings two or more points away from the scorer's view")
  func calibration() throws {
    let scorer = try Scorer.shipped()
    let report = scorer.score("I worked hard and it went well.")  // nothing the scorer can credit
    let criteria = Self.rubric.criteria(for: .behavioural)
    let suggestions = Calibration.suggestions(for: criteria, report: report, hasCompany: false)
    #expect(suggestions["reasoning"] == 1)
    #expect(suggestions["company_fit"] == nil, "no company, no suggestion")
    let calibration = Calibration.compare(
      ratings: ["reasoning": 5, "reproducibility": 2, "evidence": 1, "company_fit": 4],
      suggestions: suggestions, order: criteria.map(\.id))
    #expect(calibration.entries.map(\.criterion) == ["reasoning", "reproducibility", "evidence", "company_fit"])
    #expect(calibration.flagged.map(\.criterion) == ["reasoning"])
    #expect(calibration.flagged.first?.verdict == .overconfident)

    let strong = scorer.score(
      "I chose to roll back instead of a hotfix because the rollback was tested. Since then I keep a runbook the on-call team uses. Downtime went from 40 to 12 minutes."
    )
    let strongSuggestions = Calibration.suggestions(for: criteria, report: strong, hasCompany: false)
    #expect(strongSuggestions["reasoning"] == 5)
    let modest = Calibration.compare(ratings: ["reasoning": 2], suggestions: strongSuggestions, order: ["reasoning"])
    #expect(modest.flagged.first?.verdict == .underconfident)
  }
}
