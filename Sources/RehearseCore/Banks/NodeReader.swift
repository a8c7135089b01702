import Yams

/// Reads typed values out of a `Yams.Node` tree, recording a located diagnostic for every
/// problem instead of stopping at the first. Each `read…` returns `nil` when the value is
/// unusable, after recording why.
final class NodeReader {
  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String) {
    self.path = path
  }

  // MARK: Recording

  func error(_ message: String, at node: Node?) {
    diagnostics.append(.error(message, path: path, at: location(of: node)))
  }

  func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(.error(message, path: path, at: location))
  }

  func warning(_ message: String, at node: Node?) {
    diagnostics.append(.warning(message, path: path, at: location(of: node)))
  }

  func location(of node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return .start }
    return SourceLocation(line: mark.line, column: mark.column)
  }

  // MARK: Mappings

  /// The entries of a mapping with string keys. Warns about keys not in `known`, suggesting
  /// the closest known key; an `anchor` or non-string key is an error.
  func mapping(_ node: Node, _ what: String, known: [String]) -> Fields? {
    guard refuseAnchor(node) else { return nil }
    guard case .mapping(let mapping) = node else {
      error("\(what) must be a mapping of keys to values, found \(describe(node))", at: node)
      return nil
    }
    var fields = Fields(node: node, what: what)
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        error("keys in \(what) must be plain words, found \(describe(keyNode))", at: keyNode)
        continue
      }
      let key = scalar.string
      if !known.contains(key) {
        var message = "unknown key '\(key)' in \(what) is ignored"
        if let suggestion = Spelling.closest(to: key, in: known) {
          message += "; did you mean '\(suggestion)'?"
        }
        warning(message, at: keyNode)
        // Ignored, but not unread: an anchor in it is still refused (an alias bomb under an
        // unknown key would otherwise pass unremarked).
        refuseAnchors(in: value)
        continue
      }
      fields.entries.append((key, keyNode, value))
    }
    return fields
  }

  /// Reports a missing required key at the start of its mapping.
  func missing(_ key: String, in fields: Fields, hint: String = "") {
    error("\(fields.what) is missing required key '\(key)'\(hint)", at: fields.node)
  }

  // MARK: Scalars

  /// A non-empty string. `nil` (with an error) for a mapping, a sequence, null or blank text.
  func text(_ node: Node, _ what: String) -> String? {
    guard refuseAnchor(node) else { return nil }
    guard case .scalar(let scalar) = node else {
      error("\(what) must be text, found \(describe(node))", at: node)
      return nil
    }
    if isNull(scalar) || scalar.string.allSatisfy(\.isWhitespace) {
      error("\(what) must not be empty", at: node)
      return nil
    }
    if let unsafe = TextSafety.firstUnsafeScalar(in: scalar.string) {
      error("\(what) contains a control character (\(unsafe.codePointName)) that could disturb the terminal", at: node)
      return nil
    }
    return scalar.string.trimmingTrailingWhitespace()
  }

  /// Optional text: a missing key or an explicit null yields `nil` without a diagnostic.
  func optionalText(_ node: Node?, _ what: String) -> String? {
    guard let node else { return nil }
    if case .scalar(let scalar) = node, isNull(scalar) { return nil }
    return text(node, what)
  }

  /// A safe slug id (see `SafeID`).
  func id(_ node: Node, _ what: String) -> String? {
    guard case .scalar(let scalar) = node, !isNull(scalar) else {
      _ = text(node, what)
      return nil
    }
    if let problem = SafeID.problem(with: scalar.string) {
      let shown = scalar.string.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
      error("\(what) \"\(shown)\" is not a safe id: it \(problem)", at: node)
      return nil
    }
    return scalar.string
  }

  /// A whole number within `range`, described as a number of `unit`.
  func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>, unit: String = "") -> Int? {
    guard refuseAnchor(node) else { return nil }
    let ofUnit = unit.isEmpty ? "" : " of \(unit)"
    let spacedUnit = unit.isEmpty ? "" : " \(unit)"
    guard case .scalar(let scalar) = node, !isNull(scalar) else {
      error("\(what) must be a whole number\(ofUnit), found \(describe(node))", at: node)
      return nil
    }
    guard let value = node.int, scalar.style == .plain else {
      error("\(what) must be a whole number\(ofUnit), found '\(scalar.string)'", at: node)
      return nil
    }
    if value < range.lowerBound {
      let kind = value <= 0 && range.lowerBound > 0 ? "positive, at least" : "at least"
      error("\(what) must be \(kind) \(range.lowerBound)\(spacedUnit), found \(value)", at: node)
      return nil
    }
    if value > range.upperBound {
      error("\(what) must be at most \(range.upperBound)\(spacedUnit), found \(value)", at: node)
      return nil
    }
    return value
  }

  /// One of an enumeration's raw values.
  func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type) -> T?
  where T.RawValue == String {
    guard let raw = text(node, what) else { return nil }
    if let value = T(rawValue: raw) { return value }
    let options = T.allCases.map(\.rawValue)
    var message = "\(what) '\(raw)' is not one of: \(options.joined(separator: ", "))"
    if let suggestion = Spelling.closest(to: raw, in: options) {
      message += "; did you mean '\(suggestion)'?"
    }
    error(message, at: node)
    return nil
  }

  /// A list of non-empty strings; a single string is taken as a list of one.
  func textList(_ node: Node?, _ what: String) -> [String] {
    guard let node, refuseAnchor(node) else { return [] }
    switch node {
    case .scalar(let scalar):
      if isNull(scalar) { return [] }
      return text(node, what).map { [$0] } ?? []
    case .sequence(let sequence):
      return sequence.compactMap { text($0, "each item of \(what)") }
    default:
      error("\(what) must be a list of texts, found \(describe(node))", at: node)
      return []
    }
  }

  /// The items of a sequence (a mapping or scalar is an error).
  func sequence(_ node: Node, _ what: String) -> [Node]? {
    guard refuseAnchor(node) else { return nil }
    guard case .sequence(let sequence) = node else {
      if case .scalar(let scalar) = node, isNull(scalar) { return [] }
      error("\(what) must be a list, found \(describe(node))", at: node)
      return nil
    }
    return Array(sequence)
  }

  // MARK: Helpers

  /// Anchors and aliases are refused: a bank is plain data, and aliases let a small file
  /// stand for an enormous one.
  private var reportedAnchors: Set<String> = []

  func refuseAnchor(_ node: Node) -> Bool {
    guard let anchor = node.anchor else { return true }
    if reportedAnchors.insert(anchor.rawValue).inserted {
      error("anchors and aliases ('&\(anchor.rawValue)') are not allowed in banks; write the value out", at: node)
    }
    return false
  }

  /// Refuses the first anchor anywhere under `node`.
  func refuseAnchors(in node: Node) {
    guard refuseAnchor(node) else { return }
    switch node {
    case .mapping(let mapping): for (key, value) in mapping { refuseAnchors(in: key); refuseAnchors(in: value) }
    case .sequence(let sequence): for item in sequence { refuseAnchors(in: item) }
    default: break
    }
  }

  func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let scalar):
      if isNull(scalar) { return "nothing" }
      let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
      return "'\(shown)'"
    case .alias: return "an alias"
    }
  }
}

/// The recognised entries of one mapping, in file order.
struct Fields {
  let node: Node
  let what: String
  var entries: [(key: String, keyNode: Node, value: Node)] = []

  subscript(key: String) -> Node? {
    entries.first { $0.key == key }?.value
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var result = self
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}
