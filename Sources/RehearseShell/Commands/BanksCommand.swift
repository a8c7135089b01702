import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse banks …`: find, inspect, validate and create question banks.
struct BanksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "banks",
    abstract: "Find, inspect, validate and create question banks.",
    subcommands: [List.self, Show.self, Lint.self, New.self],
    defaultSubcommand: List.self
  )
}

extension BanksCommand {
  /// Loads the catalogue and reports on standard error what a person should know: banks that
  /// failed to load (with their errors) and company ids defined twice.
  static func loadCatalog(_ context: AppContext, folders: [String]) -> BankCatalog {
    let catalog = context.loadBanks(extra: folders)
    let shown = catalog.diagnostics.filter { $0.isError } + catalog.conflicts
    DiagnosticView.print(shown, to: context.console)
    let broken = Set(catalog.diagnostics.errors.map(\.path)).count
    if broken > 0 { context.console.message(context.messages.brokenBanksNote(broken)) }
    return catalog
  }

  /// The bank with `id`, or a usage error that suggests the closest id and lists them all.
  static func bank(_ id: String, in catalog: BankCatalog, context: AppContext) throws -> LoadedBank {
    if let bank = catalog.bank(id: id) { return bank }
    let prefixed = catalog.banks.filter { $0.id.hasPrefix(id) }
    if !id.isEmpty, prefixed.count == 1 { return prefixed[0] }
    var message = context.messages.unknownBank(id)
    if let suggestion = Spelling.closest(to: id, in: catalog.ids, acceptPrefix: true) {
      message += "; " + context.messages.didYouMean(suggestion)
    } else if !catalog.ids.isEmpty {
      message += "\n" + context.messages.availableBanks + " " + catalog.ids.joined(separator: ", ")
    }
    throw RehearseError.usage(message)
  }
}
