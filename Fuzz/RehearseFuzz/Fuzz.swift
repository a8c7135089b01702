// Fuzz targets for what Rehearse reads from outside (issue 13): bank files (YAML), the parsed-bank
// cache's binary form, answers given to the scorer, piped drill input, the config file and
// `import` documents.
//
// Built two ways:
// - `Scripts/fuzz TARGET SECONDS` builds with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer's
//   driver runs the target named by REHEARSE_FUZZ_TARGET.
// - A plain `swift build` makes a replayer: `rehearse-fuzz TARGET FILE…` runs the target on
//   each file (the regression tests run every saved crash this way).

// - A release build (swift-argument-parser's generate-manual plugin, run by Scripts/install,
//   builds every product in release) has no testable modules: it only says how to build it.

import Foundation

#if DEBUG || FUZZING
@testable import RehearseCore
@testable import RehearseShell

/// The targets, by name.
enum FuzzTarget: String, CaseIterable {
  case bank, cache, scorer, piped, config, `import`

  /// The shipped scorer, made once (its lexicons take ~90 ms).
  nonisolated(unsafe) static var shippedScorer: Scorer?

  func run(_ data: Data) {
    switch self {
    case .bank:
      let result = BankParser().parse(data, path: "fuzz.yaml")
      // A bank that loads also writes and reads back through the cache form.
      if let bank = result.bank {
        var writer = BinaryWriter()
        BankCoding.write(bank, diagnostics: result.diagnostics, to: &writer)
        let bytes = writer.bytes
        bytes.withUnsafeBytes { raw in
          var reader = BinaryReader(raw)
          let back = try? BankCoding.read(from: &reader, path: "fuzz.yaml")
          precondition(back?.bank.questions == bank.questions, "the cache form lost a question")
        }
      }
    case .cache:
      data.withUnsafeBytes { raw in
        var reader = BinaryReader(raw)
        _ = try? BankCoding.read(from: &reader, path: "fuzz.yaml")
      }
    case .scorer:
      if Self.shippedScorer == nil { Self.shippedScorer = try? Scorer.shipped() }
      let text = String(decoding: data, as: UTF8.self)
      guard let report = Self.shippedScorer?.score(text) else { return }
      // Every span lies inside the answer.
      let count = text.unicodeScalars.count
      for category in ScoreCategory.allCases {
        for match in report[category].matches {
          precondition(0 <= match.start && match.start <= match.end && match.end <= count, "a span outside the answer")
        }
      }
    case .piped:
      MainActor.assumeIsolated { Self.piped(data) }
    case .config:
      _ = PracticeSettings.parse(data, path: "config.yaml")
    case .import:
      guard let document = try? JSONDecoder().decode(ImportDocument.self, from: data) else { return }
      for session in document.sessions { _ = try? session.transcript() }
    }
  }

  /// Piped drill input: every line comes back, in order, whatever the bytes.
  @MainActor static func piped(_ data: Data) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-fuzz-\(getpid()).txt")
    guard FileManager.default.createFile(atPath: url.path, contents: data) else { return }
    defer { try? FileManager.default.removeItem(at: url) }
    let fd = open(url.path, O_RDONLY)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let input = PipedInput(fd: fd)
    var reads = 0
    while reads <= data.count + 1 {
      reads += 1
      if case .endOfInput = input.read(LineRequest(history: .answer, prompt: "")) { return }
    }
    preconditionFailure("piped input never ended")
  }
}

#if FUZZING
  let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["REHEARSE_FUZZ_TARGET"] ?? "") ?? .bank

  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// What libFuzzer calls with each input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(start.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
  }

  /// SwiftPM links an executable's entry point as `<module>_main` (`--defsym main=…`), which
  /// may win over libFuzzer's own `main`: it hands over to libFuzzer's driver the same way.
  @_cdecl("rehearse_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments, fuzzOne)
  }
#else
  /// The replayer: `rehearse-fuzz TARGET FILE…`.
  @main enum Replayer {
    static func main() {
      let arguments = CommandLine.arguments
      // `make-cache-seed BANK OUT`: a bank file in the cache's binary form, for the cache's seeds.
      if arguments.count == 4, arguments[1] == "make-cache-seed",
        let data = FileManager.default.contents(atPath: arguments[2])
      {
        let result = BankParser().parse(data, path: arguments[2])
        guard let bank = result.bank else { exit(65) }
        var writer = BinaryWriter()
        BankCoding.write(bank, diagnostics: result.diagnostics, to: &writer)
        exit(FileManager.default.createFile(atPath: arguments[3], contents: Data(writer.bytes)) ? 0 : 73)
      }
      guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
        FileHandle.standardError.write(
          Data("usage: rehearse-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…\n".utf8))
        exit(64)
      }
      for path in arguments.dropFirst(2) {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(66)
        }
        target.run(data)
      }
    }
  }
#endif

#else
@main enum ReleaseBuild {
  static func main() {
    FileHandle.standardError.write(Data("rehearse-fuzz: use Scripts/fuzz TARGET SECONDS, or a debug build to replay\n".utf8))
    exit(64)
  }
}
#endif
