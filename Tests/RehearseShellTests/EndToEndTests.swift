import Foundation
import RehearseTestSupport
import Testing

/// Runs the built `rehearse` binary as a script would and checks exit codes, streams and files.
@Suite("rehearse, end to end", .serialized)
struct EndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-e2e")
    runner = CommandRunner(home: home.url)
  }

  @Test("--version and --help work and exit 0")
  func versionAndHelp() throws {
    defer { home.remove() }
    let version = try runner.run(["--version"])
    #expect(version.exitCode == 0)
    // A build from `swift build` has no commit written beside it (Scripts/install writes one).
    #expect(version.stdout == "0.1.0 (development build)\n")
    for arguments in [["--help"], ["banks", "--help"], ["banks", "lint", "--help"], ["banks", "new", "--help"]] {
      let help = try runner.run(arguments)
      #expect(help.exitCode == 0, "\(arguments)")
      #expect(help.stdout.contains("USAGE:"), "\(arguments)")
    }
  }

  @Test("completion scripts for bash, zsh and fish name every command (Scripts/install puts them in place)")
  func completionScripts() throws {
    defer { home.remove() }
    for shell in ["bash", "zsh", "fish"] {
      let script = try runner.run(["--generate-completion-script", shell])
      #expect(script.exitCode == 0, "\(shell): \(script.stderr)")
      for command in ["drill", "daily", "review", "report", "mock", "debrief", "outcome", "preflight", "check"] {
        #expect(script.stdout.contains(command), "\(shell) completes \(command)")
      }
    }
    #expect(try runner.run(["--version"], stdoutPath: "/dev/full").exitCode == 74, "a failed write is exit 74")
  }

  @Test("Scripts/uninstall removes what install put under a prefix, and nothing else")
  func uninstall() throws {
    defer { home.remove() }
    let prefix = home.url.appendingPathComponent("prefix")
    let installed = [
      "bin/rehearse", "bin/Rehearse_RehearseCore.resources/commit", "share/rehearse/QuestionBanks/a.yaml",
      "share/man/man1/rehearse.1", "share/bash-completion/completions/rehearse", "share/zsh/site-functions/_rehearse",
      "share/fish/vendor_completions.d/rehearse.fish",
    ]
    let others = ["bin/other-tool", "share/man/man1/other.1"]
    for path in installed + others {
      let url = prefix.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [PackagePaths.root.appendingPathComponent("Scripts/uninstall").path, prefix.path]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    for path in installed {
      #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path) is left")
    }
    for path in others {
      #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path) is gone")
    }
  }

  @Test("a file-size limit (ulimit -f) is a clear error and exit 74, not a death by SIGXFSZ")
  func fileSizeLimit() throws {
    defer { home.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "ulimit -f 8; exec \"$0\" drill larkspur-cloud --count 1 --no-review", PackagePaths.binary.path,
    ]
    var environment = runner.environment
    environment["REHEARSE_SHIPPED_BANKS"] = PackagePaths.questionBanks.path
    process.environment = environment
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data("I decided because the data was late.\n\n\n".utf8))
    try input.fileHandleForWriting.close()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by a signal: \(process.terminationStatus)")
    #expect(process.terminationStatus == 74, "\(message)")
    #expect(message.contains("error: cannot use the store"), "\(message)")
  }

  @Test("JSON to a full disk is exit 74 for every command that prints it")
  func jsonToFullDisk() throws {
    defer { home.remove() }
    var runner = self.runner
    runner.environment["REHEARSE_SHIPPED_BANKS"] = PackagePaths.questionBanks.path
    let drill = try runner.run(
      ["drill", "larkspur-cloud", "--no-review", "--question", "self-intro"], stdin: "x\n\n\n")
    #expect(drill.exitCode == 0, "\(drill.stderr)")
    for arguments in [
      ["history", "--json"], ["show", "1", "--json"], ["stats", "--json"], ["search", "x", "--json"],
      ["banks", "list", "--json"], ["plan", "--json"], ["config", "get", "--json"],
      ["compare", "self-intro", "--company", "larkspur-cloud", "--json"],
    ] {
      let result = try runner.run(arguments, stdoutPath: "/dev/full")
      #expect(result.exitCode == 74, "\(arguments): \(result.exitCode) \(result.stderr)")
    }
  }

  @Test("usage errors exit 64")
  func usageErrors() throws {
    defer { home.remove() }
    for arguments in [["--nope"], ["banks", "frobnicate"], ["banks", "show"], ["banks", "show", "nosuch-company"]] {
      let result = try runner.run(arguments)
      #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
    let typo = try runner.run(["banks", "show", "kiso-consultimg"])
    #expect(typo.exitCode == 64)
    #expect(typo.stderr == "error: no bank has the id 'kiso-consultimg'; did you mean 'kiso-consulting'?\n")
    let prefix = try runner.run(["banks", "show", "kiso"])
    #expect(prefix.exitCode == 0, "a unique prefix is enough")
  }

  @Test("a broken bank: lint names file, line and column and exits 65; the others still load")
  func brokenBank() throws {
    defer { home.remove() }
    try home.write(
      """
      version: 1
      company:
        id: broken
        name: Broken Co
        language: en
      questions:
        - id: intro
          text: Tell me about yourself.
          stage: frist
          kind: self-introduction
          answer_seconds: 0
      """, to: "mine/broken.yaml")
    let lint = try runner.run(["banks", "lint", "mine"])
    #expect(lint.exitCode == 65)
    #expect(
      lint.stderr == """
        mine/broken.yaml:9:12: error: stage 'frist' of question 'intro' is not one of the company's stages (first, second, final); did you mean 'first'?
        mine/broken.yaml:11:21: error: answer_seconds must be positive, at least 10 seconds, found 0
        1 file checked: 2 errors, 0 warnings.

        """)
    #expect(lint.stdout.isEmpty)

    let missing = try runner.run(["banks", "lint", "mine/nosuch.yaml"])
    #expect(missing.exitCode == 65)
    #expect(missing.stderr.hasPrefix("mine/nosuch.yaml:1:1: error: no such file or folder\n"))

    let list = try runner.run(["banks", "list", "--banks", "mine", "--json"])
    #expect(list.exitCode == 0)
    #expect(list.stderr.contains("mine/broken.yaml:9:12: error:"))
    let ids = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(ids?.contains { $0["id"] as? String == "kiso-consulting" } == true)
    #expect(ids?.contains { $0["id"] as? String == "broken" } == false)
  }

  @Test("lint of every bank passes on the shipped banks")
  func lintShipped() throws {
    defer { home.remove() }
    let result = try runner.run(["banks", "lint"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.hasSuffix("checked: no problems.\n"))
  }

  @Test("banks list --json prints only JSON with the contract keys")
  func listJSON() throws {
    defer { home.remove() }
    let result = try runner.run(["banks", "list", "--json"])
    #expect(result.exitCode == 0)
    #expect(result.stderr.isEmpty)
    let banks = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(banks.count >= 8)
    for bank in banks {
      for key in ["id", "name", "language", "questions", "stages", "path"] {
        #expect(bank[key] != nil, "\(key) in \(bank["id"] ?? "?")")
      }
      #expect(bank["questions"] is Int)
      #expect(bank["stages"] is [String])
      #expect((bank["path"] as? String)?.hasSuffix(".yaml") == true)
    }
  }

  @Test("banks show prints the prep sheet, then questions by stage; --json has the whole bank")
  func show() throws {
    defer { home.remove() }
    let text = try runner.run(["banks", "show", "kiso-consulting"])
    #expect(text.exitCode == 0)
    #expect(text.stdout.contains("Why they are hiring"))
    #expect(text.stdout.contains("Values"))
    let firstStage = try #require(text.stdout.range(of: "(first)"))
    let finalStage = try #require(text.stdout.range(of: "(final)", range: firstStage.upperBound..<text.stdout.endIndex))
    #expect(firstStage.lowerBound < finalStage.lowerBound)
    #expect(!text.stdout.contains("\u{1B}["), "no escape codes when not a terminal")

    let japanese = try CommandRunner(home: home.url, extraEnvironment: ["REHEARSE_LANG": "ja"]).run([
      "banks", "show", "kiso-consulting",
    ])
    #expect(japanese.stdout.contains("募集背景"))
    #expect(japanese.stdout.contains("選考ステップ"))

    let json = try runner.run(["banks", "show", "kiso-consulting", "--json", "--stage", "final"])
    let sheet = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(sheet["id"] as? String == "kiso-consulting")
    #expect(sheet["hiring_background"] is String)
    let questions = try #require(sheet["questions"] as? [[String: Any]])
    #expect(!questions.isEmpty)
    #expect(questions.allSatisfy { $0["stage"] as? String == "final" })
    #expect(questions.allSatisfy { $0["answer_seconds"] is Int })

    let badStage = try runner.run(["banks", "show", "kiso-consulting", "--stage", "fourth"])
    #expect(badStage.exitCode == 64)
  }

  @Test("banks new writes a private bank that lints clean, and refuses to overwrite it")
  func newBank() throws {
    defer { home.remove() }
    let arguments = [
      "banks", "new", "--name", "Acme Corp", "--language", "en", "--background", "Opening a second office",
      "--required", "B2B sales", "--required", "Excel", "--preferred", "Japanese", "--value", "Candor",
      "--value", "Ownership", "--mission", "Make work lighter", "--stages", "first,case,final",
    ]
    let created = try runner.run(arguments)
    #expect(created.exitCode == 0, "\(created.stderr)")
    let bankPath = home.url.appendingPathComponent("data/banks/acme-corp.yaml").path
    #expect(created.stderr.hasPrefix("Created \(bankPath) with "))

    let attributes = try FileManager.default.attributesOfItem(atPath: bankPath)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folder = try FileManager.default.attributesOfItem(atPath: home.url.appendingPathComponent("data/banks").path)
    #expect((folder[.posixPermissions] as? Int) == 0o700)
    let data = try FileManager.default.attributesOfItem(atPath: home.url.appendingPathComponent("data").path)
    #expect((data[.posixPermissions] as? Int) == 0o700)

    let lint = try runner.run(["banks", "lint", bankPath])
    #expect(lint.exitCode == 0, "\(lint.stderr)")
    #expect(lint.stderr == "1 file checked: no problems.\n")

    let json = try runner.run(["banks", "show", "acme-corp", "--json"])
    let sheet = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(sheet["type"] as? String == "company")
    #expect(sheet["values"] as? [String] == ["Candor", "Ownership"])
    let texts = (sheet["questions"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    #expect(texts.contains { $0.contains("Candor") })
    #expect(texts.contains { $0.contains("B2B sales") })
    #expect(texts.contains { $0.contains("Acme Corp") })

    let again = try runner.run(arguments)
    #expect(again.exitCode == 64)
    #expect(again.stderr.contains("already exists"))
    #expect(try runner.run(arguments + ["--force"]).exitCode == 0)
  }

  @Test("banks new without a terminal needs --name, and --id when the name is not ASCII")
  func newBankNeedsOptions() throws {
    defer { home.remove() }
    let none = try runner.run(["banks", "new"])
    #expect(none.exitCode == 64)
    #expect(none.stderr.contains("--name"))
    let japanese = try runner.run(["banks", "new", "--name", "例示商事"])
    #expect(japanese.exitCode == 64)
    #expect(japanese.stderr.contains("--id"))
    let withID = try runner.run(["banks", "new", "--name", "例示商事", "--id", "reiji", "--value", "誠実"])
    #expect(withID.exitCode == 0, "\(withID.stderr)")
    let sheet = try runner.run(["banks", "show", "reiji", "--json"])
    #expect(sheet.stdout.contains("\"language\" : \"ja\""))
    let unsafe = try runner.run(["banks", "new", "--name", "X", "--id", "../etc"])
    #expect(unsafe.exitCode == 64)
  }

  @Test("the user's bank replaces a shipped one with the same id, with a warning naming both")
  func userBankWins() throws {
    defer { home.remove() }
    let shipped = try String(
      contentsOf: PackagePaths.questionBanks.appendingPathComponent("kiso-consulting-ja.yaml"), encoding: .utf8)
    try home.write(shipped.replacingOccurrences(of: "基礎コンサルティング（架空）", with: "私の基礎コンサル（架空）"), to: "data/banks/kiso.yaml")
    let result = try runner.run(["banks", "list"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.contains("私の基礎コンサル"))
    #expect(result.stderr.contains("data/banks/kiso.yaml"))
    #expect(result.stderr.contains("is also defined in \(PackagePaths.questionBanks.path)/kiso-consulting-ja.yaml"))
  }

  @Test("a write error on standard output exits 74")
  func fullDisk() throws {
    defer { home.remove() }
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let result = try runner.run(["banks", "list", "--json"], stdoutPath: "/dev/full")
    #expect(result.exitCode == 74)
    #expect(result.stderr.contains("No space left on device"))
  }
}
