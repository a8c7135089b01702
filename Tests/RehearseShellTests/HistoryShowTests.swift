import Foundation
import RehearseCore
import RehearseShell
import RehearseStore
import RehearseTestSupport
import Testing

/// `rehearse history` and `rehearse show` run as built, against a store filled through the store's
/// own API in a temporary `REHEARSE_HOME`, in Tokyo time so the offsets are checked.
@Suite("rehearse history and show, end to end", .serialized)
struct HistoryShowTests {
  /// 2025-11-24 09:00:00 UTC, 18:00 in Tokyo.
  static let t = Date(timeIntervalSince1970: 1_763_974_800)
  static let reasoningLine = "その方が欠品を早く減らせると判断したからです。"

  let folder: TemporaryDirectory
  let runner: CommandRunner
  var home: URL { folder.url.appendingPathComponent("data", isDirectory: true) }

  init() throws {
    folder = try TemporaryDirectory("rehearse-history")
    runner = CommandRunner(home: folder.url, extraEnvironment: ["TZ": "Asia/Tokyo"])
  }

  /// Two sessions: #1 finished with a scored, reviewed answer, a follow-up and a skip; #2 still
  /// open (its process gone) with a line and a draft. Returns the score object stored for Q1.
  @discardableResult
  func fill() throws -> [String: Any] {
    let scored = try runner.run(
      ["score", "--json", "--text", "私は在庫の仕組みを作りました。その方が早いと判断したからです。欠品率は 4% から 1% に下がりました。"])
    #expect(scored.exitCode == 0)
    let scoreText = scored.stdout
    let score = try #require(try JSONSerialization.jsonObject(with: Data(scoreText.utf8)) as? [String: Any])
    let total = try #require(score["total"] as? Int)

    let t = Self.t
    let store = try Store.open(home: home)
    let first = try store.startSession(
      NewSession(
        companyID: "kiso-consulting", companyName: "基礎コンサルティング（架空）", language: .ja,
        settings: DrillSettings(stage: "first", count: 3, answerSeconds: 90, strict: true, seed: 42), startedAt: t,
        ownerPID: getpid()))
    let q1 = try store.addQuestion(
      NewQuestion(
        bankQuestionID: "intro", stage: "first", kind: .selfIntroduction, text: "自己紹介をしてください。", answerSeconds: 90,
        thinkSeconds: 15, askedAt: t + 5), to: first)
    try store.appendLine("私は物流の会社で", to: q1, typedAt: t + 20, elapsedSeconds: 5.5)
    try store.appendLine("在庫の仕組みを作りました。", to: q1, typedAt: t + 30, elapsedSeconds: 15.5)
    try store.finishAnswer(
      q1,
      outcome: AnswerOutcome(
        status: .answered, text: "私は物流の会社で\n在庫の仕組みを作りました。", secondsUsed: 93.5, overtimeSeconds: 3.5,
        hintUsed: true, scoreJSON: scoreText, totalScore: total, finishedAt: t + 40))
    try store.saveReview(
      SelfReview(
        ratings: ["reasoning": 4, "evidence": 2], whatWentWrong: "数字がない", nextTime: "結果を数字で言う", reviewedAt: t + 50),
      for: q1)
    let followUp = try store.addQuestion(
      NewQuestion(
        bankQuestionID: nil, stage: "first", kind: .selfIntroduction, text: "なぜその判断を？", answerSeconds: 60,
        askedAt: t + 55, followUp: .init(parent: q1, category: .reasoning)), to: first)
    try store.appendLine(Self.reasoningLine, to: followUp, typedAt: t + 70, elapsedSeconds: 12)
    try store.finishAnswer(
      followUp,
      outcome: AnswerOutcome(
        status: .timedOut, text: Self.reasoningLine, secondsUsed: 60, timedOut: true, finishedAt: t + 115))
    let q2 = try store.addQuestion(
      NewQuestion(
        bankQuestionID: "motivation", stage: "first", kind: .motivation, text: "志望動機を教えてください。",
        answerSeconds: 90, askedAt: t + 120), to: first)
    try store.finishAnswer(q2, outcome: AnswerOutcome(status: .skipped, text: "", secondsUsed: 2, finishedAt: t + 122))
    try store.finishSession(first, reason: .finished, at: t + 130)

    let second = try store.startSession(
      NewSession(
        companyID: "general-behavioral", companyName: "Behavioural interview — general questions", language: .en,
        settings: DrillSettings(count: 5, seed: 7, review: false), startedAt: t + 3600, ownerPID: 0))
    let open = try store.addQuestion(
      NewQuestion(
        bankQuestionID: "conflict", stage: nil, kind: .behavioural, text: "Tell me about a conflict.",
        answerSeconds: 120,
        askedAt: t + 3601), to: second)
    try store.appendLine(
      "In my last team we disagreed about a release.", to: open, typedAt: t + 3610, elapsedSeconds: 9)
    try store.saveDraft(Draft(text: "I chose to", cursor: 10, elapsedSeconds: 14, savedAt: t + 3615), for: open)
    try store.close()
    return score
  }

