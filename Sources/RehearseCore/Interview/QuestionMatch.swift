import Foundation

/// Whether a question written down after a real interview is one a bank already has.
///
/// The texts are compared by their content: English words without the words every question
/// uses (tell, me, about, you, what, why…; a plural's s dropped), and Japanese runs of kanji or
/// katakana as character pairs (a single character as itself; hiragana, mostly grammar, left
/// out), all NFKC and lowercase. Two texts' content is compared with the Dice coefficient
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
    "if", "not", "no", "yes", "one", "let", "like", "think", "know", "want", "s", "t",
  ]

  /// A text's content, each unit with how often it occurs.
  static func content(_ text: String) -> [String: Int] {
    var units: [String: Int] = [:]
    var word = ""
    var run: [Unicode.Scalar] = []
    var runKind = 0
    func flushWord() {
      defer { word = "" }
      guard !word.isEmpty, !stopWords.contains(word) else { return }
      let stem = word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
      units[stem, default: 0] += 1
    }
    func flushRun() {
      defer { run = [] }
      guard !run.isEmpty else { return }
      if run.count == 1 {
        if run[0] != "何" { units[String(run[0]), default: 0] += 1 }
        return
      }
      for index in 1..<run.count { units[String(run[index - 1]) + String(run[index]), default: 0] += 1 }
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

  /// How alike two questions are, 0…1.
  public static func similarity(_ a: String, _ b: String) -> Double {
    let left = content(a)
    let right = content(b)
    if left.isEmpty || right.isEmpty { return dice(bigrams(a), bigrams(b)) }
    return dice(left, right)
  }

  /// The most similar of `questions` at or above the threshold, with its similarity.
  public static func best(_ text: String, in questions: [Question]) -> (question: Question, similarity: Double)? {
    let scored = questions.map { ($0, similarity(text, $0.text)) }
    guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 >= threshold else { return nil }
    return top
  }
}
