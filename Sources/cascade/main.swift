import CascadeCLI
import Foundation

exit(Cascade.run(Array(CommandLine.arguments.dropFirst())))
