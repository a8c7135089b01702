/// Structure: conclusion first; situation → action → result in that order; a length that fits
/// the question's time. One level for each.
extension Analysis {
  /// Typed characters (Japanese) or words (English) per second of answer time that make a
  /// full answer when typed; a typed answer is about half as long as a spoken one.
  static let typedRate: [Language: Double] = [.ja: 2.0, .en: 0.45]

  func structure(answerSeconds: Int?, language: Language) -> CategoryResult {
    guard !sentences.isEmpty else { return CategoryResult(level: 0, matches: [], cancelled: [], hint: nil) }
    var matches: [Match] = []
    var level = 0

    let conclusions = hits("structure.conclusion").filter { sentence(of: $0.range.lowerBound) == 0 }
    if !conclusions.isEmpty {
      level += 1
      matches += conclusions.map(match)
    }

    let situation = hits("structure.situation").map { sentence(of: $0.range.lowerBound) }.min()
    let action = hits("structure.action").map { sentence(of: $0.range.lowerBound) }
    let result = hits("structure.result").map { sentence(of: $0.range.lowerBound) }.max()
    if let firstAction = action.min(), let result, result >= firstAction, sentences.count >= 2,
      situation.map({ $0 <= firstAction }) ?? true
    {
      level += 1
      matches += hits("structure.result").map(match)
    }

    let size: Double
    if language == .ja {
      size = Double(text.count)
    } else {
      size = Double(text.scalarText.wordCount(0..<text.count))
    }
    if let seconds = answerSeconds, let rate = Self.typedRate[language] {
      let ratio = size / (Double(seconds) * rate)
      if (0.3...2.0).contains(ratio) { level += 1 }
    } else if sentences.count >= 3, size >= (language == .ja ? 100 : 40) {
      level += 1
    }
    return CategoryResult(level: min(level, 3), matches: matches.sortedByStart(), cancelled: [], hint: nil)
  }
}
