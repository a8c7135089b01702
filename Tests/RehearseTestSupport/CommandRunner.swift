import Foundation

/// The result of running the built binary.
public struct CommandResult: Sendable {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `rehearse` binary the way a script would: no terminal, a private home,
/// a chosen environment and standard input.
public struct CommandRunner {
  public var environment: [String: String]
  public var workingDirectory: URL

  /// A runner whose `REHEARSE_HOME` and XDG folders are inside `home`, with English messages.
  public init(home: URL, workingDirectory: URL? = nil, extraEnvironment: [String: String] = [:]) {
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": home.path,
      "REHEARSE_HOME": home.appendingPathComponent("data").path,
      "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
      "REHEARSE_LANG": "en",
      "LANG": "C.UTF-8",
    ]
    environment.merge(extraEnvironment) { $1 }
    self.environment = environment
    self.workingDirectory = workingDirectory ?? home
  }

  public func run(_ arguments: [String], stdin: String? = nil, stdoutPath: String? = nil) throws -> CommandResult {
    try run(arguments, stdinData: stdin.map { Data($0.utf8) }, stdoutPath: stdoutPath)
  }

  public func run(_ arguments: [String], stdinData stdin: Data?, stdoutPath: String? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = PackagePaths.binary
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = workingDirectory

    let outPipe = Pipe()
    let errPipe = Pipe()
    if let stdoutPath {
      process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
    } else {
      process.standardOutput = outPipe
    }
    process.standardError = errPipe
    let inPipe = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe

    try process.run()
    if let stdin {
      inPipe.fileHandleForWriting.write(stdin)
      try inPipe.fileHandleForWriting.close()
    }
    // Read both pipes before waiting, so a chatty process cannot fill a pipe and stall.
    nonisolated(unsafe) var outData = Data()
    let group = DispatchGroup()
    if stdoutPath == nil {
      group.enter()
      DispatchQueue.global().async {
        outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
    }
    let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
      exitCode: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
