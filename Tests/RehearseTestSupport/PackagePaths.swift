import Foundation

/// Paths inside the package under test.
public enum PackagePaths {
  /// The package root (the folder with Package.swift), found from this file's path.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  public static var questionBanks: URL { root.appendingPathComponent("QuestionBanks", isDirectory: true) }

  /// The built `rehearse` binary, beside the test bundle (`REHEARSE_BINARY` overrides).
  public static var binary: URL {
    if let override = ProcessInfo.processInfo.environment["REHEARSE_BINARY"] {
      return URL(fileURLWithPath: override)
    }
    return executable(named: "rehearse")
  }

  /// The built `rehearse-benchmarks` binary (its `--store-writer` mode is the store tests' second
  /// process).
  public static var benchmarks: URL { executable(named: "rehearse-benchmarks") }

  /// A product of this package built beside the test bundle.
  public static func executable(named name: String) -> URL {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    for candidate in [directory, directory.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return root.appendingPathComponent(".build/debug/\(name)")
  }
}
