import RehearseCore

/// The escape codes Rehearse uses, in one place. Everything else asks a `Style` to wrap text,
/// and a `Style` with colour off returns the text untouched.
enum ANSI {
  static let reset = "\u{1B}[0m"
  static let bold = "\u{1B}[1m"
  static let dim = "\u{1B}[2m"
  static let red = "\u{1B}[31m"
  static let green = "\u{1B}[32m"
  static let yellow = "\u{1B}[33m"
  static let blue = "\u{1B}[34m"
  static let magenta = "\u{1B}[35m"
  static let cyan = "\u{1B}[36m"
  static let underline = "\u{1B}[4m"
}

/// Text styling that honours the colour mode of the stream it is for.
public struct Style: Sendable {
  public var mode: ColorMode

  public init(_ mode: ColorMode) {
    self.mode = mode
  }

  public func bold(_ text: String) -> String { wrap(text, ANSI.bold) }
  public func dim(_ text: String) -> String { wrap(text, ANSI.dim) }
  public func error(_ text: String) -> String { wrap(text, ANSI.bold + ANSI.red) }
  public func warning(_ text: String) -> String { wrap(text, ANSI.bold + ANSI.yellow) }
  public func good(_ text: String) -> String { wrap(text, ANSI.green) }
  public func heading(_ text: String) -> String { wrap(text, ANSI.bold + ANSI.cyan) }
  /// Words the scorer matched inside the answer: each category its own colour (underlined).
  public func highlight(_ text: String, category: ScoreCategory) -> String {
    let colour =
      switch category {
      case .reasoning: ANSI.magenta
      case .reproducibility: ANSI.blue
      case .evidence: ANSI.green
      case .companyFit: ANSI.yellow
      case .structure: ANSI.cyan
      }
    return wrap(text, ANSI.underline + colour)
  }

  /// Around a search match: bold yellow on a terminal, nothing otherwise (the view brackets it).
  public var searchMatchStart: String { mode == .on ? ANSI.bold + ANSI.yellow : "" }
  public var searchMatchEnd: String { mode == .on ? ANSI.reset : "" }

  private func wrap(_ text: String, _ code: String) -> String {
    mode == .on && !text.isEmpty ? code + text + ANSI.reset : text
  }
}
