import Foundation
import Testing

/// A git repository holding the bundled sample organisation, committed with
/// the git CLI, for the publishing commands to work in.
public final class GitWorkspace {
    public let workspace: Workspace
    public var path: String { workspace.path }
    public static let identity = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]

    public init(sample: Bool = true, commit: Bool = true) throws {
        workspace = sample ? try Workspace(copyingPath: CLI.packageRoot.path) : try Workspace()
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Sam Committer")
        try git("config", "user.email", "sam@northwind.example")
        if commit {
            try git("add", "-A")
            try git("commit", "-q", "-m", "sample")
        }
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String { try git(arguments) }

    @discardableResult
    public func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try CLI.shell("git", arguments, in: path, environment: Self.identity.merging(environment) { $1 })
    }

    public func cascade(_ arguments: String..., environment: [String: String] = [:]) throws -> CLI.Output {
        try CLI.run(arguments, in: path, environment: Self.identity.merging(environment) { $1 })
    }

    public func write(_ relative: String, _ text: String) throws { try workspace.write(relative, text) }

    public func read(_ relative: String) throws -> String { try String(contentsOfFile: path + "/" + relative, encoding: .utf8) }

    /// An update for `author` in `week` with one open deal.
    public static func update(_ author: String, _ week: String, deal: String = "NW-9001", stage: String = "propose", close: String = "2027-01-15") -> String {
        "---\nauthor: \(author)\nweek: \(week)\ndeals:\n  - id: \(deal)\n    account: Test Account\n    stage: \(stage)\n    amount: 10000\n    close: \(close)\n    next: Call them\n---\nA note.\n"
    }

    public func fsck() throws {
        let out = try git("fsck", "--full", "--strict")
        #expect(!out.contains("error"), "\(out)")
    }
}
