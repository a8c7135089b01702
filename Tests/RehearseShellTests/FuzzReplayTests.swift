import Foundation
import RehearseTestSupport
import Testing

/// The fuzz targets' seeds and every input a fuzzer once crashed on (Fuzz/Regressions/TARGET/),
/// replayed through the plain build of `rehearse-fuzz`: each must run to the end.
@Suite("fuzz inputs replayed")
struct FuzzReplayTests {
  static let targets = ["bank", "cache", "scorer", "piped", "config", "import"]

  static func files(_ folder: String, _ target: String) throws -> [String] {
    let url = PackagePaths.root.appendingPathComponent("Fuzz/\(folder)/\(target)")
    return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted().map {
      url.appendingPathComponent($0).path
    }
  }

  @Test("every seed and every saved crash runs clean", arguments: targets)
  func replay(_ target: String) throws {
    let seeds = try Self.files("Corpus", target)
    #expect(!seeds.isEmpty, "\(target) has seeds")
    let inputs = seeds + (try Self.files("Regressions", target))
    let process = Process()
    process.executableURL = PackagePaths.executable(named: "rehearse-fuzz")
    process.arguments = [target] + inputs
    process.environment = [
      "REHEARSE_SHIPPED_BANKS": PackagePaths.questionBanks.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(target): \(message)")
  }
}
