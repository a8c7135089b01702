import Foundation

/// Where Rehearse keeps its files (DESIGN §7), resolved from the environment once at the edge
/// and passed in everywhere else.
public struct RehearsePaths: Equatable, Sendable {
  /// The private data folder: the store and the user's banks. `$REHEARSE_HOME`, else
  /// `$XDG_DATA_HOME/rehearse`, else `~/.local/share/rehearse`.
  public var home: URL
  /// `$XDG_CONFIG_HOME/rehearse`, else `~/.config/rehearse`.
  public var config: URL
  /// `$XDG_STATE_HOME/rehearse`, else `~/.local/state/rehearse` (line-editor history).
  public var state: URL
  /// `$XDG_CACHE_HOME/rehearse`, else `~/.cache/rehearse`.
  public var cache: URL

  public var userBanks: URL { home.appendingPathComponent("banks", isDirectory: true) }

  public init(home: URL, config: URL, state: URL, cache: URL) {
    self.home = home
    self.config = config
    self.state = state
    self.cache = cache
  }

  public static func resolve(environment: [String: String], userHome: String) -> RehearsePaths {
    func xdg(_ variable: String, _ fallback: String) -> URL {
      // The XDG spec says relative values are invalid and must be ignored.
      if let value = environment[variable], value.hasPrefix("/") {
        return URL(fileURLWithPath: value, isDirectory: true).appendingPathComponent("rehearse", isDirectory: true)
      }
      return URL(fileURLWithPath: userHome, isDirectory: true)
        .appendingPathComponent(fallback, isDirectory: true)
        .appendingPathComponent("rehearse", isDirectory: true)
    }
    let home: URL
    if let value = environment["REHEARSE_HOME"], !value.isEmpty {
      home = URL(fileURLWithPath: value, isDirectory: true).standardizedFileURL
    } else {
      home = xdg("XDG_DATA_HOME", ".local/share")
    }
    return RehearsePaths(
      home: home,
      config: xdg("XDG_CONFIG_HOME", ".config"),
      state: xdg("XDG_STATE_HOME", ".local/state"),
      cache: xdg("XDG_CACHE_HOME", ".cache"))
  }
}
