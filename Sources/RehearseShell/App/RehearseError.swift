/// Errors that end a command with a message and one of the exit codes of DESIGN §8.
public enum RehearseError: Error, Equatable, CustomStringConvertible {
  /// A wrong argument or option (exit 64). The message is complete; no usage is printed.
  case usage(String)
  /// Bad data in a bank or an input (exit 65). Diagnostics were already printed when `message` is empty.
  case badData(String)
  /// A file could not be read or written, or output could not be delivered (exit 74).
  case io(String)

  public var exitCode: Int32 {
    switch self {
    case .usage: 64
    case .badData: 65
    case .io: 74
    }
  }

  public var description: String {
    switch self {
    case .usage(let message), .badData(let message), .io(let message): message
    }
  }
}
