import Foundation
import Yams

/// Turns the bytes of a bank file into a `QuestionBank`, collecting every problem as a
/// located `Diagnostic`. A bank with any error is not returned; warnings alone are fine.
///
/// Stages: bytes (size, UTF-8) → YAML node tree (syntax, duplicate keys) → fields (types,
/// required keys, ranges, safe ids) → cross-checks (unique ids, known stages).
public struct BankParser: Sendable {
  /// Banks are text: 10,000 questions with a follow-up, answer points and a pitfall each are
  /// about 3.5 MiB in English and twice that in Japanese. Anything larger is a mistake (or an
  /// attack), not a bank.
  public static let maximumFileSize = 8 * 1024 * 1024

  public struct Result: Sendable {
    public var bank: QuestionBank?
    public var diagnostics: [Diagnostic]
  }

  public init() {}

  public func parse(contentsOf url: URL, displayPath: String? = nil) -> Result {
    parseFile(url, displayPath: displayPath).result
  }

  /// `parse(contentsOf:)`, also giving the bytes that were read and the file's stamp taken
  /// before reading them (`nil` when the file could not be read), for the cache.
  func parseFile(_ url: URL, displayPath: String?) -> (result: Result, read: (data: Data, stamp: FileStamp)?) {
    let path = displayPath ?? url.path
    switch FileReading.readStamped(url.path, limit: Self.maximumFileSize) {
    case .success(let read):
      return (parse(read.data, path: path), read)
    case .failure(.tooLarge(let size)):
      return (Result(bank: nil, diagnostics: [tooLarge(size, path: path)]), nil)
    case .failure(let error):
      return (Result(bank: nil, diagnostics: [.error("cannot read the file: \(error)", path: path, at: .start)]), nil)
    }
  }

  public func parse(_ data: Data, path: String) -> Result {
    if data.count > Self.maximumFileSize {
      return Result(bank: nil, diagnostics: [tooLarge(data.count, path: path)])
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

    let invalid = UTF8Check.invalidSequences(in: bytes)
    if !invalid.isEmpty {
      return Result(
        bank: nil,
        diagnostics: invalid.map {
          .error(
            "the file is not valid UTF-8: byte 0x\(String($0.byte, radix: 16, uppercase: true)) cannot start or continue a character; save the file as UTF-8",
            path: path, at: $0.location)
        })
    }
    let yaml = String(decoding: bytes, as: UTF8.self)
    if yaml.allSatisfy({ $0.isWhitespace }) {
      return Result(
        bank: nil,
        diagnostics: [
          .error("the file is empty; a bank needs 'version', 'company' and 'questions'", path: path, at: .start)
        ])
    }

    // The parser stays alive while decoding: nodes hold their anchors weakly, and the anchors
    // are how aliases (and alias bombs) are recognised and refused.
    let yamlParser: Yams.Parser
    let root: Node
    do {
      yamlParser = try Yams.Parser(yaml: yaml)
      guard let node = try yamlParser.singleRoot() else {
        return Result(
          bank: nil,
          diagnostics: [
            .error(
              "the file holds only comments; a bank needs 'version', 'company' and 'questions'", path: path, at: .start)
          ])
      }
      root = node
    } catch let error as YamlError {
      return Result(bank: nil, diagnostics: [YAMLErrorTranslation.diagnostic(for: error, yaml: yaml, path: path)])
    } catch {
      return Result(bank: nil, diagnostics: [.error("cannot parse the file: \(error)", path: path, at: .start)])
    }

    let reader = NodeReader(path: path)
    let bank = withExtendedLifetime(yamlParser) { BankDecoding(reader: reader).bank(from: root) }
    let diagnostics = reader.diagnostics
    return Result(bank: diagnostics.hasErrors ? nil : bank, diagnostics: diagnostics)
  }

  private func tooLarge(_ size: Int, path: String) -> Diagnostic {
    let mib = Double(size) / 1_048_576
    return .error(
      "the file is \(String(format: "%.1f", mib)) MiB; a bank may be at most \(Self.maximumFileSize / 1_048_576) MiB",
      path: path, at: .start)
  }
}

/// Finds bytes that are not valid UTF-8, with their line and column.
enum UTF8Check {
  struct Invalid: Equatable {
    var byte: UInt8
    var location: SourceLocation
  }

