import Foundation

/// How many terminal columns text takes: East Asian wide and full-width characters take two,
/// combining marks and zero-width characters none. Used to align tables that mix Japanese
/// and English.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Printable ASCII, most of what is measured, needs no look-up of its category.
    if (0x20..<0x7F).contains(v) { return 1 }
    if v == 0 { return 0 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    return isWide(v) ? 2 : 1
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, plus emoji presentation blocks.
  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
      0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
      0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `text` padded with spaces to `width` columns (never truncated).
  public static func pad(_ text: String, to width: Int) -> String {
    let gap = width - of(text)
    return gap > 0 ? text + String(repeating: " ", count: gap) : text
  }

  /// `text` cut to at most `width` columns, ending in "…" when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let w = of(String(character))
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// Word-wraps `text` to `width` columns. Lines of one paragraph are joined first (banks
  /// break long YAML lines anywhere); blank lines and lines that start a list item stay.
  /// English breaks at spaces, Japanese between any two characters except before closing
  /// punctuation and small kana.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 4 else { return [text] }
    var lines: [String] = []
    for paragraph in paragraphs(of: text) {
      var line: [Character] = []
      var lineWidth = 0
      for character in paragraph {
        let w = of(String(character))
        if lineWidth + w > width, !line.isEmpty {
          var tail: [Character] = []
          // A space inside the command moves with it; a space between words is the break.
          var keepSpace = false
          if line.count(where: { $0 == "`" }) % 2 == 1, let opened = line.lastIndex(of: "`"), opened > 0 {
            // Inside a command in backquotes (`rehearse outcome 6 passed`): it moves to the next
            // line whole, so it can be read and copied.
            tail = Array(line[opened...])
            line.removeSubrange(opened...)
            keepSpace = true
          } else if noBreakBefore.contains(character) {
            // Closing punctuation stays with what it closes: carry the last word (English) or the
            // last character (Japanese) over with it, so the line still fits.
            if let space = line.lastIndex(of: " "), space > line.count / 3, isWordOrPunctuation(character) {
              tail = Array(line[(space + 1)...])
              line.removeSubrange(space...)
            } else if line.count > 1 {
              tail = [line.removeLast()]
            }
          } else if character != " ", isWordOrPunctuation(character), let last = line.last, isWordOrPunctuation(last),
            // Inside an English word (`:quit` and `e.g.` included): go back to the last space, if
            // it is not too far back.
            let space = line.lastIndex(of: " "), space > line.count / 3
          {
            tail = Array(line[(space + 1)...])
            line.removeSubrange(space...)
          }
          lines.append(String(line).trimmingTrailingSpaces())
          line = tail
          lineWidth = tail.reduce(0) { $0 + of(String($1)) }
          if character == " ", !keepSpace { continue }
        }
        line.append(character)
        lineWidth += w
      }
      lines.append(String(line).trimmingTrailingSpaces())
    }
    return lines
  }

  /// Joins the lines of each paragraph: with a space between English words, directly otherwise.
  static func paragraphs(of text: String) -> [String] {
    var result: [String] = []
    var current: String?
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        if let paragraph = current { result.append(paragraph) }
        current = nil
        if result.last != "", !result.isEmpty { result.append("") }
        continue
      }
      if let paragraph = current, !startsListItem(line) {
        let joinWithSpace = paragraph.last.map(isWordOrPunctuation) == true && line.first.map(isWordCharacter) == true
        current = paragraph + (joinWithSpace ? " " : "") + line
      } else {
        if let paragraph = current { result.append(paragraph) }
        current = line
      }
    }
    if let paragraph = current { result.append(paragraph) }
    while result.last == "" { result.removeLast() }
    return result.isEmpty ? [""] : result
  }

  private static func startsListItem(_ line: String) -> Bool {
    guard let first = line.first else { return false }
    if "・•-*※◯○●■□▶→".contains(first) { return true }
    let digits = line.prefix { $0.isNumber }
    return !digits.isEmpty && [".", ")", "）", "."].contains(line.dropFirst(digits.count).first ?? " ")
  }

  private static func isWordCharacter(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber)
  }

  private static func isWordOrPunctuation(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c.isPunctuation)
  }

  private static let noBreakBefore: Set<Character> = [
    "、", "。", "，", "．", "」", "』", "】", "）", ")", "・", "ー", "っ", "ゃ", "ゅ", "ょ", "ッ", "ャ", "ュ", "ョ", "！", "？", ",", ".",
  ]
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
