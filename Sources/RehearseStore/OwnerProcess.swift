#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether the process that owns a session is still running.
public enum OwnerProcess {
  /// True when a process with this id exists (`kill(pid, 0)`; EPERM means it exists but belongs
  /// to another user). A reused pid reads as alive, which only means a drill is not offered for
  /// resuming until that process ends: the safe side.
  public static func isAlive(_ pid: Int32) -> Bool {
    // kill(0, …) and kill(-1, …) address groups of processes, not one.
    guard pid > 0 else { return false }
    return kill(pid, 0) == 0 || errno == EPERM
  }
}
