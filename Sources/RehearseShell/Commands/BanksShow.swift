import ArgumentParser
import RehearseCore

extension BanksCommand {
  struct Show: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a company's prep sheet and its questions by stage.")

    @Argument(help: ArgumentHelp("The company id (see `rehearse banks list`).", valueName: "company"))
    var id: String

    @Option(help: "Only this stage's questions (e.g. first, second, final).")
    var stage: String?

    @Flag(name: .shortAndLong, help: "Also show follow-ups, answer points and pitfalls.")
    var details = false

    @OptionGroup var folders: BankFolderOptions
    @OptionGroup var output: JSONOption

    func run(in context: AppContext) throws {
      let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
      let loaded = try BanksCommand.bank(id, in: catalog, context: context)
      if let stage, loaded.bank.company.stage(id: stage) == nil {
        let ids = loaded.bank.company.stages.map(\.id)
        throw RehearseError.usage(
          "'\(id)' has no stage '\(stage)' (stages: \(ids.joined(separator: ", ")))")
      }
      if output.json {
        var sheet = BankJSON.sheet(loaded)
        if let stage { sheet.questions.removeAll { $0.stage != stage } }
        context.console.write(try JSONText.encode(sheet))
        return
      }
      let view = PrepSheetView(
        loaded: loaded, messages: context.messages, style: context.console.outStyle,
        width: min(context.console.width, 100), details: details, stage: stage)
      context.console.write(view.render())
    }
  }
}
