import Foundation

/// Small banks for end-to-end drills: one question per stage, so the order does not depend on
/// the seed.
public enum TestBanks {
  public static let drill = """
    version: 1
    company:
      id: testco
      name: Test Company
      language: en
      type: fictional
      values: [Customers first]
    questions:
      - id: decision
        text: Tell me about a decision you made at work.
        stage: first
        kind: decision
        answer_seconds: 120
        follow_ups:
          reasoning: Why did you decide that?
        answer_points: [The options you weighed, Why you chose]
      - id: habit
        text: How do you make sure mistakes do not repeat?
        stage: second
        kind: behavioural
        answer_seconds: 120
      - id: plan
        text: Where do you see yourself in five years?
        stage: final
        kind: career-plan
        answer_seconds: 60

    """

  public static let japanese = """
    version: 1
    company:
      id: nihon-test
      name: テスト株式会社
      language: ja
      type: fictional
    questions:
      - id: gakuchika
        text: 学生時代に力を入れたことを教えてください。
        stage: first
        kind: student-life
        answer_seconds: 60

    """

  /// Writes both banks into `folder` and returns it (for `--banks`).
  @discardableResult
  public static func write(into folder: URL) throws -> URL {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try drill.write(to: folder.appendingPathComponent("testco.yaml"), atomically: true, encoding: .utf8)
    try japanese.write(to: folder.appendingPathComponent("nihon-test.yaml"), atomically: true, encoding: .utf8)
    return folder
  }
}