  func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test("history without a store says so, exits 0 and creates nothing; show exits 64")
  func noStore() throws {
    defer { folder.remove() }
    let text = try runner.run(["history"])
    #expect(text.exitCode == 0)
    #expect(text.stdout == "No drills yet. Start one with `rehearse drill COMPANY`.\n")
    let json = try runner.run(["history", "--json"])
    #expect(json.exitCode == 0)
    #expect(try self.json(json.stdout) as? [Any] != nil && json.stdout.hasPrefix("["))
    #expect((try self.json(json.stdout) as? [Any])?.isEmpty == true)
    let show = try runner.run(["show", "1"])
    #expect(show.exitCode == 64)
    #expect(show.stderr == "error: no session has the id '1' (see `rehearse history`)\n")
    #expect(!FileManager.default.fileExists(atPath: home.path), "a read-only command made no store")
  }

  @Test("history --json lists sessions newest first, every field")
  func historyJSON() throws {
    defer { folder.remove() }
    let score = try fill()
    let result = try runner.run(["history", "--json"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let sessions = try #require(try json(result.stdout) as? [[String: Any]])
    #expect(sessions.count == 2)
    let keys: Set<String> = [
      "id", "started_at", "ended_at", "end_reason", "company_id", "company_name", "mode", "language", "questions",
      "answered", "score",
    ]
    for session in sessions { #expect(Set(session.keys) == keys) }

    let open = sessions[0]
    #expect(open["id"] as? Int == 2)
    #expect(open["started_at"] as? String == "2025-11-24T19:00:00+09:00")
    #expect(open["ended_at"] is NSNull)
    #expect(open["end_reason"] is NSNull)
    #expect(open["company_id"] as? String == "general-behavioral")
    #expect(open["language"] as? String == "en")
    #expect(open["questions"] as? Int == 1)
    #expect(open["answered"] as? Int == 0)
    #expect(open["score"] is NSNull)

    let done = sessions[1]
    #expect(done["id"] as? Int == 1)
    #expect(done["started_at"] as? String == "2025-11-24T18:00:00+09:00")
    #expect(done["ended_at"] as? String == "2025-11-24T18:02:10+09:00")
    #expect(done["end_reason"] as? String == "finished")
    #expect(done["company_id"] as? String == "kiso-consulting")
    #expect(done["company_name"] as? String == "基礎コンサルティング（架空）")
    #expect(done["mode"] as? String == "drill")
    #expect(done["language"] as? String == "ja")
    #expect(done["questions"] as? Int == 2, "the follow-up is not counted")
    #expect(done["answered"] as? Int == 1, "the skipped question is not answered")
    #expect(done["score"] as? Double == Double(score["total"] as! Int))
  }

  @Test("history --company, --since (a local day) and --limit narrow the list, in --json too (issue 9.10)")
  func historyFilters() throws {
    defer { folder.remove() }
    try fill()
    func ids(_ arguments: [String]) throws -> [Int] {
      let result = try runner.run(["history", "--json"] + arguments)
      #expect(result.exitCode == 0, "\(result.stderr)")
      return try #require(try json(result.stdout) as? [[String: Any]]).compactMap { $0["id"] as? Int }
    }
    #expect(try ids([]) == [2, 1])
    #expect(try ids(["--company", "kiso-consulting"]) == [1])
    #expect(try ids(["--limit", "1"]) == [2])
    #expect(try ids(["--since", "2025-11-24"]) == [2, 1], "18:00 and 19:00 in Tokyo are on the 24th there")
    #expect(try ids(["--since", "2025-11-25"]) == [])
    #expect(try ids(["--company", "general-behavioral", "--since", "2025-11-24", "--limit", "5"]) == [2])
    let none = try runner.run(["history", "--company", "nosuch"])
    #expect(none.stdout.contains("No drills match"), "\(none.stdout)")
    #expect(try runner.run(["history", "--since", "24/11/2025"]).exitCode == 64)
    #expect(try runner.run(["history", "--limit", "0"]).exitCode == 64)
  }

  @Test("history lists the newest 50 for a person and says how many more; --json and --limit list what they ask")
  func historyNewest50() throws {
    defer { folder.remove() }
    let store = try Store.open(home: home)
    for index in 0..<53 {
      _ = try store.startSession(
        NewSession(
          companyID: "kiso-consulting", companyName: "K", language: .ja, settings: DrillSettings(count: 1, seed: 1),
          startedAt: Date(timeIntervalSince1970: 1_763_974_800 + Double(index) * 60), ownerPID: 1))
    }
    try store.close()
    let text = try runner.run(["history"])
    #expect(text.exitCode == 0, "\(text.stderr)")
    #expect(text.stdout.contains("\n53  "), "the newest first")
    #expect(!text.stdout.contains("\n 3  "), "the 50th newest is #4: #3 and older are not listed")
    #expect(text.stdout.contains("The newest 50 of 53 drills"), "\(text.stdout.suffix(300))")
    #expect(try (json(runner.run(["history", "--json"]).stdout) as? [Any])?.count == 53)
    let all = try runner.run(["history", "--limit", "60"])
    #expect(all.stdout.contains("\n 1  ") && !all.stdout.contains("The newest 50"))
    #expect(try (json(runner.run(["history", "--json", "--since", "0d"]).stdout) as? [Any])?.isEmpty == true)
  }

  @Test("show --json has the whole transcript, with the score object embedded and follow-ups nested")
  func showJSON() throws {
    defer { folder.remove() }
    let score = try fill()
    let result = try runner.run(["show", "1", "--json"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let session = try #require(try json(result.stdout) as? [String: Any])
    #expect(
      Set(session.keys) == [
        "id", "company_id", "company_name", "mode", "language", "settings", "started_at", "ended_at", "end_reason",
        "outcome",
        "questions",
      ])
    #expect(session["id"] as? Int == 1)
    #expect(session["ended_at"] as? String == "2025-11-24T18:02:10+09:00")
    let settings = try #require(session["settings"] as? [String: Any])
    #expect(Set(settings.keys) == ["stage", "count", "time", "think", "strict", "seed", "review", "questions"])
    #expect(settings["stage"] as? String == "first")
    #expect(settings["count"] as? Int == 3)
    #expect(settings["time"] as? Int == 90)
    #expect(settings["think"] is NSNull)
    #expect(settings["strict"] as? Bool == true)
    #expect(settings["seed"] as? Int == 42)
    #expect(settings["review"] as? Bool == true)

    let questions = try #require(session["questions"] as? [[String: Any]])
    #expect(questions.count == 2, "follow-ups are nested, not listed")
    let questionKeys: Set<String> = [
      "id", "position", "company_id", "question_id", "category", "stage", "kind", "text", "answer_seconds",
      "think_seconds",
      "asked_at", "status", "answer", "lines", "seconds_used", "timed_out", "overtime_seconds", "hint_used",
      "answered_at", "score", "total", "review", "draft", "follow_ups", "reaction",
    ]
    let q1 = questions[0]
    #expect(Set(q1.keys) == questionKeys)
    #expect(q1["position"] as? Int == 1)
    #expect(q1["question_id"] as? String == "intro")
    #expect(q1["category"] is NSNull)
    #expect(q1["kind"] as? String == "self-introduction")
    #expect(q1["text"] as? String == "自己紹介をしてください。")
    #expect(q1["answer_seconds"] as? Int == 90)
    #expect(q1["think_seconds"] as? Int == 15)
    #expect(q1["asked_at"] as? String == "2025-11-24T18:00:05+09:00")
    #expect(q1["status"] as? String == "answered")
    #expect(q1["answer"] as? String == "私は物流の会社で\n在庫の仕組みを作りました。")
    #expect(q1["seconds_used"] as? Double == 93.5)
    #expect(q1["timed_out"] as? Bool == false)
    #expect(q1["overtime_seconds"] as? Double == 3.5)
    #expect(q1["hint_used"] as? Bool == true)
    #expect(q1["answered_at"] as? String == "2025-11-24T18:00:40+09:00")
    #expect(q1["total"] as? Int == score["total"] as? Int)
    let embedded = try #require(q1["score"] as? [String: Any], "an object, not a string")
    #expect(NSDictionary(dictionary: embedded).isEqual(to: score), "exactly the `score --json` object")
    #expect(q1["draft"] is NSNull)

    let lines = try #require(q1["lines"] as? [[String: Any]])
    #expect(lines.count == 2)
    #expect(Set(lines[0].keys) == ["index", "text", "typed_at", "elapsed_seconds"])
    #expect(lines[0]["index"] as? Int == 1)
    #expect(lines[0]["text"] as? String == "私は物流の会社で")
    #expect(lines[0]["typed_at"] as? String == "2025-11-24T18:00:20+09:00")
    #expect(lines[0]["elapsed_seconds"] as? Double == 5.5)
    #expect(lines[1]["index"] as? Int == 2)

    let review = try #require(q1["review"] as? [String: Any])
    #expect(Set(review.keys) == ["ratings", "what_went_wrong", "why", "next_time", "reviewed_at"])
    #expect(review["ratings"] as? [String: Int] == ["reasoning": 4, "evidence": 2])
    #expect(review["what_went_wrong"] as? String == "数字がない")
    #expect(review["why"] is NSNull)
    #expect(review["next_time"] as? String == "結果を数字で言う")
    #expect(review["reviewed_at"] as? String == "2025-11-24T18:00:50+09:00")

    let followUps = try #require(q1["follow_ups"] as? [[String: Any]])
    #expect(followUps.count == 1)
    let followUp = followUps[0]
    #expect(Set(followUp.keys) == questionKeys)
    #expect(followUp["category"] as? String == "reasoning")
    #expect(followUp["question_id"] is NSNull)
    #expect(followUp["position"] as? Int == 1)
    #expect(followUp["status"] as? String == "timed_out")
    #expect(followUp["timed_out"] as? Bool == true)
    #expect(followUp["answer"] as? String == Self.reasoningLine)
    #expect(followUp["score"] is NSNull)
    #expect((followUp["follow_ups"] as? [Any])?.isEmpty == true)

    let q2 = questions[1]
    #expect(q2["position"] as? Int == 2)
    #expect(q2["status"] as? String == "skipped")
    #expect((q2["lines"] as? [Any])?.isEmpty == true)
    #expect(q2["review"] is NSNull)
  }

  @Test("show --json of an unfinished drill has its lines and the draft")
  func showUnfinishedJSON() throws {
    defer { folder.remove() }
    try fill()
    let result = try runner.run(["show", "2", "--json"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let session = try #require(try json(result.stdout) as? [String: Any])
    #expect(session["ended_at"] is NSNull)
    #expect((session["settings"] as? [String: Any])?["review"] as? Bool == false)
    let question = try #require((session["questions"] as? [[String: Any]])?.first)
    #expect(question["status"] as? String == "unanswered")
    #expect(question["answered_at"] is NSNull)
    #expect(question["seconds_used"] is NSNull)
    #expect(question["answer"] as? String == "In my last team we disagreed about a release.")
    let draft = try #require(question["draft"] as? [String: Any])
    #expect(Set(draft.keys) == ["text", "cursor", "elapsed_seconds", "saved_at"])
    #expect(draft["text"] as? String == "I chose to")
    #expect(draft["cursor"] as? Int == 10)
    #expect(draft["elapsed_seconds"] as? Double == 14)
    #expect(draft["saved_at"] as? String == "2025-11-24T19:00:15+09:00")
  }

  @Test("history prints a table in the interface language, fitted to the terminal width")
  func historyTable() throws {
    defer { folder.remove() }
    try fill()
    let english = try runner.run(["history"])
    #expect(english.exitCode == 0)
    let lines = english.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("ID  STARTED           COMPANY"))
    #expect(lines[0].hasSuffix("QUESTIONS  ANSWERED  SCORE  STATUS"))
    #expect(lines[1].hasPrefix(" 2  2025-11-24 19:00  Behavioural interview — general questions  drill"))
    #expect(lines[1].hasSuffix("not finished"))
    #expect(lines[2].hasPrefix(" 1  2025-11-24 18:00  基礎コンサルティング（架空）"))
    #expect(lines[2].hasSuffix("finished"))
    #expect(english.stdout.hasSuffix("\n2 sessions\n"))

    let japanese = try CommandRunner(home: folder.url, extraEnvironment: ["TZ": "Asia/Tokyo", "REHEARSE_LANG": "ja"])
      .run(["history"])
    #expect(japanese.stdout.hasPrefix("ID  開始"))
    #expect(japanese.stdout.contains("平均点"))
    #expect(japanese.stdout.contains("未完了"))
    #expect(japanese.stdout.hasSuffix("\n2 回\n"))

    for columns in [100, 80, 64, 48] {
      let narrow = try CommandRunner(
        home: folder.url, extraEnvironment: ["TZ": "Asia/Tokyo", "COLUMNS": String(columns)]
      ).run(["history"])
      for line in narrow.stdout.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= columns, "\(columns): \(line)")
      }
      #expect(narrow.stdout.contains("Behavioural"), "\(columns)")
      #expect(narrow.stdout.contains("…"), "\(columns): the long company name is shortened")
      #expect(narrow.stdout.contains("STATUS") == (columns >= 100), "\(columns)")
      #expect(narrow.stdout.contains("MODE") == (columns >= 80), "\(columns)")
      #expect(narrow.stdout.contains("QUESTIONS") == (columns >= 64), "\(columns)")
      #expect(narrow.stdout.contains("2025-11-24") == (columns >= 64), "\(columns): the year goes last")
    }
  }

  @Test("show prints a readable transcript with times, score, self-review and follow-ups")
  func showText() throws {
    defer { folder.remove() }
    try fill()
    let result = try runner.run(["show", "1"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.hasPrefix("Drill #1  基礎コンサルティング（架空） · kiso-consulting\n"))
    #expect(
      out.contains("2025-11-24 18:00 – 18:02 · finished · drill · 一次面接（人事・オンライン） · 2 questions\n"),
      "the bank's own stage name, the questions asked, facts wrapped to the width")
    #expect(out.contains("strict"))
    #expect(out.contains("seed 42"))
    #expect(
      out.contains("Q1  intro · 一次面接（人事・オンライン） · self-introduction · answer 1 min 30 s · think 15 s\n    18:00:05"),
      "facts wrapped at 100 columns between facts")
    #expect(out.contains("answered · 1 min 34 s of 1 min 30 s · overtime 4 s · hint used"))
    #expect(out.contains("18:00:20  +5.5s  私は物流の会社で"))
    #expect(out.contains("Total "))
    #expect(out.contains("why you decided ■"))
    #expect(out.contains("Self-review  Why I decided 4 · Evidence 2"))
    #expect(out.contains("What went wrong?  数字がない"))
    #expect(out.contains("    Follow-up 1 (why you decided)"))
    #expect(out.contains("cut at the deadline"))
    #expect(out.contains("Q2  motivation"))
    #expect(out.contains("skipped"))
    #expect(!out.contains("\u{1B}["), "no escape codes when not a terminal")

    // Narrow terminals: every line fits, and facts wrap between themselves, never inside a word
    // ("St" / "ructure", "2" / "2:53:29") (issue 9.12).
    for columns in [72, 56, 44] {
      let narrow = try CommandRunner(
        home: folder.url, extraEnvironment: ["TZ": "Asia/Tokyo", "COLUMNS": String(columns)]
      ).run(["show", "1"])
      for line in narrow.stdout.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= columns, "\(columns): \(line)")
      }
      for fact in ["self-introduction", "answer 1 min 30 s", "think 15 s", "18:00:05", "overtime 4 s", "Evidence 2"] {
        #expect(narrow.stdout.contains(fact), "\(columns): '\(fact)' whole")
      }
    }

    let open = try runner.run(["show", "2"])
    #expect(open.stdout.contains("not finished"))
    #expect(open.stdout.contains("in progress"))
    #expect(open.stdout.contains("being typed when it stopped (19:00:15): I chose to"))

    let japanese = try CommandRunner(home: folder.url, extraEnvironment: ["TZ": "Asia/Tokyo", "REHEARSE_LANG": "ja"])
      .run(["show", "1"])
    #expect(japanese.stdout.hasPrefix("ドリル #1"))
    #expect(japanese.stdout.contains("自己評価  判断の理由 4"))
    #expect(japanese.stdout.contains("深掘り 1（判断の理由）"))
  }

