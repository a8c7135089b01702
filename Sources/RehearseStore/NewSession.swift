import Foundation
import RehearseCore

/// What kind of practice a session is. A plain string underneath, so a store written by a later
/// version with more modes still reads.
public struct SessionMode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// A timed drill on one bank (`rehearse drill`).
  public static let drill = SessionMode(rawValue: "drill")
  /// Today's practice across banks (`rehearse daily`): its questions may come from several banks.
  public static let daily = SessionMode(rawValue: "daily")
  /// A second chance for the weakest answers (`rehearse retry`), across banks too.
  public static let retry = SessionMode(rawValue: "retry")
  /// A simulated interview of one stage (`rehearse mock`): nothing shown scored until the end.
  public static let mock = SessionMode(rawValue: "mock")
  /// A real interview written down afterwards (`rehearse debrief`).
  public static let debrief = SessionMode(rawValue: "debrief")

  public var description: String { rawValue }
}

/// A session about to start: what `Store.startSession(_:)` records.
public struct NewSession: Sendable, Equatable {
  /// The bank's company id (for a session across banks, their ids joined by commas; each
  /// question keeps its own).
  public var companyID: String
  /// The company's display name, kept as it was when the drill ran.
  public var companyName: String
  public var mode: SessionMode
  /// The language of the questions (the bank's).
  public var language: Language
  public var settings: DrillSettings
  public var startedAt: Date
  /// The process running the session (`getpid()`); see `Store.resumableSessions(isAlive:)`.
  public var ownerPID: Int32

  public init(
    companyID: String, companyName: String, mode: SessionMode = .drill, language: Language, settings: DrillSettings,
    startedAt: Date, ownerPID: Int32
  ) {
    self.companyID = companyID
    self.companyName = companyName
    self.mode = mode
    self.language = language
    self.settings = settings
    self.startedAt = startedAt
    self.ownerPID = ownerPID
  }
}
