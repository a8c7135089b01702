import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

/// The banks in QuestionBanks/ are content we ship: they must lint clean and cover what
/// interviews really ask.
@Suite("Shipped banks")
struct ShippedBankTests {
  static let catalog = BankLibrary(workingDirectory: PackagePaths.root).load([
    BankLocation(url: PackagePaths.questionBanks, origin: .shipped, mustExist: true)
  ])

  var banks: [QuestionBank] { Self.catalog.banks.map(\.bank) }

  @Test("every shipped bank lints clean: no errors, no warnings")
  func lintClean() {
    #expect(Self.catalog.diagnostics.map(\.description) == [])
    #expect(Self.catalog.conflicts.isEmpty)
    #expect(Self.catalog.fileCount == banks.count)
  }

  @Test("at least 8 banks and 150 questions")
  func size() {
    #expect(banks.count >= 8)
    #expect(banks.reduce(0) { $0 + $1.questions.count } >= 150)
  }

  @Test("no shipped bank presents itself as a real company's")
  func noRealCompanies() {
    for bank in banks {
      #expect(bank.company.type != .company, "\(bank.path) must be general or fictional")
      if bank.company.type == .fictional {
        let marked = bank.company.name.contains("架空") || bank.company.name.lowercased().contains("fictional")
        #expect(marked, "\(bank.path): a fictional company's name says so")
      }
    }
  }

  @Test("general banks for new graduates and mid-career in Japanese, behavioural in English")
  func generalBanks() {
    let general = banks.filter { $0.company.type == .general }
    #expect(general.filter { $0.company.language == .ja }.count >= 2)
    #expect(general.contains { $0.company.language == .en })
    let jaKinds = Set(general.filter { $0.company.language == .ja }.flatMap { $0.questions.map(\.kind) })
    for kind: QuestionKind in [
      .selfIntroduction, .motivation, .studentLife, .failure, .decision, .strengthsWeaknesses, .careerPlan,
      .reverseQuestion, .careerChange, .roleSpecific,
    ] {
      #expect(jaKinds.contains(kind), "the Japanese general banks ask \(kind.rawValue)")
    }
  }

  @Test("at least 4 fictional companies, one in English, each with a full prep sheet and 15+ questions across stages")
  func fictionalCompanies() {
    let fictional = banks.filter { $0.company.type == .fictional }
    #expect(fictional.count >= 4)
    #expect(fictional.contains { $0.company.language == .en })
    #expect(Set(fictional.compactMap(\.company.industry)).count == fictional.count, "different industries")
    for bank in fictional {
      let c = bank.company
      #expect(bank.questions.count >= 15, "\(bank.path)")
      #expect(c.hiringBackground != nil && !c.requiredSkills.isEmpty && !c.preferredSkills.isEmpty, "\(bank.path)")
      #expect(c.mission != nil && c.vision != nil && c.values.count >= 3 && c.formatNotes != nil, "\(bank.path)")
      let stages = Set(bank.questions.map(\.stage))
      #expect(stages.isSuperset(of: ["first", "second", "final"]), "\(bank.path) covers first/second/final")
      #expect(bank.questions.contains { !$0.followUps(for: .reasoning).isEmpty }, "\(bank.path) probes reasoning")
      #expect(
        bank.questions.contains { !$0.followUps(for: .reproducibility).isEmpty }, "\(bank.path) probes reproducibility")
    }
  }

  @Test("behavioural, failure and decision questions probe both why and reproducibility")
  func followUpsOnBehaviouralQuestions() {
    for bank in banks {
      for question in bank.questions where [.behavioural, .failure, .decision].contains(question.kind) {
        #expect(!question.followUps(for: .reasoning).isEmpty, "\(bank.company.id)/\(question.id) reasoning")
        #expect(!question.followUps(for: .reproducibility).isEmpty, "\(bank.company.id)/\(question.id) reproducibility")
      }
    }
  }

  @Test("the annotated example in QuestionBanks/README.md is a valid bank")
  func readmeExample() throws {
    let readme = try String(contentsOf: PackagePaths.questionBanks.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\n"))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    let example = String(readme[start.upperBound..<end.lowerBound])
    let result = BankParser().parse(Data(example.utf8), path: "README.md")
    #expect(result.diagnostics.map(\.description) == [])
    let bank = try #require(result.bank)
    #expect(bank.company.stages.map(\.id) == ["first", "case", "final"])
    #expect(bank.questions.first?.thinkSeconds == 10)
    #expect(bank.questions.first?.source?.years == [2024, 2025])
  }
}