  /// At most `limit` invalid sequences, each located by line and column (columns count the
  /// valid characters before it, plus one).
  static func invalidSequences(in bytes: Data, limit: Int = 20) -> [Invalid] {
    var found: [Invalid] = []
    var line = 1
    var column = 1
    var index = bytes.startIndex
    while index < bytes.endIndex, found.count < limit {
      let byte = bytes[index]
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        found.append(Invalid(byte: byte, location: SourceLocation(line: line, column: column)))
        column += 1
        index += 1
        continue
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return found
  }

  /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 when ill-formed.
  private static func sequenceLength(_ bytes: Data, at index: Data.Index) -> Int {
    let b0 = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      let i = index + offset
      return i < bytes.endIndex && range.contains(bytes[i])
    }
    switch b0 {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }
}

/// Turns Yams' parse errors into one located diagnostic each.
enum YAMLErrorTranslation {
  static func diagnostic(for error: YamlError, yaml: String, path: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // Something opened and never closed (a quote, a bracket) runs into the end of the file:
      // it is reported where it opens, which is where the fix goes.
      if let context, problem.contains("end of stream") {
        let opened = context.text.replacingOccurrences(of: "while scanning ", with: "")
          .replacingOccurrences(of: "while parsing ", with: "").replacingOccurrences(of: "quoted scalar", with: "quote")
        return .error(
          "YAML syntax error: \(opened) that is never closed (the file ends at line \(mark.line), column \(mark.column))",
          path: path, at: SourceLocation(line: context.mark.line, column: context.mark.column))
      }
      var message = "YAML syntax error: \(problem)"
      if let context {
        message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      return .error(message, path: path, at: SourceLocation(line: mark.line, column: mark.column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? "?"
      let first = SourceLocation(line: context.mark.line, column: context.mark.column)
      if let second = secondOccurrence(of: key, after: first, in: yaml) {
        return .error(
          "duplicate key '\(key)': it was already given at line \(first.line), column \(first.column)",
          path: path, at: second)
      }
      return .error("duplicate key '\(key)' in this mapping", path: path, at: first)
    case .reader(let problem, let offset, _, _):
      let position = offset.map { Self.location(ofCharacterOffset: $0, in: yaml) } ?? SourceLocation.start
      return .error("cannot read the file: \(problem)", path: path, at: position)
    default:
      return .error("cannot parse the file: \(error)", path: path, at: .start)
    }
  }

  /// Yams reports a duplicate key at its first occurrence; the mistake is the later one.
  /// Look for the same key at the same indentation further down.
  static func secondOccurrence(of key: String, after first: SourceLocation, in yaml: String) -> SourceLocation? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard first.line >= 1, first.line <= lines.count else { return nil }
    let indent = first.column - 1
    for number in first.line..<lines.count {
      let line = Array(lines[number].unicodeScalars)
      guard line.count > indent else { continue }
      let prefix = line[..<indent]
      let restScalars = line[indent...]
      // Stop when the mapping ends: a line indented less than the key (other than blanks, comments).
      if !prefix.allSatisfy({ $0 == " " || $0 == "-" }) {
        if !String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        continue
      }
      let rest = String(String.UnicodeScalarView(restScalars))
      for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
        let after = rest.dropFirst(candidate.count).drop { $0 == " " }
        if after.first == ":" { return SourceLocation(line: number + 1, column: indent + 1) }
      }
    }
    return nil
  }

  static func location(ofCharacterOffset offset: Int, in text: String) -> SourceLocation {
    var line = 1
    var column = 1
    for (index, character) in text.enumerated() {
      if index == offset { break }
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return SourceLocation(line: line, column: column)
  }
}
