import RehearseCore

/// Prints diagnostics the way compilers do, on standard error, colouring the severity when
/// standard error is a terminal.
enum DiagnosticView {
  static func line(_ diagnostic: Diagnostic, style: Style) -> String {
    let location = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column):"
    let label = diagnostic.isError ? style.error("error:") : style.warning("warning:")
    return "\(style.bold(location)) \(label) \(diagnostic.message)"
  }

  static func print(_ diagnostics: [Diagnostic], to console: Console) {
    for diagnostic in diagnostics.sortedByLocation() {
      console.message(line(diagnostic, style: console.errStyle))
    }
  }
}
