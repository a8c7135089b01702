import ArgumentParser
import RehearseCore

extension BanksCommand {
  struct List: ContextCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the banks: id, name, language, questions, stages, where they come from.")

    @OptionGroup var folders: BankFolderOptions
    @OptionGroup var output: JSONOption

    func run(in context: AppContext) throws {
      let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
      let followed = Set(try FollowCommand.followed(context))
      if output.json {
        context.console.write(
          try JSONText.encode(
            catalog.banks.map { BankJSON.summary($0, followed: followed.contains($0.bank.company.id)) }))
        return
      }
      let view = BankListView(
        banks: catalog.banks, messages: context.messages, style: context.console.outStyle,
        width: context.console.width, followed: followed)
      context.console.write(view.render())
      if !catalog.banks.isEmpty, context.tty.stdoutIsTerminal {
        context.console.print(context.console.outStyle.dim(context.messages.showHint))
      }
    }
  }
}
