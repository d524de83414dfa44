import CascadeTestSupport
import Foundation
import Testing

/// `.git/index.lock` held by a live git process is never taken from it.
@Suite("the index lock", .serialized)
struct IndexLockTests {
    /// Starts `git update-index --index-info`, which holds an empty index.lock for as long as its input is open.
    func startGit(_ repo: GitWorkspace) throws -> (Process, Pipe) {
        try startGit(repo, ["update-index", "--index-info"], holding: "index.lock")
    }

    /// Starts git with its input held open, and waits until it holds `lock` (under .git).
    func startGit(_ repo: GitWorkspace, _ arguments: [String], holding lock: String, input text: String = "") throws -> (Process, Pipe) {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git"] + arguments
        git.currentDirectoryURL = URL(fileURLWithPath: repo.path)
        git.environment = ProcessInfo.processInfo.environment.merging(GitWorkspace.identity) { $1 }
        let input = Pipe()
        git.standardInput = input
        git.standardOutput = FileHandle.nullDevice
        git.standardError = FileHandle.nullDevice
        try git.run()
        if !text.isEmpty { input.fileHandleForWriting.write(Data(text.utf8)) }
        let path = repo.path + "/.git/" + lock
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: path), Date() < deadline { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: path), "git did not take \(lock)")
        return (git, input)
    }

    func startSubmit(_ repo: GitWorkspace, timeout: String) throws -> (Process, Pipe) {
        let submit = Process()
        submit.executableURL = URL(fileURLWithPath: CLI.binary)
        submit.arguments = ["submit", "updates/2026-W48/ana-lima.md"]
        submit.currentDirectoryURL = URL(fileURLWithPath: repo.path)
        submit.environment = ProcessInfo.processInfo.environment.merging(GitWorkspace.identity) { $1 }
            .merging(["CASCADE_LOCK_TIMEOUT": timeout, "NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        submit.standardOutput = out
        submit.standardError = out
        submit.standardInput = FileHandle.nullDevice
        try submit.run()
        return (submit, out)
    }

    @Test func aSubmitWaitsForGitsEmptyLockHoweverOld() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        try repo.write("extra.txt", "from git\n")
        let blob = try repo.git("hash-object", "-w", "extra.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let (git, input) = try startGit(repo)
        let (submit, out) = try startSubmit(repo, timeout: "60")
        // Older than the five seconds after which an empty lock used to be taken.
        sleep(7)
        #expect(submit.isRunning, "submit did not wait for git's lock")
        input.fileHandleForWriting.write(Data("100644 \(blob)\textra.txt\n".utf8))
        try input.fileHandleForWriting.close()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0, "git lost its index lock")
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        submit.waitUntilExit()
        #expect(submit.terminationStatus == 0, "\(text)")
        let staged = try repo.git("ls-files", "--stage", "extra.txt", "updates/2026-W48/ana-lima.md")
        #expect(staged.contains("\(blob) 0\textra.txt"), "git's entry is gone: \(staged)")
        #expect(staged.contains("updates/2026-W48/ana-lima.md"))
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "updates/2026-W48/ana-lima.md\n")
        try repo.fsck()
    }

    @Test func aLockThatStaysHeldIsExplainedAndLeftInPlace() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let (git, input) = try startGit(repo)
        let (submit, out) = try startSubmit(repo, timeout: "1")
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        submit.waitUntilExit()
        #expect(submit.terminationStatus == 2, "\(text)")
        #expect(text.contains("index.lock is held by another git process"), "\(text)")
        #expect(text.contains("ps -ef | grep git") && text.contains("rm "), "\(text)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/index.lock"))
        try input.fileHandleForWriting.close()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
    }

    @Test func aLockLeftByADeadCascadeIsRemovedAndALiveOnesIsNot() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let realHost = try CLI.shell("hostname", [], in: repo.path).trimmingCharacters(in: .whitespacesAndNewlines)
        let lock = repo.path + "/.git/index.lock"
        // A live process (this test) named as the owner: never removed.
        try "cascade \(getpid()) \(realHost)\n".write(toFile: lock, atomically: false, encoding: .utf8)
        let refused = try repo.cascade("submit", "updates/2026-W48/ana-lima.md", environment: ["CASCADE_LOCK_TIMEOUT": "1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("held by cascade process \(getpid())"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: lock))
        // A pid that no longer runs: the lock is stale and cleared.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try "cascade \(dead.processIdentifier) \(realHost)\n".write(toFile: lock, atomically: false, encoding: .utf8)
        let result = try repo.cascade("submit", "updates/2026-W48/ana-lima.md", environment: ["CASCADE_LOCK_TIMEOUT": "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock))
        try repo.fsck()
    }

    /// `git update-ref --stdin` holds the branch's lock between `prepare` and `commit`.
    @Test func aBranchLockHeldByGitIsWaitedForNotTaken() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        try repo.git("commit", "-q", "--allow-empty", "-m", "git's own commit")
        let gitsCommit = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        let (git, input) = try startGit(repo, ["update-ref", "--stdin"], holding: "refs/heads/main.lock",
                                        input: "start\nupdate refs/heads/main \(gitsCommit)\nprepare\n")
        let (submit, out) = try startSubmit(repo, timeout: "60")
        sleep(6)
        #expect(submit.isRunning, "submit did not wait for git's branch lock")
        input.fileHandleForWriting.write(Data("commit\n".utf8))
        try input.fileHandleForWriting.close()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0, "git lost its branch lock")
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        submit.waitUntilExit()
        #expect(submit.terminationStatus == 0, "\(text)")
        #expect(try repo.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines) == gitsCommit)
        #expect(try repo.git("reflog", "-1", "--format=%gs").hasPrefix("commit: update(2026-W48): ana-lima"))
        try repo.fsck()
    }
}
