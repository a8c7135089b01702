import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse config get [KEY]` / `config set KEY VALUE`: the person's practice settings, in
/// `$XDG_CONFIG_HOME/rehearse/config.yaml` (`PracticeSettings`).
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Your practice settings: daily goal, new questions a day, the hour a day begins.",
    discussion: """
      Keys: daily-goal (questions a day, 1–50, default 5), new-per-day (never-practised questions \
      a day, 0–50, default 3), new-graduate (1 when you apply as a new graduate, 新卒: after a \
      rejection no feedback-request draft is offered; default 0), rollover-hour (the hour a new \
      practice day begins, 0–23, default 4: \
      practice at 1 am counts for the evening before). The file is config.yaml under \
      $XDG_CONFIG_HOME/rehearse (else ~/.config/rehearse); it may be edited by hand.
      """,
    subcommands: [Get.self, Set.self],
    defaultSubcommand: Get.self)

  /// The keys for completion and messages.
  static var keys: [String] { PracticeSettings.Key.allCases.map(\.rawValue) }

  /// The key named on the command line, or a usage error suggesting the closest.
  static func key(_ name: String, context: AppContext) throws -> PracticeSettings.Key {
    if let key = PracticeSettings.Key(rawValue: name) { return key }
    throw RehearseError.usage(
      context.messages.configUnknownKey(name, suggestion: Spelling.closest(to: name, in: keys), keys: keys))
  }

  struct Get: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "get", abstract: "Print a setting, or all of them (with where each comes from).")

    @Argument(
      help: ArgumentHelp("daily-goal, new-per-day, rollover-hour or new-graduate.", valueName: "key"),
      completion: .list(ConfigCommand.keys))
    var key: String?

    @OptionGroup var output: JSONOption

    func run(in context: AppContext) throws {
      let settings = try context.practiceSettings()
      let keys = try key.map { [try ConfigCommand.key($0, context: context)] } ?? PracticeSettings.Key.allCases
      if output.json {
        var object: [String: JSONValue] = [:]
        for key in keys { object[key.rawValue] = .int(settings[key]) }
        context.console.write(try JSONText.encode(JSONValue.object(object)))
        return
      }
      if key != nil {
        context.console.print(String(settings[keys[0]]))
        return
      }
      let width = keys.map { DisplayWidth.of($0.rawValue) }.max() ?? 0
      var out = ""
      for key in keys {
        out += DisplayWidth.pad(key.rawValue + ":", to: width + 1) + " " + String(settings[key])
        if !settings.isSet(key) { out += "  " + context.console.outStyle.dim("(\(context.messages.configDefault))") }
        out += "\n"
      }
      context.console.write(out)
      context.console.message(context.messages.configFile(context.configFile.path))
    }
  }

  struct Set: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Change a setting (kept in config.yaml; comments and other lines stay).")

    @Argument(
      help: ArgumentHelp("daily-goal, new-per-day, rollover-hour or new-graduate.", valueName: "key"),
      completion: .list(ConfigCommand.keys))
    var key: String

    @Argument(help: ArgumentHelp("A whole number in the key's range.", valueName: "value"))
    var value: String

    func run(in context: AppContext) throws {
      let key = try ConfigCommand.key(key, context: context)
      guard let number = Int(value.trimmingCharacters(in: .whitespaces)), key.range.contains(number) else {
        throw RehearseError.usage(
          context.messages.configBadValue(
            key.rawValue, value: value, lowest: key.range.lowerBound, highest: key.range.upperBound))
      }
      // The file must read cleanly first: a broken file is reported, not overwritten; only a bad
      // value on this key's own line is what `set` repairs.
      let url = context.configFile
      let text = (FileManager.default.contents(atPath: url.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      let loaded = PracticeSettings.load(from: url)
      let ownLine = PracticeSettings.line(of: key, in: text)
      let blocking = loaded.diagnostics.filter { $0.isError && $0.line != ownLine }
      if !blocking.isEmpty || (loaded.settings == nil && ownLine == nil) {
        DiagnosticView.print(loaded.diagnostics, to: context.console)
        throw RehearseError.badData("")
      }
      let updated = PracticeSettings.updating(text, key: key, value: number)
      do {
        try PrivateFiles.makeDirectory(url.deletingLastPathComponent())
        try PrivateFiles.write(Data(updated.utf8), to: url)
      } catch {
        throw RehearseError.io(context.messages.configCannotWrite(url.path, reason: "\(error)"))
      }
      context.console.message(context.messages.configSet(key.rawValue, value: number))
    }
  }
}

extension AppContext {
  /// `config.yaml` in the config folder.
  var configFile: URL { paths.config.appendingPathComponent(PracticeSettings.fileName) }

  /// The person's practice settings (the defaults without a file). Unknown keys are warned about
  /// with their line and column; a file with errors stops the command (exit 65), so a goal the
  /// person set is never silently replaced by the default.
  func practiceSettings() throws -> PracticeSettings {
    let loaded = PracticeSettings.load(from: configFile)
    DiagnosticView.print(loaded.diagnostics, to: console)
    guard let settings = loaded.settings else { throw RehearseError.badData("") }
    return settings
  }

  /// The schedule with the person's rollover hour, in the machine's time zone.
  func practiceSchedule(_ settings: PracticeSettings) -> PracticeSchedule {
    PracticeSchedule(calendar: PracticeCalendar(timeZone: timeZone, rolloverHour: settings.rolloverHour))
  }
}
