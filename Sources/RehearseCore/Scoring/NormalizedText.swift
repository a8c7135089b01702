import Foundation

/// An answer in NFKC form (full-width digits and letters folded, half-width katakana joined),
/// with a map from every normalised scalar back to the characters the person typed, so a match
/// found in the normalised text can be reported at its place in the original.
///
/// Offsets are Unicode scalar indexes (what the JSON contract counts), end exclusive. One value
/// is scored on one thread; what only the ICU fallback needs is derived lazily on first use.
public struct NormalizedText: @unchecked Sendable {
  /// The original answer.
  public let original: String
  /// The normalised text.
  public let text: String
  /// For each normalised scalar, the original scalar range of the character it came from.
  private let originStart: [Int]
  private let originEnd: [Int]
  /// The number of scalars in `text`.
  public let count: Int
  /// `text` and `original` as arrays, for slicing in constant time.
  let scalars: [Unicode.Scalar]
  private let originalScalars: [Unicode.Scalar]
  /// What ICU and literal searches need, built on first use.
  private let derived: Derived
  /// `text` bridged once; regular expressions run on it.
  var nsText: NSString { derived.nsText }
  private var scalarAtUTF16: [Int] { derived.scalarAtUTF16 }
  /// The scalars as numbers with positions, for the native matcher.
  let scalarText: ScalarText

  public init(_ original: String) {
    self.original = original
    var scalars = String.UnicodeScalarView()
    var starts: [Int] = []
    var ends: [Int] = []
    var position = 0
    starts.reserveCapacity(original.unicodeScalars.count)
    ends.reserveCapacity(original.unicodeScalars.count)
    for character in original {
      let width = character.unicodeScalars.count
      // ASCII needs no normalisation; most English answers skip Foundation entirely.
      let normalized: String.UnicodeScalarView
      if character.isASCII {
        normalized = character.unicodeScalars
      } else if width == 1, let scalar = character.unicodeScalars.first,
        !scalar.properties.changesWhenNFKCCaseFolded
      {
        // Most kana and kanji are already in NFKC; only the others go through Foundation.
        normalized = character.unicodeScalars
      } else {
        normalized = String(character).precomposedStringWithCompatibilityMapping.unicodeScalars
      }
      for scalar in normalized {
        scalars.append(scalar)
        starts.append(position)
        ends.append(position + width)
      }
      position += width
    }
    text = String(scalars)
    self.scalars = Array(scalars)
    originalScalars = Array(original.unicodeScalars)
    scalarText = ScalarText(self.scalars)
    originStart = starts
    originEnd = ends
    count = starts.count
    derived = Derived(text: text, scalars: self.scalars)
  }

  /// Lazily built views of the normalised text.
  private final class Derived {
    let text: String
    let scalars: [Unicode.Scalar]

    init(text: String, scalars: [Unicode.Scalar]) {
      self.text = text
      self.scalars = scalars
    }

    lazy var nsText: NSString = text as NSString
    /// For each UTF-16 offset of `text` (plus one past the end), the scalar index it falls in.
    lazy var scalarAtUTF16: [Int] = {
      var table: [Int] = []
      table.reserveCapacity(scalars.count * 2 + 1)
      for (index, scalar) in scalars.enumerated() {
        table.append(index)
        if scalar.value > 0xFFFF { table.append(index) }
      }
      table.append(scalars.count)
      return table
    }()
  }

  /// The normalised scalar range of a UTF-16 range from `NSRegularExpression`.
  public func scalarRange(_ range: NSRange) -> Range<Int> {
    let lower = scalarAtUTF16[min(range.location, scalarAtUTF16.count - 1)]
    let upper = scalarAtUTF16[min(range.location + range.length, scalarAtUTF16.count - 1)]
    return lower..<max(lower, upper)
  }

  /// The original scalar range of a normalised scalar range.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty, range.lowerBound < count else {
      let at = range.lowerBound < count ? originStart[range.lowerBound] : original.unicodeScalars.count
      return at..<at
    }
    return originStart[range.lowerBound]..<originEnd[min(range.upperBound, count) - 1]
  }

  /// The original text of an original scalar range.
  public func originalText(_ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: originalScalars[range.clamped(to: 0..<originalScalars.count)])
    return String(view)
  }

  /// The normalised text of a normalised scalar range.
  func slice(_ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
    return String(view)
  }

}
