import Foundation

/// Finds the `QuestionBanks/` folder that ships with Rehearse: beside an installed binary
/// (`PREFIX/bin/rehearse` → `PREFIX/share/rehearse/QuestionBanks`) or in the source checkout
/// a development build runs from (`…/.build/debug/rehearse` → `…/QuestionBanks`).
public enum ShippedBanks {
  public static let folderName = "QuestionBanks"

  /// `REHEARSE_SHIPPED_BANKS` overrides the search (packagers, tests).
  public static func locate(executable: URL?, environment: [String: String]) -> URL? {
    if let override = environment["REHEARSE_SHIPPED_BANKS"], !override.isEmpty {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    guard let executable else { return nil }
    let fileManager = FileManager.default
    let binDirectory = executable.resolvingSymlinksInPath().deletingLastPathComponent()

    let installed = binDirectory.deletingLastPathComponent()
      .appendingPathComponent("share/rehearse/\(folderName)", isDirectory: true)
    if isDirectory(installed, fileManager) { return installed }

    // A development build: walk up to the package root (the folder with Package.swift).
    var directory = binDirectory
    for _ in 0..<6 {
      let candidate = directory.appendingPathComponent(folderName, isDirectory: true)
      if isDirectory(candidate, fileManager),
        fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
      {
        return candidate
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return nil
  }

  private static func isDirectory(_ url: URL, _ fileManager: FileManager) -> Bool {
    var flag: ObjCBool = false
    return fileManager.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
  }
}
