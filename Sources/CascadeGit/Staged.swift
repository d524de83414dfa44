import CGit2
import Foundation

/// What git's index holds: what the next commit will contain (`check --staged`).
extension Repository {
    public struct IndexEntry: Sendable {
        public var path: String
        public var id: ObjectID
        /// A symbolic link (mode 120000): never followed, never read as an update.
        public var isLink: Bool
    }

    /// The index entries whose paths start with one of `prefixes` (stage 0 only; a conflicted path is skipped).
    public func indexEntries(under prefixes: [String]) throws -> [IndexEntry] {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), path, "reading the index")
        defer { git_index_free(index) }
        var out: [IndexEntry] = []
        for i in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, i), let cPath = entry.pointee.path else { continue }
            let stage = (Int32(entry.pointee.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            guard stage == 0 else { continue }
            let entryPath = String(cString: cPath)
            guard prefixes.contains(where: { entryPath.hasPrefix($0) }) else { continue }
            out.append(
                IndexEntry(
                    path: entryPath, id: ObjectID(entry.pointee.id),
                    isLink: entry.pointee.mode == GIT_FILEMODE_LINK.rawValue))
        }
        return out
    }

    /// Paths added or modified in the index compared with HEAD (all of them when HEAD has no commit yet).
    public func stagedChanges() throws -> [String] {
        var tree: OpaquePointer?
        if case .branch(_, let tip) = try head() {
            try withCommit(tip) { commit in try check(git_commit_tree(&tree, commit), path, "reading HEAD's tree") }
        } else if case .detached(let tip) = try head() {
            try withCommit(tip) { commit in try check(git_commit_tree(&tree, commit), path, "reading HEAD's tree") }
        }
        defer { git_tree_free(tree) }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_index(&diff, handle, tree, nil, nil), path, "comparing the index with HEAD")
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i) else { continue }
            switch delta.pointee.status {
            case GIT_DELTA_ADDED, GIT_DELTA_MODIFIED, GIT_DELTA_RENAMED, GIT_DELTA_COPIED, GIT_DELTA_TYPECHANGE:
                if let p = delta.pointee.new_file.path { paths.append(String(cString: p)) }
            default: break
            }
        }
        return paths.sorted()
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), path, "reading blob \(id.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: size))
    }
}

extension Repository {
    /// Paths under `pathspecs` whose working tree or index differs from HEAD (untracked files included).
    public func uncommittedChanges(under pathspecs: [String]) throws -> [String] {
        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        let cStrings = pathspecs.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var pointers: [UnsafeMutablePointer<CChar>?] = cStrings
        var list: OpaquePointer?
        let code = pointers.withUnsafeMutableBufferPointer { buf -> Int32 in
            options.pathspec = git_strarray(strings: buf.baseAddress, count: buf.count)
            return git_status_list_new(&list, handle, &options)
        }
        try check(code, path, "reading the status of the working tree")
        defer { git_status_list_free(list) }
        var out: [String] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i), entry.pointee.status != GIT_STATUS_CURRENT,
                entry.pointee.status.rawValue & GIT_STATUS_IGNORED.rawValue == 0
            else { continue }
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            if let p = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path { out.append(String(cString: p)) }
        }
        return Array(Set(out)).sorted()
    }
}
