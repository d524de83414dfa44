import CGit2
import Foundation
import CascadePlatform

/// A file to commit: its repository-relative path and its bytes (which are
/// also what the working tree holds).
public struct FileChange: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension Repository {
    public enum CommitResult: Equatable, Sendable {
        case committed(ObjectID)
        /// Every file is identical to HEAD.
        case unchanged
        /// The gate said no: nothing was changed.
        case refused
    }

    /// Commits exactly `files` on top of HEAD: the new tree is HEAD's tree
    /// plus these files, so other staged and unstaged changes stay as they
    /// were; the index entries of just these files are updated first (under
    /// git's index lock), then the commit is made and the branch moved with a
    /// compare-and-swap. A concurrent commit (locked index or moved HEAD)
    /// makes it start again from the new HEAD.
    ///
    /// `gate` is asked, once everything is prepared and before anything the
    /// user sees changes, whether to go on (a validation running meanwhile).
    public func commit(
        _ files: [FileChange], author: Signature, committer: Signature, message: String,
        timeout: Double? = nil, gate: () -> Bool = { true }
    ) throws -> CommitResult {
        let deadline = Date().addingTimeInterval(timeout ?? IndexLock.timeout(60))
        while true {
            do {
                return try commitOnce(
                    files, author: author, committer: committer, message: message, deadline: deadline, gate: gate)
            } catch let error as GitError
                where (error.isLocked || error.isModified || error.code == GIT_EEXISTS.rawValue) && Date() < deadline
            {
                // A held ref lock is waited for, never removed: git holds it while it works.
                usleep(useconds_t(Double.random(in: 0.002...0.03) * 1_000_000))
            }
        }
    }

    private func commitOnce(
        _ files: [FileChange], author: Signature, committer: Signature, message: String,
        deadline: Date, gate: () -> Bool
    ) throws -> CommitResult {
        let lock = try IndexLock(gitDirectory: gitDirectory, timeout: max(0, deadline.timeIntervalSinceNow))
        defer { lock.release() }
        let (branch, parent) = try branchToCommitOn()
        // Blobs and the new tree: HEAD's tree with these files upserted.
        var blobs: [git_oid] = []
        for file in files {
            var oid = git_oid()
            try file.bytes.withUnsafeBytes { raw in
                try check(
                    git_blob_create_from_buffer(&oid, handle, raw.baseAddress, raw.count), path, "writing \(file.path)")
            }
            blobs.append(oid)
        }
        var baseTree: OpaquePointer?
        if let parent {
            try withCommit(parent) { commit in
                try check(git_commit_tree(&baseTree, commit), path, "reading the tree of \(parent.short)")
            }
        }
        defer { git_tree_free(baseTree) }
        let treeID = try updatedTree(baseTree, files, blobs)
        // The index entries of these files are set to what is committed, even when
        // nothing changed (an earlier submit killed midway may have left them staged).
        let newIndex = try prepareIndex(files, blobs)
        defer { unlink(newIndex) }
        guard gate() else { return .refused }
        guard rename(newIndex, gitDirectory + "/index") == 0 else {
            throw GitError(
                repository: path, operation: "replacing the index", message: String(cString: strerror(errno)))
        }
        if let baseTree, git_oid_equal(git_tree_id(baseTree), [treeID]) == 1 { return .unchanged }
        let commit = try writeCommit(treeID, parent: parent, author: author, committer: committer, message: message)
        // The branch moves only if it still points at the parent.
        let reflog =
            (parent == nil ? "commit (initial): " : "commit: ")
            + (message.split(separator: "\n").first.map(String.init) ?? message)
        try moveBranch(branch, from: parent, to: commit, committer: committer, message: reflog)
        return .committed(commit)
    }

    /// The branch HEAD names and the commit it points at (nil when unborn); a detached HEAD is refused.
    private func branchToCommitOn() throws -> (branch: String, parent: ObjectID?) {
        switch try head() {
        case .detached:
            throw GitError(
                repository: path, operation: "committing",
                message: "HEAD is detached; check out a branch first (git switch main)")
        case .unborn(let b): return (b, nil)
        case .branch(let b, let id): return (b, id)
        }
    }

