import Foundation
import RehearseCore

#if canImport(Glibc)
  import Glibc
#endif

/// `rehearse-benchmarks --banks`: loading the shipped catalogue without and with the parsed-bank
/// cache, where the warm time goes, and how the cache's encoding compares with Foundation's.
/// `--process` also times whole `rehearse` processes (build it first: `swift build -c release`).
enum BankBenchmark {
  static let clock = ContinuousClock()

  static func run(root: URL, process: Bool) throws {
    let shipped = root.appendingPathComponent("QuestionBanks")
    let locations = [BankLocation(url: shipped, origin: .shipped, mustExist: true)]
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let cache = BankCache(folder: scratch.appendingPathComponent("banks"), build: "benchmark")

    let cold = times(10) { _ = BankLibrary(workingDirectory: root).load(locations) }
    report("cold: parse every YAML file (no cache)", cold)
    let writing = times(10) {
      try? FileManager.default.removeItem(at: cache.folder)
      _ = BankLibrary(workingDirectory: root, cache: cache).load(locations)
    }
    report("first run: parse and write the cache", writing)
    let library = BankLibrary(workingDirectory: root, cache: cache)
    let warmCatalog = library.load(locations)
    let reference = BankLibrary(workingDirectory: root).load(locations)
    precondition(warmCatalog.parsedFileCount == 0 && warmCatalog.banks == reference.banks, "the cache must be used")
    let warm = times(200) { _ = library.load(locations) }
    report("warm: every bank from the cache", warm)

    // Where the warm time goes.
    report("  list the folder (readdir)", times(200) { _ = library.bankFiles(in: locations[0]) })
    report("  list the folder with Foundation's enumerator, as before", times(200) { _ = enumerate(shipped) })
    let files = library.bankFiles(in: locations[0]).files
    report(
      "  real path and stat of \(files.count) files",
      times(200) {
        for file in files { _ = FileStamp.of(path: FileStamp.realPath(file.path)!) }
      })
    let indexFile = try FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil)[0]
    let indexSize = (try? Data(contentsOf: indexFile).count) ?? 0
    report(
      "  read the index (\(indexSize / 1024) KiB)",
      times(200) { _ = FileReading.read(indexFile.path, limit: 1 << 30) })

    // One index per file instead of one per folder: each bank in a folder of its own.
    let split = scratch.appendingPathComponent("split")
    var splitLocations: [BankLocation] = []
    for file in files {
      let folder = split.appendingPathComponent(file.deletingPathExtension().lastPathComponent)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
      splitLocations.append(BankLocation(url: folder, origin: .shipped, mustExist: true))
    }
    _ = library.load(splitLocations)
    report("warm, one index file per bank (\(files.count) files)", times(200) { _ = library.load(splitLocations) })

