import Foundation
import RehearseShell

// Everything Rehearse creates holds private answers or plans: owner-only from the start.
umask(0o077)
exit(RehearseCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
