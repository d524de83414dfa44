import CGit2
import Foundation
import CascadePlatform

extension Repository {
    /// Where branches and their logs live (the main git directory, also for a linked worktree).
    var commonDirectory: String {
        guard let dir = git_repository_commondir(handle) else { return gitDirectory }
        var path = String(cString: dir)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Moves `branch` from `old` (nil: it must not exist yet) to `new`, as git
    /// does: `<ref>.lock` holds the new id, the reflog gets its line, and the
    /// lock is renamed over the ref. The lock appears with its content already
    /// written (a file linked into place), and a marker in `.git/cascade` names
    /// the process and the id it carries, so a lock left by a killed `cascade`
    /// is provably ours and can be cleared. Any other lock is git's: waited for
    /// (GIT_ELOCKED makes `commit` retry), never removed.
    func moveBranch(
        _ branch: String, from old: ObjectID?, to new: ObjectID, committer: Signature, message: String
    ) throws {
        let common = commonDirectory
        let refPath = common + "/" + branch
        let lockPath = refPath + ".lock"
        let markerPath = common + "/cascade/ref-move-\(getpid())"
        try ensureFolder((refPath as NSString).deletingLastPathComponent)
        try ensureFolder(common + "/cascade")
        try writeFile(markerPath, "\(IndexLock.owner)\(branch) \(new.hex)\n")
        defer { unlink(markerPath) }
        let temp = (refPath as NSString).deletingLastPathComponent + "/.cascade-ref-\(getpid()).tmp"
        try writeFile(temp, new.hex + "\n")
        defer { unlink(temp) }
        if link(temp, lockPath) != 0 {
            guard errno == EEXIST else {
                throw GitError(
                    repository: path, operation: "locking \(branch)", message: String(cString: strerror(errno)))
            }
            if !Repository.removeStaleRefLock(lockPath, branch: branch, in: common) || link(temp, lockPath) != 0 {
                throw GitError(
                    repository: path, operation: "moving \(branch)", code: GIT_ELOCKED.rawValue,
                    message:
                        "\(lockPath) is held by another git process; let it finish (look for it with `ps -ef | grep "
                            + "git`), "
                        + "and only if no git process is running, remove the stale lock with `rm \(lockPath)`")
            }
        }
        var moved = false
        defer { if !moved { unlink(lockPath) } }
        guard try branchTarget(branch) == old else {
            throw GitError(
                repository: path, operation: "moving \(branch)", code: GIT_EMODIFIED.rawValue,
                message: "\(branch) moved meanwhile")
        }
        // HEAD points at the branch: both logs get the line, as git writes them.
        appendReflog(common + "/logs/" + branch, old: old, new: new, committer: committer, message: message)
        appendReflog(gitDirectory + "/logs/HEAD", old: old, new: new, committer: committer, message: message)
        guard rename(lockPath, refPath) == 0 else {
            throw GitError(repository: path, operation: "moving \(branch)", message: String(cString: strerror(errno)))
        }
        moved = true
    }

    /// What `branch` points at now, read from disk (loose or packed); nil when it does not exist.
    private func branchTarget(_ branch: String) throws -> ObjectID? {
        var ref: OpaquePointer?
        let code = git_reference_lookup(&ref, handle, branch)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, path, "reading \(branch)")
        defer { git_reference_free(ref) }
        guard let target = git_reference_target(ref) else { return nil }
        return ObjectID(target)
    }

    private func appendReflog(_ log: String, old: ObjectID?, new: ObjectID, committer: Signature, message: String) {
        guard (try? ensureFolder((log as NSString).deletingLastPathComponent)) != nil else { return }
        let offset = committer.offsetMinutes
        let zone = String(format: "%@%02d%02d", offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
        let clean = { (s: String) in
            s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "").replacingOccurrences(
                of: ">", with: "")
        }
        let line =
            "\(old?.hex ?? String(repeating: "0", count: 40)) \(new.hex) \(clean(committer.name)) "
                + "<\(clean(committer.email))> "
            + "\(committer.time) \(zone)\t\(message.replacingOccurrences(of: "\n", with: " "))\n"
        let fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.utf8CString.withUnsafeBufferPointer { Platform.write(fd, $0.baseAddress!, $0.count - 1) }
    }

    /// Removes `lockPath` when a marker of a `cascade` process that no longer runs on this
    /// host names this branch and the very id the lock holds: the lock is that process's.
    static func removeStaleRefLock(_ lockPath: String, branch: String, in common: String) -> Bool {
        guard let content = try? String(contentsOfFile: lockPath, encoding: .utf8), content.utf8.count == 41 else {
            return false
        }
        let folder = common + "/cascade"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix("ref-move-") {
            let marker = folder + "/" + name
            guard let (pid, host) = IndexLock.cascadeOwner(marker, firstLineOnly: true), host == IndexLock.host,
                pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH,
                let text = try? String(contentsOfFile: marker, encoding: .utf8)
            else { continue }
            let lines = text.split(separator: "\n")
            guard lines.count == 2, lines[1] == "\(branch) \(content.dropLast())" else { continue }
            unlink(marker)
            return unlink(lockPath) == 0
        }
        return false
    }

    private func ensureFolder(_ dir: String) throws {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw GitError(repository: path, operation: "creating \(dir)", message: "cannot create the folder")
        }
    }

    private func writeFile(_ file: String, _ text: String) throws {
        unlink(file)
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
            throw GitError(
                repository: path, operation: "writing \(file)",
                message: "cannot write in \((file as NSString).deletingLastPathComponent)")
        }
    }
}
