/// A small typed HTML (and inline SVG) writer. Element and attribute names are compile-time
/// literals (`StaticString`), so nothing typed by a person can become markup; every text and
/// attribute value goes through `escape`, which covers all five of HTML's special characters
/// and replaces control characters. Elements are closed by the writer, never by hand.
///
/// JohnSundell/Plot 0.14.0 was considered: it leaves attribute values unescaped and passes
/// entity-looking text (`&lt;`) through as an entity, so an answer typed as `&lt;b&gt;` would be
/// shown as `<b>`. Exports must show exactly what was typed.
struct HTMLWriter {
  private(set) var text = ""

  /// Attribute names (literals) and their values (escaped).
  typealias Attributes = KeyValuePairs<StaticString, String>

  /// `<tag attributes>` … `</tag>`, with `body` writing the content.
  mutating func element(_ tag: StaticString, _ attributes: Attributes = [:], _ body: (inout HTMLWriter) -> Void) {
    open(tag, attributes)
    body(&self)
    end(tag)
  }

  /// `<tag attributes>text</tag>`.
  mutating func element(_ tag: StaticString, _ attributes: Attributes = [:], text content: String) {
    open(tag, attributes)
    text += Self.escape(content)
    end(tag)
  }

  /// A void element: `<meta …>`, `<br>`, `<rect …/>` (self-closed in SVG).
  mutating func void(_ tag: StaticString, _ attributes: Attributes = [:], svg: Bool = false) {
    text += "<\(tag)"
    attributes.forEach { name, value in text += " \(name)=\"\(Self.escape(value))\"" }
    text += svg ? "/>" : ">"
  }

  /// Escaped text.
  mutating func text(_ content: String) {
    text += Self.escape(content)
  }

  /// A new line in the source, so the page reads well when opened as text.
  mutating func newline() {
    text += "\n"
  }

  /// Markup that is a constant of the program (the doctype, the style sheet): never input.
  mutating func constant(_ markup: StaticString) {
    text += "\(markup)"
  }

  /// Opens an element whose content is written in later pieces (`<html>` and `<body>` of a
  /// document streamed to a file); `end` closes it.
  mutating func begin(_ tag: StaticString, _ attributes: Attributes = [:]) {
    open(tag, attributes)
  }

  mutating func end(_ tag: StaticString) {
    text += "</\(tag)>"
  }

  /// Takes what has been written so far (for writing a long document in pieces).
  mutating func take() -> String {
    defer { text = "" }
    return text
  }

  private mutating func open(_ tag: StaticString, _ attributes: Attributes) {
    text += "<\(tag)"
    attributes.forEach { name, value in text += " \(name)=\"\(Self.escape(value))\"" }
    text += ">"
  }

  /// `&`, `<`, `>`, `"` and `'` as character references; control characters other than tab
  /// and line ends (which HTML would drop or refuse) as U+FFFD.
  static func escape(_ value: String) -> String {
    guard
      value.utf8.contains(where: {
        $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A)
          || $0 == 0x7F || $0 == 0xC2
      })
    else { return value }
    var out = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      case "\t", "\n": out.append(scalar)
      case "\r": break
      default:
        // C0 and C1 controls and DEL.
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out.append("\u{FFFD}")
        } else {
          out.append(scalar)
        }
      }
    }
    return String(out)
  }
}
