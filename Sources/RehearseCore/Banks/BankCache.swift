import Foundation

/// Parsed banks kept between runs, so loading the catalogue reads one small binary file per
/// bank folder instead of parsing every YAML file (~15 ms each through Yams).
///
/// - One index file per bank folder (`<cache>/banks/<hash of the folder's real path>.index`):
///   the common case, every bank unchanged, is one read per folder.
/// - An entry is the parsed bank and its warnings, under the file's real path, kept only
///   while the file's stamp (device, inode, size, modification and status-change times in
///   nanoseconds) is the same. Editing, touching or replacing a file makes it parsed again.
/// - A file that changed in the last `racyWindow` when it was cached could change again
///   within the file system's timestamp resolution, unseen; its entry is trusted only while
///   the bytes still have the same fingerprint (Git's "racily clean" problem).
/// - The index names the cache format, the bank format and the build of Rehearse that wrote
///   it; any other is ignored, so upgrading Rehearse starts afresh.
/// - Files with errors are not cached: they are parsed (and reported) every time.
/// - It is only a cache. A missing, corrupt, truncated, foreign or unreadable index is
///   ignored and rewritten; a cache folder that cannot be written is ignored.
public struct BankCache: Sendable {
  /// Raise when the binary layout (`BankCoding`, the index header) changes.
  public static let formatVersion: UInt32 = 1
  static let magic = Array("RHBANKS\n".utf8)
  static let maximumIndexSize = 256 * 1024 * 1024

  /// `<paths.cache>/banks`.
  public var folder: URL
  /// What identifies the build of Rehearse: its version and the executable's stamp.
  public var build: String
  /// How recent a change must be (nanoseconds) for the entry to be checked by fingerprint.
  var racyWindow: Int64
  /// The wall clock, in nanoseconds since 1970.
  var now: @Sendable () -> Int64

  public init(folder: URL, build: String) {
    self.init(folder: folder, build: build, racyWindow: 2_000_000_000, now: FileStamp.now)
  }

  init(folder: URL, build: String, racyWindow: Int64, now: @escaping @Sendable () -> Int64) {
    self.folder = folder
    self.build = build
    self.racyWindow = racyWindow
    self.now = now
  }

  /// The cache folder for the parsed banks under Rehearse's cache folder.
  public static func folder(in cache: URL) -> URL {
    cache.appendingPathComponent("banks", isDirectory: true)
  }

  /// What an index must say to be used: the cache format, the bank format and the build.
  var stamp: String {
    "cache \(Self.formatVersion); banks \(QuestionBank.formatVersion); \(build)"
  }

  // MARK: Entries

  struct Entry: Equatable {
    var stamp: FileStamp
    /// The fingerprint of the file's bytes when it was parsed.
    var fingerprint: UInt64
    /// The file had just changed when it was cached: check the fingerprint before trusting it.
    var mustVerify: Bool
    /// The bank and its diagnostics, with paths left empty.
    var bank: QuestionBank
    var diagnostics: [Diagnostic]
  }

  /// One bank folder's cached results during a load: what its index held, and what will be
  /// written back (the entries used and the files parsed afresh).
  struct Session {
    let cache: BankCache
    /// The real path of the folder (or single file) the index belongs to.
    let key: String
    let url: URL
    private var old: [String: Entry]
    private var fresh: [String: Entry] = [:]
    private var changed: Bool

    init(cache: BankCache, key: String) {
      self.cache = cache
      self.key = key
      url = cache.indexURL(for: key)
      if let entries = cache.readIndex(at: url, key: key) {
        old = entries
        changed = false
      } else {
        old = [:]
        changed = true
      }
    }

    /// The cached bank and diagnostics of the file at `realPath`, with `displayPath` put in,
    /// when the file is as it was.
    mutating func cached(_ realPath: String, displayPath: String) -> (bank: QuestionBank, diagnostics: [Diagnostic])? {
      guard var entry = old[realPath], let stamp = FileStamp.of(path: realPath), stamp == entry.stamp else {
        return nil
      }
      if entry.mustVerify {
        guard case .success(let data) = FileReading.read(realPath, limit: BankParser.maximumFileSize),
          data.withUnsafeBytes({ Fingerprint.of($0) }) == entry.fingerprint
        else { return nil }
        if !cache.isRecent(stamp) {
          entry.mustVerify = false
          changed = true
        }
      }
      fresh[realPath] = entry
      var bank = entry.bank
      bank.path = displayPath
      var diagnostics = entry.diagnostics
      for index in diagnostics.indices { diagnostics[index].path = displayPath }
      return (bank, diagnostics)
    }

