import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseShell

@Suite("banks new on a terminal")
@MainActor struct BanksNewPromptTests {
  func context(language: InterfaceLanguage = .en) -> (AppContext, CapturedOutput) {
    let err = CapturedOutput()
    let console = Console(out: CapturedOutput(), err: err, outStyle: Style(.off), errStyle: Style(.off))
    let paths = RehearsePaths.resolve(environment: ["REHEARSE_HOME": "/nonexistent"], userHome: "/nonexistent")
    let context = AppContext(
      environment: [:], paths: paths, workingDirectory: URL(fileURLWithPath: "/"), executable: nil,
      tty: .none, console: console, language: language)
    return (context, err)
  }

  @Test("asks for each field, takes lists one per line, and re-asks an unsafe id")
  func prompts() throws {
    let (context, err) = context()
    let input = ScriptedInput(lines: [
      "株式会社 例示", "Bad Id", "reiji", "", "商社", "海外事業の拡大", "法人営業", "英語", "", "", "ミッション", "",
      "誠実", "挑戦", "", "first, final", "一次はオンライン",
    ])
    let command = try BanksCommand.New.parse([])
    let profile = try command.makeProfile(context: context, input: input)
    #expect(profile.name == "株式会社 例示")
    #expect(profile.id == "reiji")
    #expect(profile.language == .ja)
    #expect(profile.industry == "商社")
    #expect(profile.hiringBackground == "海外事業の拡大")
    #expect(profile.requiredSkills == ["法人営業", "英語"])
    #expect(profile.preferredSkills == [])
    #expect(profile.mission == "ミッション")
    #expect(profile.vision == nil)
    #expect(profile.values == ["誠実", "挑戦"])
    #expect(profile.stages == ["first", "final"])
    #expect(profile.formatNotes == "一次はオンライン")
    #expect(err.text.contains("That id contains a space"))
    #expect(input.prompts[1] == "Id (a-z, 0-9, -): ", "no id can be made from a Japanese name, so it is asked for")
  }

  @Test("options given in advance are not asked again; Ctrl-D cancels")
  func optionsSkipPrompts() throws {
    let (context, _) = context()
    let input = ScriptedInput(lines: [])
    let command = try BanksCommand.New.parse(["--name", "Acme", "--id", "acme", "--language", "en"])
    #expect(throws: CancellationError.self) { try command.makeProfile(context: context, input: input) }
    #expect(input.prompts == ["Industry (optional): "])
  }
}
