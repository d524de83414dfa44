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
    public func walk(
        from tip: ObjectID, hiding hide: ObjectID? = nil, paths: [String],
        _ body: (CommitRecord, [PathChange]) throws -> Void
    ) throws {
        try walk(from: tip, hiding: hide, paths: { _ in paths }, body)
    }

    /// As above, with the paths to compare chosen for each commit (none: the
    /// commit's trees are not read at all).
    public func walk(
        from tip: ObjectID, hiding hide: ObjectID? = nil, paths: (CommitRecord) -> [String],
        _ body: (CommitRecord, [PathChange]) throws -> Void
    ) throws {
        try walk(
            from: tip, hiding: hide, needsTrees: { !paths($0).isEmpty }, select: { record, _, _ in paths(record) }, body
        )
    }

    /// As above, comparing the entries of `folder` that differ from the
    /// parent's (whatever they are called, in this commit or its parent) and
    /// that `accept` takes for this commit; `accept` is also asked with an
    /// empty name whether the commit needs its trees read at all.
    public func walk(
        from tip: ObjectID, hiding hide: ObjectID? = nil, under folder: String, accept: (CommitRecord, String) -> Bool,
        _ body: (CommitRecord, [PathChange]) throws -> Void
    ) throws {
        let prefix = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        try walk(
            from: tip, hiding: hide, needsTrees: { accept($0, "") },
            select: { record, old, new in
                Folders.differing(try old.tree(prefix), try new.tree(prefix)).filter { accept(record, $0) }.sorted().map
                { prefix + "/" + $0 }
            }, body)
    }

    private func walk(
        from tip: ObjectID, hiding hide: ObjectID?, needsTrees: (CommitRecord) -> Bool,
        select: (CommitRecord, Folders, Folders) throws -> [String],
        _ body: (CommitRecord, [PathChange]) throws -> Void
    ) throws {
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
        var oid = git_oid()
        while git_revwalk_next(&oid, walker) == 0 {
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), path, "reading a commit")
            defer { git_commit_free(commit) }
            var parents: [ObjectID] = []
            for i in 0..<git_commit_parentcount(commit) { parents.append(ObjectID(git_commit_parent_id(commit, i)!)) }
            let record = CommitRecord(
                id: ObjectID(oid), author: Signature(git_commit_author(commit)!),
                committer: Signature(git_commit_committer(commit)!), parents: parents,
                summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
            guard needsTrees(record) else {
                try body(record, [])
                continue
            }
            let new = Folders(self, root: nil), old = Folders(self, root: nil)
            defer { new.free(); old.free() }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), path, "reading the tree of \(record.id.short)")
            new.trees[""] = tree
            if !parents.isEmpty {
                var parentCommit: OpaquePointer?
                try check(git_commit_parent(&parentCommit, commit, 0), path, "reading the parent of \(record.id.short)")
                defer { git_commit_free(parentCommit) }
                var parentTree: OpaquePointer?
                try check(git_commit_tree(&parentTree, parentCommit), path, "reading a tree")
                old.trees[""] = parentTree
            }
            let wanted = try select(record, old, new).map { p -> String in
                var q = p; while q.hasSuffix("/") { q.removeLast() }; return q
            }
            // Paths in the same folder: one pass over that folder's entries finds which differ.
            var differing: [String: Set<String>] = [:]
            var changes: [PathChange] = []
            for p in wanted {
                if let slash = p.lastIndex(of: "/") {
                    let folder = String(p[..<slash])
                    if differing[folder] == nil {
                        differing[folder] = try Folders.differing(old.tree(folder), new.tree(folder))
                    }
                    guard differing[folder]!.contains(String(p[p.index(after: slash)...])) else { continue }
                }
                changes += try self.changes(at: p, from: old, to: new, commit: record.id)
            }
            try body(record, changes)
        }
    }

    /// The folders of one commit's tree, each read once however many paths ask for it.
    final class Folders {
        let repository: Repository
        var trees: [String: OpaquePointer?] = [:]

        init(_ repository: Repository, root: OpaquePointer?) {
            self.repository = repository
            trees[""] = root
        }

        /// The folder at `path` ("" is the root), or nil when there is none.
        func tree(_ path: String) throws -> OpaquePointer? {
            if let known = trees[path] { return known }
            let slash = path.lastIndex(of: "/")
            let parent = try tree(slash.map { String(path[..<$0]) } ?? "")
            var found: OpaquePointer?
            if let e = entry(in: parent, named: slash.map { String(path[path.index(after: $0)...]) } ?? path),
                git_tree_entry_type(e) == GIT_OBJECT_TREE
            {
                try check(
                    git_tree_lookup(&found, repository.handle, git_tree_entry_id(e)), repository.path, "reading \(path)"
                )
            }
            trees[path] = found
            return found
        }

        /// The entry at `path`, borrowed from its folder (valid until `free`).
        func entry(_ path: String) throws -> OpaquePointer? {
            let slash = path.lastIndex(of: "/")
            let folder = try tree(slash.map { String(path[..<$0]) } ?? "")
            return entry(in: folder, named: slash.map { String(path[path.index(after: $0)...]) } ?? path)
        }

        private func entry(in tree: OpaquePointer?, named name: String) -> OpaquePointer? {
            guard let tree else { return nil }
            return git_tree_entry_byname(tree, name)
        }

        func free() { for case let t? in trees.values { git_tree_free(t) } }

        /// The names whose entries differ between two folders (either may be missing).
        static func differing(_ a: OpaquePointer?, _ b: OpaquePointer?) -> Set<String> {
            var out: Set<String> = []
            let na = a.map { git_tree_entrycount($0) } ?? 0, nb = b.map { git_tree_entrycount($0) } ?? 0
            var i = 0, j = 0
            while i < na || j < nb {
                let ea = i < na ? git_tree_entry_byindex(a, i) : nil
                let eb = j < nb ? git_tree_entry_byindex(b, j) : nil
                let order: Int32
                if let ea, let eb {
                    order = strcmp(git_tree_entry_name(ea), git_tree_entry_name(eb))
                } else {
                    order = ea == nil ? 1 : -1
                }
                if order < 0 {
                    out.insert(String(cString: git_tree_entry_name(ea)!)); i += 1
                } else if order > 0 {
                    out.insert(String(cString: git_tree_entry_name(eb)!)); j += 1
                } else {
                    if git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)) != 1 {
                        out.insert(String(cString: git_tree_entry_name(ea)!))
                    }
                    i += 1; j += 1
                }
            }
            return out
        }
    }

    /// The files changed at `p` (a file, or every file under a folder) between two trees.
    private func changes(at p: String, from old: Folders, to new: Folders, commit: ObjectID) throws -> [PathChange] {
        var oldTree = try old.tree("")
        var newTree = try new.tree("")
        if !p.isEmpty {
            let a = try old.entry(p), b = try new.entry(p)
            if a == nil && b == nil { return [] }
            if let a, let b, git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) == 1 { return [] }
            let aIsTree = a.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            let bIsTree = b.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            if !aIsTree && !bIsTree {
                return [PathChange(path: p, kind: a == nil ? .added : b == nil ? .deleted : .modified)]
            }
            oldTree = aIsTree ? try old.tree(p) : nil
            newTree = bIsTree ? try new.tree(p) : nil
            // A file replaced by a folder of the same name, or the other way round.
            if a != nil && !aIsTree {
                return [PathChange(path: p, kind: .deleted)]
                    + (try changes(below: p, oldTree, newTree, old, new, commit))
            }
            if b != nil && !bIsTree {
                return (try changes(below: p, oldTree, newTree, old, new, commit)) + [PathChange(path: p, kind: .added)]
            }
        }
        return try changes(below: p, oldTree, newTree, old, new, commit)
    }

    private func changes(
        below p: String, _ oldTree: OpaquePointer?, _ newTree: OpaquePointer?, _ old: Folders, _ new: Folders,
        _ commit: ObjectID
    ) throws -> [PathChange] {
        // Two folders: compare their entries, and go down only into subfolders that differ.
        var out: [PathChange] = []
        for name in Folders.differing(oldTree, newTree).sorted() {
            let sub = p.isEmpty ? name : p + "/" + name
            let a = oldTree.flatMap { git_tree_entry_byname($0, name) },
                b = newTree.flatMap { git_tree_entry_byname($0, name) }
            let aIsTree = a.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            let bIsTree = b.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
            if aIsTree || bIsTree {
                out += try changes(at: sub, from: old, to: new, commit: commit)
            } else if a != nil || b != nil {
                if let a, let b, git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) == 1 { continue }
                out.append(PathChange(path: sub, kind: a == nil ? .added : b == nil ? .deleted : .modified))
            }
        }
        return out
    }
}

extension Repository {
    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func contains(_ ancestor: ObjectID, before commit: ObjectID) -> Bool {
        if ancestor == commit { return true }
        var a = ancestor.oid, c = commit.oid
        return git_graph_descendant_of(handle, &c, &a) == 1
    }
}

extension Repository {
    /// Going back from `tip` along first parents, the newest commit whose
    /// tree has nothing at `path`: every file there now was added after it,
    /// so a walk of that path's history can stop there. Nil when every
    /// commit back to the first has something at `path`.
    public func newestCommit(without path: String, from tip: ObjectID) throws -> ObjectID? {
        var oid = tip.oid
        while true {
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), self.path, "reading a commit")
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), self.path, "reading a tree")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            if git_tree_entry_bypath(&entry, tree, path) != 0 { return ObjectID(oid) }
            git_tree_entry_free(entry)
            guard git_commit_parentcount(commit) > 0 else { return nil }
            oid = git_commit_parent_id(commit, 0).pointee
        }
    }
}