    /// The commit object of `treeID` on `parent`; no ref is touched.
    private func writeCommit(
        _ treeID: git_oid, parent: ObjectID?, author: Signature, committer: Signature, message: String
    ) throws -> ObjectID {
        var tree: OpaquePointer?
        var treeOID = treeID
        try check(git_tree_lookup(&tree, handle, &treeOID), path, "reading the new tree")
        defer { git_tree_free(tree) }
        let a = try author.make(path)
        defer { git_signature_free(a) }
        let c = try committer.make(path)
        defer { git_signature_free(c) }
        var parentCommit: OpaquePointer?
        if let parent {
            var p = parent.oid
            try check(git_commit_lookup(&parentCommit, handle, &p), path, "reading commit \(parent.short)")
        }
        defer { git_commit_free(parentCommit) }
        var commitOID = git_oid()
        var parents: [OpaquePointer?] = parentCommit.map { [$0] } ?? []
        try parents.withUnsafeMutableBufferPointer { buf in
            try check(
                git_commit_create(&commitOID, handle, nil, a, c, "UTF-8", message, tree, buf.count, buf.baseAddress),
                path, "writing the commit")
        }
        return ObjectID(commitOID)
    }

    private func updatedTree(_ base: OpaquePointer?, _ files: [FileChange], _ blobs: [git_oid]) throws -> git_oid {
        var out = git_oid()
        let cPaths = files.map { strdup($0.path) }
        defer { cPaths.forEach { free($0) } }
        var updates = (0..<files.count).map { i in
            git_tree_update(
                action: GIT_TREE_UPDATE_UPSERT, id: blobs[i], filemode: GIT_FILEMODE_BLOB,
                path: UnsafePointer(cPaths[i]))
        }
        if base == nil, false {
            var builder: OpaquePointer?
            try check(git_treebuilder_new(&builder, handle, nil), path, "starting a tree")
            defer { git_treebuilder_free(builder) }
            var empty = git_oid()
            try check(git_treebuilder_write(&empty, builder), path, "writing the empty tree")
            var emptyTree: OpaquePointer?
            try check(git_tree_lookup(&emptyTree, handle, &empty), path, "reading the empty tree")
            defer { git_tree_free(emptyTree) }
            try check(
                git_tree_create_updated(&out, handle, emptyTree, updates.count, &updates), path, "building the new tree"
            )
        } else {
            try check(
                git_tree_create_updated(&out, handle, base, updates.count, &updates), path, "building the new tree")
        }
        return out
    }

    /// Writes the index with the entries of just these files updated, as a
    /// new file beside it (renamed over it by the caller, under `index.lock`).
    /// The new file starts as a hard link to the index; libgit2 writes its
    /// changes to a fresh file and renames it, so the index itself is untouched.
    private func prepareIndex(_ files: [FileChange], _ blobs: [git_oid]) throws -> String {
        let indexPath = gitDirectory + "/index"
        let copyPath = gitDirectory + "/index.cascade-\(getpid())"
        unlink(copyPath)
        // Fast path: patch the few entries in the index file itself.
        let existing = FileManager.default.contents(atPath: indexPath).map { [UInt8]($0) }
        let entries = zip(files, blobs).map { file, blob -> IndexPatch.Entry in
            var info = stat()
            let found = lstat(path + "/" + file.path, &info) == 0
            return IndexPatch.Entry(
                path: Array(file.path.utf8), stat: found ? info : nil, oid: withUnsafeBytes(of: blob.id) { Array($0) })
        }
        if let bytes = IndexPatch.patched(existing, entries: entries),
            FileManager.default.createFile(atPath: copyPath, contents: Data(bytes))
        {
            return copyPath
        }
        if FileManager.default.fileExists(atPath: indexPath), link(indexPath, copyPath) != 0 {
            do { try FileManager.default.copyItem(atPath: indexPath, toPath: copyPath) } catch {
                throw GitError(repository: path, operation: "copying the index", message: "\(error)")
            }
        }
        var index: OpaquePointer?
        try check(git_index_open(&index, copyPath), path, "reading the index")
        defer { git_index_free(index) }
        for (file, blob) in zip(files, blobs) {
            var info = stat()
            var entry = git_index_entry()
            if lstat(path + "/" + file.path, &info) == 0 {
                entry.ctime = git_index_time(
                    seconds: Int32(truncatingIfNeeded: Platform.changed(info).tv_sec),
                    nanoseconds: UInt32(Platform.changed(info).tv_nsec))
                entry.mtime = git_index_time(
                    seconds: Int32(truncatingIfNeeded: Platform.modified(info).tv_sec),
                    nanoseconds: UInt32(Platform.modified(info).tv_nsec))
                entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
                entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
                entry.uid = info.st_uid
                entry.gid = info.st_gid
                entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
            }
            entry.mode = GIT_FILEMODE_BLOB.rawValue
            entry.id = blob
            try file.path.withCString { p in
                entry.path = p
                try check(git_index_add(index, &entry), path, "staging \(file.path)")
            }
        }
        do { try check(git_index_write(index), path, "writing the index") } catch {
            unlink(copyPath)
            throw error
        }
        return copyPath
    }
}
