import Foundation
import RehearseCore
import RehearseTestSupport
import Testing

/// A minimal valid bank for company `id`.
func bankYAML(id: String, name: String = "Test Co", questionID: String = "intro") -> String {
  """
  version: 1
  company:
    id: \(id)
    name: \(name)
    language: en
  questions:
    - id: \(questionID)
      text: Tell me about yourself.
      stage: first
      kind: self-introduction
  """
}

@Suite("Finding and loading banks")
struct BankLibraryTests {
  @Test("a broken bank is skipped with its errors while the others load")
  func brokenBankDoesNotStopOthers() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "alpha"), to: "shipped/alpha.yaml")
      try dir.write("version: 1\ncompany: [\n", to: "shipped/broken.yaml")
      try dir.write(bankYAML(id: "gamma"), to: "shipped/gamma.yml")
      let catalog = BankLibrary(workingDirectory: dir.url).load([
        BankLocation(url: dir.url.appendingPathComponent("shipped"), origin: .shipped, mustExist: true)
      ])
      #expect(catalog.ids == ["alpha", "gamma"])
      #expect(catalog.fileCount == 3)
      #expect(catalog.diagnostics.errors.map(\.path) == ["shipped/broken.yaml"])
    }
  }

  @Test("the user's bank wins over a shipped one with the same id, with a warning naming both files")
  func userBankWins() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "acme", name: "Shipped Acme"), to: "shipped/acme.yaml")
      try dir.write(bankYAML(id: "acme", name: "My Acme"), to: "home/banks/acme-mine.yaml")
      let paths = RehearsePaths.resolve(
        environment: ["REHEARSE_HOME": dir.url.appendingPathComponent("home").path], userHome: dir.path)
      let locations = BankLocation.standard(
        shipped: dir.url.appendingPathComponent("shipped"), paths: paths, environment: [:], extra: [])
      let catalog = BankLibrary(workingDirectory: dir.url).load(locations)
      #expect(catalog.banks.count == 1)
      #expect(catalog.bank(id: "acme")?.bank.company.name == "My Acme")
      #expect(catalog.bank(id: "acme")?.origin == .user)
      #expect(
        catalog.conflicts.map(\.description) == [
          "home/banks/acme-mine.yaml:3:7: warning: company id 'acme' is also defined in shipped/acme.yaml; this file (user) is used instead"
        ])
    }
  }

  @Test("REHEARSE_BANKS folders and --banks folders load after the user's, in order")
  func environmentAndOptionFolders() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "one"), to: "a/one.yaml")
      try dir.write(bankYAML(id: "two"), to: "b/two.yaml")
      try dir.write(bankYAML(id: "three"), to: "c/nested/three.yaml")
      let paths = RehearsePaths.resolve(
        environment: ["REHEARSE_HOME": dir.url.appendingPathComponent("home").path], userHome: dir.path)
      let locations = BankLocation.standard(
        shipped: nil, paths: paths,
        environment: ["REHEARSE_BANKS": "\(dir.path)/a:\(dir.path)/b"],
        extra: [dir.url.appendingPathComponent("c")])
      #expect(locations.map(\.origin) == [.user, .environment, .environment, .commandLine])
      let catalog = BankLibrary(workingDirectory: dir.url).load(locations)
      #expect(catalog.ids == ["one", "two", "three"])
      #expect(catalog.diagnostics.isEmpty, "a missing default user folder is not a problem")
    }
  }

  @Test("files and folders starting with '_' or '.' and non-YAML files are skipped")
  func skipsPrivateAndOtherFiles() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "kept"), to: "banks/kept.yaml")
      try dir.write("not: [a bank", to: "banks/_draft.yaml")
      try dir.write("not: [a bank", to: "banks/.hidden.yaml")
      try dir.write("not: [a bank", to: "banks/_templates/x.yaml")
      try dir.write("# notes", to: "banks/README.md")
      let catalog = BankLibrary(workingDirectory: dir.url).load([
        BankLocation(url: dir.url.appendingPathComponent("banks"), origin: .user, mustExist: true)
      ])
      #expect(catalog.ids == ["kept"])
      #expect(catalog.diagnostics.isEmpty)
    }
  }

  @Test("a folder the person named that does not exist is an error")
  func missingNamedFolder() throws {
    try TemporaryDirectory.with { dir in
      let catalog = BankLibrary(workingDirectory: dir.url).load([
        BankLocation(url: dir.url.appendingPathComponent("nowhere"), origin: .commandLine, mustExist: true)
      ])
      #expect(catalog.diagnostics.map(\.description) == ["nowhere:1:1: error: bank folder does not exist"])
    }
  }

  @Test("an unreadable file is reported, not skipped silently")
  func unreadableFile() throws {
    try TemporaryDirectory.with { dir in
      let result = BankParser().parse(
        contentsOf: dir.url.appendingPathComponent("missing.yaml"), displayPath: "missing.yaml")
      #expect(
        result.diagnostics.map(\.description) == [
          "missing.yaml:1:1: error: cannot read the file: No such file or directory"
        ])
    }
  }

  @Test("an alias bomb is refused at its anchors instead of being expanded")
  func aliasBomb() {
    var yaml = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<12 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    yaml +=
      "company: {id: a, name: A, language: en}\nquestions: [{id: q, text: Q, stage: first, kind: other, tags: *a11}]\n"
    // 9^12 strings if expanded; refused at each anchor instead (the keys that define them are
    // not a bank's, and are still read for anchors).
    let start = ContinuousClock.now
    let result = BankParser().parse(Data(yaml.utf8), path: "bomb.yaml")
    #expect(ContinuousClock.now - start < .seconds(2), "not expanded")
    #expect(result.bank == nil)
    #expect(
      result.diagnostics.errors.map(\.description)
        == (0..<12).map { level in
          "bomb.yaml:\(level + 2):\(level < 10 ? 5 : 6): error: anchors and aliases ('&a\(level)') are not allowed in banks; write the value out"
        })
  }
}

