import Foundation
import GRDB
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The store on a disk that fills up while someone answers (issue 13): a small tmpfs mounted for
/// the test, so root only. Nothing saved before is lost, `PRAGMA integrity_check` stays clean, the
/// text that could not be saved is printed to be copied, and the drill resumes once there is room.
@Suite(
  "A full disk", .serialized,
  .enabled(if: SmallDisk.canMount, "needs root, and a kernel that lets root mount a small tmpfs"))
struct DiskFullTests {
  @Test(
    "drill on a terminal: the draft warning is said once, the unsaved line is printed, exit 74, the store intact and resumable"
  )
  func drillOnATerminal() throws {
    let disk = try SmallDisk()
    defer { disk.remove() }
    let runner = CommandRunner(home: disk.home, workingDirectory: PackagePaths.root)
    let banks = try TestBanks.write(into: disk.outside.appendingPathComponent("banks")).path

    let pty = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try pty.waitFor("[02:00] > ")
    pty.send("I compared two vendors.\r")
    try pty.waitFor("] > ")
    pty.send("then I picked")
    try pty.waitFor("picked")
    // A tick saves the line being typed at least once a second.
    Thread.sleep(forTimeInterval: 1.5)
    try disk.fill()
    pty.send(" the cheaper")
    try pty.waitFor("could not be saved as a draft (the disk is full)")
    // Further ticks fail too, and say nothing more.
    Thread.sleep(forTimeInterval: 2.5)
    pty.send(" one.\r")
    let end = try pty.waitFor("run the command again to carry on")
    #expect(try pty.wait() == .exited(74))
    #expect(!end.contains("could not be saved as a draft"), "said once:\n\(end)")
    let notice = try #require(end.range(of: "Not saved; copy it from here before you close this window:"))
    #expect(end[notice.upperBound...].contains("  then I picked the cheaper one."), "\(end)")
    #expect(end.contains("error: the disk holding the store"), "\(end)")

    try disk.free()
    #expect(try disk.integrity() == ["ok"])
    let show = try runner.run(["show", "1", "--json"])
    #expect(show.exitCode == 0, "\(show.stderr)")
    let transcript = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let question = try #require((transcript["questions"] as? [[String: Any]])?.first)
    #expect(question["answer"] as? String == "I compared two vendors.", "the line kept before the disk filled")
    let draft = question["draft"] as? [String: Any]
    #expect(draft?["text"] as? String == "then I picked", "the last draft saved before the disk filled")

    // With room again, the drill resumes where the store left it.
    let again = try runner.spawnOnTerminal(["drill", "testco", "--banks", banks, "--count", "1", "--no-review"])
    try again.waitFor("Resume it? [Y/n] > ")
    again.send("\r")
    try again.waitFor("> I compared two vendors.")
    try again.waitFor("] > then I picked")
    again.kill(SIGKILL)
    _ = try again.wait()
  }

  @Test(
    "piped drill, export and a new store on a full disk: exit 74 with the reason, earlier drills kept, no partial file")
  func commandsOnAFullDisk() throws {
    let disk = try SmallDisk()
    defer { disk.remove() }
    let runner = CommandRunner(home: disk.home, workingDirectory: PackagePaths.root)
    let banks = try TestBanks.write(into: disk.outside.appendingPathComponent("banks")).path
    let drill = ["drill", "testco", "--banks", banks, "--count", "1", "--no-review"]
    let first = try runner.run(drill, stdin: "I chose the cheaper vendor because it was faster.\n\n")
    #expect(first.exitCode == 0, "\(first.stderr)")
    // A second store, off the small disk, to export onto it.
    let outsideRunner = CommandRunner(
      home: disk.outside.appendingPathComponent("home"), workingDirectory: PackagePaths.root)
    #expect(try outsideRunner.run(drill, stdin: "An answer to export.\n\n").exitCode == 0)

    try disk.fill()
    let second = try runner.run(drill, stdin: "A second answer, with no room left to keep it.\n\n")
    #expect(second.exitCode == 74)
    #expect(second.stderr.contains("the disk holding the store"), "\(second.stderr)")
    #expect(try runner.run(["history"]).stderr.contains("is full"), "even reading needs the -shm file")

    let export = try outsideRunner.run(["export", "--all", "-o", disk.folder.appendingPathComponent("all.json").path])
    #expect(export.exitCode == 74)
    #expect(export.stderr.contains("No space left on device"), "\(export.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted()
    #expect(left == ["filler", "home"], "no partial or temporary export left behind: \(left)")

    let elsewhere = CommandRunner(
      home: disk.folder.appendingPathComponent("new-home"), workingDirectory: PackagePaths.root)
    let fresh = try elsewhere.run(drill, stdin: "An answer.\n\n")
    #expect(fresh.exitCode == 74, "a new store that cannot be made: \(fresh.stderr)")
    #expect(!fresh.stderr.isEmpty)

    try disk.free()
    #expect(try disk.integrity() == ["ok"])
    let history = try runner.run(["history", "--json"])
    #expect(history.exitCode == 0, "\(history.stderr)")
    let sessions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(
      sessions.first { ($0["id"] as? Int) == 1 }?["answered"] as? Int == 1, "the first drill is whole: \(sessions)")
  }
}

/// A 4 MB tmpfs mounted over a temporary folder, with the store's home on it.
final class SmallDisk {
  /// The temporary folder outside the small disk (banks live there).
  let outside: URL
  /// The mounted small disk.
  let folder: URL
  var home: URL { folder.appendingPathComponent("home", isDirectory: true) }
  private var filler: URL { folder.appendingPathComponent("filler") }

  init() throws {
    let temporary = try TemporaryDirectory("rehearse-disk-full")
    outside = temporary.url
    folder = temporary.url.appendingPathComponent("disk", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    guard Self.run("mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", folder.path) == 0 else {
      throw CocoaError(.fileWriteNoPermission)
    }
  }

  /// Writes zeros until the disk refuses more (ENOSPC).
  func fill() throws {
    let fd = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let chunk = [UInt8](repeating: 0, count: 4096)
    while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    #expect(errno == ENOSPC, "filled until the disk was full")
  }

  /// Makes room again.
  func free() throws {
    try FileManager.default.removeItem(at: filler)
  }

  /// `PRAGMA integrity_check` of the store, read by SQLite itself.
  func integrity() throws -> [String] {
    let queue = try DatabaseQueue(path: home.appendingPathComponent("rehearse.sqlite").path)
    return try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
  }

  func remove() {
    _ = Self.run("umount", folder.path)
    try? FileManager.default.removeItem(at: outside)
  }

  private static func run(_ arguments: String...) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Whether the suite can run here: root, and a mount that works (decided once, by trying).
  static let canMount: Bool = {
    guard geteuid() == 0, let probe = try? SmallDisk() else { return false }
    probe.remove()
    return true
  }()
}