@Suite("Banks for real companies, from the standard questions")
struct NewBankTests {
  @Test("the shipped templates parse in both languages", arguments: Language.allCases)
  func templatesParse(_ language: Language) throws {
    let templates = try StandardQuestions.shipped(language)
    #expect(templates.language == language)
    #expect(templates.templates.count >= 12)
  }

  @Test("a generated bank is tailored to the profile and passes lint", arguments: Language.allCases)
  func generatedBankLints(_ language: Language) throws {
    let profile = CompanyProfile(
      id: "example-corp", name: language == .ja ? "例示商事" : "Example Corp", language: language,
      industry: "商社", hiringBackground: "海外事業の拡大", requiredSkills: ["法人営業の経験", "英語"],
      preferredSkills: ["貿易実務"], mission: "つなぐ", vision: "世界へ", values: ["誠実", "挑戦", "共創", "速さ", "謙虚"],
      formatNotes: "一次はオンライン", stages: ["casual", "first", "second", "final"])
    let templates = try StandardQuestions.shipped(language)
    let bank = templates.bank(for: profile, path: "example-corp.yaml")
    let yaml = BankWriter.yaml(for: bank, header: ["generated"])
    let result = BankParser().parse(Data(yaml.utf8), path: "example-corp.yaml")
    #expect(result.diagnostics.map(\.description) == [])
    let parsed = try #require(result.bank)
    #expect(parsed.company == bank.company)
    #expect(parsed.questions == bank.questions)

    // Values repeat at most three times; each appears in its question.
    let valueQuestions = parsed.questions.filter { $0.id.hasPrefix("values-fit-") }
    #expect(valueQuestions.count == 3)
    for (question, value) in zip(valueQuestions, ["誠実", "挑戦", "共創"]) {
      #expect(question.text.contains(value))
    }
    #expect(parsed.questions.contains { $0.text.contains("法人営業の経験") })
    #expect(parsed.questions.allSatisfy { !$0.text.contains("{") }, "no placeholder left unfilled")
    #expect(Set(parsed.questions.map(\.stage)).isSubset(of: ["casual", "first", "second", "final"]))
    #expect(
      parsed.questions.map(\.stage)
        == parsed.questions.map(\.stage).sorted {
          profile.stages.firstIndex(of: $0)! < profile.stages.firstIndex(of: $1)!
        }, "questions come in stage order")
  }

  @Test("templates for a value are skipped when no value was given")
  func noValuesNoValueQuestions() throws {
    let profile = CompanyProfile(id: "plain", name: "Plain", language: .en)
    let bank = try StandardQuestions.shipped(.en).bank(for: profile, path: "plain.yaml")
    #expect(!bank.questions.isEmpty)
    #expect(!bank.questions.contains { $0.id.hasPrefix("values-fit") })
  }

  @Test("ids are suggested from ASCII names only")
  func suggestedIDs() {
    #expect(CompanyProfile.suggestedID(for: "Acme Corp.") == "acme-corp")
    #expect(CompanyProfile.suggestedID(for: "  Blue--Sky  Labs ") == "blue-sky-labs")
    #expect(CompanyProfile.suggestedID(for: "株式会社ABC") == "abc")
    #expect(CompanyProfile.suggestedID(for: "星野精機") == nil)
    #expect(CompanyProfile.suggestedLanguage(for: "星野精機") == .ja)
    #expect(CompanyProfile.suggestedLanguage(for: "Acme") == .en)
  }
}

@Suite("Writing banks")
struct BankWriterTests {
  @Test("text that looks like YAML syntax survives a round trip")
  func trickyStrings() throws {
    let tricky = [
      "yes", "no", "null", "~", "123", "- item", "key: value", "#hash", "a \"quote\" and \\ back", "  leading",
      "trailing  ", "line one\nline two", "タブ\tあり", "*alias", "&anchor", "%percent", "@at", "`tick`",
    ]
    var bank = QuestionBank(
      company: Company(id: "t", name: "T", language: .en, values: tricky),
      questions: tricky.enumerated().map {
        Question(id: "q\($0.offset)", text: "Q: " + $0.element, stage: "first", kind: .other)
      },
      path: "t.yaml")
    bank.company.summary = "multi\nline\n\nsummary"
    let result = BankParser().parse(Data(BankWriter.yaml(for: bank).utf8), path: "t.yaml")
    let parsed = try #require(result.bank, "\(result.diagnostics)")
    // The parser trims trailing whitespace from every text, by design.
    #expect(parsed.company.values == tricky.map { $0.replacingOccurrences(of: "trailing  ", with: "trailing") })
    #expect(parsed.company.summary == "multi\nline\n\nsummary")
    #expect(
      parsed.questions.map(\.text)
        == bank.questions.map { $0.text.replacingOccurrences(of: "trailing  ", with: "trailing") })
  }
}
