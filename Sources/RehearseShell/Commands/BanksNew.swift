import ArgumentParser
import Foundation
import RehearseCore

extension BanksCommand {
  struct New: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "new",
      abstract: "Create a bank for a company you are applying to, from the standard questions.",
      discussion: """
        On a terminal it asks for the prep-sheet fields (press Enter to skip optional ones); \
        options fill them in ahead, and without a terminal --name (and --id for a non-ASCII \
        name) is required. The bank is written to <home>/banks/ID.yaml with the standard \
        questions for its stages, tailored with its values and skills.
        """)

    @Option(help: "The company's name as you want to see it.")
    var name: String?

    @Option(help: "A short id: lowercase letters, digits and '-' (default: from an ASCII name).")
    var id: String?

    @Option(help: "The interview language: ja or en (default: ja when the name is Japanese).")
    var language: Language?

    @Option(help: "The industry.")
    var industry: String?

    @Option(name: .customLong("background"), help: "Why they are hiring (募集背景).")
    var hiringBackground: String?

    @Option(name: .customLong("required"), help: "A required skill (必須要件); repeat for each.")
    var requiredSkills: [String] = []

    @Option(name: .customLong("preferred"), help: "A preferred skill (歓迎要件); repeat for each.")
    var preferredSkills: [String] = []

    @Option(help: "The company's mission.")
    var mission: String?

    @Option(help: "The company's vision.")
    var vision: String?

    @Option(name: .customLong("value"), help: "A company value; repeat for each.")
    var values: [String] = []

    @Option(help: "The stages in order, comma-separated (default: first,second,final).")
    var stages: String?

    @Option(name: .customLong("format-notes"), help: "How they interview: online or in person, who interviews.")
    var formatNotes: String?

    @Flag(name: .customLong("no-input"), help: "Never prompt, even on a terminal.")
    var noInput = false

    @Flag(help: "Replace an existing bank file with the same id.")
    var force = false

    @MainActor func run(in context: AppContext) throws {
      let interactive = context.tty.stdinIsTerminal && !noInput
      let input: (any LineInput)? = interactive ? ReadlineInput(context: context) : nil
      let profile: CompanyProfile
      do {
        // One session of prompts: the terminal stays prepared between fields (TERMINAL.md).
        input?.begin()
        defer { input?.end() }
        profile = try makeProfile(context: context, input: input)
      } catch is CancellationError {
        context.console.message(context.messages.cancelled)
        return
      }
      let templates = try StandardQuestions.shipped(profile.language)
      let written: BankFile.Written
      do {
        written = try BankFile(folder: context.paths.userBanks).create(for: profile, from: templates, replacing: force)
      } catch BankFile.Failure.exists(let path) {
        throw RehearseError.usage(context.messages.bankExists(path))
      } catch BankFile.Failure.noQuestions {
        throw RehearseError.usage(context.messages.noTemplateQuestions)
      } catch BankFile.Failure.io(let reason) {
        throw RehearseError.io(reason)
      }
      context.console.message(context.messages.bankCreated(path: written.path, questions: written.questions))
      context.console.message(context.messages.bankCreatedNext)
    }

    /// The profile from options, asking on `input` for what they leave out.
    @MainActor func makeProfile(context: AppContext, input: (any LineInput)?) throws -> CompanyProfile {
      let m = context.messages
      if input == nil {
        var missing: [String] = []
        if name == nil { missing.append("--name") }
        if id == nil, let name, CompanyProfile.suggestedID(for: name) == nil { missing.append("--id") }
        if !missing.isEmpty { throw RehearseError.usage(m.missingForNonInteractive(missing)) }
      }
      if input != nil { context.console.message(m.newIntro) }

      var prompter = Prompter(input: input, messages: m, console: context.console)
      let name = try self.name ?? prompter.required(m.promptName)
      let id: String
      if let given = self.id {
        if let problem = SafeID.problem(with: given) { throw RehearseError.usage(m.invalidID(problem)) }
        id = given
      } else if input != nil {
        id = try prompter.id(m.promptID, default: CompanyProfile.suggestedID(for: name))
      } else {
        id = CompanyProfile.suggestedID(for: name)!
      }
      let defaultLanguage = self.language ?? CompanyProfile.suggestedLanguage(for: name)
      var language = defaultLanguage
      if self.language == nil, input != nil {
        while true {
          let answer =
            try prompter.optional(m.promptLanguage, default: defaultLanguage.rawValue) ?? defaultLanguage.rawValue
          if let chosen = Language(rawValue: answer.lowercased()) {
            language = chosen
            break
          }
        }
      }

      func text(_ given: String?, _ prompt: String) throws -> String? {
        if let given { return given.isEmpty ? nil : given }
        return try prompter.optional(prompt)
      }
      let asking = input != nil
      func list(_ given: [String], _ prompt: String) throws -> [String] {
        if !given.isEmpty || !asking { return given.filter { !$0.isEmpty } }
        return try prompter.list(prompt)
      }
      let industry = try text(industry, m.promptIndustry)
      let background = try text(hiringBackground, m.promptBackground)
      let required = try list(requiredSkills, m.promptRequired)
      let preferred = try list(preferredSkills, m.promptPreferred)
      let mission = try text(mission, m.promptMission)
      let vision = try text(vision, m.promptVision)
      let values = try list(values, m.promptValues)

      var stageIDs = try parseStages(stages ?? "", messages: m) ?? Stage.defaultStages.map(\.id)
      if stages == nil, input != nil {
        while true {
          let answer = try prompter.optional(m.promptStages, default: stageIDs.joined(separator: ",")) ?? ""
          do {
            if let parsed = try parseStages(answer, messages: m) { stageIDs = parsed }
            break
          } catch let error as RehearseError {
            context.console.error(error.description)
          }
        }
      }
      let format = try text(formatNotes, m.promptFormat)

      return CompanyProfile(
        id: id, name: name, language: language, industry: industry, hiringBackground: background,
        requiredSkills: required, preferredSkills: preferred, mission: mission, vision: vision,
        values: values, formatNotes: format, stages: stageIDs)
    }

    /// Comma- or space-separated known stage ids; `nil` for an empty answer.
    private func parseStages(_ text: String, messages: any Messages) throws -> [String]? {
      let items = text.split(whereSeparator: { ",、， ".contains($0) }).map { String($0).lowercased() }
      guard !items.isEmpty else { return nil }
      let unknown = items.filter { !Stage.knownIDs.contains($0) }
      if !unknown.isEmpty { throw RehearseError.usage(messages.unknownStages(unknown, known: Stage.knownIDs)) }
      var seen: Set<String> = []
      return items.filter { seen.insert($0).inserted }
    }
  }
}

