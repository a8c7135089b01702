import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseCore

#if canImport(Glibc)
  import Glibc
#endif

/// A cache inside `dir`, with a racy window of `racyWindow` nanoseconds and the given clock.
func testCache(
  _ dir: TemporaryDirectory, build: String = "test", racyWindow: Int64 = 2_000_000_000,
  now: @escaping @Sendable () -> Int64 = FileStamp.now
) -> BankCache {
  BankCache(folder: dir.url.appendingPathComponent("cache/banks"), build: build, racyWindow: racyWindow, now: now)
}

func location(_ url: URL, _ origin: BankLocation.Origin = .commandLine) -> [BankLocation] {
  [BankLocation(url: url, origin: origin, mustExist: true)]
}

/// Everything a load reports, for comparing a cached load with a parsed one.
func expectSameCatalog(
  _ cached: BankCatalog, _ parsed: BankCatalog, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(cached.banks == parsed.banks, sourceLocation: sourceLocation)
  #expect(cached.diagnostics == parsed.diagnostics, sourceLocation: sourceLocation)
  #expect(cached.conflicts == parsed.conflicts, sourceLocation: sourceLocation)
  #expect(cached.fileCount == parsed.fileCount, sourceLocation: sourceLocation)
}

/// Sets a file's modification time, as `touch -d` does.
func setModified(_ url: URL, seconds: Int, nanoseconds: Int = 0) throws {
  var times = [
    timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
  ]
  #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
}

/// Rewrites a file in place (same inode), as an editor that does not save by renaming does.
func overwrite(_ url: URL, with text: String) throws {
  let fd = open(url.path, O_WRONLY | O_TRUNC)
  try #require(fd >= 0)
  defer { close(fd) }
  let bytes = Array(text.utf8)
  #expect(write(fd, bytes, bytes.count) == bytes.count)
}

@Suite("The parsed-bank cache")
struct BankCacheTests {
  // MARK: Equivalence

  @Test("every shipped bank from the cache equals the bank parsed from YAML, diagnostics included")
  func shippedBanksEquivalent() throws {
    try TemporaryDirectory.with { dir in
      let locations = location(PackagePaths.questionBanks, .shipped)
      let parsed = BankLibrary(workingDirectory: PackagePaths.root).load(locations)
      let library = BankLibrary(workingDirectory: PackagePaths.root, cache: testCache(dir, racyWindow: 0))
      let first = library.load(locations)
      #expect(first.parsedFileCount == parsed.fileCount)
      expectSameCatalog(first, parsed)
      let warm = library.load(locations)
      #expect(warm.parsedFileCount == 0, "every shipped bank comes from the cache")
      #expect(warm.banks.count >= 8)
      expectSameCatalog(warm, parsed)

      // Paths are shown relative to where Rehearse runs, not to where the cache was written.
      let elsewhere = dir.url.appendingPathComponent("elsewhere")
      let cachedThere = BankLibrary(workingDirectory: elsewhere, cache: testCache(dir, racyWindow: 0)).load(locations)
      #expect(cachedThere.parsedFileCount == 0)
      expectSameCatalog(cachedThere, BankLibrary(workingDirectory: elsewhere).load(locations))
      #expect(cachedThere.banks.first?.bank.path.hasPrefix("/") == true)
    }
  }

