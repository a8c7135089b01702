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
  /// For each normalised scalar, the original scalar range of the character it came from;
  /// `nil` when normalisation changed nothing (each scalar is its own origin).
  private let originStart: [Int]?
  private let originEnd: [Int]?
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
    originalScalars = Array(original.unicodeScalars)
    if originalScalars.allSatisfy(Self.isStable) {
      // Nearly every answer: ASCII, kana, kanji and common punctuation are already NFKC.
      text = original
      scalars = originalScalars
      originStart = nil
      originEnd = nil
    } else {
      // Every stable scalar starts a new normalisation segment (nothing before it can combine
      // with what follows), so only the runs holding unstable scalars go through Foundation,
      // a character at a time so each result maps back to the character it came from.
      var scalars: [Unicode.Scalar] = []
      var starts: [Int] = []
      var ends: [Int] = []
      scalars.reserveCapacity(originalScalars.count)
      starts.reserveCapacity(originalScalars.count)
      ends.reserveCapacity(originalScalars.count)
      let stable = originalScalars.map(Self.isStable)
      var index = 0
      while index < originalScalars.count {
        var end = index + 1
        while end < originalScalars.count, !stable[end] { end += 1 }
        // A full-width letter, digit or sign, or the ideographic space, combines with nothing
        // before it; with nothing after it that could combine with it, NFKC gives its ASCII
        // twin, without Foundation (Japanese input methods type them all the time).
        let alone = end == index + 1 || Self.narrow(originalScalars[index + 1]) != nil
        if alone, stable[index] {
          scalars.append(originalScalars[index])
          starts.append(index)
          ends.append(index + 1)
          end = index + 1
        } else if alone, let narrow = Self.narrow(originalScalars[index]) {
          scalars.append(narrow)
          starts.append(index)
          ends.append(index + 1)
          end = index + 1
        } else {
          var position = index
          for character in String.utf8(originalScalars[index..<end]) {
            let width = character.unicodeScalars.count
            for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
              scalars.append(scalar)
              starts.append(position)
              ends.append(position + width)
            }
            position += width
          }
        }
        index = end
      }
      text = String.utf8(scalars[...])
      self.scalars = scalars
      originStart = starts
      originEnd = ends
    }
    scalarText = ScalarText(self.scalars)
    count = self.scalars.count
    derived = Derived(text: text, scalars: self.scalars, originalScalars: originalScalars)
  }

  /// The NFKC form of the full-width forms of ASCII (U+FF01–U+FF5E) and of the ideographic
  /// space (U+3000), which Japanese input methods type for digits, letters and signs.
  @inline(__always)
  static func narrow(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)
    case 0x3000: " "
    default: nil
    }
  }

  /// Whether a scalar is its own NFKC form and cannot combine with the one before it, so it
  /// needs no normalisation wherever it stands. Composition joins a starter with a following
  /// combining mark (non-zero combining class), a spacing vowel sign, or a Hangul jamo; none of
  /// those is stable, so a text of stable scalars is already NFKC.
  static func isStable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0...0x7F: return true
    case 0x3001...0x3002, 0x300C...0x3011, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: return true
    case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x3000, 0xFF00...0xFFEF: return false
    default:
      let properties = scalar.properties
      if properties.changesWhenNFKCCaseFolded || properties.canonicalCombiningClass.rawValue != 0 { return false }
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: return false
      default: return true
      }
    }
  }

  /// Lazily built views of the normalised text.
  private final class Derived {
    let text: String
    let scalars: [Unicode.Scalar]

    let originalScalars: [Unicode.Scalar]

    init(text: String, scalars: [Unicode.Scalar], originalScalars: [Unicode.Scalar]) {
      self.text = text
      self.scalars = scalars
      self.originalScalars = originalScalars
    }

    /// For each scalar of the original answer (plus one past the end), its UTF-8 offset.
    lazy var originalUTF8Offsets: [Int] = {
      var offsets: [Int] = []
      offsets.reserveCapacity(originalScalars.count + 1)
      var offset = 0
      for scalar in originalScalars {
        offsets.append(offset)
        offset += UTF8.width(scalar)
      }
      offsets.append(offset)
      return offsets
    }()

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
      let at = range.lowerBound < count ? (originStart?[range.lowerBound] ?? range.lowerBound) : originalScalars.count
      return at..<at
    }
    guard let originStart, let originEnd else { return range.lowerBound..<min(range.upperBound, count) }
    return originStart[range.lowerBound]..<originEnd[min(range.upperBound, count) - 1]
  }

  /// The original text of an original scalar range.
  public func originalText(_ range: Range<Int>) -> String {
    let offsets = derived.originalUTF8Offsets
    let clamped = range.clamped(to: 0..<originalScalars.count)
    var original = original
    return original.withUTF8 { bytes in
      String(decoding: bytes[offsets[clamped.lowerBound]..<offsets[clamped.upperBound]], as: UTF8.self)
    }
  }

  /// The normalised text of a normalised scalar range.
  func slice(_ range: Range<Int>) -> String {
    String.utf8(scalars[range.clamped(to: 0..<scalars.count)])
  }

}

extension String {
  /// A string of scalars, encoded straight to UTF-8 (appending to a `UnicodeScalarView` one
  /// scalar at a time is several times slower).
  static func utf8(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 3)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }
}
