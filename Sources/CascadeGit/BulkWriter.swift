import CGit2
import Foundation

/// Writes a long generated history quickly: one commit per file, each tree
/// built by tree builders kept in memory (the week folder, `updates/`, the
/// root), so no commit re-reads the previous one. Only `cascade demo` uses it;
/// the branch is created at the end, and the index is rebuilt from the
/// working tree so `git status` is clean.
public final class BulkWriter {
    let repository: Repository
    private var root: OpaquePointer?
    private var updates: OpaquePointer?
    private var folders: [String: OpaquePointer] = [:]
    private var parent: git_oid?
    public private(set) var commits = 0

    public init(_ repository: Repository) throws {
        self.repository = repository
        try check(git_treebuilder_new(&root, repository.handle, nil), repository.path, "starting a tree")
        try check(git_treebuilder_new(&updates, repository.handle, nil), repository.path, "starting a tree")
    }

    deinit {
        git_treebuilder_free(root)
        git_treebuilder_free(updates)
        for builder in folders.values { git_treebuilder_free(builder) }
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
    public func commit(folder: String?, name: String, bytes: [UInt8], author: Signature, committer: Signature, message: String) throws {
        try commit([File(folder: folder, name: name, bytes: bytes)], author: author, committer: committer, message: message)
    }

    /// Commits several files at once.
    public func commit(_ files: [File], author: Signature, committer: Signature, message: String) throws {
        let path = repository.path
        var touched: Set<String> = []
        for file in files {
            var blob = git_oid()
            try file.bytes.withUnsafeBytes { raw in
                try check(git_blob_create_from_buffer(&blob, repository.handle, raw.baseAddress, raw.count), path, "writing \(file.name)")
            }
            if let folder = file.folder {
                let builder: OpaquePointer
                if let existing = folders[folder] { builder = existing } else {
                    var b: OpaquePointer?
                    try check(git_treebuilder_new(&b, repository.handle, nil), path, "starting a tree")
                    builder = b!
                    folders[folder] = builder
                }
                try check(git_treebuilder_insert(nil, builder, file.name, &blob, GIT_FILEMODE_BLOB), path, "adding \(file.name)")
                touched.insert(folder)
            } else {
                try check(git_treebuilder_insert(nil, root, file.name, &blob, GIT_FILEMODE_BLOB), path, "adding \(file.name)")
            }
        }
        if !touched.isEmpty {
            for folder in touched.sorted() {
                var folderTree = git_oid()
                try check(git_treebuilder_write(&folderTree, folders[folder]), path, "writing updates/\(folder)")
                try check(git_treebuilder_insert(nil, updates, folder, &folderTree, GIT_FILEMODE_TREE), path, "adding updates/\(folder)")
            }
            var updatesTree = git_oid()
            try check(git_treebuilder_write(&updatesTree, updates), path, "writing updates/")
            try check(git_treebuilder_insert(nil, root, "updates", &updatesTree, GIT_FILEMODE_TREE), path, "adding updates/")
        }
        var treeID = git_oid()
        try check(git_treebuilder_write(&treeID, root), path, "writing the root tree")
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.handle, &treeID), path, "reading the root tree")
        defer { git_tree_free(tree) }
        var parentCommit: OpaquePointer?
        if var p = parent { try check(git_commit_lookup(&parentCommit, repository.handle, &p), path, "reading the parent") }
        defer { git_commit_free(parentCommit) }
        let a = try author.make(path)
        defer { git_signature_free(a) }
        let c = try committer.make(path)
        defer { git_signature_free(c) }
        var parents: [OpaquePointer?] = parentCommit.map { [$0] } ?? []
        var out = git_oid()
        try parents.withUnsafeMutableBufferPointer { buf in
            try check(git_commit_create(&out, repository.handle, nil, a, c, "UTF-8", message, tree, buf.count, buf.baseAddress), path, "writing a commit")
        }
        parent = out
        commits += 1
    }

    /// Points HEAD's branch at the last commit and rebuilds the index from the working tree.
    public func finish(branch: String = "refs/heads/main") throws {
        let path = repository.path
        guard var tip = parent else { return }
        var ref: OpaquePointer?
        try check(git_reference_create(&ref, repository.handle, branch, &tip, 1, "cascade demo"), path, "creating \(branch)")
        git_reference_free(ref)
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.handle), path, "opening the index")
        defer { git_index_free(index) }
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, repository.handle, &tip), path, "reading the last commit")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), path, "reading the last tree")
        defer { git_tree_free(tree) }
        try check(git_index_read_tree(index, tree), path, "reading the tree into the index")
        try check(git_index_update_all(index, nil, nil, nil), path, "refreshing the index")
        try check(git_index_write(index), path, "writing the index")
    }
}
