import Foundation
import RehearseCore
import RehearseStore

/// `rehearse-benchmarks --store-writer HOME N [--hold]`: the second (third, fourth…) process of the
/// store tests. Opens (or creates) the store in HOME, records one session whose single answer
/// gets N lines, each appended in its own durable transaction, prints the session's id, then
/// finishes the answer and the session. With `--hold` it prints `held` after the id and waits,
/// the store open and the drill unfinished, until standard input closes: a test can look at the
/// -wal and -shm files while they exist, or kill the process mid-drill. It sets no umask: the store must
/// make its files private by itself. Exit 74 on a store error, 64 on bad arguments.
enum StoreWriter {
  static func run(_ arguments: [String]) -> Int32 {
    guard arguments.count >= 2, let count = Int(arguments[1]), count >= 0 else {
      FileHandle.standardError.write(Data("usage: rehearse-benchmarks --store-writer HOME N [--hold]\n".utf8))
      return 64
    }
    let home = URL(fileURLWithPath: arguments[0], isDirectory: true)
    let pid = getpid()
    do {
      let store = try Store.open(home: home)
      let session = try store.startSession(
        NewSession(
          companyID: "writer", companyName: "Writer \(pid)", language: .en,
          settings: DrillSettings(count: 1, seed: UInt64(pid)), startedAt: Date(), ownerPID: pid))
      let question = try store.addQuestion(
        NewQuestion(
          bankQuestionID: "lines", stage: "first", kind: .other, text: "Type \(count) lines.", answerSeconds: 600,
          askedAt: Date()),
        to: session)
      var lines: [String] = []
      for index in 1...max(count, 1) where count > 0 {
        let line = "writer \(pid) line \(index)"
        try store.appendLine(line, to: question, typedAt: Date(), elapsedSeconds: Double(index) / 10)
        lines.append(line)
      }
      // Unbuffered, so a test reading the pipe sees each line at once.
      FileHandle.standardOutput.write(Data("\(session.rawValue)\n".utf8))
      if arguments.contains("--hold") {
        FileHandle.standardOutput.write(Data("held\n".utf8))
        _ = FileHandle.standardInput.readDataToEndOfFile()
      }
      try store.finishAnswer(
        question,
        outcome: AnswerOutcome(
          status: .answered, text: lines.joined(separator: "\n"), secondsUsed: Double(count) / 10, finishedAt: Date()))
      try store.finishSession(session, reason: .finished, at: Date())
      try store.close()
      return 0
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      return 74
    }
  }
}
