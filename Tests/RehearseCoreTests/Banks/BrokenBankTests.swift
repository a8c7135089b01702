import Foundation
import RehearseCore
import Testing

/// A bank file with a mistake, and every diagnostic line the parser must print for it.
struct BrokenBank: CustomTestStringConvertible, Sendable {
  var name: String
  var data: Data
  var expected: [String]

  init(_ name: String, _ yaml: String, _ expected: [String]) {
    self.name = name
    self.data = Data(yaml.utf8)
    self.expected = expected
  }

  init(_ name: String, bytes: Data, _ expected: [String]) {
    self.name = name
    self.data = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

/// A valid bank to break in one place: `valid(replacing: "x", with: "y")`.
let validBank = """
  version: 1
  company:
    id: acme
    name: Acme (fictional)
    language: en
    type: fictional
    stages: [first, second, final]
  questions:
    - id: intro
      text: Tell me about yourself.
      stage: first
      kind: self-introduction
      answer_seconds: 60
    - id: failure
      text: Tell me about a time you failed.
      stage: second
      kind: failure
      follow_ups:
        reasoning: Why did you choose that?
  """

func valid(replacing target: String, with replacement: String) -> String {
  precondition(validBank.contains(target), "fixture does not contain \(target)")
  return validBank.replacingOccurrences(of: target, with: replacement)
}

let brokenBanks: [BrokenBank] = [
  BrokenBank(
    "YAML syntax error: bad indentation",
    valid(replacing: "  name: Acme (fictional)", with: " name: Acme (fictional)"),
    [
      "bank.yaml:4:2: error: YAML syntax error: did not find expected key (while parsing a block mapping at line 1, column 1)"
    ]),
  BrokenBank(
    "YAML syntax error: unclosed quote",
    valid(replacing: "text: Tell me about yourself.", with: "text: \"Tell me about yourself."),
    [
      "bank.yaml:10:11: error: YAML syntax error: a quote that is never closed (the file ends at line 19, column 42)"
    ]),
  BrokenBank(
    "duplicate key in a question",
    valid(replacing: "    answer_seconds: 60", with: "    answer_seconds: 60\n    stage: second"),
    ["bank.yaml:14:5: error: duplicate key 'stage': it was already given at line 11, column 5"]),
  BrokenBank(
    "missing version",
    valid(replacing: "version: 1\n", with: ""),
    ["bank.yaml:1:1: error: the bank is missing required key 'version' (add 'version: 1' at the top)"]),
  BrokenBank(
    "a newer format version",
    valid(replacing: "version: 1", with: "version: 2"),
    [
      "bank.yaml:1:10: error: bank format version 2 is newer than this Rehearse understands (1); update Rehearse to load it"
    ]),
  BrokenBank(
    "version that is not a number",
    valid(replacing: "version: 1", with: "version: one"),
    ["bank.yaml:1:10: error: version must be a whole number, found 'one'"]),
  BrokenBank(
    "missing company name and language",
    valid(replacing: "  name: Acme (fictional)\n  language: en\n", with: ""),
    [
      "bank.yaml:3:3: error: company is missing required key 'name'",
      "bank.yaml:3:3: error: company is missing required key 'language' (ja or en)",
    ]),
  BrokenBank(
    "unknown language",
    valid(replacing: "language: en", with: "language: english"),
    ["bank.yaml:5:13: error: language 'english' is not one of: ja, en"]),
  BrokenBank(
    "company id with a path",
    valid(replacing: "id: acme", with: "id: ../../etc/passwd"),
    ["bank.yaml:3:7: error: company id \"../../etc/passwd\" is not a safe id: it contains a path separator ('/')"]),
  BrokenBank(
    "company id with dots",
    valid(replacing: "id: acme", with: "id: acme..corp"),
    ["bank.yaml:3:7: error: company id \"acme..corp\" is not a safe id: it contains '..'"]),
  BrokenBank(
    "company id with a NUL",
    valid(replacing: "id: acme", with: "id: \"ac\\0me\""),
    ["bank.yaml:3:7: error: company id \"ac\\0me\" is not a safe id: it contains a NUL character"]),
  BrokenBank(
    "company id with a right-to-left override",
    valid(replacing: "id: acme", with: "id: \"acme\u{202E}gpj\""),
    [
      "bank.yaml:3:7: error: company id \"acme\\u{202E}gpj\" is not a safe id: it contains a bidirectional control character (U+202E)"
    ]),
  BrokenBank(
    "company id with capitals",
    valid(replacing: "id: acme", with: "id: Acme"),
    ["bank.yaml:3:7: error: company id \"Acme\" is not a safe id: it must start with a lowercase letter or digit"]),
  BrokenBank(
    "question id with a slash",
    valid(replacing: "id: intro", with: "id: intro/one"),
    ["bank.yaml:9:9: error: question id \"intro/one\" is not a safe id: it contains a path separator ('/')"]),
  BrokenBank(
    "duplicate question id",
    valid(replacing: "id: failure", with: "id: intro"),
    ["bank.yaml:14:9: error: duplicate question id 'intro': it is already used at line 9, column 9"]),
  BrokenBank(
    "unknown stage, with a suggestion",
    valid(replacing: "stage: second", with: "stage: secnd"),
    [
      "bank.yaml:16:12: error: stage 'secnd' of question 'failure' is not one of the company's stages (first, second, final); did you mean 'second'?"
    ]),
  BrokenBank(
    "stage listed twice",
    valid(replacing: "stages: [first, second, final]", with: "stages: [first, second, first]"),
    ["bank.yaml:7:27: error: stage 'first' is listed twice"]),
  BrokenBank(
    "zero answer time",
    valid(replacing: "answer_seconds: 60", with: "answer_seconds: 0"),
    ["bank.yaml:13:21: error: answer_seconds must be positive, at least 10 seconds, found 0"]),
  BrokenBank(
    "negative answer time",
    valid(replacing: "answer_seconds: 60", with: "answer_seconds: -30"),
    ["bank.yaml:13:21: error: answer_seconds must be positive, at least 10 seconds, found -30"]),
  BrokenBank(
    "absurd answer time",
    valid(replacing: "answer_seconds: 60", with: "answer_seconds: 86400"),
    ["bank.yaml:13:21: error: answer_seconds must be at most 1800 seconds, found 86400"]),
  BrokenBank(
    "answer time with a unit",
    valid(replacing: "answer_seconds: 60", with: "answer_seconds: 60s"),
    ["bank.yaml:13:21: error: answer_seconds must be a whole number of seconds, found '60s'"]),
  BrokenBank(
    "absurd think time",
    valid(replacing: "answer_seconds: 60", with: "answer_seconds: 60\n    think_seconds: 3600"),
    ["bank.yaml:14:20: error: think_seconds must be at most 600 seconds, found 3600"]),
  BrokenBank(
    "empty question text",
    valid(replacing: "text: Tell me about yourself.", with: "text: \"  \""),
    ["bank.yaml:10:11: error: the text of question 'intro' must not be empty"]),
  BrokenBank(
    "missing question text",
    valid(replacing: "    text: Tell me about yourself.\n", with: ""),
    ["bank.yaml:9:5: error: a question is missing required key 'text'"]),
  BrokenBank(
    "text with an escape sequence",
    valid(replacing: "text: Tell me about yourself.", with: "text: \"Tell me\\e[2J about yourself.\""),
    [
      "bank.yaml:10:11: error: the text of question 'intro' contains a control character (U+001B) that could disturb the terminal"
    ]),
  BrokenBank(
    "unknown kind, with a suggestion",
    valid(replacing: "kind: failure", with: "kind: failures"),
    [
      "bank.yaml:17:11: error: kind 'failures' is not one of: self-introduction, motivation, student-life, behavioural, failure, decision, strengths-weaknesses, career-change, career-plan, role-specific, case, values, reverse-question, other; did you mean 'failure'?"
    ]),
  BrokenBank(
    "unknown follow-up category",
    valid(replacing: "reasoning: Why", with: "reason: Why"),
    [
      "bank.yaml:19:7: error: follow-up category 'reason' is not one of: reasoning, reproducibility, evidence, company_fit, structure; did you mean 'reasoning'?"
    ]),
  BrokenBank(
    "unknown key is only a warning",
    valid(replacing: "    answer_seconds: 60", with: "    answer_seconds: 60\n    answer_secs: 30"),
    ["bank.yaml:14:5: warning: unknown key 'answer_secs' in a question is ignored; did you mean 'answer_seconds'?"]),
  BrokenBank(
    "questions not a list",
    valid(replacing: "questions:\n", with: "questions: none\nold_questions:\n"),
    [
      "bank.yaml:8:12: error: questions must be a list, found 'none'",
      "bank.yaml:9:1: warning: unknown key 'old_questions' in the bank is ignored",
    ]),
  BrokenBank(
    "no questions",
    """
    version: 1
    company: {id: acme, name: Acme, language: en}
    questions: []
    """,
    ["bank.yaml:3:12: error: questions must list at least one question"]),
  BrokenBank(
    "root is a list",
    "- version: 1\n",
    ["bank.yaml:1:1: error: the bank must be a mapping of keys to values, found a list"]),
  BrokenBank(
    "anchors and aliases",
    valid(
      replacing: "follow_ups:\n      reasoning: Why did you choose that?",
      with: "follow_ups: &probe\n      reasoning: Why did you choose that?")
      + "\n  - id: again\n    text: Again.\n    stage: final\n    kind: other\n    follow_ups: *probe\n",
    ["bank.yaml:18:17: error: anchors and aliases ('&probe') are not allowed in banks; write the value out"]),
  BrokenBank(
    "an alias bomb under keys that are not a bank's",
    (["version: 1", "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
      + zip(Array("bcdefgh"), Array("abcdefg")).map { name, previous in
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
      }).joined(separator: "\n") + "\n",
    [
      "bank.yaml:1:1: error: the bank is missing required key 'company'",
      "bank.yaml:1:1: error: the bank is missing required key 'questions'",
    ]
      + Array("abcdefgh").enumerated().flatMap { index, name in
        [
          "bank.yaml:\(index + 2):1: warning: unknown key '\(name)' in the bank is ignored",
          "bank.yaml:\(index + 2):4: error: anchors and aliases ('&\(name)') are not allowed in banks; write the value out",
        ]
      }),
  BrokenBank(
    "nesting ten thousand deep",
    "version: 1\ncompany: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n",
    [
      "bank.yaml:2:11: error: YAML syntax error: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing at line 2, column 11)"
    ]),
  BrokenBank(
    "empty file", "", ["bank.yaml:1:1: error: the file is empty; a bank needs 'version', 'company' and 'questions'"]),
  BrokenBank(
    "only comments",
    "# a bank\n# to be written\n",
    ["bank.yaml:1:1: error: the file holds only comments; a bank needs 'version', 'company' and 'questions'"]),
  BrokenBank(
    "invalid UTF-8",
    bytes: Data(valid(replacing: "Acme (fictional)", with: "Acme XX").utf8).replacing(
      Data("XX".utf8), with: Data([0x83, 0x41])),
    [
      "bank.yaml:4:14: error: the file is not valid UTF-8: byte 0x83 cannot start or continue a character; save the file as UTF-8"
    ]),
  BrokenBank(
    "a file over the size cap",
    bytes: Data(repeating: 0x23, count: BankParser.maximumFileSize + 1),
    ["bank.yaml:1:1: error: the file is 8.0 MiB; a bank may be at most 8 MiB"]),
  BrokenBank(
    "many problems in one file are all reported",
    """
    version: 1
    company:
      id: Bad Id
      name: ""
      language: en
    questions:
      - id: q1
        text: One?
        stage: third
        kind: other
        answer_seconds: 5
      - id: q1
        text: Two?
        stage: first
        kind: nope
    """,
    [
      "bank.yaml:3:7: error: company id \"Bad Id\" is not a safe id: it contains a space",
      "bank.yaml:4:9: error: company name must not be empty",
      "bank.yaml:9:12: error: stage 'third' of question 'q1' is not one of the company's stages (first, second, final)",
      "bank.yaml:11:21: error: answer_seconds must be at least 10 seconds, found 5",
      "bank.yaml:15:11: error: kind 'nope' is not one of: self-introduction, motivation, student-life, behavioural, failure, decision, strengths-weaknesses, career-change, career-plan, role-specific, case, values, reverse-question, other",
    ]),
]

@Suite("Broken banks give located diagnostics")
struct BrokenBankTests {
  @Test("each broken bank reports exactly its problems", arguments: brokenBanks)
  func reportsExactDiagnostics(_ fixture: BrokenBank) {
    let result = BankParser().parse(fixture.data, path: "bank.yaml")
    #expect(result.diagnostics.sortedByLocation().map(\.description) == fixture.expected)
    let hasError = fixture.expected.contains { $0.contains(": error: ") }
    #expect((result.bank == nil) == hasError, "a bank loads exactly when it has no errors")
  }

  @Test("a byte-order mark and Windows line ends are read as they were meant")
  func bomAndCRLF() throws {
    for (name, data) in [
      ("a BOM", Data([0xEF, 0xBB, 0xBF]) + Data(validBank.utf8)),
      ("CRLF", Data(validBank.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
    ] {
      let result = BankParser().parse(data, path: "bank.yaml")
      #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics)")
      #expect(
        result.bank?.questions.map(\.text) == ["Tell me about yourself.", "Tell me about a time you failed."], "\(name)"
      )
    }
  }

  @Test("the valid fixture parses without diagnostics")
  func validFixtureIsClean() throws {
    let result = BankParser().parse(Data(validBank.utf8), path: "bank.yaml")
    #expect(result.diagnostics.isEmpty)
    let bank = try #require(result.bank)
    #expect(bank.company.id == "acme")
    #expect(bank.questions.map(\.id) == ["intro", "failure"])
    #expect(bank.questions[1].answerSeconds == BankDefaults.standard.answerSeconds)
    #expect(bank.questions[1].followUps(for: .reasoning) == ["Why did you choose that?"])
  }
}
