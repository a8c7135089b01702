@preconcurrency import CReadline
import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Where prompted lines come from: GNU readline on a terminal, a script in tests.
protocol LineSource: AnyObject {
  /// The next line typed after `prompt`, without its newline; `nil` at end of input (Ctrl-D).
  func readLine(prompt: String) -> String?
}

/// Plain prompts on a terminal through GNU readline (cursor keys, Japanese double-width text).
/// The timed drill's editor, with a live countdown, is a separate, callback-driven one.
final class ReadlineSource: LineSource {
  init() {
    Locale.ensureUTF8()
  }

  func readLine(prompt: String) -> String? {
    guard let pointer = readline(prompt) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}

/// Lines given in advance, for tests; prompts are recorded.
final class ScriptedLineSource: LineSource {
  private var lines: [String]
  private(set) var prompts: [String] = []

  init(_ lines: [String]) {
    self.lines = lines
  }

  func readLine(prompt: String) -> String? {
    prompts.append(prompt)
    return lines.isEmpty ? nil : lines.removeFirst()
  }
}

extension Locale {
  /// readline reads multibyte input by the locale's codeset; under `C` it takes the bytes of
  /// なぜ for Meta-key commands. If the environment's codeset is not UTF-8, switch to
  /// `C.UTF-8` in the environment too, because readline re-reads it (TERMINAL.md).
  static func ensureUTF8() {
    setlocale(LC_ALL, "")
    if let codeset = nl_langinfo(nl_item(CODESET)),
      String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    {
      return
    }
    setenv("LC_ALL", "C.UTF-8", 1)
    setlocale(LC_ALL, "C.UTF-8")
  }
}
