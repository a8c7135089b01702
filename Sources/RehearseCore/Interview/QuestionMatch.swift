import Foundation

/// Whether a question written down after a real interview is one a bank already has.
///
/// The texts are compared by their content: English words without the words every question
/// uses (tell, me, about, you, what, why…), each cut to its stem, and Japanese runs of kanji or
/// katakana as character pairs (a single character as itself; hiragana, mostly grammar, left
/// out, and the frame's 当社, 教えて, 理由…), all NFKC and lowercase; the company's own name
/// does not count. Two texts' content is compared with the Dice coefficient
/// (twice what they share over all they have); 0.6 or more is the same question. A text with
/// no content words is compared by all its letters in pairs. So "Why do you want to join us?"
/// is "So why do you want to join us" (1.0), "Tell me about a failure" is not "Tell me about a
/// success" (0), and 学生時代に力を入れたことを教えてください is 学生時代に一番力を入れたことは何ですか.
public enum QuestionMatch {
  public static let threshold = 0.6

  static let stopWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "about", "from", "by",
    "as",
    "is", "are", "was", "were", "be", "been", "do", "does", "did", "done", "have", "has", "had", "you", "your", "yours",
    "we", "us", "our", "i", "me", "my", "it", "its", "this", "that", "these", "those", "what", "why", "how", "when",
    "where", "who", "which", "tell", "describe", "please", "can", "could", "would", "will", "should", "any", "some",
    "there", "here", "give", "example", "walk", "through", "really", "more", "most", "very", "just", "then", "than",
    "if", "not", "no", "yes", "one", "let", "like", "think", "know", "want", "s", "t", "yourself", "briefly", "bit",
    "little", "company",
  ]

  /// Japanese units every question has: the company as 当社/御社/貴社/弊社, and 教えて, 理由,
  /// 聞かせて, 話して, 何 of the question's frame.
  static let stopUnits: Set<String> = ["当社", "御社", "貴社", "弊社", "教", "理由", "聞", "話", "何", "下"]

  /// An English word's stem: a common ending off (-ing, -ed, -ly, -ion, -ure, -s), then at most
  /// six letters, so "introduce" and "introduction", "failure" and "failed" are one.
  static func stem(_ word: String) -> String {
    var stem = word
    for suffix in ["ing", "ed", "ly", "ion", "ure", "s"] where stem.hasSuffix(suffix) && stem.count - suffix.count >= 4
    {
      if suffix == "s", stem.hasSuffix("ss") { continue }
      stem.removeLast(suffix.count)
      break
    }
    return String(stem.prefix(6))
  }

  /// A text's content, each unit with how often it occurs.
  static func content(_ text: String, ignoring name: [String: Int] = [:]) -> [String: Int] {
    var units: [String: Int] = [:]
    var word = ""
    var run: [Unicode.Scalar] = []
    var runKind = 0
    func flushWord() {
      defer { word = "" }
      guard !word.isEmpty, !stopWords.contains(word) else { return }
      let stem = Self.stem(word)
      if name[stem] == nil { units[stem, default: 0] += 1 }
    }
    func flushRun() {
      defer { run = [] }
      guard !run.isEmpty else { return }
      if run.count == 1 {
        let unit = String(run[0])
        if !stopUnits.contains(unit), name[unit] == nil { units[unit, default: 0] += 1 }
        return
      }
      for index in 1..<run.count {
        let unit = String(run[index - 1]) + String(run[index])
        if !stopUnits.contains(unit), name[unit] == nil { units[unit, default: 0] += 1 }
      }
    }
    for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
      let kind: Int
      switch scalar.value {
      case 0x30...0x39, 0x61...0x7A: kind = 1
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005: kind = 2
      case 0x30A0...0x30FF: kind = 3
      default: kind = 0
      }
      if kind != 1 { flushWord() }
      if kind != runKind || kind < 2 { flushRun() }
      runKind = kind
      switch kind {
      case 1: word.unicodeScalars.append(scalar)
      case 2, 3: run.append(scalar)
      default: break
      }
    }
    flushWord()
    flushRun()
    return units
  }

  /// The letters and digits of a text as overlapping pairs (for texts without content words).
  static func bigrams(_ text: String) -> [String: Int] {
    let scalars = text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.filter {
      CharacterSet.alphanumerics.contains($0)
    }
    var pairs: [String: Int] = [:]
    var previous: Unicode.Scalar?
    for scalar in scalars {
      if let previous { pairs[String(previous) + String(scalar), default: 0] += 1 }
      previous = scalar
    }
    return pairs
  }

  static func dice(_ left: [String: Int], _ right: [String: Int]) -> Double {
    let total = left.values.reduce(0, +) + right.values.reduce(0, +)
    guard total > 0 else { return 0 }
    let shared = left.reduce(0) { $0 + min($1.value, right[$1.key] ?? 0) }
    return Double(2 * shared) / Double(total)
  }

  /// How alike two questions are, 0…1; the words of `company` (its name) do not count.
  public static func similarity(_ a: String, _ b: String, company: String = "") -> Double {
    let name = content(company)
    let left = content(a, ignoring: name)
    let right = content(b, ignoring: name)
    if left.isEmpty || right.isEmpty { return dice(bigrams(a), bigrams(b)) }
    return dice(left, right)
  }

  /// The most similar of `questions` at or above the threshold, with its similarity.
  public static func best(_ text: String, in questions: [Question], company: String = "") -> (
    question: Question, similarity: Double
  )? {
    let scored = questions.map { ($0, similarity(text, $0.text, company: company)) }
    guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 >= threshold else { return nil }
    return top
  }
}