extension Language: ExpressibleByArgument {}

/// Asks one prep-sheet question at a time. Without input every optional answer is empty.
@MainActor struct Prompter {
  var input: (any LineInput)?
  var messages: any Messages
  var console: Console

  mutating func required(_ prompt: String) throws -> String {
    guard let input else { throw RehearseError.usage(messages.missingForNonInteractive([prompt])) }
    while true {
      let line = try ask(input, "\(prompt): ")
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if !trimmed.isEmpty { return trimmed }
    }
  }

  mutating func optional(_ prompt: String, default value: String? = nil) throws -> String? {
    guard let input else { return value }
    let shown = value.map { "\(prompt) [\($0)]: " } ?? "\(prompt) (\(messages.optionalHint)): "
    let line = try ask(input, shown)
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? value : trimmed
  }

  /// A safe id, asked again until it is one.
  mutating func id(_ prompt: String, default value: String?) throws -> String {
    while true {
      let answer: String
      if let value {
        answer = try optional(prompt, default: value) ?? value
      } else {
        answer = try required(prompt)
      }
      guard let problem = SafeID.problem(with: answer) else { return answer }
      console.error(messages.invalidID(problem))
    }
  }

  /// The line typed after `prompt`; anything but Enter (Ctrl-D, Ctrl-C, SIGTERM) cancels.
  private func ask(_ input: any LineInput, _ prompt: String) throws -> String {
    guard case .line(let line) = input.read(LineRequest(history: .form, prompt: prompt)) else {
      throw CancellationError()
    }
    return line
  }

  /// One item per line until an empty line.
  mutating func list(_ prompt: String) throws -> [String] {
    guard let input else { return [] }
    console.message("\(prompt) — \(messages.listInputHint)")
    var items: [String] = []
    while true {
      let line = try ask(input, "  \(items.count + 1). ")
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return items }
      items.append(trimmed)
    }
  }
}
