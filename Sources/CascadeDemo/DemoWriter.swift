import CascadeCore
import CascadeWorkspace
import CascadeGit
import CascadeGitPack
import Foundation

/// Writes the generated organisation into a new git repository: org.yaml
/// first, then every update as a commit of its own, authored by its writer
/// at a plausible time; the working tree holds the latest version of each file.
public final class DemoWriter {
    public let root: String
    let repository: Repository
    let writer: BulkWriter

    /// One commit per update (each author's own, at its time), or one per week (fast, for benchmarks at scale).
    public enum History: String, Sendable, CaseIterable { case update, week }
    let history: History

    public init(root: String, history: History = .update) throws {
        self.root = root
        self.history = history
        repository = try Repository(creating: root)
        writer = try BulkWriter(repository)
    }

    public func begin(orgYAML: String, admin: DemoOrganisation.Member, at time: Int) throws {
        try FileManager.default.createDirectory(atPath: root + "/updates", withIntermediateDirectories: true)
        try orgYAML.write(toFile: root + "/org.yaml", atomically: true, encoding: .utf8)
        let signature = Signature(
            name: admin.name, email: admin.email, time: Int64(time), offsetMinutes: admin.timezone)
        try writer.commit(
            folder: nil, name: "org.yaml", bytes: Array(orgYAML.utf8), author: signature, committer: signature,
            message: "Start the 15-5 repository of \(admin.name)'s organisation\n")
    }

    public func write(week: Week, commits: [DemoCommit]) throws {
        try FileManager.default.createDirectory(atPath: root + "/updates/\(week)", withIntermediateDirectories: true)
        if history == .week, let last = commits.last {
            var latest: [String: DemoCommit] = [:]
            for commit in commits { latest[commit.path] = commit }
            let files = latest.keys.sorted().map { path -> BulkWriter.File in
                let parts = path.split(separator: "/")
                return BulkWriter.File(
                    folder: String(parts[1]), name: String(parts[2]), bytes: Array(latest[path]!.text.utf8))
            }
            let signature = Signature(
                name: "Cascade demo", email: "demo@cascade.invalid", time: Int64(last.time), offsetMinutes: 0)
            try writer.commit(
                files, author: signature, committer: signature, message: "updates of \(week): \(files.count) files\n")
            for (path, commit) in latest { try save(commit.text, path) }
            return
        }
        for commit in commits {
            let parts = commit.path.split(separator: "/")
            let signature = Signature(
                name: commit.authorName, email: commit.email, time: Int64(commit.time), offsetMinutes: commit.timezone)
            try writer.commit(
                folder: String(parts[1]), name: String(parts[2]), bytes: Array(commit.text.utf8),
                author: signature, committer: signature, message: commit.message + "\n")
            try save(commit.text, commit.path)
        }
    }

    public func finish() throws { try writer.finish() }

    private func save(_ text: String, _ path: String) throws {
        guard FileSystem.write(Array(text.utf8), to: root + "/" + path) else {
            throw GitError(repository: root, operation: "writing \(path)", message: String(cString: strerror(errno)))
        }
    }

    public var commits: Int { writer.commits }
}
