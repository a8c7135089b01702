import Foundation
import GRDB
import RehearseCore
import RehearseStore
import RehearseTestSupport

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `--plan --process [--binary PATH]`: issue 10's budgets as a person meets them, whole
/// processes of the release `rehearse` (statically linked, `.build-static`; build it first with
/// `Scripts/run --version`), with 50 banks × 200 questions and 100,000 stored answers already
/// graded into the review log:
/// - `rehearse plan`, exec to exit (budget: under 20 ms);
/// - `rehearse daily` on a pseudo-terminal, exec to the first question on screen (budget: under
///   30 ms).
enum PracticeProcessBenchmark {
  static let banks = 50
  static let questionsPerBank = 200
  static let answers = 100_000

  static func run(root: URL) throws {
    let arguments = CommandLine.arguments
    guard let binary = DrillBenchmark.releaseBinary(root: root) else { return }
    // The command runner starts this binary.
    setenv("REHEARSE_BINARY", binary.path, 1)
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-practice-bench-\(getpid())")
    // `--keep` leaves the folder for a look (its path is printed).
    defer {
      if arguments.contains("--keep") { print("kept: \(scratch.path)") } else { try? FileManager.default.removeItem(at: scratch) }
    }
    let runner = CommandRunner(home: scratch, workingDirectory: root)
    let bankFolder = scratch.appendingPathComponent("bench-banks")
    try writeBanks(into: bankFolder)
    try fillStore(home: URL(fileURLWithPath: runner.environment["REHEARSE_HOME"]!))
    print("\(banks) banks × \(questionsPerBank) questions, \(answers) answers graded in the review log")

    // Warm: the parsed-bank cache exists, as on every day after the first.
    for _ in 0..<2 { _ = try runner.run(["plan", "--banks", bankFolder.path]) }
    var plan: [Double] = []
    for _ in 0..<30 {
      // posix_spawn and waitpid: Foundation's Process adds tens of milliseconds of its own.
      let start = ContinuousClock.now
      let status = BankBenchmark.spawn(
        [binary.path, "plan", "--banks", bankFolder.path], runner.environment.map { "\($0.key)=\($0.value)" })
      plan.append(milliseconds(ContinuousClock.now - start))
      guard status == 0 else {
        print("plan failed: wait status \(status)")
        return
      }
    }
    DrillBenchmark.report("rehearse plan, exec to exit (30 runs)", plan, unit: "ms")

    var environment = runner.environment
    environment["TERM"] = "xterm"
    environment["INPUTRC"] = "/dev/null"
    let daily = ["daily", "--banks", bankFolder.path, "--no-review", "--think", "0", "--count", "1", "--seed", "1"]
    var first: [Double] = []
    for run in 0..<32 {
      let start = ContinuousClock.now
      let pty = try Pty(daily, environment: environment, workingDirectory: root, executable: binary)
      try pty.waitFor("Q1/1\n")
      try pty.waitFor("\n")
      let elapsed = milliseconds(ContinuousClock.now - start)
      try pty.waitFor("] > ")
      pty.send(":quit\r")
      _ = try pty.wait()
      if run >= 2 { first.append(elapsed) }
    }
    DrillBenchmark.report("rehearse daily, exec to the first question on a terminal (30 runs)", first, unit: "ms")
  }

  static func writeBanks(into folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let kinds = ["self-introduction", "motivation", "behavioural", "decision", "failure", "career-plan", "values"]
    for bank in 0..<banks {
      var yaml = """
        version: 1
        company:
          id: bench-\(String(format: "%02d", bank))
          name: Benchmark Company \(bank)
          language: \(bank % 2 == 0 ? "en" : "ja")
          type: fictional
        questions:

        """
      for question in 0..<questionsPerBank {
        yaml += """
            - id: q\(String(format: "%03d", question))
              text: Benchmark question \(question) of company \(bank), long enough to wrap like a real one does on screen.
              stage: \(["first", "second", "final"][question % 3])
              kind: \(kinds[question % kinds.count])

          """
      }
      try yaml.write(
        to: folder.appendingPathComponent("bench-\(String(format: "%02d", bank)).yaml"), atomically: true,
        encoding: .utf8)
    }
  }

  /// 20,000 finished drills of five answers over the past 400 days, each answer graded into the
  /// review log (every card ten times), and every card's state kept; some due today or overdue.
  static func fillStore(home: URL) throws {
    let store = try Store.open(home: home)
    let path = store.url.path
    try store.close()
    let calendar = PracticeCalendar(timeZone: TimeZone.current)
    let today = calendar.day(of: Date()).number
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(
        sql: """
          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(answers / 5 - 1))
          INSERT INTO session (id, company_id, company_name, mode, language, settings, started_at, ended_at, end_reason)
          SELECT i + 1, 'bench-' || printf('%02d', i % \(banks)), 'Benchmark', 'drill', 'en', '{}',
            datetime('now', printf('-%d minutes', (\(answers / 5) - i) * 28)) || '.000',
            datetime('now', printf('-%d minutes', (\(answers / 5) - i) * 28 - 10)) || '.000', 'finished'
          FROM n;

          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(answers - 1))
          INSERT INTO asked_question (id, session_id, company_id, position, bank_question_id, stage, kind, text,
            answer_seconds, asked_at, status, answer_text, answer_text_nfkc, seconds_used, score_json, total_score,
            answered_at, logged)
          SELECT i + 1, i / 5 + 1, 'bench-' || printf('%02d', (i % \(banks * questionsPerBank)) / \(questionsPerBank)), i % 5 + 1,
            'q' || printf('%03d', i % \(questionsPerBank)), 'first', 'behavioural', 'Benchmark question',
            90, s.started_at, 'answered', 'I decided to change the plan because it failed; errors fell from 9 to 2.',
            'I decided to change the plan because it failed; errors fell from 9 to 2.', 60,
            '{"categories":{"reasoning":{"level":2},"reproducibility":{"level":1},"evidence":{"level":2}}}', 60,
            s.ended_at, 1
          FROM n JOIN session s ON s.id = i / 5 + 1;

          -- Every card answered ten times over 400 days; the last time between 40 days ago and today.
          INSERT INTO review_log (company_id, bank_question_id, asked_question_id, reviewed_at, grade,
            stability_before, difficulty_before, stability_after, difficulty_after, day, due_day)
          SELECT company_id, bank_question_id, id, answered_at, 3, 5.0, 5.0, 8.0, 5.0,
            \(today) - 400 + (id - 1) / 250, \(today) - 400 + (id - 1) / 250 + 5 + id % 50
          FROM asked_question ORDER BY id;

          INSERT INTO card_state (company_id, bank_question_id, stability, difficulty, last_day, due_day, reviews,
            last_grade)
          SELECT company_id, bank_question_id, 8.0, 5.0, max(day), max(due_day), count(*), 3
          FROM review_log GROUP BY company_id, bank_question_id;
          """)
    }
    try queue.close()
  }
}
