import Foundation
import RehearseStore

extension AppContext {
  /// The store in the home folder when there is one. Nothing is created: commands that only read
  /// (`history`, `show`) never make an empty store. A store that cannot be used is exit 74.
  func existingStore() throws -> Store? {
    do {
      return try Store.openIfExists(home: paths.home)
    } catch {
      throw RehearseError(error)
    }
  }

  /// Dates in the person's time zone (`TZ`, else the system's).
  var dates: DateText { DateText(timeZone: timeZone) }
}

extension RehearseError {
  /// Every store failure is an I/O error (exit 74), its message naming the store's path, in the
  /// interface's language.
  init(_ error: StoreError) {
    self = .io(InterfaceLanguage.resolve(environment: ProcessInfo.processInfo.environment).messages.storeError(error))
  }
}
