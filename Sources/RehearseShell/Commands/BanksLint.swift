import ArgumentParser
import Foundation
import RehearseCore

extension BanksCommand {
  struct Lint: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check bank files and report every problem as file:line:column.",
      discussion: "Exits 65 when any file has an error, 0 otherwise (warnings alone pass).")

    @Argument(
      help: "Bank files or folders to check (default: every bank Rehearse would load).",
      completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @OptionGroup var folders: BankFolderOptions
    @OptionGroup var output: JSONOption

    func run(in context: AppContext) throws {
      let locations: [BankLocation]
      if paths.isEmpty {
        locations = context.bankLocations(extra: folders.folders)
      } else {
        locations = paths.map {
          BankLocation(
            url: URL(fileURLWithPath: $0, relativeTo: context.workingDirectory).standardizedFileURL,
            origin: .lint, mustExist: true)
        }
      }
      // The validator always parses the files themselves: no cache, so nothing it says can
      // come from an older reading.
      let catalog = BankLibrary(workingDirectory: context.workingDirectory).load(locations)
      let diagnostics = (catalog.diagnostics + catalog.conflicts).sortedByLocation()

      if output.json {
        struct Entry: Encodable {
          var path: String
          var line: Int
          var column: Int
          var severity: String
          var message: String
        }
        let entries = diagnostics.map {
          Entry(path: $0.path, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message)
        }
        context.console.write(try JSONText.encode(entries))
      } else {
        DiagnosticView.print(diagnostics, to: context.console)
        context.console.message(
          context.messages.lintSummary(
            files: catalog.fileCount, errors: diagnostics.errors.count, warnings: diagnostics.warnings.count))
      }
      if diagnostics.hasErrors { throw RehearseError.badData("") }
    }
  }
}
