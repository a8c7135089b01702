import Foundation
import RehearseShell

// Everything Rehearse creates holds private answers or plans: owner-only from the start.
umask(0o077)
// A file-size limit (`ulimit -f`) is a failed write with a clear message and exit 74, not a
// silent death by SIGXFSZ halfway through saving.
signal(SIGXFSZ, SIG_IGN)
exit(RehearseCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
