import ArgumentParser
import Foundation

/// The command tree as ArgumentParser itself describes it (`_dumpHelp()`, the JSON behind
/// `--experimental-dump-help`), so completion follows the real commands and options with no list
/// of names to keep in step.
struct CommandNode: Decodable, Equatable {
  struct Argument: Decodable, Equatable {
    struct Name: Decodable, Equatable {
      var kind: String
      var name: String
    }

    /// `positional`, `option` (takes a value) or `flag`.
    var kind: String
    var names: [Name]?
    var valueName: String?
    var shouldDisplay: Bool
    var isRepeating: Bool?
    var allValues: [String]?
    /// Its kind (`file`, `directory`, `list` …) and, for a list, the values.
    var completionKind: [String: CompletionDetails]?

    var longNames: [String] { (names ?? []).filter { $0.kind == "long" }.map { "--" + $0.name } }
    var spellings: [String] {
      (names ?? []).map { $0.kind == "short" ? "-" + $0.name : ($0.kind == "long" ? "--" : "-") + $0.name }
    }
    var completesPaths: Bool { completionKind?["file"] != nil || completionKind?["directory"] != nil }
    var completesFoldersOnly: Bool { completionKind?["directory"] != nil }
  }

  /// What a completion kind carries: only a list's values are used.
  struct CompletionDetails: Decodable, Equatable {
    var values: [String]?
  }

  var commandName: String
  var shouldDisplay: Bool?
  var subcommands: [CommandNode]?
  var arguments: [Argument]?

  var visibleSubcommands: [CommandNode] { (subcommands ?? []).filter { $0.shouldDisplay != false } }

  func subcommand(_ name: String) -> CommandNode? {
    subcommands?.first { $0.commandName == name }
  }

  func option(spelled spelling: String) -> Argument? {
    arguments?.first { $0.kind != "positional" && $0.spellings.contains(spelling) }
  }

  /// The tree of a command type.
  static func of(_ command: any ParsableCommand.Type) -> CommandNode? {
    struct Dump: Decodable { var command: CommandNode }
    return try? JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)).command
  }
}

/// What Tab offers in the shell: command and subcommand names, the options of the command being
/// typed, an option's fixed values (`--lang ja|en`), company ids where a value is named
/// `company`, session ids where it is named `session`, and paths where ArgumentParser says
/// `.file`/`.directory`. A new command gets all of this by declaring its arguments.
@MainActor struct ShellCompletion {
  var tree: CommandNode
  var bankIDs: @MainActor () -> [String]
  var sessionIDs: @MainActor () -> [String]
  /// The stage ids of a bank, for `--stage` after a company id.
  var stageIDs: @MainActor (_ company: String) -> [String] = { _ in [] }
  /// What a session id is (its company and start), for Tab's list after `show `.
  var sessionDescriptions: @MainActor () -> [String: String] = { [:] }

