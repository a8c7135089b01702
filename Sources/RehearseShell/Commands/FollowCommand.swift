import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse follow [ID…]`: the companies being prepared for (issue 10's daily practice will
/// draw from them). Without ids it lists them.
struct FollowCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "follow",
    abstract: "Follow the companies you are preparing for (`banks list` marks them ★); alone, list them.",
    discussion: "--json prints the followed ids, oldest first.")

  @Argument(help: ArgumentHelp("Company ids (see `rehearse banks list`).", valueName: "company"))
  var companies: [String] = []

  @OptionGroup var folders: BankFolderOptions
  @OptionGroup var output: JSONOption

  func run(in context: AppContext) throws {
    if !companies.isEmpty {
      let catalog = BanksCommand.loadCatalog(context, folders: folders.folders)
      // Each id must name a bank (a unique prefix too), so a typo is not followed silently.
      let ids = try companies.map { try BanksCommand.bank($0, in: catalog, context: context).bank.company.id }
      let store: Store
      do {
        store = try Store.open(home: context.paths.home)
        try store.follow(ids, at: context.now())
      } catch {
        throw RehearseError(error)
      }
      if !output.json { context.console.message(context.messages.following(ids)) }
    }
    let followed = try Self.followed(context)
    if output.json {
      context.console.write(try JSONText.encode(followed))
    } else if companies.isEmpty {
      context.console.print(followed.isEmpty ? context.messages.followingNone : context.messages.followed(followed))
    }
  }

  /// The followed company ids; none without a store.
  static func followed(_ context: AppContext) throws -> [String] {
    guard let store = try context.existingStore() else { return [] }
    do {
      return try store.followedCompanies()
    } catch {
      throw RehearseError(error)
    }
  }
}

/// `rehearse unfollow ID…`.
struct UnfollowCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "unfollow", abstract: "Stop following companies (their drills stay in the store).")

  @Argument(help: ArgumentHelp("Company ids.", valueName: "company"))
  var companies: [String]

  func run(in context: AppContext) throws {
    var removed: [String] = []
    if let store = try context.existingStore() {
      do {
        removed = try store.unfollow(companies)
      } catch {
        throw RehearseError(error)
      }
    }
    if !removed.isEmpty { context.console.message(context.messages.unfollowed(removed)) }
    let missing = companies.filter { !removed.contains($0) }
    if !missing.isEmpty { context.console.message(context.messages.notFollowed(missing)) }
  }
}
