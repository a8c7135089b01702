import Foundation
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The parsed-bank cache seen from outside: the same output with and without it, private
/// files, and commands that still work when it cannot be written.
@Suite("The bank cache, end to end", .serialized)
struct BankCacheEndToEndTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-cache-e2e")
    runner = CommandRunner(home: home.url)
  }

  var cacheFolder: URL { home.url.appendingPathComponent("cache/rehearse/banks") }

  func mode(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
  }

  @Test("banks show and list print the same cold, warm and with REHEARSE_NO_CACHE=1; the cache is private")
  func sameOutput() throws {
    defer { home.remove() }
    let commands = [["banks", "show", "kiso-consulting", "--details"], ["banks", "list", "--json"]]
    let uncached = try commands.map {
      try CommandRunner(home: home.url, extraEnvironment: ["REHEARSE_NO_CACHE": "1"]).run($0)
    }
    #expect(!FileManager.default.fileExists(atPath: cacheFolder.path), "REHEARSE_NO_CACHE=1 writes nothing")
    for _ in 0..<2 {
      for (arguments, expected) in zip(commands, uncached) {
        let result = try runner.run(arguments)
        #expect(result.exitCode == 0)
        #expect(result.stdout == expected.stdout, "\(arguments)")
        #expect(result.stderr == expected.stderr, "\(arguments)")
      }
    }
    #expect(mode(cacheFolder.path) == 0o700)
    let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
    #expect(files.count == 1, "one index for the shipped folder (the user folder does not exist)")
    #expect(files.allSatisfy { $0.hasSuffix(".index") && mode(cacheFolder.appendingPathComponent($0).path) == 0o600 })
  }

  @Test("a bank edited between two commands shows the edit")
  func editShows() throws {
    defer { home.remove() }
    let bank = """
      version: 1
      company:
        id: acme
        name: NAME
        language: en
      questions:
        - id: intro
          text: Tell me about yourself.
          stage: first
          kind: self-introduction
      """
    try home.write(bank.replacingOccurrences(of: "NAME", with: "Acme One"), to: "data/banks/acme.yaml")
    #expect(try runner.run(["banks", "show", "acme"]).stdout.contains("Acme One"))
    try home.write(bank.replacingOccurrences(of: "NAME", with: "Acme Two"), to: "data/banks/acme.yaml")
    #expect(try runner.run(["banks", "show", "acme"]).stdout.contains("Acme Two"))
  }

  @Test("banks lint always parses the files and leaves the cache alone")
  func lintSkipsCache() throws {
    defer { home.remove() }
    let lint = try runner.run(["banks", "lint"])
    #expect(lint.exitCode == 0)
    #expect(!FileManager.default.fileExists(atPath: cacheFolder.path))
  }

  @Test("a cache folder that cannot be created does not make a command fail")
  func blockedCache() throws {
    defer { home.remove() }
    try home.write("a file where the cache folder should be", to: "blocked")
    let blocked = CommandRunner(
      home: home.url, extraEnvironment: ["XDG_CACHE_HOME": home.url.appendingPathComponent("blocked").path])
    let expected = try CommandRunner(home: home.url, extraEnvironment: ["REHEARSE_NO_CACHE": "1"]).run(
      ["banks", "show", "kiso-consulting"])
    for _ in 0..<2 {
      let result = try blocked.run(["banks", "show", "kiso-consulting"])
      #expect(result.exitCode == 0)
      #expect(result.stderr.isEmpty)
      #expect(result.stdout == expected.stdout)
    }
  }
}
