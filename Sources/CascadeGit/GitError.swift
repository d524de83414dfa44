import CGit2

/// A libgit2 failure: which repository, which call, and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public var repository: String
    public var operation: String
    public var code: Int32
    public var message: String

    public var description: String { "\(repository): \(operation) failed: \(message)" }

    /// True when another process holds a lock (index or ref): worth a retry.
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    /// True when HEAD moved under us: rebuild and retry.
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    @_spi(Pack) public init(_ repository: String, _ operation: String, _ code: Int32) {
        self.repository = repository
        self.operation = operation
        self.code = code
        if let e = git_error_last(), let m = e.pointee.message {
            message = String(cString: m)
        } else {
            message = "error \(code)"
        }
    }

    public init(repository: String, operation: String, code: Int32 = -1, message: String) {
        self.repository = repository
        self.operation = operation
        self.code = code
        self.message = message
    }
}

/// libgit2 is initialised once per process.
enum Library {
    static let initialised: Bool = {
        git_libgit2_init()
        _ = cascade_cache_trees_up_to(4 << 20)
        return true
    }()
}

@inline(__always)
@_spi(Pack) public func check(_ code: Int32, _ repository: String, _ operation: String) throws {
    if code < 0 { throw GitError(repository, operation, code) }
}
