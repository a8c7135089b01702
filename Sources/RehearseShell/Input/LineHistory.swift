import Foundation
import RehearseCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines typed before, one list per `HistoryKind`, capped. Kinds in `persisted` are also kept
/// in `<state>/history-<kind>` (folder 0700, file 0600), one entry a line, appended as they are
/// typed so two terminals never overwrite each other's.
///
/// Only commands and ratings are kept on disk by default. Free text a person writes about
/// themselves or the companies they apply to (answers, reflections, `banks new` fields) stays in
/// memory: answers belong to the store, which keeps and deletes them on purpose, and a second copy
/// in a history file would outlive a deleted transcript or bank. Up still recalls them within
/// one run.
final class LineHistory {
  static let defaultPersisted: Set<HistoryKind> = [.shell, .rubric]

  let folder: URL?
  let persisted: Set<HistoryKind>
  let capacity: Int
  private var loaded: [HistoryKind: [String]] = [:]

  /// `folder` nil keeps everything in memory.
  init(folder: URL?, persisted: Set<HistoryKind> = LineHistory.defaultPersisted, capacity: Int = 500) {
    self.folder = folder
    self.persisted = persisted
    self.capacity = max(1, capacity)
  }

  func file(for kind: HistoryKind) -> URL? {
    guard persisted.contains(kind), let folder else { return nil }
    return folder.appendingPathComponent("history-\(kind.rawValue)")
  }

  /// The entries of `kind`, oldest first.
  func entries(_ kind: HistoryKind) -> [String] {
    if let entries = loaded[kind] { return entries }
    let entries = load(kind)
    loaded[kind] = entries
    return entries
  }

  /// Adds a line unless it is blank or repeats the last entry. Returns whether it was added.
  @discardableResult
  func add(_ line: String, to kind: HistoryKind) -> Bool {
    var list = entries(kind)
    guard !line.allSatisfy(\.isWhitespace), list.last != line else { return false }
    list.append(line)
    if list.count > capacity { list.removeFirst(list.count - capacity) }
    loaded[kind] = list
    if let file = file(for: kind) { append(Self.escape(line) + "\n", to: file) }
    return true
  }

  private func load(_ kind: HistoryKind) -> [String] {
    guard let file = file(for: kind), let data = try? Data(contentsOf: file) else { return [] }
    var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
      .map { Self.unescape(String($0)) }
    // Appending never trims; trim here once the file holds twice what is kept.
    if lines.count > capacity {
      let total = lines.count
      lines.removeFirst(total - capacity)
      if total > 2 * capacity {
        try? PrivateFiles.write(Data(lines.map { Self.escape($0) + "\n" }.joined().utf8), to: file)
      }
    }
    return lines
  }

  private func append(_ text: String, to file: URL) {
    guard (try? PrivateFiles.makeDirectory(file.deletingLastPathComponent())) != nil else { return }
    let fd = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    defer { close(fd) }
    fchmod(fd, 0o600)
    let bytes = Array(text.utf8)
    // One write with O_APPEND: a whole entry lands at the end even with another terminal appending.
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
  }

  /// A pasted line may hold newlines; the file keeps one entry a line.
  static func escape(_ line: String) -> String {
    line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\r")
  }

  static func unescape(_ line: String) -> String {
    var result = ""
    var escaping = false
    for character in line {
      if escaping {
        switch character {
        case "n": result.append("\n")
        case "r": result.append("\r")
        default: result.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }
}
