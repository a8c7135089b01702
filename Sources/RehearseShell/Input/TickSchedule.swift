/// The timing arithmetic of a timed read, as pure functions of instants, so it is tested without
/// sleeping.
enum TickSchedule {
  /// Which whole second since `origin` the instant `now` falls in (floor; negative before the origin).
  static func tickIndex(now: ContinuousClock.Instant, origin: ContinuousClock.Instant) -> Int64 {
    let nanos = nanoseconds(now - origin)
    return nanos >= 0 ? nanos / 1_000_000_000 : -((-nanos + 999_999_999) / 1_000_000_000)
  }

  /// How long `poll` may sleep, in milliseconds: until the next whole second since `origin`,
  /// rounded **up** (rounding down wakes just before the second changes and shows a stale
  /// countdown), and no later than `deadline`. 0 once the deadline has passed; -1 (wait forever)
  /// with neither an origin nor a deadline.
  static func pollTimeout(
    now: ContinuousClock.Instant, origin: ContinuousClock.Instant?, deadline: ContinuousClock.Instant?
  ) -> Int32 {
    var wait: Int64?
    if let origin {
      let next = origin + .seconds(tickIndex(now: now, origin: origin) + 1)
      wait = milliseconds(roundingUp: next - now)
    }
    if let deadline {
      let untilDeadline = deadline <= now ? 0 : milliseconds(roundingUp: deadline - now)
      wait = min(wait ?? untilDeadline, untilDeadline)
    }
    guard let wait else { return -1 }
    return Int32(clamping: max(0, wait))
  }

  /// A countdown for a prompt: `01:29` while time remains (whole seconds rounded up, so `00:00`
  /// shows only at the deadline), `+00:05` in overtime, hours when needed (`1:02:03`).
  static func countdown(remaining: Duration) -> String {
    let nanos = nanoseconds(remaining)
    let overtime = nanos < 0
    let seconds = overtime ? -nanos / 1_000_000_000 : (nanos + 999_999_999) / 1_000_000_000
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let clock = h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    return overtime && seconds > 0 ? "+" + clock : clock
  }

  static func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }

  private static func milliseconds(roundingUp duration: Duration) -> Int64 {
    let nanos = nanoseconds(duration)
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000
  }
}
