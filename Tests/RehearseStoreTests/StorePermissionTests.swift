import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The store holds private answers: its folder 0700, its files 0600 (DESIGN §7), whatever the
/// umask. Root ignores modes when it reads, so the modes are also checked with the store made by
/// an unprivileged user.
@Suite("Store: private files")
struct StorePermissionTests {
  /// Opens a store with another process holding it, so the -wal and -shm files exist, and checks
  /// every mode.
  func checkModes(asNobody: Bool) throws {
    let folder = try TemporaryDirectory("rehearse-modes")
    defer { folder.remove() }
    var rehearse = PackagePaths.binary
    var benchmarks = PackagePaths.benchmarks
    if asNobody {
      let bin = try WriterProcess.copyExecutables(to: folder.url.appendingPathComponent("bin"))
      rehearse = bin.appendingPathComponent(rehearse.lastPathComponent)
      benchmarks = bin.appendingPathComponent(benchmarks.lastPathComponent)
      #expect(chown(folder.path, WriterProcess.nobody, gid_t(WriterProcess.nobody)) == 0)
    }
    let home = folder.url.appendingPathComponent("data/rehearse", isDirectory: true)
    let writer = try WriterProcess(home: home, lines: 3, hold: true, asNobody: asNobody, executable: benchmarks)
    let printed = writer.waitUntilHeld()
    #expect(printed.hasSuffix("held\n"), "\(printed)")

    let file = Store.fileURL(home: home).path
    #expect(Fixtures.mode(folder.url.appendingPathComponent("data").path) == 0o700)
    #expect(Fixtures.mode(home.path) == 0o700)
    for path in [file, file + "-wal", file + "-shm"] {
      #expect(Fixtures.mode(path) == 0o600, "\(path)")
      if asNobody {
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_uid == WriterProcess.nobody, "\(path) belongs to the writer")
      }
    }
    let result = try writer.finish()
    #expect(result.status == 0, "\(result.stderr)")

