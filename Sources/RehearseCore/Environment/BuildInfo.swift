import Foundation

/// What was built: the commit an installed copy came from, written beside its resources by
/// `Scripts/install` and `Scripts/run` (a file `commit` in the resource bundle). Not in the
/// source tree, so a checkout stays clean; a build from `swift build` has none.
public enum BuildInfo {
  /// The commit (`abc1234`, `-dirty` when the tree had changes), or nil in a development build.
  public static func commit() -> String? {
    guard let url = Bundle.module.url(forResource: "commit", withExtension: nil),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return commit.isEmpty ? nil : commit
  }
}
