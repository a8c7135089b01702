import Foundation

/// A folder (or single file) that banks are loaded from, and why it is searched.
public struct BankLocation: Equatable, Sendable {
  public enum Origin: String, Sendable, Codable, CaseIterable {
    /// The `QuestionBanks/` folder that ships with Rehearse.
    case shipped
    /// `<home>/banks`.
    case user
    /// A folder named in `REHEARSE_BANKS`.
    case environment
    /// A folder given with `--banks`.
    case commandLine = "option"
    /// A path given to `banks lint`.
    case lint
  }

  public var url: URL
  public var origin: Origin
  /// Whether a missing folder is worth a diagnostic (a folder the person named) or not
  /// (the default user folder before any bank was made).
  public var mustExist: Bool

  public init(url: URL, origin: Origin, mustExist: Bool) {
    self.url = url
    self.origin = origin
    self.mustExist = mustExist
  }

  /// Every folder Rehearse loads banks from, in order; a later bank with the same company id
  /// replaces an earlier one. `REHEARSE_BANKS` is colon-separated.
  public static func standard(
    shipped: URL?, paths: RehearsePaths, environment: [String: String], extra: [URL]
  ) -> [BankLocation] {
    var locations: [BankLocation] = []
    if let shipped { locations.append(BankLocation(url: shipped, origin: .shipped, mustExist: true)) }
    locations.append(BankLocation(url: paths.userBanks, origin: .user, mustExist: false))
    for entry in (environment["REHEARSE_BANKS"] ?? "").split(separator: ":") where !entry.isEmpty {
      locations.append(BankLocation(url: URL(fileURLWithPath: String(entry)), origin: .environment, mustExist: true))
    }
    locations += extra.map { BankLocation(url: $0, origin: .commandLine, mustExist: true) }
    return locations
  }
}

/// A bank together with where it was found.
public struct LoadedBank: Equatable, Sendable {
  public var bank: QuestionBank
  public var origin: BankLocation.Origin

  public init(bank: QuestionBank, origin: BankLocation.Origin) {
    self.bank = bank
    self.origin = origin
  }

  public var id: String { bank.company.id }
}

/// The banks that loaded and every diagnostic met on the way. One broken bank never stops
/// the others from loading: it is left out, and its errors are here.
public struct BankCatalog: Sendable {
  public var banks: [LoadedBank]
  /// Problems inside bank files (and folders that could not be read).
  public var diagnostics: [Diagnostic]
  /// Warnings about company ids defined in more than one file; the later file wins.
  public var conflicts: [Diagnostic] = []
  /// How many bank files were read, broken ones included.
  public var fileCount: Int

  public init(banks: [LoadedBank] = [], diagnostics: [Diagnostic] = [], fileCount: Int = 0) {
    self.banks = banks
    self.diagnostics = diagnostics
    self.fileCount = fileCount
  }

  public func bank(id: String) -> LoadedBank? {
    banks.first { $0.id == id }
  }

  /// Company ids, for completion and suggestions.
  public var ids: [String] { banks.map(\.id) }
}

/// Finds bank files under locations and loads them.
public struct BankLibrary: Sendable {
  public static let fileExtensions: Set<String> = ["yaml", "yml"]

  private let parser = BankParser()
  /// Turns absolute paths into what diagnostics print (relative to the working folder when inside it).
  private let displayPath: @Sendable (URL) -> String

  public init(workingDirectory: URL) {
    let base = workingDirectory.standardizedFileURL.path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    displayPath = { url in
      let path = url.standardizedFileURL.path
      return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
  }

  public func load(_ locations: [BankLocation]) -> BankCatalog {
    var catalog = BankCatalog()
    var index: [String: Int] = [:]
    for location in locations {
      let (files, problems) = bankFiles(in: location)
      catalog.diagnostics += problems
      for file in files {
        catalog.fileCount += 1
        let result = parser.parse(contentsOf: file, displayPath: displayPath(file))
        catalog.diagnostics += result.diagnostics
        guard let bank = result.bank else { continue }
        let loaded = LoadedBank(bank: bank, origin: location.origin)
        if let existing = index[loaded.id] {
          let replaced = catalog.banks[existing].bank
          catalog.conflicts.append(
            .warning(
              "company id '\(loaded.id)' is also defined in \(replaced.path); this file (\(location.origin.rawValue)) is used instead",
              path: bank.path, at: bank.idLocation))
          catalog.banks[existing] = loaded
        } else {
          index[loaded.id] = catalog.banks.count
          catalog.banks.append(loaded)
        }
      }
    }
    return catalog
  }

  /// The bank files of one location, sorted by path. Names beginning with `.` or `_` are
  /// skipped; a single file is taken as it is, whatever its extension.
  func bankFiles(in location: BankLocation) -> (files: [URL], problems: [Diagnostic]) {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: location.url.path, isDirectory: &isDirectory) else {
      guard location.mustExist else { return ([], []) }
      let message =
        switch location.origin {
        case .shipped: "the shipped banks folder does not exist"
        case .lint: "no such file or folder"
        default: "bank folder does not exist"
        }
      return ([], [.error(message, path: displayPath(location.url), at: .start)])
    }
    guard isDirectory.boolValue else { return ([location.url], []) }

    guard
      let enumerator = fileManager.enumerator(
        at: location.url, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else {
      return ([], [.error("cannot read the folder", path: displayPath(location.url), at: .start)])
    }
    var files: [URL] = []
    for case let url as URL in enumerator {
      let name = url.lastPathComponent
      if name.hasPrefix("_") || name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      guard Self.fileExtensions.contains(url.pathExtension.lowercased()) else { continue }
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(url)
      }
    }
    return (files.sorted { $0.path < $1.path }, [])
  }
}
