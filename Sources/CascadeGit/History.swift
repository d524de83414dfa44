import CGit2
import Foundation

/// One commit of the history, with what Cascade needs of it.
public struct CommitRecord: Sendable {
    public var id: ObjectID
    public var author: Signature
    public var committer: Signature
    public var parents: [ObjectID]
    public var summary: String
}

/// A path a commit added, modified or deleted, compared with its first parent.
public struct PathChange: Sendable, Equatable {
    public enum Kind: Sendable { case added, modified, deleted }
    public var path: String
    public var kind: Kind
}

extension Repository {
    /// Walks the commits reachable from `tip` and not from `hide`, oldest
    /// first, with the files each changed under `paths` (folders or files,
    /// relative to the repository), compared with its first parent; a root
    /// commit adds everything. Only subtrees whose ids differ are compared, so
    /// a long history of a large repository is read quickly.
    public func walk(from tip: ObjectID, hiding hide: ObjectID? = nil, paths: [String],
                     needsChanges: (CommitRecord) -> Bool = { _ in true },
                     _ body: (CommitRecord, [PathChange]) throws -> Void) throws {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), path, "walking the history")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue)
        var tipOID = tip.oid
        try check(git_revwalk_push(walker, &tipOID), path, "walking from \(tip.short)")
        if let hide {
            var h = hide.oid
            try check(git_revwalk_hide(walker, &h), path, "walking from \(hide.short)")
        }
        let cleanPaths = paths.map { p -> String in var q = p; while q.hasSuffix("/") { q.removeLast() }; return q }
        var oid = git_oid()
        while git_revwalk_next(&oid, walker) == 0 {
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), path, "reading a commit")
            defer { git_commit_free(commit) }
            var parents: [ObjectID] = []
            for i in 0..<git_commit_parentcount(commit) { parents.append(ObjectID(git_commit_parent_id(commit, i)!)) }
            let record = CommitRecord(id: ObjectID(oid), author: Signature(git_commit_author(commit)!),
                                      committer: Signature(git_commit_committer(commit)!), parents: parents,
                                      summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
            guard needsChanges(record) else {
                try body(record, [])
                continue
            }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), path, "reading the tree of \(record.id.short)")
            defer { git_tree_free(tree) }
            var parentTree: OpaquePointer?
            if !parents.isEmpty {
                var parentCommit: OpaquePointer?
                try check(git_commit_parent(&parentCommit, commit, 0), path, "reading the parent of \(record.id.short)")
                defer { git_commit_free(parentCommit) }
                try check(git_commit_tree(&parentTree, parentCommit), path, "reading a tree")
            }
            defer { git_tree_free(parentTree) }
            var changes: [PathChange] = []
            for p in cleanPaths { changes += try self.changes(at: p, from: parentTree, to: tree, commit: record.id) }
            try body(record, changes)
        }
    }

    /// The files changed at `p` (a file, or every file under a folder) between two trees.
    private func changes(at p: String, from old: OpaquePointer?, to new: OpaquePointer?, commit: ObjectID) throws -> [PathChange] {
        func entry(_ tree: OpaquePointer?) -> OpaquePointer? {
            guard let tree else { return nil }
            if p.isEmpty { return nil }
            var e: OpaquePointer?
            return git_tree_entry_bypath(&e, tree, p) == 0 ? e : nil
        }
        let a = p.isEmpty ? nil : entry(old)
        let b = p.isEmpty ? nil : entry(new)
        defer { git_tree_entry_free(a); git_tree_entry_free(b) }
        if !p.isEmpty {
            if a == nil && b == nil { return [] }
            if let a, let b, git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) == 1 { return [] }
            let aIsTree = a.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            let bIsTree = b.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            if !aIsTree && !bIsTree {
                return [PathChange(path: p, kind: a == nil ? .added : b == nil ? .deleted : .modified)]
            }
        }
        // Two folders: diff just them (libgit2 skips identical subtrees).
        func subtree(_ root: OpaquePointer?, _ e: OpaquePointer?) throws -> OpaquePointer? {
            if p.isEmpty { return nil }
            guard let e, git_tree_entry_type(e) == GIT_OBJECT_TREE else { return nil }
            var t: OpaquePointer?
            try check(git_tree_lookup(&t, handle, git_tree_entry_id(e)), path, "reading \(p) in \(commit.short)")
            return t
        }
        let oldTree = p.isEmpty ? nil : try subtree(old, a)
        let newTree = p.isEmpty ? nil : try subtree(new, b)
        defer { git_tree_free(oldTree); git_tree_free(newTree) }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, handle, p.isEmpty ? old : oldTree, p.isEmpty ? new : newTree, nil), path, "comparing \(commit.short) with its parent")
        defer { git_diff_free(diff) }
        let prefix = p.isEmpty ? "" : p + "/"
        var out: [PathChange] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let d = git_diff_get_delta(diff, i) else { continue }
            switch d.pointee.status {
            case GIT_DELTA_ADDED: out.append(PathChange(path: prefix + String(cString: d.pointee.new_file.path), kind: .added))
            case GIT_DELTA_DELETED: out.append(PathChange(path: prefix + String(cString: d.pointee.old_file.path), kind: .deleted))
            default: out.append(PathChange(path: prefix + String(cString: d.pointee.new_file.path), kind: .modified))
            }
        }
        return out
    }
}