  @Test("every test fixture, warnings and errors alike, loads the same with and without the cache")
  func fixturesEquivalent() throws {
    try TemporaryDirectory.with { dir in
      var withErrors = 0
      for (index, fixture) in brokenBanks.enumerated() {
        try dir.write(fixture.data, to: "banks/fixture-\(index).yaml")
        if fixture.expected.contains(where: { $0.contains(": error: ") }) { withErrors += 1 }
      }
      try dir.write(validBank, to: "banks/valid.yaml")
      try dir.write(bankYAML(id: "minimal"), to: "banks/nested/minimal.yml")
      try dir.write(
        """
        version: 1
        colour: blue
        company:
          id: warned
          name: Warned Co
          language: en
          slogan: Ever onward
          stages: [first, lunch]
        questions:
          - id: intro
            text: Tell me about yourself.
            stage: lunch
            kind: other
            answer_secs: 60
        """, to: "banks/warned.yaml")
      let warnings = brokenBanks.count - withErrors + 4

      let locations = location(dir.url.appendingPathComponent("banks"))
      let parsed = BankLibrary(workingDirectory: dir.url).load(locations)
      #expect(parsed.diagnostics.warnings.count >= warnings)
      let library = BankLibrary(workingDirectory: dir.url, cache: testCache(dir))
      expectSameCatalog(library.load(locations), parsed)
      let warm = library.load(locations)
      #expect(warm.parsedFileCount == withErrors, "only files with errors are parsed again")
      expectSameCatalog(warm, parsed)
    }
  }

  @Test("a bank with every field set survives the binary encoding")
  func everyFieldRoundTrips() throws {
    var bank = QuestionBank(
      company: Company(
        id: "full-co", name: "全部入り（架空）\u{1F600}", language: .ja, type: .fictional, industry: "",
        summary: "multi\nline", hiringBackground: "背景", requiredSkills: ["a", "", "ｽｹｰﾗ"], preferredSkills: ["b"],
        mission: "m", vision: "v", values: ["誠実"], formatNotes: "notes",
        stages: [
          Stage(id: "first"),
          Stage(id: "case", name: "ケース", mode: .inPerson, minutes: 45, interviewers: "2", notes: "n"),
          Stage(id: "final", mode: .phone),
        ]),
      questions: [
        Question(
          id: "q1", text: "Q?", stage: "case", kind: .decision, answerSeconds: 1800, thinkSeconds: 600,
          followUps: [
            FollowUp(category: .reproducibility, questions: ["再現できますか？", "again?"]),
            FollowUp(category: .companyFit, questions: ["fit?"]),
          ],
          tags: ["t"], answerPoints: ["p"], pitfalls: ["x"],
          source: QuestionSource(kind: .ownInterview, years: [2024, 2025], note: "note")),
        Question(id: "q2", text: "", stage: "first", kind: .other, source: QuestionSource(kind: .guide)),
      ],
      path: "full.yaml")
    bank.idLocation = SourceLocation(line: 7, column: 3)
    let diagnostics = [
      Diagnostic(.warning, path: "full.yaml", line: 3, column: 5, message: "unknown key 'x' is ignored"),
      Diagnostic(.warning, path: "full.yaml", line: 0, column: 0, message: ""),
    ]
    let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: -4, changed: .max)
    let entry = BankCache.Entry(
      stamp: stamp, fingerprint: 42, mustVerify: true, bank: bank, diagnostics: diagnostics)

