/// A session's id in the store: the number `history` shows and `show ID` takes.
public struct SessionID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public var rawValue: Int64

  public init(rawValue: Int64) {
    self.rawValue = rawValue
  }

  public init(_ rawValue: Int64) {
    self.rawValue = rawValue
  }

  public var description: String { String(rawValue) }

  public static func < (lhs: SessionID, rhs: SessionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One asked question's id in the store (a main question or a follow-up), distinct from the bank's
/// question id so the two cannot be mixed up.
public struct AskedQuestionID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public var rawValue: Int64

  public init(rawValue: Int64) {
    self.rawValue = rawValue
  }

  public init(_ rawValue: Int64) {
    self.rawValue = rawValue
  }

  public var description: String { String(rawValue) }

  public static func < (lhs: AskedQuestionID, rhs: AskedQuestionID) -> Bool { lhs.rawValue < rhs.rawValue }
}
