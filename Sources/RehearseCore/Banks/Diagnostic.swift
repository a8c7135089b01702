/// A problem found in a file, located by line and column, printed the way compilers do:
/// `path:line:column: error: message`.
public struct Diagnostic: Equatable, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  public var path: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based column, counted in Unicode scalars; 0 when the problem concerns the whole file.
  public var column: Int
  public var message: String

  public init(_ severity: Severity, path: String, line: Int, column: Int, message: String) {
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  public static func error(_ message: String, path: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, path: path, line: location.line, column: location.column, message: message)
  }

  public static func warning(_ message: String, path: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, path: path, line: location.line, column: location.column, message: message)
  }

  public var isError: Bool { severity == .error }

  public var description: String {
    "\(path):\(line):\(column): \(severity.rawValue): \(message)"
  }
}

/// A 1-based line and column in a file (columns counted in Unicode scalars, as Yams does).
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The start of the file: used for problems that belong to the whole file.
  public static let start = SourceLocation(line: 1, column: 1)

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  public var description: String { "\(line):\(column)" }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains(where: \.isError) }
  public var errors: [Diagnostic] { filter(\.isError) }
  public var warnings: [Diagnostic] { filter { !$0.isError } }

  /// Diagnostics in reading order: by file, then position.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.path != b.element.path { return a.element.path < b.element.path }
      if (a.element.line, a.element.column) != (b.element.line, b.element.column) {
        return (a.element.line, a.element.column) < (b.element.line, b.element.column)
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}
