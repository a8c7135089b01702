import Foundation

/// The form of answer text kept for search: NFKC, so full-width and half-width letters, digits
/// and katakana (ＡＰＩ, ｽｹｰﾗ) match their usual forms (DESIGN §10: the trigram index does no
/// width folding of its own).
enum SearchText {
  static func normalize(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping
  }

  /// The reflections as one searchable text (NFKC, one per line), nil when there are none.
  static func reflections(_ texts: [String?]) -> String? {
    let kept = texts.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    return kept.isEmpty ? nil : normalize(kept.joined(separator: "\n"))
  }
}