    // The same user can read it back through the command line.
    let history = try WriterProcess(
      command: [rehearse.path, "history", "--json"], asNobody: asNobody,
      environment: ["REHEARSE_HOME": home.path, "HOME": folder.path, "REHEARSE_LANG": "en"])
    let listed = try history.finish()
    #expect(listed.status == 0, "\(listed.stderr)")
    let sessions = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
    #expect(sessions?.count == 1)
    #expect(sessions?.first?["company_id"] as? String == "writer")
  }

  @Test("a store made under umask 000 is still private: folder 0700; database, -wal and -shm 0600")
  func modes() throws {
    try checkModes(asNobody: false)
  }

  @Test(
    "an unprivileged user's store is private too, and readable by that user",
    .enabled(if: geteuid() == 0, "not root: the test above already ran as an unprivileged user"))
  func modesAsUnprivilegedUser() throws {
    try checkModes(asNobody: true)
  }

  @Test(
    "run as an unprivileged user: the store, exports, config and the bank cache are not readable by another user",
    .enabled(if: geteuid() == 0, "needs root to act as two unprivileged users"))
  func privateFromOtherUsers() throws {
    let folder = try TemporaryDirectory("rehearse-private")
    defer { folder.remove() }
    #expect(chmod(folder.path, 0o755) == 0)
    let bin = try WriterProcess.copyExecutables(to: folder.url.appendingPathComponent("bin"))
    let rehearse = bin.appendingPathComponent(PackagePaths.binary.lastPathComponent).path
    let user = folder.url.appendingPathComponent("user", isDirectory: true)
    try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
    // A home others may enter, as most are: only the modes Rehearse gives keep them out.
    #expect(chown(user.path, WriterProcess.nobody, gid_t(WriterProcess.nobody)) == 0)
    #expect(chmod(user.path, 0o755) == 0)
    let banks = try Self.banksForAnyone(in: folder.url)
    let environment = ["HOME": user.path, "REHEARSE_LANG": "en", "REHEARSE_SHIPPED_BANKS": banks.path]
    func run(_ arguments: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
      try WriterProcess.run([rehearse] + arguments, input: input, asNobody: true, environment: environment)
    }
    let drill = try run(
      ["drill", "testco", "--count", "1", "--no-review"], input: "I chose it because it was cheaper.\n\n")
    #expect(drill.status == 0, "\(drill.stderr)")
    for (arguments, name) in [
      (["export", "1"], "drill.md"), (["export", "1", "--format", "html"], "drill.html"),
      (["export", "--all", "--format", "json"], "backup.json"), (["report"], "report.html"),
    ] {
      let result = try run(arguments + ["-o", user.appendingPathComponent(name).path])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    #expect(try run(["config", "set", "daily-goal", "3"]).status == 0)

    // Everything Rehearse wrote, in the data, config and cache folders and the exports.
    var written: [String] = []
    let walker = try #require(FileManager.default.enumerator(atPath: user.path))
    while let relative = walker.nextObject() as? String { written.append(user.appendingPathComponent(relative).path) }
    let names = Set(written.map { String($0.dropFirst(user.path.count + 1)) })
    for expected in [
      ".local/share/rehearse/rehearse.sqlite", ".config/rehearse/config.yaml", "drill.md", "drill.html",
      "backup.json", "report.html",
    ] {
      #expect(names.contains(expected), "\(expected) was written: \(names.sorted())")
    }
    #expect(names.contains { $0.hasPrefix(".cache/rehearse/banks/") }, "the bank cache: \(names.sorted())")
    for path in written {
      var info = stat()
      #expect(lstat(path, &info) == 0)
      #expect(info.st_mode & 0o077 == 0, "\(path) is \(String(info.st_mode & 0o777, radix: 8)), open to others")
      #expect(info.st_uid == WriterProcess.nobody, "\(path) belongs to the user who ran it")
    }

    // Another unprivileged user can read none of the files (nor list a folder); their owner can.
    let tryReading = [
      "/bin/sh", "-c",
      #"for f; do if [ -d "$f" ]; then ls "$f"; else cat "$f"; fi >/dev/null 2>&1 && echo "$f"; done; exit 0"#,
      "sh",
    ]
    let owner = try WriterProcess(command: tryReading + written, asNobody: true).finish()
    #expect(owner.status == 0)
    #expect(owner.stdout == written.map { $0 + "\n" }.joined(), "the owner reads each one: \(owner.stderr)")
    let stranger = try WriterProcess(command: tryReading + written, user: WriterProcess.stranger).finish()
    #expect(stranger.status == 0)
    #expect(stranger.stdout.isEmpty, "readable by another user:\n\(stranger.stdout)")
  }

  @Test("a read-only store folder or store file: exit 74 saying so, the store's bytes unchanged")
  func readOnly() throws {
    // Root writes whatever the modes say, so as root this runs as `nobody`.
    let asNobody = geteuid() == 0
    let folder = try TemporaryDirectory("rehearse-read-only")
    defer {
      _ = chmod(folder.url.appendingPathComponent("home").path, 0o700)
      folder.remove()
    }
    #expect(chmod(folder.path, 0o755) == 0)
    var rehearse = PackagePaths.binary.path
    if asNobody {
      rehearse = try WriterProcess.copyExecutables(to: folder.url.appendingPathComponent("bin"))
        .appendingPathComponent(PackagePaths.binary.lastPathComponent).path
    }
    let home = folder.url.appendingPathComponent("home", isDirectory: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    if asNobody { #expect(chown(home.path, WriterProcess.nobody, gid_t(WriterProcess.nobody)) == 0) }
    let banks = try Self.banksForAnyone(in: folder.url)
    let environment = ["HOME": folder.path, "REHEARSE_HOME": home.path, "REHEARSE_LANG": "en"]
    let drill = [rehearse, "drill", "testco", "--banks", banks.path, "--count", "1", "--no-review"]
    func run(_ command: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
      try WriterProcess.run(command, input: input, asNobody: asNobody, environment: environment)
    }
    #expect(try run(drill, input: "A first answer.\n\n").status == 0)
    let file = Store.fileURL(home: home)
    let before = try Data(contentsOf: file)
    let message = "error: the store \(file.path) cannot be written: it or its folder is read-only"

    #expect(chmod(home.path, 0o500) == 0)
    for command in [drill, [rehearse, "history"], [rehearse, "show", "1", "--json"]] {
      let result = try run(command, input: "A second answer.\n\n")
      #expect(result.status == 74, "\(command.dropFirst()): \(result.stderr)")
      #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == ["rehearse.sqlite"])
    #expect(try Data(contentsOf: file) == before)

    // A read-only file in a writable folder can be read, not written.
    #expect(chmod(home.path, 0o700) == 0)
    #expect(chmod(file.path, 0o400) == 0)
    let history = try run([rehearse, "history", "--json"])
    #expect(history.status == 0, "\(history.stderr)")
    let refused = try run(drill, input: "A second answer.\n\n")
    #expect(refused.status == 74)
    #expect(refused.stderr.hasPrefix(message), "\(refused.stderr)")
    #expect(try Data(contentsOf: file) == before)
  }

  /// The test banks in `folder/banks`, readable by any user (the commands run as `nobody`).
  static func banksForAnyone(in folder: URL) throws -> URL {
    let banks = try TestBanks.write(into: folder.appendingPathComponent("banks"))
    _ = chmod(banks.path, 0o755)
    for name in try FileManager.default.contentsOfDirectory(atPath: banks.path) {
      _ = chmod(banks.appendingPathComponent(name).path, 0o644)
    }
    return banks
  }

  @Test("opening a store tightens a database, -wal and -shm that were left readable by others")
  func fixUp() throws {
    try TemporaryDirectory.with { folder in
      let first = try Store.open(home: folder.url)
      let id = try first.startSession(Fixtures.session())
      _ = try first.addQuestion(Fixtures.question(), to: id)
      let file = first.url.path
      for path in [file, file + "-wal", file + "-shm"] {
        #expect(chmod(path, 0o644) == 0, "\(path) exists while the store is open")
      }
      let second = try Store.open(home: folder.url)
      for path in [file, file + "-wal", file + "-shm"] {
        #expect(Fixtures.mode(path) == 0o600, "\(path)")
      }
      #expect(try second.sessionIDs() == [id])
    }
  }

  @Test("an existing home folder keeps its own mode")
  func existingFolder() throws {
    try TemporaryDirectory.with { folder in
      #expect(chmod(folder.path, 0o750) == 0)
      _ = try Store.open(home: folder.url)
      #expect(Fixtures.mode(folder.path) == 0o750)
      #expect(Fixtures.mode(Store.fileURL(home: folder.url).path) == 0o600)
    }
  }
}
