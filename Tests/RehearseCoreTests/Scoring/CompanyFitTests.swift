import RehearseCore
import Testing

@Suite("Company fit against a bank's prep sheet")
struct CompanyFitTests {
  static let company = Company(
    id: "clinic", name: "Clinic", language: .en, type: .fictional,
    hiringBackground: "Patient care demand grew last year, so we need nurses who keep the cause of each fall visible.",
    values: ["Patients first"])

  @Test("a term counts as a whole word: 'care' is not in 'childcare', nor 'cause' in 'because'")
  func wholeWords() throws {
    let scorer = try Scorer.shipped()
    let loose = scorer.score(
      "I left because of childcare before.", context: ScoringContext(company: Self.company))
    #expect(loose[.companyFit].matches.isEmpty, "\(loose[.companyFit].matches)")
    let real = scorer.score(
      "I improved patient care on my ward by moving handovers to the bedside.",
      context: ScoringContext(company: Self.company))
    #expect(real[.companyFit].matches.map(\.text).contains("care"))
  }

  @Test("everyday words of a hiring background are not company terms")
  func everydayWords() throws {
    let report = try Scorer.shipped().score(
      "I kept the first time last year.", context: ScoringContext(company: Self.company))
    #expect(report[.companyFit].level == 0)
  }
}
