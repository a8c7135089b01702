import Foundation
import RehearseTestSupport
import Testing

/// `rehearse follow` / `unfollow` and the mark in `banks list`.
@Suite("rehearse follow, end to end", .serialized)
struct FollowTests {
  let home: TemporaryDirectory
  let runner: CommandRunner

  init() throws {
    home = try TemporaryDirectory("rehearse-follow")
    runner = CommandRunner(home: home.url)
  }

  func json(_ arguments: [String]) throws -> Any {
    let result = try runner.run(arguments)
    #expect(result.exitCode == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  @Test("follow by id or unique prefix, list, mark in banks list, unfollow; a typo is refused")
  func followAndUnfollow() throws {
    defer { home.remove() }
    #expect(try json(["follow", "--json"]) as? [String] == [], "nothing followed, no store needed")
    let none = try runner.run(["follow"])
    #expect(none.stdout.contains("Following no company yet"))

    let follow = try runner.run(["follow", "kiso", "hoshino-seiki"])
    #expect(follow.exitCode == 0, "\(follow.stderr)")
    #expect(follow.stderr.contains("Following kiso-consulting, hoshino-seiki."))
    #expect(try json(["follow", "--json"]) as? [String] == ["hoshino-seiki", "kiso-consulting"])

    let banks = try #require(try json(["banks", "list", "--json"]) as? [[String: Any]])
    let marked = banks.filter { $0["followed"] as? Bool == true }.compactMap { $0["id"] as? String }
    #expect(marked.sorted() == ["hoshino-seiki", "kiso-consulting"])
    #expect(try runner.run(["banks", "list"]).stdout.contains("kiso-consulting ★"))

    let typo = try runner.run(["follow", "nosuch"])
    #expect(typo.exitCode == 64)
    #expect(try json(["follow", "--json"]) as? [String] == ["hoshino-seiki", "kiso-consulting"], "nothing changed")

    let unfollow = try runner.run(["unfollow", "kiso-consulting", "larkspur-cloud"])
    #expect(unfollow.stderr.contains("No longer following kiso-consulting."))
    #expect(unfollow.stderr.contains("Not followed: larkspur-cloud."))
    #expect(try json(["follow", "--json"]) as? [String] == ["hoshino-seiki"])
  }
}