@Suite("Where Rehearse keeps its files")
struct RehearsePathsTests {
  @Test("REHEARSE_HOME wins, then XDG_DATA_HOME, then ~/.local/share")
  func homeResolution() {
    #expect(
      RehearsePaths.resolve(environment: ["REHEARSE_HOME": "/r", "XDG_DATA_HOME": "/x"], userHome: "/h").home.path
        == "/r")
    #expect(RehearsePaths.resolve(environment: ["XDG_DATA_HOME": "/x"], userHome: "/h").home.path == "/x/rehearse")
    #expect(RehearsePaths.resolve(environment: [:], userHome: "/h").home.path == "/h/.local/share/rehearse")
    #expect(
      RehearsePaths.resolve(environment: ["XDG_DATA_HOME": "relative"], userHome: "/h").home.path
        == "/h/.local/share/rehearse")
    #expect(RehearsePaths.resolve(environment: [:], userHome: "/h").userBanks.path == "/h/.local/share/rehearse/banks")
    #expect(RehearsePaths.resolve(environment: ["XDG_CONFIG_HOME": "/c"], userHome: "/h").config.path == "/c/rehearse")
    #expect(RehearsePaths.resolve(environment: [:], userHome: "/h").state.path == "/h/.local/state/rehearse")
  }

  @Test("shipped banks are found beside an installed binary and in a source checkout")
  func shippedBanks() throws {
    try TemporaryDirectory.with { dir in
      try dir.write("", to: "prefix/bin/rehearse")
      try FileManager.default.createDirectory(
        at: dir.url.appendingPathComponent("prefix/share/rehearse/QuestionBanks"), withIntermediateDirectories: true)
      let installed = ShippedBanks.locate(
        executable: dir.url.appendingPathComponent("prefix/bin/rehearse"), environment: [:])
      #expect(installed?.path == dir.url.appendingPathComponent("prefix/share/rehearse/QuestionBanks").path)

      try dir.write("// package", to: "checkout/Package.swift")
      try dir.write("", to: "checkout/.build/x86_64-unknown-linux-gnu/debug/rehearse")
      try FileManager.default.createDirectory(
        at: dir.url.appendingPathComponent("checkout/QuestionBanks"), withIntermediateDirectories: true)
      let development = ShippedBanks.locate(
        executable: dir.url.appendingPathComponent("checkout/.build/x86_64-unknown-linux-gnu/debug/rehearse"),
        environment: [:])
      #expect(development?.path == dir.url.appendingPathComponent("checkout/QuestionBanks").path)

      #expect(
        ShippedBanks.locate(executable: nil, environment: ["REHEARSE_SHIPPED_BANKS": "/opt/banks"])?.path
          == "/opt/banks")
      #expect(
        ShippedBanks.locate(executable: dir.url.appendingPathComponent("elsewhere/rehearse"), environment: [:]) == nil)
    }
  }
}
