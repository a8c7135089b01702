import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse check`: the one-minute readiness self-check (issue 12).
struct CheckCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "A one-minute self-check of interview readiness: ten statements rated 1–5, a score out of 100.",
    discussion: """
      Each statement is rated 1 (not at all) to 5 (fully); the score is their mean as 0–100, with \
      your strengths and the two things to improve first (a plain warning under 40). Kept, so \
      `stats` and `report` show it over time. Without a terminal one rating is read per line \
      (a line that is not 1–5 is an error, exit 65, and nothing is kept). With --json the \
      statements go to standard error and the result to standard output.
      """)

  @OptionGroup var output: JSONOption

  struct Result: Encodable {
    var score: Int
    var low: Bool
    var answers: [String: Int]
    var strengths: [String]
    var improveFirst: [String]
    var takenAt: String

    enum CodingKeys: String, CodingKey {
      case score, low, answers, strengths
      case improveFirst = "improve_first", takenAt = "taken_at"
    }
  }

  func run(in context: AppContext) throws {
    let m = context.messages
    let check: ReadinessCheck
    do {
      check = try ReadinessCheck.shipped()
    } catch {
      throw RehearseError.io("the readiness check could not be read: \(error)")
    }
    let language: Language = context.language == .ja ? .ja : .en
    let style = output.json ? context.console.errStyle : context.console.outStyle
    func say(_ text: String) {
      if output.json { context.console.message(text) } else { context.console.print(text) }
    }
    let width = max(20, min(context.console.width, 100))
    for line in DisplayWidth.wrap(m.checkHeading, width: width) { say(style.heading(line)) }
    say(style.dim(m.checkScale(check.scale[language] ?? [])))

    let input: any LineInput = context.tty.stdinIsTerminal ? ReadlineInput(context: context) : PipedInput()
    input.begin()
    var ratings: [String: Int] = [:]
    var line = 0
    questions: for (index, question) in check.questions.enumerated() {
      say("")
      for part in DisplayWidth.wrap("\(index + 1). " + question.statement.text(language), width: width) { say(part) }
      while true {
        let event = input.read(LineRequest(history: .form, prompt: m.checkPrompt))
        line += 1
        switch event {
        case .line(let text),
          .endOfInput(let text) where !text.isEmpty:
          let trimmed = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCompatibilityMapping
          if let rating = Int(trimmed), (1...5).contains(rating) {
            ratings[question.id] = rating
            continue questions
          }
          guard input.isInteractive else {
            input.end()
            throw RehearseError.badData(m.checkBadLine(line, text))
          }
          say(style.dim(m.checkInvalid))
        case .endOfInput:
          input.end()
          guard input.isInteractive else {
            throw RehearseError.badData(m.checkIncomplete(answered: ratings.count, of: check.questions.count))
          }
          say(style.dim(m.checkStopped))
          return
        case .interrupted, .deadline, .terminated:
          input.end()
          say(style.dim(m.checkStopped))
          return
        }
      }
    }
    input.end()

    let result = check.result(ratings)
    let now = context.now()
    let store = try RehearseError.storing { try Store.open(home: context.paths.home) }
    let earlier = try RehearseError.storing { try store.readinessChecks() }.last
    try RehearseError.storing {
      try store.saveReadinessCheck(ReadinessRecord(takenAt: now, score: result.score, answers: ratings))
    }
    if output.json {
      context.console.write(
        try JSONText.encode(
          Result(
            score: result.score, low: result.isLow, answers: ratings, strengths: result.strengths.map(\.id),
            improveFirst: result.improveFirst.map(\.id), takenAt: context.dates.iso(now))))
      return
    }
    say("")
    let score = m.checkScore(result.score)
    say(result.isLow ? style.warning(score) : style.bold(score))
    if let earlier { say(style.dim(m.checkEarlier(context.dates.minute(earlier.takenAt), score: earlier.score))) }
    if result.isLow { for part in DisplayWidth.wrap(m.checkLow, width: width) { say(part) } }
    if !result.strengths.isEmpty {
      for part in DisplayWidth.wrap(m.checkStrengths(result.strengths.map { $0.strength.text(language) }), width: width)
      {
        say(part)
      }
    }
    if !result.improveFirst.isEmpty {
      say("")
      say(style.heading(m.checkImproveFirst))
      for (index, question) in result.improveFirst.enumerated() {
        for (offset, part) in DisplayWidth.wrap(question.statement.text(language), width: width - 5).enumerated() {
          say((offset == 0 ? "  \(index + 1). " : "     ") + part)
        }
        for part in DisplayWidth.wrap("→ " + question.advice.text(language), width: width - 5) {
          say("     " + style.dim(part))
        }
      }
    }
  }
}
