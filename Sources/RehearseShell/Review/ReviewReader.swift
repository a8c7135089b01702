import Foundation
import RehearseCore
import RehearseStore

/// Where the reader is and what each key does. Pure: the reader draws and writes.
struct ReviewNavigation: Equatable {
  var question = 0
  var scroll = 0

  enum Action: Equatable {
    case none, redraw, edit, quit, terminated
    /// The drill before this one; `atEnd`: at its last question (← past the first question).
    case olderDrill(atEnd: Bool)
    case newerDrill
  }

  /// `questions` on this drill; `lines` in this question's scrolled part, `visible` of them on screen.
  mutating func handle(_ key: Key, questions: Int, lines: Int, visible: Int) -> Action {
    let bottom = max(0, lines - visible)
    let current = scroll
    func scrolled(to offset: Int) -> Action {
      let clamped = max(0, min(bottom, offset))
      guard clamped != current else { return .none }
      scroll = clamped
      return .redraw
    }
    switch key {
    case .right, .character("l"), .character("n"):
      guard question + 1 < questions else { return .newerDrill }
      question += 1
      scroll = 0
      return .redraw
    case .left, .character("h"), .character("p"):
      guard question > 0 else { return .olderDrill(atEnd: true) }
      question -= 1
      scroll = 0
      return .redraw
    case .character("]"): return .newerDrill
    case .character("["): return .olderDrill(atEnd: false)
    case .down, .character("j"), .enter: return scrolled(to: current + 1)
    case .up, .character("k"): return scrolled(to: current - 1)
    case .pageDown, .character(" "), .character("f"): return scrolled(to: current + max(1, visible - 1))
    case .pageUp, .character("b"): return scrolled(to: current - max(1, visible - 1))
    case .home, .character("g"): return scrolled(to: 0)
    case .end, .character("G"): return scrolled(to: bottom)
    case .character("e"): return .edit
    case .character("q"), .character("Q"), .escape, .quit, .endOfInput: return .quit
    case .terminated: return .terminated
    case .resize: return .redraw
    default: return .none
    }
  }
}

/// `rehearse review`: one question per screen on the terminal's alternate screen, keys to move
/// between questions and drills, `e` to add or edit the three reflections (each saved to the
/// store as soon as Enter is pressed).
@MainActor final class ReviewReader {
  private let context: AppContext
  private let store: Store
  private let keys: any KeySource
  private let lines: any LineInput
  private let out: any OutputStream
  private let size: () -> (rows: Int, columns: Int)
  private let rubric = try? Rubric.shipped()
  private let catalog: BankCatalog
  private var transcript: Transcript
  private var navigation = ReviewNavigation()
  /// A line shown in place of the keys until the next key (the oldest drill, Saved.).
  private var notice: String?

  init(
    context: AppContext, store: Store, transcript: Transcript, keys: any KeySource, lines: any LineInput,
    out: any OutputStream, size: @escaping () -> (rows: Int, columns: Int)
  ) {
    self.context = context
    self.store = store
    self.transcript = transcript
    self.keys = keys
    self.lines = lines
    self.out = out
    self.size = size
    catalog = context.loadBanks(extra: [])
  }

  private var style: Style { context.console.outStyle }

  private func screen(width: Int) -> ReviewScreen {
    ReviewScreen(
      transcript: transcript, messages: context.messages, style: style, width: width, dates: context.dates,
      rubric: rubric, language: context.language, stages: catalog.stages(for: transcript))
  }

  private func write(_ text: String) {
    var out = self.out
    out.write(text)
  }

  /// Runs until q; throws only when the store fails.
  func run() throws {
    write("\u{1B}[?1049h\u{1B}[?25l")
    keys.begin()
    defer {
      keys.end()
      write("\u{1B}[?25h\u{1B}[?1049l")
    }
    while true {
      let (rows, columns) = size()
      let screen = screen(width: max(20, min(columns, 100)))
      let body = screen.body(navigation.question)
      let visible = max(1, rows - 3)
      draw(screen, body: body, rows: rows, visible: visible, columns: columns)
      let key = keys.read()
      notice = nil
      switch navigation.handle(key, questions: transcript.questions.count, lines: body.count, visible: visible) {
      case .none, .redraw: continue
      case .quit: return
      case .terminated: return
      case .newerDrill:
        try move(newer: true, atEnd: false)
      case .olderDrill(let atEnd):
        try move(newer: false, atEnd: atEnd)
      case .edit:
        if try !edit() { return }
      }
    }
  }

