import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// How many of them were parsed from YAML rather than taken from the cache.
  public var parsedFileCount = 0

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

/// Finds bank files under locations and loads them, from the cache when one is given and the
/// file is unchanged, else by parsing it.
public struct BankLibrary: Sendable {
  public static let fileExtensions: Set<String> = ["yaml", "yml"]

  private let parser = BankParser()
  private let cache: BankCache?
  /// Turns absolute paths into what diagnostics print (relative to the working folder when inside it).
  private let displayPath: @Sendable (URL) -> String

  public init(workingDirectory: URL, cache: BankCache? = nil) {
    self.cache = cache
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
      var session = files.isEmpty ? nil : cache?.session(for: location.url)
      defer { session?.save() }
      for file in files {
        catalog.fileCount += 1
        let display = displayPath(file)
        let realPath = session == nil ? nil : FileStamp.realPath(file.path)
        let result: BankParser.Result
        if let realPath, let cached = session?.cached(realPath, displayPath: display) {
          result = BankParser.Result(bank: cached.bank, diagnostics: cached.diagnostics)
        } else {
          catalog.parsedFileCount += 1
          let parsed = parser.parseFile(file, displayPath: display)
          result = parsed.result
          if let realPath, let read = parsed.read, let bank = result.bank {
            session?.keep(realPath, read: read, bank: bank, diagnostics: result.diagnostics)
          }
        }
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
  /// skipped; a single file is taken as it is, whatever its extension. Symbolic links to files
  /// are followed, links to folders are not (no loops). Listed with `readdir`: Foundation's
  /// enumerator took ~0.5 ms for the shipped folder, a quarter of a cached load.
  public func bankFiles(in location: BankLocation) -> (files: [URL], problems: [Diagnostic]) {
    var info = stat()
    guard stat(location.url.path, &info) == 0 else {
      guard location.mustExist else { return ([], []) }
      let message =
        switch location.origin {
        case .shipped: "the shipped banks folder does not exist"
        case .lint: "no such file or folder"
        default: "bank folder does not exist"
        }
      return ([], [.error(message, path: displayPath(location.url), at: .start)])
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return ([location.url], []) }

    var paths: [String] = []
    guard Self.collect(in: location.url.path, into: &paths) else {
      return ([], [.error("cannot read the folder", path: displayPath(location.url), at: .start)])
    }
    return (paths.sorted().map { URL(fileURLWithPath: $0, isDirectory: false) }, [])
  }

  /// Adds the bank files under `folder` to `paths`; `false` when the folder cannot be listed.
  /// Sub-folders that cannot be listed are passed over, as Foundation's enumerator did.
  private static func collect(in folder: String, into paths: inout [String]) -> Bool {
    guard let directory = opendir(folder) else { return false }
    defer { closedir(directory) }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      guard let first = name.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { continue }
      let path = prefix + name
      var type = entry.pointee.d_type
      var info = stat()
      if type == UInt8(DT_UNKNOWN) {  // file systems that do not fill in d_type
        guard lstat(path, &info) == 0 else { continue }
        type = Self.directoryEntryType(info.st_mode)
      }
      if type == UInt8(DT_LNK) {
        // A link to a file is followed; a link to a folder is not entered (it could lead back up).
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
        type = UInt8(DT_REG)
      }
      if type == UInt8(DT_DIR) {
        _ = collect(in: path, into: &paths)
      } else if type == UInt8(DT_REG), isBankFileName(name) {
        paths.append(path)
      }
    }
    return true
  }

  private static func directoryEntryType(_ mode: mode_t) -> UInt8 {
    switch mode & S_IFMT {
    case S_IFREG: UInt8(DT_REG)
    case S_IFDIR: UInt8(DT_DIR)
    case S_IFLNK: UInt8(DT_LNK)
    default: UInt8(DT_UNKNOWN)
    }
  }

  /// A name ending in one of `fileExtensions`, in any case.
  static func isBankFileName(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return fileExtensions.contains(name[name.index(after: dot)...].lowercased())
  }
}