    try TemporaryDirectory.with { dir in
      let cache = testCache(dir)
      let bytes = cache.encodeIndex(["/x/full.yaml": entry], key: "/x")
      let decoded = try bytes.withUnsafeBytes { raw in try cache.decodeIndex(raw, key: "/x") }
      var back = try #require(decoded["/x/full.yaml"])
      #expect(back.stamp == stamp && back.fingerprint == 42 && back.mustVerify)
      back.bank.path = "full.yaml"
      #expect(back.bank == bank)
      #expect(
        back.diagnostics.map {
          Diagnostic($0.severity, path: "full.yaml", line: $0.line, column: $0.column, message: $0.message)
        } == diagnostics)
    }
  }

  @Test("the binary encoding knows every stored property of the bank types")
  func encodingCoversEveryProperty() {
    // A new property must be written and read in BankCoding, and BankCache.formatVersion raised;
    // then update these counts.
    let bank = QuestionBank(company: Company(id: "a", name: "A", language: .en), questions: [], path: "")
    let question = Question(id: "q", text: "Q", stage: "first", kind: .other)
    let counts: [(String, Any, Int)] = [
      ("QuestionBank", bank, 4), ("Company", bank.company, 14), ("Stage", Stage(id: "first"), 6),
      ("Question", question, 11), ("FollowUp", FollowUp(category: .reasoning, questions: []), 2),
      ("QuestionSource", QuestionSource(kind: .guide), 3),
      ("Diagnostic", Diagnostic(.error, path: "", line: 0, column: 0, message: ""), 5),
      ("SourceLocation", SourceLocation.start, 2), ("FileStamp", FileStamp.of(path: "/")!, 5),
    ]
    for (name, value, count) in counts {
      #expect(Mirror(reflecting: value).children.count == count, "\(name) gained or lost a property")
    }
  }

  // MARK: Invalidation

  @Test("touching, editing (same size or not) or replacing a bank makes it parsed again")
  func invalidation() throws {
    try TemporaryDirectory.with { dir in
      let file = try dir.write(bankYAML(id: "alpha", name: "Alpha One"), to: "banks/alpha.yaml")
      try dir.write(bankYAML(id: "beta"), to: "banks/beta.yaml")
      // Files older than the racy window, so only their stamps decide.
      let past = Int(FileStamp.now() / 1_000_000_000) - 3600
      try setModified(file, seconds: past)
      let library = BankLibrary(workingDirectory: dir.url, cache: testCache(dir, racyWindow: 0))
      let locations = location(dir.url.appendingPathComponent("banks"))
      func load() -> (catalog: BankCatalog, name: String?) {
        let catalog = library.load(locations)
        expectSameCatalog(catalog, BankLibrary(workingDirectory: dir.url).load(locations))
        return (catalog, catalog.bank(id: "alpha")?.bank.company.name)
      }
      #expect(load().catalog.parsedFileCount == 2)
      #expect(load().catalog.parsedFileCount == 0)

      try setModified(file, seconds: past + 1)
      #expect(load().catalog.parsedFileCount == 1, "touched")
      #expect(load().catalog.parsedFileCount == 0)

      try setModified(file, seconds: past + 1, nanoseconds: 500)
      #expect(load().catalog.parsedFileCount == 1, "touched within the same second")

      // Same size, same modification time: only the status-change time differs.
      try overwrite(file, with: bankYAML(id: "alpha", name: "Alpha Two"))
      try setModified(file, seconds: past + 1, nanoseconds: 500)
      var result = load()
      #expect(result.catalog.parsedFileCount == 1)
      #expect(result.name == "Alpha Two", "edited in place, same size")

      try overwrite(file, with: bankYAML(id: "alpha", name: "Alpha the Third"))
      result = load()
      #expect(result.catalog.parsedFileCount == 1)
      #expect(result.name == "Alpha the Third")

      // Replaced by rename, as editors save: a new inode.
      let replacement = try dir.write(bankYAML(id: "alpha", name: "Alpha Four!"), to: "alpha.new")
      #expect(rename(replacement.path, file.path) == 0)
      result = load()
      #expect(result.catalog.parsedFileCount == 1)
      #expect(result.name == "Alpha Four!")

      // Deleted: gone from the catalogue (and from the index).
      try FileManager.default.removeItem(at: file)
      result = load()
      #expect(result.name == nil)
      #expect(result.catalog.parsedFileCount == 0)
    }
  }

  @Test("a bank that was still changing when cached is trusted only while its bytes are the same")
  func racyEntriesAreVerified() throws {
    try TemporaryDirectory.with { dir in
      let file = try dir.write(bankYAML(id: "alpha", name: "Before"), to: "banks/alpha.yaml")
      let locations = location(dir.url.appendingPathComponent("banks"))
      // The file changes again within one timestamp tick of being cached: its stamp stays the
      // same (forged here by storing the old bytes under the new stamp).
      let before = try #require(BankParser().parse(contentsOf: file).bank)
      let old = Data(bankYAML(id: "alpha", name: "Before").utf8)
      try Data(bankYAML(id: "alpha", name: "After!").utf8).write(to: file)
      let stamp = try #require(FileStamp.of(path: file.path))
      let realFolder = try #require(FileStamp.realPath(dir.url.appendingPathComponent("banks").path))
      let realFile = try #require(FileStamp.realPath(file.path))

      func forge(_ cache: BankCache) throws {
        var session = try #require(cache.session(for: dir.url.appendingPathComponent("banks")))
        #expect(session.key == realFolder)
        session.keep(realFile, read: (old, stamp), bank: before, diagnostics: [])
        session.save()
      }

      let racy = testCache(dir)
      try forge(racy)
      let catalog = BankLibrary(workingDirectory: dir.url, cache: racy).load(locations)
      #expect(catalog.parsedFileCount == 1, "the fingerprint differs, so the file is parsed")
      #expect(catalog.bank(id: "alpha")?.bank.company.name == "After!")

      // Without the check the same entry would be believed: what the check is for.
      let trusting = testCache(dir, racyWindow: 0)
      try forge(trusting)
      let stale = BankLibrary(workingDirectory: dir.url, cache: trusting).load(locations)
      #expect(stale.parsedFileCount == 0)
      #expect(stale.bank(id: "alpha")?.bank.company.name == "Before")
    }
  }

  @Test("once a bank has been still for the racy window, its entry is no longer checked byte by byte")
  func racyFlagClears() throws {
    try TemporaryDirectory.with { dir in
      let folder = dir.url.appendingPathComponent("banks")
      try dir.write(bankYAML(id: "alpha"), to: "banks/alpha.yaml")
      let locations = location(folder)
      let realFolder = try #require(FileStamp.realPath(folder.path))
      func flags(_ cache: BankCache) -> [Bool] {
        (cache.readIndex(at: cache.indexURL(for: realFolder), key: realFolder) ?? [:]).values.map(\.mustVerify)
      }
      let now = testCache(dir)
      #expect(BankLibrary(workingDirectory: dir.url, cache: now).load(locations).parsedFileCount == 1)
      #expect(flags(now) == [true])
      #expect(BankLibrary(workingDirectory: dir.url, cache: now).load(locations).parsedFileCount == 0)

      let later = testCache(dir, now: { FileStamp.now() + 10_000_000_000 })
      #expect(BankLibrary(workingDirectory: dir.url, cache: later).load(locations).parsedFileCount == 0)
      #expect(flags(later) == [false])
    }
  }

  @Test("an index written by another build of Rehearse, or for another folder, is not used")
  func otherBuildOrFolder() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "alpha"), to: "a/alpha.yaml")
      try dir.write(bankYAML(id: "beta"), to: "b/beta.yaml")
      let a = location(dir.url.appendingPathComponent("a"))
      let b = location(dir.url.appendingPathComponent("b"))
      let library = BankLibrary(workingDirectory: dir.url, cache: testCache(dir, build: "one"))
      _ = library.load(a + b)
      #expect(library.load(a + b).parsedFileCount == 0)
      #expect(BankLibrary(workingDirectory: dir.url, cache: testCache(dir, build: "two")).load(a).parsedFileCount == 1)

      // Folder b's index copied over folder a's: it names another folder.
      let cache = testCache(dir, build: "one")
      let keyA = try #require(FileStamp.realPath(a[0].url.path))
      let keyB = try #require(FileStamp.realPath(b[0].url.path))
      _ = library.load(a + b)
      try FileManager.default.removeItem(at: cache.indexURL(for: keyA))
      try FileManager.default.copyItem(at: cache.indexURL(for: keyB), to: cache.indexURL(for: keyA))
      let catalog = library.load(a)
      #expect(catalog.parsedFileCount == 1)
      #expect(catalog.ids == ["alpha"])
    }
  }

  // MARK: A broken cache is only a cache

  @Test(
    "a corrupt, truncated, empty or foreign index is ignored and rebuilt",
    arguments: ["truncated", "empty", "flipped payload byte", "flipped header byte", "garbage", "a folder"])
  func corruptIndex(_ damage: String) throws {
    try TemporaryDirectory.with { dir in
      let locations = location(PackagePaths.questionBanks, .shipped)
      let parsed = BankLibrary(workingDirectory: PackagePaths.root).load(locations)
      let cache = testCache(dir, racyWindow: 0)
      let library = BankLibrary(workingDirectory: PackagePaths.root, cache: cache)
      _ = library.load(locations)
      let key = try #require(FileStamp.realPath(PackagePaths.questionBanks.path))
      let index = cache.indexURL(for: key)
      var bytes = try Data(contentsOf: index)
      switch damage {
      case "truncated": bytes = bytes.prefix(bytes.count / 2)
      case "empty": bytes = Data()
      case "flipped payload byte": bytes[bytes.count - 100] ^= 0x20
      case "flipped header byte": bytes[3] ^= 0x01
      case "garbage": bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
      default: bytes = Data()
      }
      if damage == "a folder" {
        try FileManager.default.removeItem(at: index)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: false)
      } else {
        try bytes.write(to: index)
      }
      let damaged = library.load(locations)
      #expect(damaged.parsedFileCount == parsed.fileCount)
      expectSameCatalog(damaged, parsed)
      if damage != "a folder" {
        #expect(library.load(locations).parsedFileCount == 0, "rebuilt")
      }
    }
  }

  @Test("the decoder refuses every truncation and every corrupted byte without crashing")
  func decoderNeverTrusts() throws {
    try TemporaryDirectory.with { dir in
      let file = try dir.write(validBank, to: "banks/acme.yaml")
      let cache = testCache(dir)
      let bank = try #require(BankParser().parse(contentsOf: file).bank)
      let entry = BankCache.Entry(
        stamp: try #require(FileStamp.of(path: file.path)), fingerprint: 1, mustVerify: false, bank: bank,
        diagnostics: [.warning("w", path: "", at: .start)])
      let bytes = cache.encodeIndex(["/k/acme.yaml": entry], key: "/k")
      #expect((try bytes.withUnsafeBytes { try cache.decodeIndex($0, key: "/k") }).count == 1)
      for length in 0..<bytes.count {
        let prefix = Array(bytes.prefix(length))
        #expect((try? prefix.withUnsafeBytes { try cache.decodeIndex($0, key: "/k") }) == nil, "length \(length)")
      }
      // Corruption the checksum would catch, with the checksum recomputed: the decoder itself
      // must stop at bad lengths, counts, flags and enumeration values.
      let payloadStart = BankCache.magic.count + 4 + (4 + cache.stamp.utf8.count) + (4 + 2) + 8
      for position in payloadStart..<bytes.count {
        for mask: UInt8 in [0x01, 0x80, 0xFF] {
          var damaged = bytes
          damaged[position] ^= mask
          let checksum = damaged.withUnsafeBytes {
            Fingerprint.of(UnsafeRawBufferPointer(rebasing: $0[payloadStart...]))
          }
          var writer = BinaryWriter()
          writer.uint64(checksum)
          damaged.replaceSubrange((payloadStart - 8)..<payloadStart, with: writer.bytes)
          _ = try? damaged.withUnsafeBytes { try cache.decodeIndex($0, key: "/k") }
        }
      }
    }
  }

  @Test("a cache folder that cannot be created or written never stops banks from loading")
  func unwritableCache() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "alpha"), to: "banks/alpha.yaml")
      let locations = location(dir.url.appendingPathComponent("banks"))
      // The cache folder's parent is a file: nothing can be created (as root too).
      try dir.write("not a folder", to: "blocked")
      let blocked = BankCache(folder: dir.url.appendingPathComponent("blocked/banks"), build: "test")
      for _ in 0..<2 {
        let catalog = BankLibrary(workingDirectory: dir.url, cache: blocked).load(locations)
        #expect(catalog.ids == ["alpha"])
        #expect(catalog.diagnostics.isEmpty)
        #expect(catalog.parsedFileCount == 1)
      }

      // A read-only cache folder (root writes anyway; either way the load succeeds).
      let readOnly = testCache(dir)
      try FileManager.default.createDirectory(at: readOnly.folder, withIntermediateDirectories: true)
      #expect(chmod(readOnly.folder.path, 0o500) == 0)
      defer { chmod(readOnly.folder.path, 0o700) }
      for _ in 0..<2 {
        let catalog = BankLibrary(workingDirectory: dir.url, cache: readOnly).load(locations)
        #expect(catalog.ids == ["alpha"])
        #expect(catalog.diagnostics.isEmpty)
      }
    }
  }

  @Test("the cache folder is private (0700) and its files 0600")
  func privateFiles() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "alpha"), to: "banks/alpha.yaml")
      let cache = testCache(dir)
      _ = BankLibrary(workingDirectory: dir.url, cache: cache).load(location(dir.url.appendingPathComponent("banks")))
      func mode(_ url: URL) -> mode_t? {
        var info = stat()
        return stat(url.path, &info) == 0 ? info.st_mode & 0o777 : nil
      }
      #expect(mode(cache.folder) == 0o700)
      let files = try FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil)
      #expect(files.count == 1, "one index, no temporary file left")
      #expect(files.allSatisfy { $0.pathExtension == "index" && mode($0) == 0o600 })
    }
  }
}

