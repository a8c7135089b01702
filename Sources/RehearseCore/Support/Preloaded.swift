import Foundation

/// A value made once, possibly ahead of time on another thread; whoever needs it first waits
/// for it, and a failure is kept and thrown to every caller. The drill shows its first question
/// while the scorer's lexicons compile (~90 ms) behind it.
public final class Preloaded<Value: Sendable>: @unchecked Sendable {
  // All state is guarded by `condition`.
  private let condition = NSCondition()
  private var result: Result<Value, any Error>?
  private var started = false
  private let make: @Sendable () throws -> Value

  public init(_ make: @escaping @Sendable () throws -> Value) {
    self.make = make
  }

  /// A value that is already there.
  public init(ready value: Value) {
    make = { value }
    result = .success(value)
    started = true
  }

  /// Starts making the value on a background thread, unless that has begun.
  public func startInBackground() {
    guard claim() else { return }
    Thread.detachNewThread { self.finish(Result { try self.make() }) }
  }

  /// The value, made now on this thread if no one has started it; waits for a maker elsewhere.
  public func value() throws -> Value {
    if claim() { finish(Result { try make() }) }
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return try result!.get()
  }

  private func claim() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if started { return false }
    started = true
    return true
  }

  private func finish(_ made: Result<Value, any Error>) {
    condition.lock()
    result = made
    condition.broadcast()
    condition.unlock()
  }
}
