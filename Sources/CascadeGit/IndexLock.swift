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
        // The lock appears with its owner already written: a file naming us is
        // linked into place, which fails if the lock exists (as O_EXCL would).
        let mine = gitDirectory + "/index.lock.cascade-\(getpid())"
        guard FileManager.default.createFile(atPath: mine, contents: Data(IndexLock.owner.utf8)) else {
            throw GitError(repository: gitDirectory, operation: "locking the index", message: "cannot write in \(gitDirectory)")
        }
        defer { unlink(mine) }
        while true {
            if link(mine, path) == 0 {
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

    /// Removes a lock whose owner was a `cascade` process that no longer runs,
    /// or an empty one left for more than a few seconds (a killed writer).
    static func removeIfStale(_ path: String) -> Bool {
        if isAbandoned(path) { return unlink(path) == 0 }
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

    /// An empty lock file older than `age` seconds: its writer died before writing anything.
    static func isAbandoned(_ path: String, age: Double = 5) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size == 0 else { return false }
        return Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age
    }
}

extension Repository {
    /// A branch's `.lock` file left behind by a process killed while moving the
    /// branch (ref updates take microseconds, so one older than `age` seconds is stale).
    func removeStaleRefLock(_ branch: String, age: Double = 5) {
        let lock = gitDirectory + "/" + branch + ".lock"
        var info = stat()
        guard stat(lock, &info) == 0, Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age else { return }
        unlink(lock)
    }
}