  private func move(newer: Bool, atEnd: Bool) throws {
    let m = context.messages
    guard let id = try RehearseError.storing({ try store.neighbour(of: transcript.session.id, newer: newer) }),
      let next = try RehearseError.storing({ try store.transcript(id) })
    else {
      notice = newer ? m.reviewNewest : m.reviewOldest
      return
    }
    transcript = next
    navigation = ReviewNavigation(question: atEnd ? max(0, next.questions.count - 1) : 0, scroll: 0)
  }

  private func draw(_ screen: ReviewScreen, body: [String], rows: Int, visible: Int, columns: Int) {
    var text = "\u{1B}[H\u{1B}[2J"
    text += screen.header(navigation.question).joined(separator: "\r\n") + "\r\n"
    let shown = body.dropFirst(navigation.scroll).prefix(visible)
    text += shown.joined(separator: "\r\n")
    // The keys on the last row; where the body scrolls, how far down it is.
    // One row, whatever the width: a line that wrapped would push the title off the top.
    var marker = ""
    if body.count > visible {
      let below = body.count - navigation.scroll - visible
      marker = below > 0 ? "  ↓\(below)" : "  ↑"
    }
    let room = max(1, columns - DisplayWidth.of(marker) - 1)
    let footer =
      (notice.map { style.warning(DisplayWidth.truncate($0, to: room)) }
        ?? style.dim(DisplayWidth.truncate(context.messages.reviewKeys, to: room))) + style.dim(marker)
    text += "\u{1B}[\(rows);1H\u{1B}[2K" + footer
    write(text)
  }

  /// Asks for the three reflections of the question on screen, each prefilled with what is
  /// there and saved on Enter. False when the process was asked to end.
  private func edit() throws -> Bool {
    let m = context.messages
    guard transcript.questions.indices.contains(navigation.question) else { return true }
    let question = transcript.questions[navigation.question]
    keys.end()
    write("\u{1B}[H\u{1B}[2J\u{1B}[?25h")
    let width = max(20, min(size().columns, 100))
    write(
      style.heading(m.reviewEditHeading(question.position)) + "\n"
        + DisplayWidth.wrap(m.reviewEditHint, width: width).map(style.dim).joined(separator: "\n") + "\n\n")
    lines.begin()
    defer {
      lines.end()
      write("\u{1B}[?25l")
      keys.begin()
    }
    let lang: Language = context.language == .ja ? .ja : .en
    var review = question.review ?? SelfReview(ratings: [:], reviewedAt: context.now())
    let fields: [(id: String, path: WritableKeyPath<SelfReview, String?>)] = [
      ("what_went_wrong", \.whatWentWrong), ("why", \.why), ("next_time", \.nextTime),
    ]
    fields: for field in fields {
      let prompt = (rubric?.reflection.first { $0.id == field.id }?.text(lang) ?? field.id) + " > "
      let event = lines.read(
        LineRequest(
          history: .reflection, prompt: { _ in PromptText(prompt) }, initialText: review[keyPath: field.path] ?? ""))
      switch event {
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.isEmpty ? nil : trimmed
        guard value != review[keyPath: field.path] else { continue }
        review[keyPath: field.path] = value
        try RehearseError.storing { try store.saveReview(review, for: question.id) }
        write(style.dim(m.reviewSaved) + "\n")
      case .terminated:
        return false
      case .interrupted, .endOfInput, .deadline:
        notice = m.reviewEditCancelled
        break fields
      }
    }
    if notice == nil { notice = m.reviewSaved }
    if let reread = try RehearseError.storing({ try store.transcript(transcript.session.id) }) { transcript = reread }
    return true
  }
}
