/// Ids of companies and questions end up in file names, commands and terminal output,
/// so they are restricted to a slug alphabet: `a-z`, `0-9`, `-`, `_`, 1–64 characters,
/// starting with a letter or digit.
public enum SafeID {
  public static let maximumLength = 64

  /// Why `id` is not a safe id, as a sentence fragment, or `nil` when it is safe.
  public static func problem(with id: String) -> String? {
    if id.isEmpty { return "is empty" }
    for scalar in id.unicodeScalars {
      if let named = namedProblem(scalar) { return named }
    }
    if id.contains("..") { return "contains '..'" }
    if id.unicodeScalars.count > maximumLength {
      return "is longer than \(maximumLength) characters"
    }
    if let first = id.unicodeScalars.first, !isLowerAlphanumeric(first) {
      return "must start with a lowercase letter or digit"
    }
    if let bad = id.unicodeScalars.first(where: { !isAllowed($0) }) {
      if bad.properties.isUppercase { return "contains an uppercase letter ('\(bad)'); ids are lowercase" }
      return "contains '\(bad.escaped(asASCII: true))'; use only a-z, 0-9, '-' and '_'"
    }
    return nil
  }

  /// `problem(with: id) == nil`, as one pass over the bytes: the allowed characters are all
  /// ASCII, so nothing else (NUL, separators, `..`, controls) can pass. The cache checks
  /// every id it reads with it.
  public static func isSafe(_ id: String) -> Bool {
    var count = 0
    for byte in id.utf8 {
      let lowerAlphanumeric = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
      guard lowerAlphanumeric || (count > 0 && (byte == 0x2D || byte == 0x5F)) else { return false }
      count += 1
    }
    return count >= 1 && count <= maximumLength
  }

  private static func namedProblem(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0: return "contains a NUL character"
    case 0x2F, 0x5C: return "contains a path separator ('\(scalar)')"
    case _ where TextSafety.isBidiControl(scalar):
      return "contains a bidirectional control character (\(scalar.codePointName))"
    case _ where TextSafety.isControl(scalar):
      return "contains a control character (\(scalar.codePointName))"
    case 0x20: return "contains a space"
    default: return nil
    }
  }

  private static func isLowerAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(s) || ("0"..."9").contains(s)
  }

  private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
    isLowerAlphanumeric(s) || s == "-" || s == "_"
  }
}

/// Checks on free text that will be printed to a terminal.
public enum TextSafety {
  /// Bidirectional overrides and isolates can make text display in an order other than it is
  /// stored (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C).
  public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    default: return false
    }
  }

  /// C0 and C1 controls and DEL. Escape sequences in a bank could rewrite the terminal.
  public static func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    default: return false
    }
  }

  /// The first character in `text` that must not reach a terminal (newlines and tabs are fine).
  public static func firstUnsafeScalar(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first { s in
      s != "\n" && s != "\t" && (isControl(s) || isBidiControl(s))
    }
  }
}

extension Unicode.Scalar {
  /// `U+202E`, the way Unicode names code points.
  public var codePointName: String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
