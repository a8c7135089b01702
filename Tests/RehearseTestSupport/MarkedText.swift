/// Text with numbered markers (1️⃣, 2️⃣ …) at expected positions, as swift-format's tests write
/// them. The markers are stripped; their offsets are recorded in Unicode scalars, the unit of the
/// scorer's JSON contract.
public struct MarkedText: Sendable {
  public let text: String
  /// Marker number → scalar offset in `text`.
  public let markers: [Int: Int]

  public init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var markers: [Int: Int] = [:]
    let scalars = Array(marked.unicodeScalars)
    var index = 0
    while index < scalars.count {
      // A keycap digit is DIGIT, U+FE0F, U+20E3.
      if index + 2 < scalars.count, scalars[index + 2] == "\u{20E3}", let digit = Int(String(scalars[index])) {
        markers[digit] = text.count
        index += 3
        continue
      }
      text.append(scalars[index])
      index += 1
    }
    self.text = String(text)
    self.markers = markers
  }

  /// The range between two markers.
  public func range(_ from: Int, _ to: Int) -> Range<Int>? {
    guard let start = markers[from], let end = markers[to] else { return nil }
    return start..<end
  }
}
