import Foundation

/// Writes new banks into the user's banks folder: private (folder 0700, file 0600), never
/// over an existing file unless asked, and only after the result parses cleanly.
public struct BankFile {
  public enum Failure: Error, Equatable {
    case exists(String)
    case noQuestions
    case io(String)
  }

  public struct Written: Equatable {
    public var path: String
    public var questions: Int
  }

  public var folder: URL

  public init(folder: URL) {
    self.folder = folder
  }

  public func create(for profile: CompanyProfile, from templates: StandardQuestions, replacing: Bool) throws -> Written
  {
    let url = folder.appendingPathComponent("\(profile.id).yaml")
    let bank = templates.bank(for: profile, path: url.path)
    guard !bank.questions.isEmpty else { throw Failure.noQuestions }
    if !replacing, FileManager.default.fileExists(atPath: url.path) { throw Failure.exists(url.path) }

    let header = [
      "\(profile.name) — made by `rehearse banks new`.",
      "Fill in what is missing from the job posting (募集背景・必須要件・歓迎要件) and the company's",
      "site (mission, vision, values), and add the questions this company is known to ask, with",
      "source: {type: interview-report, years: [...]}. Format: QuestionBanks/README.md.",
    ]
    let text = BankWriter.yaml(for: bank, header: header)
    // The generated file must pass lint; a failure here is a bug in the writer or templates.
    let check = BankParser().parse(Data(text.utf8), path: url.path)
    guard check.bank != nil else {
      throw Failure.io(
        "internal error: the generated bank does not parse: \(check.diagnostics.map(\.description).joined(separator: "; "))"
      )
    }
    do {
      try PrivateFiles.makeDirectory(folder)
      try PrivateFiles.write(Data(text.utf8), to: url)
    } catch {
      throw Failure.io("cannot write \(url.path): \(error)")
    }
    return Written(path: url.path, questions: bank.questions.count)
  }
}

extension CompanyProfile {
  /// An id from an ASCII name ("Acme Corp." → "acme-corp"), or `nil` when the name has no
  /// ASCII letters to make one from.
  public static func suggestedID(for name: String) -> String? {
    var id = ""
    for scalar in name.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
      } else if !id.isEmpty, id.last != "-" {
        id.append("-")
      }
    }
    while id.hasSuffix("-") { id.removeLast() }
    id = String(id.prefix(SafeID.maximumLength))
    while id.hasSuffix("-") { id.removeLast() }
    return SafeID.isSafe(id) && id.count >= 2 ? id : nil
  }

  /// Japanese when the name has kana or kanji, else English.
  public static func suggestedLanguage(for name: String) -> Language {
    name.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
      ? .ja : .en
  }
}

extension BankFile {
  /// Adds `questions` to the bank file at `path`, keeping everything already in it: appended to
  /// its `questions:` list when that list ends the file (as in every bank Rehearse writes and
  /// the shipped ones), else the whole bank written again in the standard layout (comments
  /// lost). The result must parse with the new questions in it, or the file is left as it was.
  public static func append(_ questions: [Question], to bank: QuestionBank) throws -> QuestionBank {
    let url = URL(fileURLWithPath: bank.path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw Failure.io("cannot read \(bank.path)")
    }
    let original = String(decoding: data, as: UTF8.self)
    var text: String
    if listEndsFile(original) {
      text = original.hasSuffix("\n") ? original : original + "\n"
      for question in questions { text += "\n" + BankWriter.question(question) }
    } else {
      var updated = bank
      updated.questions += questions
      text = BankWriter.yaml(for: updated)
    }
    let check = BankParser().parse(Data(text.utf8), path: bank.path)
    guard let parsed = check.bank, questions.allSatisfy({ new in parsed.questions.contains { $0.id == new.id } }) else {
      throw Failure.io(
        "adding the questions would break \(bank.path): "
          + check.diagnostics.map(\.message).joined(separator: "; "))
    }
    do {
      try PrivateFiles.write(Data(text.utf8), to: url)
    } catch {
      throw Failure.io("cannot write \(bank.path): \(error)")
    }
    return parsed
  }

  /// Whether the last top-level key of the YAML text is `questions:` in block style.
  static func listEndsFile(_ text: String) -> Bool {
    var last: Substring?
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      guard let first = line.first, first != " ", first != "#", first != "-" else { continue }
      last = line
    }
    guard let last else { return false }
    return last.trimmingCharacters(in: .whitespaces) == "questions:"
  }
}
