import ArgumentParser
import CascadeCore
import CascadeHistory
import CascadeWorkspace
import Foundation

/// The `cascade` command and its subcommands.
public struct Cascade: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cascade",
        abstract: "A 15-5 system for sales teams, in plain text and git.",
        discussion: """
            Reps write a short weekly update per week (updates/<week>/<person>.md); \
            cascade validates them, and compiles digests for leaders.

            Examples:
              cascade check                      check the whole repository
              cascade check updates/2026-W48/ana-lima.md
              cascade check --explain stage-unknown
              cascade schema > update.schema.json
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, New.self, Submit.self, Status.self, DigestCommand.self, ReportCommand.self, Init.self,
            Hooks.self, Schema.self, Rules.self, Demo.self, ReviewCommand.self, Manual.self,
        ])

    public init() {}

    /// Runs the command line; returns the process exit status (SPEC section 10).
    public static func run(_ arguments: [String]) -> Int32 {
        if ProcessInfo.processInfo.environment["CASCADE_TIMING"] != nil {
            History.timing = { Console.timing($0, since: $1) }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let failure as UsageFailure {
            Console.error(failure.message)
            return 2
        } catch let failure as WorkspaceError {
            Console.error(failure.message)
            return 2
        } catch let error as CocoaError {
            // Foundation's own errors are never shown as a domain and a code: the path and the reason.
            let path =
                (error.userInfo[NSFilePathErrorKey] as? String) ?? error.errorUserInfo[NSFilePathErrorKey] as? String
                ?? "a file"
            let reason =
                (error.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
                ?? "it cannot be read or written"
            Console.error(
                "\(path): \(reason); check that the path exists and can be written, then run the command again")
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { Console.error(message) }
            return code == .validationFailure ? 2 : (code.rawValue == 0 ? 0 : 2)
        }
    }
}

/// A usage error or an input that cannot be used at all: exit status 2.
public struct UsageFailure: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

/// `--color auto|always|never`, on every command.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour: auto (a terminal, without NO_COLOR), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func validate() throws { Console.colorChoice = color }
}

/// Shared options: where the repository is.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The 15-5 repository (the folder holding org.yaml).", valueName: "dir"))
    var root: String?

    /// The repository root: --root, or the nearest folder upwards holding org.yaml, or the current folder.
    func resolvedRoot() -> String {
        if let root { return Paths.absolute(root) }
        return Workspace.findRoot(from: FileManager.default.currentDirectoryPath)
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("cascade: " + message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// `--color`: auto (the default) colours only a terminal's output, never with NO_COLOR set or on
    /// TERM=dumb; always and never are what the user asked for.
    nonisolated(unsafe) static var colorChoice = ColorChoice.auto

    static var useColor: Bool {
        switch colorChoice {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
            if isDumbTerminal { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    static var isDumbTerminal: Bool { ProcessInfo.processInfo.environment["TERM"] == "dumb" }

    /// Progress lines use cursor control, so only a real terminal (not TERM=dumb, not a pipe) gets them.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 && !isDumbTerminal }

    /// The terminal's width when standard output is one (from the terminal, else $COLUMNS); nil for
    /// a pipe or a file, where tables are not cut.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return max(40, columns)
        }
        return 80
    }

    /// A transient progress line on a terminal's standard error.
    static func progress(_ message: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
    }

    /// With CASCADE_TIMING set, how long a phase took, on standard error.
    static func timing(_ what: String, since start: Date) {
        guard ProcessInfo.processInfo.environment["CASCADE_TIMING"] != nil else { return }
        FileHandle.standardError.write(
            Data(String(format: "timing: %@: %.3f s\n", what, Date().timeIntervalSince(start)).utf8))
    }

    static func clearProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
