import CGit2
import Foundation

/// An open git repository; owns its libgit2 handle.
public final class Repository {
    @_spi(Pack) public let handle: OpaquePointer
    /// The working tree (or the git dir for a bare repository), without a trailing slash.
    public let path: String
    /// The git directory (`.git`), without a trailing slash.
    public let gitDirectory: String

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
        (self.path, gitDirectory) = Repository.paths(handle, fallback: gitDir)
    }

    /// Creates a new repository at `path` whose first branch is `branch`.
    public init(creating path: String, branch: String = "main") throws {
        _ = Library.initialised
        var options = git_repository_init_options()
        git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        var repo: OpaquePointer?
        let code = branch.withCString { b -> Int32 in
            options.initial_head = b
            return git_repository_init_ext(&repo, path, &options)
        }
        try check(code, path, "creating a git repository")
        handle = repo!
        (self.path, gitDirectory) = Repository.paths(handle, fallback: path)
    }

    private static func paths(_ handle: OpaquePointer, fallback: String) -> (String, String) {
        func trim(_ s: String) -> String { var p = s; while p.count > 1, p.hasSuffix("/") { p.removeLast() }; return p }
        let git = trim(String(cString: git_repository_path(handle)))
        if let wd = git_repository_workdir(handle) { return (trim(String(cString: wd)), git) }
        return (git, git)
    }

    deinit { git_repository_free(handle) }

    // MARK: Configuration

    /// A string from git's configuration (repository, global, system), or nil.
    public func config(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// git's configured identity (user.name, user.email), when both are set.
    public var identity: (name: String, email: String)? {
        guard let name = config("user.name"), let email = config("user.email"), !email.isEmpty else { return nil }
        return (name, email)
    }

    // MARK: HEAD

    public enum Head: Equatable, Sendable {
        /// A branch with no commit yet.
        case unborn(branch: String)
        case branch(String, ObjectID)
        case detached(ObjectID)
    }

    /// A shallow clone (`git clone --depth N`): its history stops short, so
    /// what only the whole history can tell (when a file was first committed,
    /// later rewrites) is unknown until `git fetch --unshallow`.
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    public static let unshallowHint =
        "this is a shallow clone, whose history stops short; run `git fetch --unshallow` for the rest"

    public func head() throws -> Head {
        if git_repository_head_detached(handle) == 1 {
            var ref: OpaquePointer?
            try check(git_repository_head(&ref, handle), path, "reading HEAD")
            defer { git_reference_free(ref) }
            return .detached(ObjectID(git_reference_target(ref)!))
        }
        var symbolic: OpaquePointer?
        try check(git_reference_lookup(&symbolic, handle, "HEAD"), path, "reading HEAD")
        defer { git_reference_free(symbolic) }
        guard let target = git_reference_symbolic_target(symbolic) else {
            throw GitError(
                repository: path, operation: "reading HEAD", message: "HEAD is neither a branch nor a commit")
        }
        let branch = String(cString: target)
        var resolved: OpaquePointer?
        let code = git_reference_lookup(&resolved, handle, branch)
        if code == GIT_ENOTFOUND.rawValue { return .unborn(branch: branch) }
        try check(code, path, "reading \(branch)")
        defer { git_reference_free(resolved) }
        var peeled: OpaquePointer?
        try check(git_reference_resolve(&peeled, resolved), path, "resolving \(branch)")
        defer { git_reference_free(peeled) }
        return .branch(branch, ObjectID(git_reference_target(peeled)!))
    }

    /// How many commits the current branch has that its upstream (`origin/main`) does not, and the
    /// upstream's name; nil when HEAD is not a branch with an upstream.
    public func unpushed() -> (commits: Int, upstream: String)? {
        var head: OpaquePointer?
        guard git_repository_head(&head, handle) == 0 else { return nil }
        defer { git_reference_free(head) }
        var upstream: OpaquePointer?
        guard git_reference_is_branch(head) == 1, git_branch_upstream(&upstream, head) == 0 else { return nil }
        defer { git_reference_free(upstream) }
        guard let local = git_reference_target(head), let remote = git_reference_target(upstream) else { return nil }
        var ahead = 0, behind = 0
        guard git_graph_ahead_behind(&ahead, &behind, handle, local, remote) == 0 else { return nil }
        return (ahead, String(cString: git_reference_shorthand(upstream)))
    }

    /// The commit a revision names (`HEAD`, `main`, `origin/main~3`, an id).
    public func resolve(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), path, "resolving '\(revision)'")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), path, "reading '\(revision)' as a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    // MARK: Contents

    /// The bytes of `path` in commit `id`, or nil when the commit has no such file.
    public func file(_ path: String, at id: ObjectID) throws -> [UInt8]? {
        try withCommit(id) { commit in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), self.path, "reading the tree of \(id.short)")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, self.path, "finding \(path) in \(id.short)")
            defer { git_tree_entry_free(entry) }
            var blob: OpaquePointer?
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            try check(
                git_blob_lookup(&blob, handle, git_tree_entry_id(entry)), self.path, "reading \(path) in \(id.short)")
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            let raw = git_blob_rawcontent(blob)!.assumingMemoryBound(to: UInt8.self)
            return Array(UnsafeBufferPointer(start: raw, count: size))
        }
    }

    /// The blob id the bytes would have (without writing them).
    public func blobID(of bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try bytes.withUnsafeBytes { raw in
            try check(git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB), path, "hashing a file")
        }
        return ObjectID(oid)
    }

    /// The blob id of `path` in commit `id`, or nil.
    public func blobID(of path: String, at id: ObjectID) throws -> ObjectID? {
        try withCommit(id) { commit in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), self.path, "reading the tree of \(id.short)")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, tree, path) == 0 else { return nil }
            defer { git_tree_entry_free(entry) }
            return ObjectID(git_tree_entry_id(entry)!)
        }
    }

    func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer?) throws -> T) throws -> T {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), path, "reading commit \(id.short)")
        defer { git_commit_free(commit) }
        return try body(commit)
    }

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
        try check(
            git_diff_tree_to_workdir_with_index(&diff, handle, peeled, &options), path,
            "comparing '\(revision)' with the working tree")
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i) else { continue }
            switch delta.pointee.status {
            case GIT_DELTA_ADDED, GIT_DELTA_MODIFIED, GIT_DELTA_UNTRACKED, GIT_DELTA_RENAMED, GIT_DELTA_COPIED,
                GIT_DELTA_TYPECHANGE:
                if let p = delta.pointee.new_file.path { paths.append(String(cString: p)) }
            default: break
            }
        }
        return paths.sorted()
    }
}

extension Repository {
    /// A string from the global and system git configuration (no repository needed).
    public static func defaultConfig(_ key: String) -> String? {
        _ = Library.initialised
        var config: OpaquePointer?
        guard git_config_open_default(&config) == 0 else { return nil }
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        guard git_config_snapshot(&snapshot, config) == 0 else { return nil }
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, snapshot, key) == 0, let value else { return nil }
        return String(cString: value)
    }
}
