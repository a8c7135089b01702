/// Writes a bank as format-version-1 YAML, in the key order of `QuestionBanks/README.md`, so
/// a generated bank reads like a hand-written one. Every string is double-quoted (or a literal
/// block when it spans lines), so no text can be mistaken for a number, a boolean or syntax.
public enum BankWriter {
  public static func yaml(for bank: QuestionBank, header: [String] = []) -> String {
    var out = ""
    for line in header { out += line.isEmpty ? "#\n" : "# \(line)\n" }
    if !header.isEmpty { out += "\n" }
    out += "version: \(QuestionBank.formatVersion)\n\n"

    let c = bank.company
    out += "company:\n"
    out += "  id: \(c.id)\n"
    out += "  name: \(scalar(c.name, indent: 2))\n"
    out += "  language: \(c.language.rawValue)\n"
    out += "  type: \(c.type.rawValue)\n"
    out += optional("industry", c.industry, indent: 2)
    out += optional("summary", c.summary, indent: 2)
    out += optional("hiring_background", c.hiringBackground, indent: 2)
    out += list("required_skills", c.requiredSkills, indent: 2)
    out += list("preferred_skills", c.preferredSkills, indent: 2)
    out += optional("mission", c.mission, indent: 2)
    out += optional("vision", c.vision, indent: 2)
    out += list("values", c.values, indent: 2)
    out += optional("format_notes", c.formatNotes, indent: 2)
    out += "  stages:\n"
    for stage in c.stages {
      let details: [(String, String?)] = [
        ("name", stage.name.map { scalar($0, indent: 6) }),
        ("mode", stage.mode?.rawValue),
        ("minutes", stage.minutes.map(String.init)),
        ("interviewers", stage.interviewers.map { scalar($0, indent: 6) }),
        ("notes", stage.notes.map { scalar($0, indent: 6) }),
      ]
      if details.allSatisfy({ $0.1 == nil }) {
        out += "    - \(stage.id)\n"
      } else {
        out += "    - id: \(stage.id)\n"
        for case let (key, value?) in details { out += "      \(key): \(value)\n" }
      }
    }

    out += "\nquestions:\n"
    for (index, q) in bank.questions.enumerated() {
      if index > 0 { out += "\n" }
      out += question(q)
    }
    return out
  }

  /// One question as an item of the `questions:` list (two spaces in).
  public static func question(_ q: Question) -> String {
    var out = ""
    out += "  - id: \(q.id)\n"
    out += "    text: \(scalar(q.text, indent: 4))\n"
    out += "    stage: \(q.stage)\n"
    out += "    kind: \(q.kind.rawValue)\n"
    out += "    answer_seconds: \(q.answerSeconds)\n"
    if q.thinkSeconds > 0 { out += "    think_seconds: \(q.thinkSeconds)\n" }
    if !q.followUps.isEmpty {
      out += "    follow_ups:\n"
      for followUp in q.followUps {
        out += list(followUp.category.rawValue, followUp.questions, indent: 6, singleInline: true)
      }
    }
    out += list("tags", q.tags, indent: 4)
    out += list("answer_points", q.answerPoints, indent: 4)
    out += list("pitfalls", q.pitfalls, indent: 4)
    if let source = q.source {
      out += "    source:\n"
      out += "      type: \(source.kind.rawValue)\n"
      if !source.years.isEmpty { out += "      years: [\(source.years.map(String.init).joined(separator: ", "))]\n" }
      out += optional("note", source.note, indent: 6)
    }
    return out
  }

  private static func optional(_ key: String, _ value: String?, indent: Int) -> String {
    guard let value else { return "" }
    return String(repeating: " ", count: indent) + "\(key): \(scalar(value, indent: indent))\n"
  }

  private static func list(_ key: String, _ values: [String], indent: Int, singleInline: Bool = false) -> String {
    guard !values.isEmpty else { return "" }
    let pad = String(repeating: " ", count: indent)
    if singleInline, values.count == 1 { return "\(pad)\(key): \(scalar(values[0], indent: indent))\n" }
    var out = "\(pad)\(key):\n"
    for value in values { out += "\(pad)  - \(scalar(value, indent: indent + 2))\n" }
    return out
  }

  /// A YAML scalar for `text`: a literal block for multi-line text without trailing spaces,
  /// otherwise a double-quoted string with escapes.
  static func scalar(_ text: String, indent: Int) -> String {
    if text.contains("\n"), isLiteralSafe(text) {
      let pad = String(repeating: " ", count: indent + 2)
      let body = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : pad + $0 }
        .joined(separator: "\n")
      return "|-\n" + body
    }
    return quoted(text)
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where TextSafety.isControl(scalar) || TextSafety.isBidiControl(scalar) || scalar.value == 0xFEFF:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func isLiteralSafe(_ text: String) -> Bool {
    guard let first = text.first, first != " ", first != "\t" else { return false }
    if text.hasSuffix("\n") { return false }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.last == " " || line.last == "\t" { return false }
    }
    return TextSafety.firstUnsafeScalar(in: text) == nil && !text.contains("\t")
  }
}