@Suite("Listing bank folders")
struct BankFolderListingTests {
  @Test("a folder reached through a symbolic link is listed; links to files are followed, links to folders are not")
  func symbolicLinks() throws {
    try TemporaryDirectory.with { dir in
      try dir.write(bankYAML(id: "real"), to: "real/real.yaml")
      try dir.write(bankYAML(id: "elsewhere"), to: "other/elsewhere.YAML")
      try dir.write(bankYAML(id: "deep"), to: "other/sub/deep.yml")
      let fileManager = FileManager.default
      try fileManager.createSymbolicLink(
        atPath: dir.path + "/real/linked.yaml", withDestinationPath: dir.path + "/other/elsewhere.YAML")
      try fileManager.createSymbolicLink(atPath: dir.path + "/real/sub", withDestinationPath: dir.path + "/other/sub")
      try fileManager.createSymbolicLink(atPath: dir.path + "/real/loop", withDestinationPath: dir.path + "/real")
      try fileManager.createSymbolicLink(
        atPath: dir.path + "/real/dangling.yaml", withDestinationPath: dir.path + "/nowhere")
      try fileManager.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/real")

      let library = BankLibrary(workingDirectory: dir.url)
      let (files, problems) = library.bankFiles(in: location(dir.url.appendingPathComponent("link"))[0])
      #expect(problems.isEmpty)
      #expect(files.map(\.lastPathComponent) == ["linked.yaml", "real.yaml"])
      let catalog = library.load(location(dir.url.appendingPathComponent("other")))
      #expect(catalog.ids == ["elsewhere", "deep"], "upper-case extensions and sub-folders")
    }
  }

  @Test(
    "SafeID.isSafe agrees with SafeID.problem",
    arguments: [
      "a", "kiso-consulting", "q_1", "0start", String(repeating: "a", count: 64), String(repeating: "a", count: 65),
      "", "-a", "_a", "A", "a b", "a/b", "a..b", "a.b", "a\u{0}b", "a\u{202E}b", "ａ", "é", "a\nb",
    ])
  func safeIDsAgree(_ id: String) {
    #expect(SafeID.isSafe(id) == (SafeID.problem(with: id) == nil))
  }
}
