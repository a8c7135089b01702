import Foundation
import RehearseCore
import Testing

/// The person's settings file (`config.yaml`): defaults, located problems, edits that keep the rest.
@Suite("Practice settings")
struct PracticeSettingsTests {
  static func parse(_ text: String) -> PracticeSettings.Loaded {
    PracticeSettings.parse(Data(text.utf8), path: "config.yaml")
  }

  @Test("a missing file, an empty one and one of comments are the defaults")
  func defaults() throws {
    let missing = PracticeSettings.load(from: URL(fileURLWithPath: "/nonexistent/rehearse/config.yaml"))
    #expect(missing.settings == PracticeSettings())
    #expect(missing.diagnostics.isEmpty)
    for text in ["", "# nothing yet\n"] {
      let loaded = Self.parse(text)
      #expect(loaded.settings?.dailyGoal == 5)
      #expect(loaded.settings?.newPerDay == 3)
      #expect(loaded.settings?.rolloverHour == 4)
    }
  }

  @Test("every key is read; an unknown one is reported where it is, with the closest key, and ignored")
  func keys() throws {
    let loaded = Self.parse("version: 1\ndaily-goal: 8\nnew-per-day: 0\nrollover-hour: 0\ndaily-gaol: 3\n")
    let settings = try #require(loaded.settings)
    #expect(settings.dailyGoal == 8 && settings.newPerDay == 0 && settings.rolloverHour == 0)
    #expect(settings.isSet(.dailyGoal))
    #expect(
      loaded.diagnostics.map(\.description) == [
        "config.yaml:5:1: warning: unknown key 'daily-gaol' in the settings is ignored; did you mean 'daily-goal'?"
      ])
  }

  @Test("a bad value, a newer version or broken YAML is an error at its line and column, not the default")
  func errors() {
    let range = Self.parse("version: 1\ndaily-goal: 0\n")
    #expect(range.settings == nil)
    #expect(
      range.diagnostics.map(\.description) == [
        "config.yaml:2:13: error: 'daily-goal' must be positive, at least 1, found 0"
      ])
    let hour = Self.parse("rollover-hour: 24\n")
    #expect(
      hour.diagnostics.first?.description.hasPrefix("config.yaml:1:16: error: 'rollover-hour' must be at most 23")
        == true)
    let words = Self.parse("new-per-day: three\n")
    #expect(words.diagnostics.first?.line == 1 && words.diagnostics.first?.column == 14)
    let newer = Self.parse("version: 2\ndaily-goal: 5\n")
    #expect(newer.settings == nil)
    #expect(newer.diagnostics.first?.description.contains("written by a newer Rehearse") == true)
    let broken = Self.parse("daily-goal: 5\n  new-per-day: [3\n")
    #expect(broken.settings == nil)
    #expect(broken.diagnostics.first?.line ?? 0 >= 2)
    let list = Self.parse("- 5\n")
    #expect(list.settings == nil)
    #expect(list.diagnostics.first?.description.hasPrefix("config.yaml:1:1: error:") == true)
  }

  @Test("setting a key changes its line in place and keeps comments and other lines")
  func updating() {
    let text = "# my settings\nversion: 1\ndaily-goal: 5 # weekdays\nrollover-hour: 3\n"
    #expect(
      PracticeSettings.updating(text, key: .dailyGoal, value: 8)
        == "# my settings\nversion: 1\ndaily-goal: 8 # weekdays\nrollover-hour: 3\n")
    #expect(
      PracticeSettings.updating(text, key: .newPerDay, value: 2)
        == "# my settings\nversion: 1\ndaily-goal: 5 # weekdays\nrollover-hour: 3\nnew-per-day: 2\n")
    #expect(PracticeSettings.updating("", key: .rolloverHour, value: 5) == "version: 1\nrollover-hour: 5\n")
    let round = Self.parse(PracticeSettings.updating(text, key: .newPerDay, value: 2))
    #expect(round.settings?.newPerDay == 2 && round.settings?.dailyGoal == 5 && round.settings?.rolloverHour == 3)
  }
}
