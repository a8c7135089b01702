import Foundation
import RehearseCore
import RehearseTestSupport

@testable import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Small builders shared by the store tests: sessions and questions with fixed dates.
enum Fixtures {
  /// 2025-11-24 09:00:00 UTC.
  static let start = Date(timeIntervalSince1970: 1_763_974_800)

  static func session(
    company: String = "kiso-consulting", name: String = "基礎コンサルティング（架空）", at date: Date = start,
    pid: Int32 = getpid()
  ) -> NewSession {
    NewSession(
      companyID: company, companyName: name, language: .ja,
      settings: DrillSettings(stage: "first", count: 3, answerSeconds: 90, strict: true, seed: 42),
      startedAt: date, ownerPID: pid)
  }

  static func question(_ id: String = "intro", at date: Date = start, followUp: NewQuestion.FollowUp? = nil)
    -> NewQuestion
  {
    NewQuestion(
      bankQuestionID: followUp == nil ? id : nil, stage: "first", kind: .selfIntroduction,
      text: followUp == nil ? "自己紹介をしてください。" : "なぜその判断を？", answerSeconds: 90, thinkSeconds: 15,
      askedAt: date, followUp: followUp)
  }

  /// A pid that belonged to a process that has exited and been reaped, so nothing owns it now.
  static func deadPID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// The file's bytes, to show a refused file was not touched.
  static func bytes(_ url: URL) throws -> Data {
    try Data(contentsOf: url)
  }

  /// The permission bits of a file or folder.
  static func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  static func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }
}
