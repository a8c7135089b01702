/// Splits a shell line into words the way a POSIX shell quotes, without expansions: blanks
/// separate words; `'…'` keeps everything literally; `"…"` keeps everything but `\"`, `\\`, `\$`
/// and `` \` ``; a backslash outside quotes keeps the next character. `''` is an empty word.
enum ShellWords {
  enum Failure: Error, Equatable {
    /// The line ends inside a quote.
    case unclosedQuote(Character)
    /// The line ends with a lone backslash.
    case trailingBackslash
  }

  static func split(_ line: String) throws(Failure) -> [String] {
    let scan = Scan(line)
    if let quote = scan.openQuote { throw .unclosedQuote(quote) }
    if scan.pendingEscape { throw .trailingBackslash }
    return scan.words + (scan.inWord ? [scan.current] : [])
  }

  /// For completion: the finished words before the cursor and the word being typed (`""` after
  /// a blank), tolerating an open quote or a trailing backslash.
  static func partial(_ line: String) -> (words: [String], current: String) {
    let scan = Scan(line)
    return (scan.words, scan.inWord ? scan.current : "")
  }

  private struct Scan {
    var words: [String] = []
    var current = ""
    var inWord = false
    var openQuote: Character?
    var pendingEscape = false

    init(_ line: String) {
      var escapeInDoubleQuotes = false
      for character in line {
        if pendingEscape {
          current.append(character)
          pendingEscape = false
          continue
        }
        switch openQuote {
        case "'":
          if character == "'" { openQuote = nil } else { current.append(character) }
        case "\"":
          if escapeInDoubleQuotes {
            if !"\"\\$`".contains(character) { current.append("\\") }
            current.append(character)
            escapeInDoubleQuotes = false
          } else if character == "\"" {
            openQuote = nil
          } else if character == "\\" {
            escapeInDoubleQuotes = true
          } else {
            current.append(character)
          }
        default:
          if character == " " || character == "\t" {
            if inWord { words.append(current) }
            current = ""
            inWord = false
          } else {
            inWord = true
            if character == "'" || character == "\"" {
              openQuote = character
            } else if character == "\\" {
              pendingEscape = true
            } else {
              current.append(character)
            }
          }
        }
      }
      if escapeInDoubleQuotes { current.append("\\") }
    }
  }
}
