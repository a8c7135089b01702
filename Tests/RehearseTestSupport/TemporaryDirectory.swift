import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()` (call it in `defer`).
public struct TemporaryDirectory {
  public let url: URL

  public init(_ label: String = "rehearse-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public var path: String { url.path }

  /// Writes `text` (or `data`) to `name` inside the folder, creating sub-folders, and returns its URL.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> URL {
    try write(Data(text.utf8), to: name)
  }

  @discardableResult
  public func write(_ data: Data, to name: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }

  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }

  /// Runs `body` with a new temporary folder that is removed afterwards.
  public static func with<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try body(directory)
  }
}
