import Testing

@testable import RehearseCore

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

  @Test("Japanese terms keep their honorific prefix, and お客様 says nothing about a company (issue 9.12)")
  func honorifics() throws {
    let company = Company(
      id: "mise", name: "店", language: .ja, type: .fictional,
      requiredSkills: ["お客様と売場をよく観察し、気づいたことを行動に移せること"], values: ["お客様の台所に立つ"])
    #expect(!CompanyTerms.terms(of: company).contains("客様"))
    #expect(!CompanyTerms.terms(of: company).contains("お客様"))
    #expect(CompanyTerms.terms(of: company).contains("売場"))
    let report = try Scorer.shipped().score(
      "前職ではお客様の声を聞いて売場を変えました。", context: ScoringContext(company: company))
    #expect(!report[.companyFit].matches.contains { $0.text == "客様" || $0.text == "お客様" })
    #expect(report[.companyFit].matches.contains { $0.text == "売場" })
  }
}
