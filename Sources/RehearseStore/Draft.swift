import Foundation

/// The line being typed but not yet entered, saved about every second so a killed process loses
/// at most the last second of typing. One per asked question; cleared when the answer finishes.
public struct Draft: Sendable, Equatable {
  public var text: String
  /// Where the cursor was, in characters from the start of `text`, when known.
  public var cursor: Int?
  /// Seconds on the answer clock at the save, so a resumed answer continues its clock.
  public var elapsedSeconds: Double
  public var savedAt: Date

  public init(text: String, cursor: Int? = nil, elapsedSeconds: Double, savedAt: Date) {
    self.text = text
    self.cursor = cursor
    self.elapsedSeconds = elapsedSeconds
    self.savedAt = savedAt
  }
}