    try compareEncodings(reference.banks.map(\.bank))
    if process { try processTimes(root: root, scratch: scratch) }
  }

  /// The same banks through JSONDecoder and PropertyListDecoder (binary), for the choice of encoding.
  static func compareEncodings(_ banks: [QuestionBank]) throws {
    let mirror = banks.map(CodableBank.init)
    let json = try JSONEncoder().encode(mirror)
    report(
      "decode the \(banks.count) banks with JSONDecoder (\(json.count / 1024) KiB)",
      times(50) { _ = try? JSONDecoder().decode([CodableBank].self, from: json) })
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .binary
    let plist = try encoder.encode(mirror)
    report(
      "decode the \(banks.count) banks with PropertyListDecoder, binary (\(plist.count / 1024) KiB)",
      times(50) { _ = try? PropertyListDecoder().decode([CodableBank].self, from: plist) })
  }

  /// Whole processes: `rehearse banks show kiso-consulting`, warm cache and no cache, and the floor.
  static func processTimes(root: URL, scratch: URL) throws {
    let binary = root.appendingPathComponent(".build/release/rehearse").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("no release binary at \(binary); run `swift build -c release` first")
      return
    }
    var environment = [
      "HOME=\(scratch.path)", "REHEARSE_HOME=\(scratch.path)/home", "XDG_CACHE_HOME=\(scratch.path)/cache",
      "REHEARSE_LANG=en", "LANG=C.UTF-8", "PATH=/usr/bin:/bin",
    ]
    let show = [binary, "banks", "show", "kiso-consulting"]
    _ = spawn(show, environment)
    report("process: rehearse banks show kiso-consulting, warm cache", times(50) { _ = spawn(show, environment) })
    environment.append("REHEARSE_NO_CACHE=1")
    report("process: the same with REHEARSE_NO_CACHE=1", times(50) { _ = spawn(show, environment) })
    report("process: rehearse --version", times(50) { _ = spawn([binary, "--version"], environment) })
    report("process: /bin/true", times(50) { _ = spawn(["/bin/true"], environment) })
  }

  /// Runs a program with output to /dev/null and waits for it.
  static func spawn(_ arguments: [String], _ environment: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
  }

  static func enumerate(_ folder: URL) -> [URL] {
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])!
    var files: [URL] = []
    for case let url as URL in enumerator where url.pathExtension == "yaml" {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  static func times(_ count: Int, _ body: () -> Void) -> [Double] {
    (0..<count).map { _ in
      let start = clock.now
      body()
      let elapsed = clock.now - start
      return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
  }

  static func report(_ label: String, _ times: [Double]) {
    let sorted = times.sorted()
    print(
      String(
        format: "%@: median %.3f ms, p10 %.3f, p90 %.3f", label, sorted[sorted.count / 2], sorted[sorted.count / 10],
        sorted[sorted.count * 9 / 10]))
  }
}

/// A Codable mirror of a bank (Codable cannot be synthesised from another module), for timing
/// Foundation's decoders on the same content.
struct CodableBank: Codable {
  struct Stage: Codable {
    var id: String
    var name, mode, interviewers, notes: String?
    var minutes: Int?
  }
  struct Question: Codable {
    var id, text, stage, kind: String
    var answerSeconds, thinkSeconds: Int
    var followUps: [String: [String]]
    var tags, answerPoints, pitfalls: [String]
    var sourceKind, sourceNote: String?
    var sourceYears: [Int]?
  }
  var id, name, language, type: String
  var industry, summary, hiringBackground, mission, vision, formatNotes: String?
  var requiredSkills, preferredSkills, values: [String]
  var stages: [Stage]
  var questions: [Question]
  var idLine, idColumn: Int

  init(_ bank: QuestionBank) {
    let c = bank.company
    id = c.id
    name = c.name
    language = c.language.rawValue
    type = c.type.rawValue
    industry = c.industry
    summary = c.summary
    hiringBackground = c.hiringBackground
    mission = c.mission
    vision = c.vision
    formatNotes = c.formatNotes
    requiredSkills = c.requiredSkills
    preferredSkills = c.preferredSkills
    values = c.values
    stages = c.stages.map {
      Stage(id: $0.id, name: $0.name, mode: $0.mode?.rawValue, interviewers: $0.interviewers, notes: $0.notes, minutes: $0.minutes)
    }
    questions = bank.questions.map { q in
      Question(
        id: q.id, text: q.text, stage: q.stage, kind: q.kind.rawValue, answerSeconds: q.answerSeconds,
        thinkSeconds: q.thinkSeconds,
        followUps: Dictionary(uniqueKeysWithValues: q.followUps.map { ($0.category.rawValue, $0.questions) }),
        tags: q.tags, answerPoints: q.answerPoints, pitfalls: q.pitfalls, sourceKind: q.source?.kind.rawValue,
        sourceNote: q.source?.note, sourceYears: q.source?.years)
    }
    idLine = bank.idLocation.line
    idColumn = bank.idLocation.column
  }
}
