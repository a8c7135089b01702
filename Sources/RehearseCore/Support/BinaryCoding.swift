/// Appends values to a compact little-endian byte buffer: the parsed-bank cache's format.
/// Counts and lengths are `UInt32`, numbers `Int64`, strings their UTF-8 bytes after a length.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  mutating func byte(_ value: UInt8) {
    bytes.append(value)
  }

  mutating func bool(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  mutating func count(_ value: Int) {
    withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func int(_ value: Int) {
    int64(Int64(value))
  }

  mutating func int64(_ value: Int64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func uint64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func strings(_ values: [String]) {
    count(values.count)
    for value in values { string(value) }
  }

  /// A presence byte, then the value when there is one.
  mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    guard let value else { return bool(false) }
    bool(true)
    write(&self, value)
  }

  mutating func optionalString(_ value: String?) {
    optional(value) { $0.string($1) }
  }

  /// Overwrites 8 bytes written earlier (a checksum reserved before its payload was known).
  mutating func patch(_ value: UInt64, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { raw in
      for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
    }
  }
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes that are left, so a
/// truncated or corrupt buffer ends in `Malformed` and never in a crash or a huge allocation.
/// It borrows the buffer: use it only inside the `withUnsafeBytes` call that provides it.
struct BinaryReader {
  struct Malformed: Error, Equatable {
    var reason: String
  }

  private let buffer: UnsafeBufferPointer<UInt8>
  private(set) var offset = 0

  init(_ raw: UnsafeRawBufferPointer) {
    buffer = raw.assumingMemoryBound(to: UInt8.self)
  }

  var remaining: Int { buffer.count - offset }
  var isAtEnd: Bool { offset == buffer.count }

  /// The bytes from `offset` to the end, unread.
  var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[offset...])) }

  private mutating func take(_ size: Int) throws(Malformed) -> Int {
    guard size >= 0, size <= remaining else { throw Malformed(reason: "truncated") }
    defer { offset += size }
    return offset
  }

  private mutating func load<T: FixedWidthInteger>(_: T.Type) throws(Malformed) -> T {
    let at = try take(MemoryLayout<T>.size)
    return T(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: at, as: T.self))
  }

  mutating func byte() throws(Malformed) -> UInt8 {
    buffer[try take(1)]
  }

  mutating func bool() throws(Malformed) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw Malformed(reason: "bad flag")
    }
  }

  /// A count of items, each at least `minimumItemSize` bytes long: more than could fit in
  /// what is left is corruption, found before anything is allocated for them.
  mutating func count(minimumItemSize: Int = 1) throws(Malformed) -> Int {
    let value = Int(try load(UInt32.self))
    guard value <= remaining / max(minimumItemSize, 1) else { throw Malformed(reason: "count past the end") }
    return value
  }

  mutating func int() throws(Malformed) -> Int {
    let value = try load(Int64.self)
    guard let int = Int(exactly: value) else { throw Malformed(reason: "number out of range") }
    return int
  }

  mutating func int64() throws(Malformed) -> Int64 {
    try load(Int64.self)
  }

  mutating func uint64() throws(Malformed) -> UInt64 {
    try load(UInt64.self)
  }

  mutating func string() throws(Malformed) -> String {
    let length = Int(try load(UInt32.self))
    let at = try take(length)
    return String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + length]), as: UTF8.self)
  }

  mutating func strings() throws(Malformed) -> [String] {
    let count = try count(minimumItemSize: 4)
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  mutating func optional<T>(_ read: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> T? {
    try bool() ? try read(&self) : nil
  }

  mutating func optionalString() throws(Malformed) -> String? {
    try optional { (reader: inout BinaryReader) throws(Malformed) in try reader.string() }
  }

  /// A string that must be one of an enumeration's raw values.
  mutating func choice<T: RawRepresentable>(_: T.Type) throws(Malformed) -> T where T.RawValue == String {
    guard let value = T(rawValue: try string()) else { throw Malformed(reason: "unknown \(T.self)") }
    return value
  }
}

/// A fast 64-bit fingerprint of bytes (a word-at-a-time multiply–rotate hash, then a final
/// mix): it tells a corrupt cache file or an edited bank from the bytes last seen. Not a
/// defence against someone crafting collisions; the cache holds nothing that needs one.
enum Fingerprint {
  static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
    var index = 0
    while index + 8 <= raw.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      hash = ((hash ^ word) &* multiplier).rotatedLeft(by: 31)
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < raw.count {
      tail |= UInt64(raw[index]) << shift
      shift += 8
      index += 1
    }
    hash = ((hash ^ tail) &* multiplier).rotatedLeft(by: 31)
    // MurmurHash3's finaliser, so every input bit reaches every output bit.
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }

  static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { of($0) }
  }
}

extension UInt64 {
  fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
    (self << count) | (self >> (64 - count))
  }
}
