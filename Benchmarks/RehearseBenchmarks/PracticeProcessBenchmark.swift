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

  /// 997 answers of about 320 characters, mixed Japanese and English, made from varied parts so
  /// that a phrase is in a few answers and a common word in many, as in a real person's store
  /// (997 is prime, so neighbouring answers differ).
  static let texts: [String] = (0..<997).map { index in
    var random = SplitMix64(seed: UInt64(index) &* 0x9E37_79B9)
    func pick(_ items: [String]) -> String { items[Int(random.next() % UInt64(items.count))] }
    let places = ["物流センター", "本社の経理部", "店舗", "工場の品質管理課", "コールセンター", "開発チーム", "営業所", "病棟"]
    let things = ["在庫の引当", "受注の入力", "シフト表", "検品の手順", "問い合わせ対応", "月次の締め", "発注の基準", "引き継ぎ資料"]
    let measures = ["欠品率", "処理時間", "残業時間", "ミスの件数", "返品率", "待ち時間", "離職率", "クレーム件数"]
    let verbs = ["rebuilt", "simplified", "automated", "documented", "measured", "rolled back", "split", "reviewed"]
    let objects = ["the deploy checklist", "our on-call rota", "the billing export", "the onboarding guide",
      "the weekly report", "the release process", "the supplier contract", "the test suite"]
    var sentences: [String] = []
    for part in 0..<7 {
      let (a, b) = (Int(random.next() % 40) + 5, Int(random.next() % 5) + 1)
      sentences.append(
        part % 2 == 0
          ? "\(pick(places))で\(pick(things))を見直し、\(pick(measures))を\(a)%から\(b)%に下げました。"
          : "I \(pick(verbs)) \(pick(objects)) because it kept failing, and the errors fell from \(a) to \(b).")
    }
    return sentences.joined(separator: " ")
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
      // About 320 characters of mixed Japanese and English per answer, varied by answer.
      try db.execute(sql: "CREATE TEMP TABLE bench_text (id INTEGER PRIMARY KEY, text TEXT)")
      for (index, text) in texts.enumerated() {
        try db.execute(sql: "INSERT INTO bench_text VALUES (?, ?)", arguments: [index, text])
      }
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
            90, s.started_at, 'answered', t.text, t.text, 60,
            '{"categories":{"reasoning":{"level":2},"reproducibility":{"level":1},"evidence":{"level":2}}}', 60,
            s.ended_at, 1
          FROM n JOIN session s ON s.id = i / 5 + 1 JOIN bench_text t ON t.id = i % \(texts.count);

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

          -- The search index, built once after the bulk insert (DESIGN §10: faster than inline).
          INSERT INTO search_index (rowid, body, asked_question_id, field)
            SELECT id * 2, answer_text_nfkc, id, 'answer' FROM asked_question;
          """)
    }
    try queue.close()
  }
}
