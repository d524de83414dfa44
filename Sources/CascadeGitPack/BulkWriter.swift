import CascadePlatform
import CGit2
@_spi(Pack) import CascadeGit
import Foundation

/// Writes a long generated history quickly: one commit per call, every
/// object written straight into one packfile. The trees (the week folder,
/// `updates/`, the root) are kept in memory as bytes; each new version is
/// stored as a delta of one entry against the one before, so a year of
/// commits that each add one file to a folder of 2,000 costs what the files
/// cost, not the square of the folder. Only `cascade demo` uses it; the
/// branch and the index are written at the end, after which libgit2 and git
/// read the repository as any other.
public final class BulkWriter {
    let repository: Repository
    private let pack: PackWriter
    private var root = TreeState()
    private var updates = TreeState()
    private var folders: [String: TreeState] = [:]
    private var parent: RawObjectID?
    public private(set) var commits = 0

    public init(_ repository: Repository) throws {
        self.repository = repository
        pack = try PackWriter(objectsDirectory: repository.gitDirectory + "/objects")
    }

    /// A file of a commit: `name` at the top level, or `updates/<folder>/<name>`.
    public struct File {
        public var folder: String?
        public var name: String
        public var bytes: [UInt8]

        public init(folder: String?, name: String, bytes: [UInt8]) {
            self.folder = folder
            self.name = name
            self.bytes = bytes
        }
    }

    /// Commits one file.
    public func commit(
        folder: String?, name: String, bytes: [UInt8], author: Signature, committer: Signature, message: String
    ) throws {
        try commit(
            [File(folder: folder, name: name, bytes: bytes)], author: author, committer: committer, message: message)
    }

    /// Commits several files at once.
    public func commit(_ files: [File], author: Signature, committer: Signature, message: String) throws {
        for file in files {
            try Self.checkName(file.name)
            let blob = file.bytes.withUnsafeBytes { pack.add(.blob, $0) }
            if let folder = file.folder {
                try Self.checkName(folder)
                folders[folder, default: TreeState()].set(Array(file.name.utf8), isTree: false, to: blob)
            } else {
                guard file.name != "updates" else {
                    throw GitError(
                        repository: repository.path, operation: "adding a file",
                        message: "'updates' is the folder of the updates, not a file")
                }
                root.set(Array(file.name.utf8), isTree: false, to: blob)
            }
        }
        for folder in Set(files.compactMap(\.folder)).sorted() {
            let id = folders[folder]!.write(to: pack)
            updates.set(Array(folder.utf8), isTree: true, to: id)
        }
        if files.contains(where: { $0.folder != nil }) {
            root.set(Array("updates".utf8), isTree: true, to: updates.write(to: pack))
        }
        let tree = root.write(to: pack)
        var text = "tree \(tree.hex)\n"
        if let parent { text += "parent \(parent.hex)\n" }
        text += "author \(try Self.line(author))\ncommitter \(try Self.line(committer))\n\n\(message)"
        parent = Array(text.utf8).withUnsafeBytes { pack.add(.commit, $0) }
        commits += 1
    }

    /// Completes the pack, points the branch at the last commit, and writes
    /// the index from the working tree's files (which the caller has written),
    /// so `git status` is clean.
    public func finish(branch: String = "refs/heads/main") throws {
        let path = repository.path
        guard let tip = parent else { return }
        _ = try pack.finish()
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.handle), path, "opening the object database")
        defer { git_odb_free(odb) }
        try check(git_odb_refresh(odb), path, "reading the new pack")
        var oid = git_oid()
        _ = tip.array.withUnsafeBufferPointer { git_oid_fromraw(&oid, $0.baseAddress) }
        var ref: OpaquePointer?
        try check(
            git_reference_create(&ref, repository.handle, branch, &oid, 1, "cascade demo"), path, "creating \(branch)")
        git_reference_free(ref)
        var entries: [IndexPatch.Entry] = []
        func add(_ relative: String, _ id: RawObjectID) throws {
            var info = stat()
            guard stat(path + "/" + relative, &info) == 0 else {
                throw GitError(
                    repository: path, operation: "writing the index",
                    message: "\(relative) is missing from the working tree")
            }
            entries.append(IndexPatch.Entry(path: Array(relative.utf8), stat: info, oid: id.array))
        }
        for entry in root.entries where !entry.isTree { try add(String(decoding: entry.name, as: UTF8.self), entry.id) }
        for (folder, tree) in folders {
            for entry in tree.entries {
                try add("updates/\(folder)/" + String(decoding: entry.name, as: UTF8.self), entry.id)
            }
        }
        guard let index = IndexPatch.patched(nil, entries: entries) else {
            throw GitError(repository: path, operation: "writing the index", message: "the index could not be built")
        }
        let indexPath = repository.gitDirectory + "/index"
        guard FileManager.default.createFile(atPath: indexPath + ".cascade-tmp", contents: Data(index)),
            rename(indexPath + ".cascade-tmp", indexPath) == 0
        else {
            throw GitError(repository: path, operation: "writing the index", message: String(cString: strerror(errno)))
        }
    }

    /// A signature as a commit stores it: `Name <email> seconds +hhmm`.
    static func line(_ s: Signature) throws -> String {
        for part in [s.name, s.email] where part.contains(where: { "<>\n\0".contains($0) }) {
            throw GitError(
                repository: "", operation: "making a signature", message: "'\(part)' contains <, >, a newline or NUL")
        }
        let minutes = abs(s.offsetMinutes)
        let zone = (s.offsetMinutes < 0 ? "-" : "+") + String(format: "%02d%02d", minutes / 60, minutes % 60)
        return "\(s.name) <\(s.email)> \(s.time) \(zone)"
    }

    static func checkName(_ name: String) throws {
        guard !name.isEmpty, name != ".", name != "..", name != ".git", !name.contains("/"), !name.utf8.contains(0)
        else {
            throw GitError(
                repository: "", operation: "adding a file", message: "'\(name)' cannot be a file name in git")
        }
    }
}