  /// What each candidate is, when it is a drill id: "Company · 2026-12-05 09:30" (the store is
  /// read once for the whole list, and only when a candidate is a number).
  @MainActor func describe(_ candidates: [String]) -> [String?] {
    guard candidates.contains(where: { !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
      return candidates.map { _ in nil }
    }
    let descriptions = sessionDescriptions()
    return candidates.map { descriptions[$0] }
  }

  /// The question ids of a bank, for `--question` after a company id.
  var questionIDs: @MainActor (_ company: String) -> [String] = { _ in [] }
  var workingDirectory: URL

  /// Words the shell understands itself, besides the commands (`help` is one of those).
  static let builtins = ["quit", "exit"]

  init(
    tree: CommandNode, bankIDs: @escaping @MainActor () -> [String],
    sessionIDs: @escaping @MainActor () -> [String], workingDirectory: URL
  ) {
    self.tree = tree
    self.bankIDs = bankIDs
    self.sessionIDs = sessionIDs
    self.workingDirectory = workingDirectory
  }

  /// Candidates for `word` (the end of `line`, which is the text before the cursor).
  func candidates(line: String, word: String) -> [String] {
    var words = ShellWords.partial(line).words
    if words.first == "rehearse" { words.removeFirst() }
    let found = unfiltered(words: words, word: word)
    var seen: Set<String> = []
    return found.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
  }

  private func unfiltered(words: [String], word: String) -> [String] {
    guard let first = words.first else {
      return tree.visibleSubcommands.map(\.commandName) + Self.builtins
    }
    if first == "help" {
      var node = tree
      for name in words.dropFirst() {
        guard let next = node.subcommand(name) else { return [] }
        node = next
      }
      return node.visibleSubcommands.map(\.commandName).filter { $0 != "help" }
    }
    var node = tree
    var index = 0
    while index < words.count, let next = node.subcommand(words[index]) {
      node = next
      index += 1
    }
    let rest = Array(words[index...])
    // `--question` takes several ids: after it, until another option, Tab offers the bank's.
    if let at = rest.lastIndex(where: { $0.hasPrefix("-") }), rest[at] == "--question",
      let company = firstPositional(in: Array(rest[..<at]), node: node)
    {
      let given = Set(rest[(at + 1)...])
      return questionIDs(company).filter { !given.contains($0) }
    }
    if let last = rest.last, let option = node.option(spelled: last), option.kind == "option" {
      if option.valueName?.lowercased() == "stage", let company = firstPositional(in: rest, node: node) {
        return stageIDs(company)
      }
      return values(for: option, word: word)
    }
    if word.hasPrefix("-") {
      return (node.arguments ?? []).filter { $0.kind != "positional" && $0.shouldDisplay }.flatMap(\.longNames)
    }
    var result: [String] = []
    if rest.isEmpty { result += node.visibleSubcommands.map(\.commandName) }
    let positionals = (node.arguments ?? []).filter { $0.kind == "positional" }
    let given = positionalCount(in: rest, node: node)
    if let argument = given < positionals.count ? positionals[given] : nil {
      result += values(for: argument, word: word)
    } else if let last = positionals.last, last.isRepeating == true {
      result += values(for: last, word: word)
    }
    return result
  }

  /// The first positional word typed (a command's company id), skipping options and their values.
  private func firstPositional(in words: [String], node: CommandNode) -> String? {
    var skipNext = false
    for word in words {
      if skipNext {
        skipNext = false
      } else if word.hasPrefix("-") {
        skipNext = !word.contains("=") && node.option(spelled: word)?.kind == "option"
      } else {
        return word
      }
    }
    return nil
  }

  /// Positional words already typed, skipping options and their values.
  private func positionalCount(in words: [String], node: CommandNode) -> Int {
    var count = 0
    var skipNext = false
    for word in words {
      if skipNext {
        skipNext = false
      } else if word.hasPrefix("-") {
        skipNext = !word.contains("=") && node.option(spelled: word)?.kind == "option"
      } else {
        count += 1
      }
    }
    return count
  }

  private func values(for argument: CommandNode.Argument, word: String) -> [String] {
    if let values = argument.allValues, !values.isEmpty { return values }
    if let values = argument.completionKind?["list"]?.values, !values.isEmpty { return values }
    switch argument.valueName?.lowercased() {
    case "company": return bankIDs()
    case "session": return sessionIDs()
    default: break
    }
    if argument.completesPaths { return paths(matching: word, foldersOnly: argument.completesFoldersOnly) }
    return []
  }

  /// Entries of the folder named by `word` up to its last `/`, folders with a trailing `/`.
  func paths(matching word: String, foldersOnly: Bool) -> [String] {
    let slash = word.lastIndex(of: "/")
    let folderPart = slash.map { String(word[...$0]) } ?? ""
    let namePrefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
    let folder =
      folderPart.hasPrefix("/") ? URL(fileURLWithPath: folderPart) : workingDirectory.appendingPathComponent(folderPart)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.compactMap { name -> String? in
      guard name.hasPrefix(namePrefix), !name.hasPrefix(".") || namePrefix.hasPrefix(".") else { return nil }
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
      if foldersOnly, !isFolder.boolValue { return nil }
      return folderPart + name + (isFolder.boolValue ? "/" : "")
    }
  }

  /// The longest common prefix of `words`, in whole characters.
  nonisolated static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
      prefix.removeLast(prefix.count - length)
    }
    return String(prefix)
  }
}
