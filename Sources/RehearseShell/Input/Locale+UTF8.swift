import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

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
