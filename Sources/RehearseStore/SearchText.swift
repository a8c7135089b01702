import Foundation

/// The form of answer text kept for search: NFKC, so full-width and half-width letters, digits
/// and katakana (ＡＰＩ, ｽｹｰﾗ) match their usual forms (DESIGN §10: the trigram index does no
/// width folding of its own).
enum SearchText {
  static func normalize(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping
  }
}
