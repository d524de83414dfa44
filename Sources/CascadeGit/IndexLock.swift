import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.git/index.lock`, taken with O_EXCL as git itself does, so no git
/// process can rewrite the index while we update it. The lock file names its
/// owner, so one left by a killed `cascade` is recognised and removed.
final class IndexLock {
    let path: String
    private var held = false

    static let owner = "cascade \(getpid())\n"

    /// Takes the lock, retrying with a random back-off until `timeout`.
    init(gitDirectory: String, timeout: Double = 30) throws {
        path = gitDirectory + "/index.lock"
        let deadline = Date().addingTimeInterval(timeout)
        var delay = 0.002
        while true {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
            if fd >= 0 {
                _ = IndexLock.owner.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                held = true
                return
            }
            guard errno == EEXIST else {
                throw GitError(repository: gitDirectory, operation: "locking the index", message: String(cString: strerror(errno)))
            }
            if IndexLock.removeIfStale(path) { continue }
            if Date() > deadline {
                throw GitError(repository: gitDirectory, operation: "locking the index",
                               message: "\(path) is held by another git process; wait for it to finish, or delete the file if no git process is running")
            }
            usleep(useconds_t(delay * Double.random(in: 0.5...1.5) * 1_000_000))
            delay = min(delay * 2, 0.1)
        }
    }

    /// Removes a lock whose owner was a `cascade` process that no longer runs.
    static func removeIfStale(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("cascade "),
              let pid = Int32(text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)) else { return false }
        if pid == getpid() { return false }
        if kill(pid, 0) == 0 || errno == EPERM { return false }
        return unlink(path) == 0
    }

    func release() {
        guard held else { return }
        unlink(path)
        held = false
    }

    deinit { release() }
}
