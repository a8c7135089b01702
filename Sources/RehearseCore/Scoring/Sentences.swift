/// Splits normalised answer text into sentences: on 。！？!? and line breaks, and on ". "
/// in English (not inside numbers like 1.5 or abbreviations like e.g.).
public enum Sentences {
  public static func split(_ text: NormalizedText) -> [Range<Int>] {
    let scalars = text.scalars
    var ranges: [Range<Int>] = []
    var start = 0
    func close(_ end: Int) {
      var lower = start
      while lower < end, ScalarText.isSpace(scalars[lower].value) { lower += 1 }
      var upper = end
      while upper > lower, ScalarText.isSpace(scalars[upper - 1].value) { upper -= 1 }
      if upper > lower { ranges.append(lower..<upper) }
      start = end
    }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "\n":
        close(index)
        start = index + 1
      case "。", "！", "？", "!", "?", "♪":
        // Keep closing quotes and brackets with their sentence: 「…でした。」
        var end = index + 1
        while end < scalars.count, "」』）)\"'”’!?！？".unicodeScalars.contains(scalars[end]) { end += 1 }
        close(end)
        index = end - 1
      case ".":
        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
        let previous = index > 0 ? scalars[index - 1] : " "
        let isNumber = previous.properties.numericType != nil && next.properties.numericType != nil
        let isAbbreviation =
          index >= 2 && scalars[index - 2] == "."
          || (index >= 1 && previous == "g" && index >= 3 && scalars[index - 2] == ".")
        if !isNumber, !isAbbreviation, next.properties.isWhitespace || next == "\"" || next == ")" {
          close(index + 1)
        }
      default:
        break
      }
      index += 1
    }
    close(scalars.count)
    return ranges
  }
}
