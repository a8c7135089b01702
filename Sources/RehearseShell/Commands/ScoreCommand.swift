import ArgumentParser
import Foundation
import RehearseCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `rehearse score`: explain one answer the way a coach would mark it up.
struct ScoreCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score one answer from standard input: why you decided, reproducibility, evidence, fit, structure.",
    discussion: """
      Reads the answer from standard input (or --text). Prints each category's level (0–3) with \
      the words that earned it, the answer with those words marked, what was not counted and why, \
      and a hint for what is missing. --json prints one object (see README). Exits 65 when there \
      is no answer.
      """)

  @Option(help: "The answer, instead of standard input.")
  var text: String?

  @Option(help: "The question that was asked (helps recognise failure questions).")
  var question: String?

  @Option(
    help: ArgumentHelp(
      "The question's kind (e.g. motivation, self-introduction, behavioural): categories it does not ask for are left out of the total.",
      valueName: "kind"))
  var kind: QuestionKind?

  @Option(help: "A company id: also check the answer against its values and requirements.")
  var company: String?

  @Option(help: "The answer's language, ja or en (default: detected).")
  var lang: Language?

  @Option(name: .customLong("seconds"), help: "The answer time, for judging length.")
  var answerSeconds: Int?

  @OptionGroup var folders: BankFolderOptions
  @OptionGroup var output: JSONOption

  func validate() throws {
    if let answerSeconds, !BankDefaults.answerSecondsRange.contains(answerSeconds) {
      throw ValidationError("--seconds must be between 10 and 1800")
    }
  }

  func run(in context: AppContext) throws {
    let answer = try readAnswer(context)
    guard !answer.allSatisfy(\.isWhitespace) else { throw RehearseError.badData(context.messages.emptyAnswer) }

    var bank: QuestionBank?
    if let company {
      let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
      bank = try BanksCommand.bank(company, in: catalog, context: context).bank
    }
    let kind = self.kind ?? question.flatMap { text in bank?.questions.first { $0.text == text }?.kind }
    // Only the lexicons the answer needs are compiled.
    let report: ScoreReport
    do {
      report = try Scorer.shipped(loading: []).checkedScore(
        answer,
        context: ScoringContext(
          question: question, kind: kind, answerSeconds: answerSeconds, company: bank?.company, language: lang))
    } catch {
      throw RehearseError.io("cannot load the scorer's lexicons: \(error)")
    }

    if output.json {
      context.console.write(try JSONText.encode(ScoreJSON.report(report)))
    } else {
      let view = ScoreView(
        report: report, answer: answer, messages: context.messages, style: context.console.outStyle,
        hasCompany: bank != nil, width: min(context.console.width, 100))
      context.console.write(view.render())
    }
  }

  /// The answer from --text or standard input; invalid UTF-8 is replaced and reported.
  private func readAnswer(_ context: AppContext) throws -> String {
    if let text { return text }
    if context.tty.stdinIsTerminal { context.console.message(context.messages.typeAnswer) }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let invalid = data.invalidUTF8ByteCount
    if invalid > 0 { context.console.warning(context.messages.invalidBytes(invalid)) }
    return String(decoding: data, as: UTF8.self)
  }
}

extension QuestionKind: ExpressibleByArgument {}

extension Data {
  /// How many bytes are not part of well-formed UTF-8 (each becomes one U+FFFD).
  var invalidUTF8ByteCount: Int {
    var count = 0
    var iterator = makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return count
      case .error: count += 1
      }
    }
  }
}
