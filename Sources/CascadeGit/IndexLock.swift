import Foundation
import CascadePlatform

/// `.git/index.lock`, taken with O_EXCL as git itself does, so no git
/// process can rewrite the index while we update it.
///
/// A lock is removed only when it provably belongs to a dead process: the
/// lock Cascade writes names its owner (`cascade <pid> <host>`), and one whose
/// process no longer runs on this host is stale. git's own lock is empty while
/// git works (`git update-index --index-info` holds it for as long as its input
/// stays open), so an empty or foreign lock is never removed, however old:
/// we wait, then say which process to look for and how to clear it by hand.
final class IndexLock {
    let path: String
    private var held = false

    static var host: String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        return String(cString: name)
    }

    static let owner = "cascade \(getpid()) \(host)\n"

    /// How long to wait for a lock someone else holds: `CASCADE_LOCK_TIMEOUT` seconds, else `fallback`.
    static func timeout(_ fallback: Double) -> Double {
        ProcessInfo.processInfo.environment["CASCADE_LOCK_TIMEOUT"].flatMap(Double.init).map { max(0, min($0, 3600)) }
            ?? fallback
    }

    /// Takes the lock, retrying with a random back-off until `timeout`.
    init(gitDirectory: String, timeout: Double = IndexLock.timeout(30)) throws {
        path = gitDirectory + "/index.lock"
        let deadline = Date().addingTimeInterval(timeout)
        var delay = 0.002
        // The lock appears with its owner already written: a file naming us is
        // linked into place, which fails if the lock exists (as O_EXCL would).
        let mine = gitDirectory + "/index.lock.cascade-\(getpid())"
        guard FileManager.default.createFile(atPath: mine, contents: Data(IndexLock.owner.utf8)) else {
            throw GitError(
                repository: gitDirectory, operation: "locking the index", message: "cannot write in \(gitDirectory)")
        }
        defer { unlink(mine) }
        while true {
            if link(mine, path) == 0 {
                held = true
                return
            }
            guard errno == EEXIST else {
                throw GitError(
                    repository: gitDirectory, operation: "locking the index", message: String(cString: strerror(errno)))
            }
            if IndexLock.removeIfStale(path) { continue }
            if Date() > deadline { throw IndexLock.heldError(path, gitDirectory: gitDirectory, waited: timeout) }
            usleep(useconds_t(delay * Double.random(in: 0.5...1.5) * 1_000_000))
            delay = min(delay * 2, 0.1)
        }
    }

    /// What to tell the user when the lock stayed held: who holds it, if we know, and how to clear it.
    static func heldError(_ path: String, gitDirectory: String, waited: Double) -> GitError {
        let waitedText = "waited \(Int(waited.rounded())) s"
        let message: String
        if let (pid, host) = cascadeOwner(path) {
            message =
                "\(path) is held by cascade process \(pid) on \(host) (\(waitedText)); let it finish, "
                + "or if `ps -p \(pid)` shows it is not running there, remove the lock with `rm \(path)`"
        } else {
            message =
                "\(path) is held by another git process (\(waitedText)); let it finish (look for it with "
                + "`ps -ef | grep git`), and only if no git process is running, remove the stale lock with `rm \(path)`"
        }
        return GitError(repository: gitDirectory, operation: "locking the index", message: message)
    }

    /// The pid and host named by a lock that Cascade wrote; nil for any other lock.
    static func cascadeOwner(_ path: String, firstLineOnly: Bool = false) -> (pid: Int32, host: String)? {
        guard case .success(let bytes) = readSmall(path), var text = String(bytes: bytes, encoding: .utf8),
            text.hasPrefix("cascade "), text.hasSuffix("\n")
        else { return nil }
        if firstLineOnly, let end = text.firstIndex(of: "\n") { text = String(text[...end]) }
        let fields = text.dropLast().split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 3, let pid = Int32(fields[1]), pid > 0, !fields[2].isEmpty else { return nil }
        return (pid, String(fields[2]))
    }

    /// Removes a lock written by a `cascade` process on this host that no longer
    /// runs. Any other lock (git's, which is empty; another host's) is left alone.
    static func removeIfStale(_ path: String) -> Bool {
        guard let (pid, host) = cascadeOwner(path), host == IndexLock.host, pid != getpid() else { return false }
        if kill(pid, 0) == 0 || errno != ESRCH { return false }
        return unlink(path) == 0
    }

    private static func readSmall(_ path: String) -> Result<[UInt8], Error> {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(CocoaError(.fileNoSuchFile)) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 512)) ?? nil
        return .success([UInt8](data ?? Data()))
    }

    func release() {
        guard held else { return }
        unlink(path)
        held = false
    }

    deinit { release() }
}
