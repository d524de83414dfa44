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
    /// first, with the paths each changed under `pathspecs` (compared with its
    /// first parent; a root commit adds everything).
    public func walk(from tip: ObjectID, hiding hide: ObjectID? = nil, pathspecs: [String],
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
        let cSpecs: [UnsafeMutablePointer<CChar>?] = pathspecs.map { strdup($0) }
        defer { cSpecs.forEach { free($0) } }
        var specPointers = cSpecs
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
            var options = git_diff_options()
            git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
            let changes: [PathChange] = try specPointers.withUnsafeMutableBufferPointer { specs in
                options.pathspec = git_strarray(strings: specs.baseAddress, count: specs.count)
                var diff: OpaquePointer?
                try check(git_diff_tree_to_tree(&diff, handle, parentTree, tree, &options), path, "comparing \(record.id.short) with its parent")
                defer { git_diff_free(diff) }
                var out: [PathChange] = []
                for i in 0..<git_diff_num_deltas(diff) {
                    guard let d = git_diff_get_delta(diff, i) else { continue }
                    switch d.pointee.status {
                    case GIT_DELTA_ADDED: out.append(PathChange(path: String(cString: d.pointee.new_file.path), kind: .added))
                    case GIT_DELTA_DELETED: out.append(PathChange(path: String(cString: d.pointee.old_file.path), kind: .deleted))
                    default: out.append(PathChange(path: String(cString: d.pointee.new_file.path), kind: .modified))
                    }
                }
                return out
            }
            try body(record, changes)
        }
    }
}
