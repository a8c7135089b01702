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
