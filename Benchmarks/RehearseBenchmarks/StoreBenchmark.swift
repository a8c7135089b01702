import Foundation
import RehearseCore
import RehearseStore

/// `rehearse-benchmarks --store [DIR]`: saving an answer line durably (DESIGN §7: a line is in the
/// store when Enter is pressed; budget under 2 ms median). A store in DIR (default: a new folder
/// under the temporary folder, removed afterwards; it must be on the disk the real store would use,
/// not tmpfs) first gets 10,000 lines through the same API, then 2,000 more saves are timed one by
/// one: each its own transaction, WAL, `synchronous=FULL`. Also times the draft save and the reads
/// behind `history` and `show`.
enum StoreBenchmark {
  static let sentences = [
    "前職では在庫の引当ロジックを見直し、欠品率を 4.2% から 1.1% に下げました。",
    "I chose the rollback instead of a hotfix because the rollback was tested.",
    "なぜなら、現場の担当者が毎朝その数字を見て発注を決めていたからです。",
    "Since then I keep a runbook the on-call team uses every week.",
    "御社でも同じ手順を横展開できると考えています。",
    "Downtime went from 40 to 12 minutes over the next quarter.",
  ]

  static func run(_ arguments: [String]) throws {
    let clock = ContinuousClock()
    let folder: URL
    var remove = false
    if let path = arguments.first {
      folder = URL(fileURLWithPath: path, isDirectory: true)
    } else {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rehearse-store-bench-\(UUID().uuidString)", isDirectory: true)
      remove = true
    }
    defer { if remove { try? FileManager.default.removeItem(at: folder) } }

    var t0 = clock.now
    let store = try Store.open(home: folder)
    print(String(format: "create the store: %.2f ms", milliseconds(clock.now - t0)))

    // 10,000 lines already there: 500 drills of 5 questions, 4 lines each.
    t0 = clock.now
    var now = Date(timeIntervalSince1970: 1_760_000_000)
    var sentence = 0
    for drill in 0..<500 {
      let session = try store.startSession(
        NewSession(
          companyID: "kiso-consulting", companyName: "基礎コンサルティング（架空）", language: .ja,
          settings: DrillSettings(count: 5, seed: UInt64(drill)), startedAt: now, ownerPID: getpid()))
      for position in 0..<5 {
        let question = try store.addQuestion(
          NewQuestion(
            bankQuestionID: "q\(position)", stage: "first", kind: .behavioural, text: "Question \(position)",
            answerSeconds: 120, askedAt: now), to: session)
        var lines: [String] = []
        for index in 0..<4 {
          let line = sentences[sentence % sentences.count]
          sentence += 1
          try store.appendLine(line, to: question, typedAt: now, elapsedSeconds: Double(index * 10))
          lines.append(line)
        }
        try store.finishAnswer(
          question,
          outcome: AnswerOutcome(
            status: .answered, text: lines.joined(separator: "\n"), secondsUsed: 40, scoreJSON: #"{"total": 60}"#,
            totalScore: 60 + position, finishedAt: now))
        now += 60
      }
      try store.finishSession(session, reason: .finished, at: now)
    }
    print(
      String(
        format: "fill: 500 drills, 2,500 answers, 10,000 lines in %.1f s", milliseconds(clock.now - t0) / 1000))

    let session = try store.startSession(
      NewSession(
        companyID: "kiso-consulting", companyName: "基礎コンサルティング（架空）", language: .ja,
        settings: DrillSettings(count: 1, seed: 1), startedAt: now, ownerPID: getpid()))
    let question = try store.addQuestion(
      NewQuestion(
        bankQuestionID: "long", stage: "first", kind: .behavioural, text: "A long answer", answerSeconds: 1800,
        askedAt: now), to: session)
    var saves: [Double] = []
    var drafts: [Double] = []
    for index in 0..<2_000 {
      let line = sentences[index % sentences.count]
      t0 = clock.now
      try store.saveDraft(Draft(text: line, elapsedSeconds: Double(index), savedAt: now), for: question)
      drafts.append(milliseconds(clock.now - t0))
      t0 = clock.now
      try store.appendLine(line, to: question, typedAt: now, elapsedSeconds: Double(index))
      saves.append(milliseconds(clock.now - t0))
    }
    report("save one answer line durably (2,000 saves)", saves)
    report("save the draft line (2,000 saves)", drafts)

    var reads: [Double] = []
    for _ in 0..<20 {
      t0 = clock.now
      _ = try store.sessions()
      reads.append(milliseconds(clock.now - t0))
    }
    report("history: summaries of 501 sessions", reads)
    reads = []
    for _ in 0..<20 {
      t0 = clock.now
      _ = try store.transcript(session)
      reads.append(milliseconds(clock.now - t0))
    }
    report("show: the transcript with 2,000 lines", reads)
    try store.close()
  }

  static func report(_ label: String, _ values: [Double]) {
    let sorted = values.sorted()
    print(
      String(
        format: "%@: median %.3f ms, p90 %.3f ms, max %.3f ms", label, sorted[sorted.count / 2],
        sorted[sorted.count * 9 / 10], sorted[sorted.count - 1]))
  }

  static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }
}
