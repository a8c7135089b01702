import Foundation
import RehearseTestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `rehearse-benchmarks --store-writer HOME N [--hold]` running as a separate process: the other
/// terminal of the store tests. Runs under `umask 000`, so only the store's own modes keep its
/// files private, and optionally as another user (through `setpriv`, else `runuser`).
final class WriterProcess {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()

  /// The unprivileged user of the permission tests (`nobody` on Debian).
  static let nobody: uid_t = 65534

  /// Another unprivileged user, with no name, who must not read what `nobody` keeps.
  static let stranger: uid_t = 65533

  /// A way to run a command as `nobody`, when this process may (root only).
  static var switchUser: [String]? { switchUser(to: nobody) }

  /// A way to run a command as `user` (any id; by name only for `nobody`), when this process may.
  static func switchUser(to user: uid_t) -> [String]? {
    guard geteuid() == 0 else { return nil }
    let id = String(user)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
      return ["/usr/bin/setpriv", "--reuid=\(id)", "--regid=\(id)", "--clear-groups"]
    }
    if user == nobody, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") {
      return ["/usr/sbin/runuser", "-u", "nobody", "--"]
    }
    return nil
  }

  convenience init(
    home: URL, lines: Int, hold: Bool = false, asNobody: Bool = false, executable: URL = PackagePaths.benchmarks
  ) throws {
    try self.init(
      command: [executable.path, "--store-writer", home.path, String(lines)] + (hold ? ["--hold"] : []),
      asNobody: asNobody)
  }

  /// Copies the built `rehearse` and `rehearse-benchmarks`, with the resource bundles beside
  /// them, into `folder`, for a user who may not be able to reach the build folder (a clone
  /// under /root). Returns the folder.
  static func copyExecutables(to folder: URL) throws -> URL {
    let files = FileManager.default
    try files.createDirectory(at: folder, withIntermediateDirectories: true)
    let built = PackagePaths.binary.deletingLastPathComponent()
    let names = try files.contentsOfDirectory(atPath: built.path).filter { $0.hasSuffix(".resources") }
    // Copied by `cp` in a process of its own: a descriptor this process held open for writing
    // could leak into a child that another test forks meanwhile, and executing the copy would
    // then fail with ETXTBSY ("text file busy", exit 126).
    let copy = Process()
    copy.executableURL = URL(fileURLWithPath: "/bin/cp")
    copy.arguments =
      ["-R", "-p"]
      + (names + [PackagePaths.binary.lastPathComponent, PackagePaths.benchmarks.lastPathComponent]).map {
        built.appendingPathComponent($0).path
      } + [folder.path]
    try copy.run()
    copy.waitUntilExit()
    guard copy.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    chmod(folder.path, 0o755)
    return folder
  }

  /// Any command, under `umask 000`, optionally as `nobody` (or as `user`).
  init(command: [String], asNobody: Bool = false, user: uid_t? = nil, environment: [String: String] = [:]) throws {
    var arguments = ["/bin/sh", "-c", #"umask 000; exec "$@""#, "sh"] + command
    if let user = user ?? (asNobody ? Self.nobody : nil) {
      arguments =
        try #require(Self.switchUser(to: user), "running as root, but neither setpriv nor runuser exists") + arguments
    }
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    process.environment = env
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
  }

  /// Waits until the writer says it holds the store open (`--hold`), returning what it printed.
  func waitUntilHeld() -> String {
    var text = ""
    while !text.hasSuffix("held\n") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    return text
  }

  /// Runs `command` to the end with `input` on its standard input.
  static func run(
    _ command: [String], input: String = "", asNobody: Bool, environment: [String: String]
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = try WriterProcess(command: command, asNobody: asNobody, environment: environment)
    if !input.isEmpty { process.send(input) }
    return try process.finish()
  }

  /// Writes `text` to the process's standard input.
  func send(_ text: String) {
    input.fileHandleForWriting.write(Data(text.utf8))
  }

  /// Lets a holding writer close the store, waits for it and returns its exit status, standard
  /// output (the rest of it) and standard error.
  func finish() throws -> (status: Int32, stdout: String, stderr: String) {
    try input.fileHandleForWriting.close()
    nonisolated(unsafe) var stdout = Data()
    let reader = output.fileHandleForReading
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stdout = reader.readDataToEndOfFile()
      group.leave()
    }
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }
}
