import Foundation
import RehearseCore
import RehearseStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The preflight checklist, asked item by item (y/n), then what is not ready with what to do,
/// kept in the store with the interview's date. `rehearse preflight` and the start of
/// `rehearse mock`.
@MainActor struct PreflightRun {
  var context: AppContext
  var input: any LineInput
  var company: Company
  var stage: String?
  var mode: InterviewMode
  /// Whether the mode was guessed (the bank does not say).
  var guessed: Bool
  var interviewAt: Date?

  private var m: any Messages { context.messages }
  private var style: Style { context.console.outStyle }

  private func show(_ lines: [String]) {
    for line in lines { context.console.print(line) }
  }

  private func wrapped(_ text: String, indent: String = "") -> [String] {
    DisplayWidth.wrap(text, width: max(20, min(context.console.width, 100) - DisplayWidth.of(indent))).map {
      indent + $0
    }
  }

  /// Asks the checklist; the record kept, or nil when the person stopped (Ctrl-C) before the end.
  func run(store: Store) throws -> PreflightRecord? {
    let checklist: PreflightChecklist
    do {
      checklist = try PreflightChecklist.shipped()
    } catch {
      throw RehearseError.io("the preflight checklist could not be read: \(error)")
    }
    let stageName = stage.map { id in company.stage(id: id).map(m.stageTitle) ?? m.stageName(id) ?? id }
    show(wrapped(m.preflightHeading(company: company.name, stage: stageName, mode: mode)).map(style.heading))
    if let interviewAt {
      let calendar = PracticeCalendar(timeZone: context.timeZone, rolloverHour: 0)
      let days = calendar.day(of: interviewAt).days(since: calendar.day(of: context.now()))
      show([style.dim(m.preflightWhen(context.dates.minute(interviewAt), days: days))])
      if interviewAt < context.now() { show([style.warning(m.preflightPast)]) }
    }
    if guessed { show(wrapped(m.preflightModeGuessed).map(style.dim)) }
    // What the machine can tell itself.
    if let free = Self.freeBytes(at: context.paths.home) {
      let low = free < 200 * 1024 * 1024
      let line = m.preflightDisk(free: Self.size(free), low: low)
      show(wrapped(line).map { low ? style.warning($0) : style.dim($0) })
    }
    if mode == .online {
      let interface = Self.networkInterface()
      show(wrapped(m.preflightNetwork(interface)).map { interface == nil ? style.warning($0) : style.dim($0) })
    }
    let items = checklist.items(for: mode)
    let language: Language = context.language == .ja ? .ja : .en
    var answers: [(item: String, ready: Bool)] = []
    var unanswered: Set<String> = []
    input.begin()
    defer { input.end() }
    items: for (index, item) in items.enumerated() {
      show([""] + wrapped(item.question.text(language)))
      while true {
        let prompt = m.preflightPrompt(index + 1, of: items.count)
        switch input.read(LineRequest(history: .form, prompt: prompt)) {
        case .line(let text):
          guard let ready = Self.yesNo(text) else {
            show([style.dim(m.preflightYesNo)])
            // Piped, the next line belongs to what comes after: this item stays not done.
            guard input.isInteractive else {
              answers.append((item.id, false))
              unanswered.insert(item.id)
              continue items
            }
            continue
          }
          answers.append((item.id, ready))
          continue items
        case .endOfInput(let partial):
          if let ready = Self.yesNo(partial) {
            answers.append((item.id, ready))
            continue items
          }
          // The rest count as not done.
          for rest in items[index...] {
            answers.append((rest.id, false))
            unanswered.insert(rest.id)
          }
          break items
        case .interrupted, .deadline:
          show([style.dim(m.preflightStopped)])
          return nil
        case .terminated:
          return nil
        }
      }
    }
    let record = PreflightRecord(
      companyID: company.id, stage: stage, mode: mode.rawValue, interviewAt: interviewAt, checkedAt: context.now(),
      answers: answers)
    try RehearseError.storing { try store.savePreflight(record) }
    show([""])
    let ready = answers.count { $0.ready }
    if ready == answers.count {
      show([style.good(m.preflightReady(ready, of: answers.count)) + " " + m.preflightAllReady])
    } else {
      show([style.warning(m.preflightReady(ready, of: answers.count)) + " " + style.bold(m.preflightNotReady)])
      for answer in answers where !answer.ready {
        guard let item = items.first(where: { $0.id == answer.item }) else { continue }
        let mark = unanswered.contains(item.id) ? " " + m.preflightNotAnswered : ""
        show(wrapped("✗ " + item.label.text(language) + mark, indent: "  "))
        show(wrapped("→ " + item.fix.text(language), indent: "    ").map(style.dim))
      }
    }
    return record
  }

  /// y, yes, はい, ok → true; n, no, いいえ → false; anything else nil.
  static func yesNo(_ text: String) -> Bool? {
    let answer = text.trimmingCharacters(in: .whitespaces).lowercased()
      .precomposedStringWithCompatibilityMapping
    if ["y", "yes", "はい", "ok", "done", "済", "済み"].contains(answer) { return true }
    if ["n", "no", "いいえ", "not yet", "まだ"].contains(answer) { return false }
    return nil
  }

  /// Bytes free for an unprivileged writer in the folder (or its nearest existing parent).
  static func freeBytes(at folder: URL) -> UInt64? {
    var url = folder
    while !FileManager.default.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
    var stats = statvfs()
    guard statvfs(url.path, &stats) == 0 else { return nil }
    return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
  }

  /// `53 GB`, `180 MB`.
  static func size(_ bytes: UInt64) -> String {
    let megabytes = Double(bytes) / 1_048_576
    return megabytes >= 1024 ? String(format: "%.0f GB", megabytes / 1024) : String(format: "%.0f MB", megabytes)
  }

  /// The name of a network interface that is up, running and not the loopback, with an
  /// address; nil when there is none (offline).
  static func networkInterface() -> String? {
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0, let first = list else { return nil }
    defer { freeifaddrs(list) }
    var cursor: UnsafeMutablePointer<ifaddrs>? = first
    while let entry = cursor {
      defer { cursor = entry.pointee.ifa_next }
      let flags = Int32(entry.pointee.ifa_flags)
      guard flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0,
        let address = entry.pointee.ifa_addr
      else { continue }
      let family = Int32(address.pointee.sa_family)
      guard family == AF_INET || family == AF_INET6 else { continue }
      return String(cString: entry.pointee.ifa_name)
    }
    return nil
  }
}