  @Test("show with an unknown or malformed id exits 64 with a clear message")
  func unknownID() throws {
    defer { folder.remove() }
    try fill()
    for id in ["3", "0", "abc", "-1"] {
      let result = try runner.run(["show", "--", id])
      #expect(result.exitCode == 64, "\(id)")
      #expect(result.stdout.isEmpty)
      #expect(result.stderr == "error: no session has the id '\(id)' (see `rehearse history`)\n", "\(id)")
    }
  }

  @Test("a store that cannot be used exits 74 naming it, and is left unchanged")
  func brokenStore() throws {
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let file = Store.fileURL(home: home)
    try Data("not a database, just notes\n".utf8).write(to: file)
    for arguments in [["history"], ["history", "--json"], ["show", "1"], ["show", "1", "--json"]] {
      let result = try runner.run(arguments)
      #expect(result.exitCode == 74, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(
        result.stderr
          == "error: the store \(file.path) is not an SQLite database; it was left as it is. Move it away to start a new store\n",
        "\(arguments)")
    }
    // In Japanese, in Japanese.
    var japanese = runner
    japanese.environment["REHEARSE_LANG"] = "ja"
    let result = try japanese.run(["history"])
    #expect(result.exitCode == 74)
    #expect(
      result.stderr
        == "エラー: 記録ファイル \(file.path) は SQLite データベースではありません。そのままにしてあります。新しく始めるには、このファイルを別の場所へ移してください\n")
    #expect(try Data(contentsOf: file) == Data("not a database, just notes\n".utf8))
  }
}