    /// Keeps a freshly parsed file's result, when it has no errors.
    mutating func keep(
      _ realPath: String, read: (data: Data, stamp: FileStamp), bank: QuestionBank, diagnostics: [Diagnostic]
    ) {
      guard !diagnostics.hasErrors else { return }
      fresh[realPath] = Entry(
        stamp: read.stamp, fingerprint: read.data.withUnsafeBytes { Fingerprint.of($0) },
        mustVerify: cache.isRecent(read.stamp), bank: bank, diagnostics: diagnostics)
      changed = true
    }

    /// Writes the index back when anything differs from what was read. Failures are ignored.
    func save() {
      guard changed || fresh.count != old.count else { return }
      cache.writeIndex(fresh, at: url, key: key)
    }
  }

  func session(for location: URL) -> Session? {
    guard let key = FileStamp.realPath(location.path) else { return nil }
    return Session(cache: self, key: key)
  }

  func isRecent(_ stamp: FileStamp) -> Bool {
    stamp.latest >= now() - racyWindow
  }

  func indexURL(for key: String) -> URL {
    let hash = Fingerprint.of(Array(key.utf8))
    let name = String(hash, radix: 16)
    return folder.appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name + ".index")
  }

  // MARK: The index file

  /// The entries of the index at `url`, or `nil` when it is missing or not one this build wrote
  /// for `key`.
  func readIndex(at url: URL, key: String) -> [String: Entry]? {
    guard case .success(let data) = FileReading.read(url.path, limit: Self.maximumIndexSize) else { return nil }
    return data.withUnsafeBytes { raw in try? decodeIndex(raw, key: key) }
  }

  func writeIndex(_ entries: [String: Entry], at url: URL, key: String) {
    let bytes = encodeIndex(entries, key: key)
    do {
      try PrivateFiles.makeDirectory(folder)
      try PrivateFiles.write(Data(bytes), to: url, durable: false)
    } catch {
      // Only a cache: the next run parses the files again.
    }
  }

  /// Header: magic, format version, stamp, key, then the payload's fingerprint; the payload is
  /// the entries, sorted by path so equal indexes are equal files.
  func encodeIndex(_ entries: [String: Entry], key: String) -> [UInt8] {
    var writer = BinaryWriter(capacity: 64 * 1024)
    for byte in Self.magic { writer.byte(byte) }
    writer.count(Int(Self.formatVersion))
    writer.string(stamp)
    writer.string(key)
    let checksumOffset = writer.bytes.count
    writer.uint64(0)
    let payloadStart = writer.bytes.count
    writer.count(entries.count)
    for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
      writer.string(path)
      writer.uint64(entry.stamp.device)
      writer.uint64(entry.stamp.inode)
      writer.int64(entry.stamp.size)
      writer.int64(entry.stamp.modified)
      writer.int64(entry.stamp.changed)
      writer.uint64(entry.fingerprint)
      writer.bool(entry.mustVerify)
      BankCoding.write(entry.bank, diagnostics: entry.diagnostics, to: &writer)
    }
    let checksum = writer.bytes.withUnsafeBytes {
      Fingerprint.of(UnsafeRawBufferPointer(rebasing: $0[payloadStart...]))
    }
    writer.patch(checksum, at: checksumOffset)
    return writer.bytes
  }

  func decodeIndex(_ raw: UnsafeRawBufferPointer, key: String) throws(BinaryReader.Malformed) -> [String: Entry] {
    var reader = BinaryReader(raw)
    for byte in Self.magic where try reader.byte() != byte { throw BinaryReader.Malformed(reason: "not an index") }
    guard try reader.count(minimumItemSize: 0) == Int(Self.formatVersion), try reader.string() == stamp,
      try reader.string() == key
    else { throw BinaryReader.Malformed(reason: "another build or folder") }
    let checksum = try reader.uint64()
    guard Fingerprint.of(reader.rest) == checksum else { throw BinaryReader.Malformed(reason: "checksum") }

    let count = try reader.count(minimumItemSize: 60)
    var entries: [String: Entry] = [:]
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let path = try reader.string()
      let stamp = FileStamp(
        device: try reader.uint64(), inode: try reader.uint64(), size: try reader.int64(),
        modified: try reader.int64(), changed: try reader.int64())
      let fingerprint = try reader.uint64()
      let mustVerify = try reader.bool()
      let (bank, diagnostics) = try BankCoding.read(from: &reader, path: "")
      entries[path] = Entry(
        stamp: stamp, fingerprint: fingerprint, mustVerify: mustVerify, bank: bank, diagnostics: diagnostics)
    }
    guard reader.isAtEnd else { throw BinaryReader.Malformed(reason: "trailing bytes") }
    return entries
  }
}
