import CGit2
import Foundation

/// An open git repository; owns its libgit2 handle.
public final class Repository {
    let handle: OpaquePointer
    /// The working tree (or the git dir for a bare repository), without a trailing slash.
    public let path: String

    /// Opens the repository containing `path` (searching upwards).
    public init(discovering path: String) throws {
        _ = Library.initialised
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        try check(git_repository_discover(&buf, path, 0, nil), path, "finding a git repository")
        var repo: OpaquePointer?
        let gitDir = String(cString: buf.ptr)
        try check(git_repository_open(&repo, gitDir), path, "opening the repository")
        handle = repo!
        if let wd = git_repository_workdir(handle) {
            var p = String(cString: wd)
            while p.count > 1, p.hasSuffix("/") { p.removeLast() }
            self.path = p
        } else {
            self.path = gitDir
        }
    }

    deinit { git_repository_free(handle) }

    /// Repository-relative paths added or modified between `revision` and the
    /// working tree (staged, unstaged and untracked), deleted ones left out.
    public func changedPaths(since revision: String) throws -> [String] {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), path, "resolving '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try check(git_object_peel(&peeled, object, GIT_OBJECT_TREE), path, "reading the tree of '\(revision)'")
        defer { git_object_free(peeled) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        var diff: OpaquePointer?
        try check(git_diff_tree_to_workdir_with_index(&diff, handle, peeled, &options), path, "comparing '\(revision)' with the working tree")
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i) else { continue }
            switch delta.pointee.status {
            case GIT_DELTA_ADDED, GIT_DELTA_MODIFIED, GIT_DELTA_UNTRACKED, GIT_DELTA_RENAMED, GIT_DELTA_COPIED, GIT_DELTA_TYPECHANGE:
                if let p = delta.pointee.new_file.path { paths.append(String(cString: p)) }
            default: break
            }
        }
        return paths.sorted()
    }
}
