import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade submit")
struct SubmitCommandTests {
    @Test func commitsExactlyTheFileWithTheRightIdentities() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        // Other changes, staged and unstaged, must stay exactly as they were.
        try repo.write("notes.txt", "staged\n")
        try repo.git("add", "notes.txt")
        try repo.write("notes.txt", "staged then changed\n")
        try repo.write("updates/2026-W47/ana-lima.md", try repo.read("updates/2026-W47/ana-lima.md") + "Unstaged edit.\n")
        try repo.write("scratch.md", "untracked\n")
        let before = try repo.git("status", "--porcelain")
        let result = try repo.cascade("submit", "updates/2026-W48/ana-lima.md")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("update(2026-W48): ana-lima, 1 open, 0 won, 0 lost"))
        let after = try repo.git("status", "--porcelain")
        #expect(after == before.replacingOccurrences(of: "?? updates/2026-W48/\n", with: ""), "before:\n\(before)\nafter:\n\(after)")
        let log = try repo.git("log", "-1", "--format=%an|%ae|%cn|%ce|%B")
        #expect(log == "Ana Lima|ana@northwind.example|Sam Committer|sam@northwind.example|update(2026-W48): ana-lima, 1 open, 0 won, 0 lost\n\n")
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "updates/2026-W48/ana-lima.md\n")
        #expect(try repo.git("show", "HEAD:updates/2026-W48/ana-lima.md") == GitWorkspace.update("ana-lima", "2026-W48"))
        #expect(try repo.git("diff", "--cached", "--name-only") == "notes.txt\n")
        try repo.fsck()
    }

    @Test func anUpdateNotWrittenYetSaysToRunNew() throws {
        let repo = try GitWorkspace()
        let byDefault = try repo.cascade("submit", "--author", "ana-lima", "--week", "2026-W48")
        #expect(byDefault.status == 1)
        #expect(byDefault.stderr.contains(
            "there is no update for 2026-W48 yet (updates/2026-W48/ana-lima.md); write it with "
                + "`cascade new --author ana-lima --week 2026-W48`, then `cascade submit`"), "\(byDefault.stderr)")
        #expect(!byDefault.stdout.contains("file-unreadable") && !byDefault.stderr.contains("file-unreadable"))
        let named = try repo.cascade("submit", "updates/2026-W49/ben-carter.md")
        #expect(named.status == 1 && named.stderr.contains("`cascade new --author ben-carter --week 2026-W49`"), "\(named.stderr)")
    }

    @Test func aCommitNotPushedSaysHowToPublishIt() throws {
        let repo = try GitWorkspace()
        let remote = temporaryPath("cascade-remote")
        defer { try? FileManager.default.removeItem(atPath: remote) }
        try CLI.shell("git", ["init", "-q", "--bare", remote], in: repo.path)
        try repo.git("remote", "add", "origin", remote)
        try repo.git("push", "-q", "-u", "origin", "HEAD")
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let first = try repo.cascade("submit", "updates/2026-W48/ana-lima.md")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 commit on this branch not pushed to origin/main yet: `git push` publishes it"),
                "\(first.stdout)")
        try repo.write("updates/2026-W48/ben-carter.md", GitWorkspace.update("ben-carter", "2026-W48", deal: "NW-2"))
        let second = try repo.cascade("submit", "updates/2026-W48/ben-carter.md")
        #expect(second.stdout.contains("2 commits on this branch not pushed to origin/main yet: `git push` publishes them"))
        try repo.git("push", "-q")
        try repo.write("updates/2026-W48/ben-carter.md", GitWorkspace.update("ben-carter", "2026-W48", deal: "NW-3"))
        let third = try repo.cascade("submit", "updates/2026-W48/ben-carter.md")
        #expect(third.stdout.contains("1 commit on this branch not pushed"), "counted from the upstream: \(third.stdout)")
        // Without an upstream nothing is said.
        let local = try GitWorkspace()
        try local.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        #expect(!(try local.cascade("submit", "updates/2026-W48/ana-lima.md")).stdout.contains("not pushed"))
    }

    @Test func anUnchangedFileIsNothingToSubmit() throws {
        let repo = try GitWorkspace()
        let result = try repo.cascade("submit", "updates/2026-W47/ana-lima.md")
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing to submit"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
    }

    @Test func anInvalidUpdateCommitsNothing() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48", stage: "proposal"))
        try repo.write("updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-9002"))
        let result = try repo.cascade("submit", "updates/2026-W48/ana-lima.md", "updates/2026-W48/lukas-meyer.md")
        #expect(result.status == 1)
        #expect(result.stdout.contains("updates/2026-W48/ana-lima.md:7:12: error: unknown stage 'proposal'; did you mean 'propose'? [stage-unknown]"))
        #expect(result.stderr.contains("nothing committed"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
        #expect(try repo.git("status", "--porcelain").contains("?? updates/2026-W48/"))
    }

    @Test func filesOfSeveralAuthorsMakeOneCommitEachInPathOrder() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-9002"))
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let result = try repo.cascade("submit", "updates/2026-W48/lukas-meyer.md", "updates/2026-W48/ana-lima.md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("log", "-2", "--format=%an %s") == "Lukas Meyer update(2026-W48): lukas-meyer, 1 open, 0 won, 0 lost\nAna Lima update(2026-W48): ana-lima, 1 open, 0 won, 0 lost\n")
        try repo.fsck()
    }

    @Test func theDefaultIsYourUpdateForThisWeek() throws {
        let repo = try GitWorkspace()
        try repo.git("config", "user.email", "claire@northwind.example")
        try repo.write("updates/2026-W48/claire-dubois.md", GitWorkspace.update("claire-dubois", "2026-W48"))
        let result = try repo.cascade("submit", "--today", "2026-11-26")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("log", "-1", "--format=%an|%cn") == "Claire Dubois|Sam Committer\n")
    }

    @Test func theFirstCommitOfARepository() throws {
        let repo = try GitWorkspace(commit: false)
        let result = try repo.cascade("submit", "updates/2026-W47/ana-lima.md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "updates/2026-W47/ana-lima.md\n")
        #expect(try repo.git("status", "--porcelain").contains("?? org.yaml"))
        try repo.fsck()
    }

    @Test func aDetachedHeadIsRefused() throws {
        let repo = try GitWorkspace()
        try repo.git("checkout", "-q", "--detach")
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let result = try repo.cascade("submit", "updates/2026-W48/ana-lima.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("HEAD is detached"))
        #expect(result.stderr.contains("check out a branch"))
    }

    @Test func withoutAnIdentityTheCommitterIsTheAuthor() throws {
        let repo = try GitWorkspace()
        try repo.git("config", "--unset", "user.name")
        try repo.git("config", "--unset", "user.email")
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        let result = try repo.cascade("submit", "updates/2026-W48/ana-lima.md", environment: ["HOME": repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the committer is the author, Ana Lima <ana@northwind.example>"))
        #expect(try repo.git(["log", "-1", "--format=%an|%cn|%ce"], environment: ["GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@x"]) == "Ana Lima|Ana Lima|ana@northwind.example\n")
    }

    @Test func gitReadsWhatWeWroteAndALaterCLICommitKeepsOurFile() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        #expect(try repo.cascade("submit", "updates/2026-W48/ana-lima.md").status == 0)
        try repo.write("other.txt", "x\n")
        try repo.git("add", "other.txt")
        try repo.git("commit", "-q", "-m", "other")
        #expect(try repo.git("ls-tree", "-r", "--name-only", "HEAD").contains("updates/2026-W48/ana-lima.md"))
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.fsck()
    }

    @Test(.timeLimit(.minutes(2)))
    func eightSubmitsAtOnceAllLand() throws {
        let repo = try GitWorkspace()
        let people = ["ana-lima", "lukas-meyer", "claire-dubois", "omar-haddad", "jake-miller", "aisha-khan", "ben-carter", "emma-ross"]
        for (i, person) in people.enumerated() {
            try repo.write("updates/2026-W48/\(person).md", GitWorkspace.update(person, "2026-W48", deal: "NW-95\(i)"))
        }
        var processes: [Process] = []
        for person in people {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["submit", "updates/2026-W48/\(person).md"]
            p.currentDirectoryURL = URL(fileURLWithPath: repo.path)
            p.environment = ProcessInfo.processInfo.environment.merging(GitWorkspace.identity) { $1 }
            p.standardOutput = FileHandle.nullDevice
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try repo.git("rev-list", "--count", "HEAD") == "9\n")
        let files = try repo.git("ls-tree", "-r", "--name-only", "HEAD", "updates/2026-W48/")
        #expect(files.split(separator: "\n").count == 8)
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.fsck()
    }

    @Test(.timeLimit(.minutes(3)))
    func aSubmitKilledAtRandomNeverDamagesTheRepository() throws {
        let repo = try GitWorkspace()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let person = ["ana-lima", "lukas-meyer", "claire-dubois"][round % 3]
            let path = "updates/2026-W48/\(person).md"
            let text = GitWorkspace.update(person, "2026-W48", deal: "NW-9\(round % 3)", close: "2027-01-\(10 + round % 18)")
            try repo.write(path, text)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["submit", path]
            p.currentDirectoryURL = URL(fileURLWithPath: repo.path)
            p.environment = ProcessInfo.processInfo.environment.merging(GitWorkspace.identity) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...100_000, using: &generator))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(try repo.read(path) == text, "the update file was damaged in round \(round)")
            try repo.fsck()
        }
        let final = try repo.cascade("submit", "updates/2026-W48/ana-lima.md", "updates/2026-W48/lukas-meyer.md", "updates/2026-W48/claire-dubois.md")
        #expect(final.status == 0, "\(final.stdout)\(final.stderr)")
        for person in ["ana-lima", "lukas-meyer", "claire-dubois"] {
            #expect(try repo.git("show", "HEAD:updates/2026-W48/\(person).md") == (try repo.read("updates/2026-W48/\(person).md")))
        }
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.fsck()
    }
}

@Suite("submit and the index")
struct SubmitIndexTests {
    @Test("every index version git writes stays readable", arguments: ["2", "3", "4"])
    func indexVersions(_ version: String) throws {
        let repo = try GitWorkspace()
        try repo.git("update-index", "--index-version", version)
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        try repo.write("updates/2026-W47/ana-lima.md", try repo.read("updates/2026-W47/ana-lima.md") + "Edited.\n")
        #expect(try repo.cascade("submit", "updates/2026-W48/ana-lima.md", "updates/2026-W47/ana-lima.md").status == 0)
        #expect(try repo.git("status", "--porcelain") == "")
        let staged = try repo.git("ls-files", "--stage", "updates/2026-W48/ana-lima.md")
        let blob = try repo.git("rev-parse", "HEAD:updates/2026-W48/ana-lima.md").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(staged.contains(blob))
        // The git CLI can go on from here.
        try repo.write("notes.txt", "x\n")
        try repo.git("add", "notes.txt")
        try repo.git("commit", "-q", "-m", "more")
        #expect(try repo.git("ls-tree", "-r", "--name-only", "HEAD").contains("updates/2026-W48/ana-lima.md"))
        try repo.fsck()
    }

    @Test func aConflictedIndexIsLeftToLibgit2() throws {
        let repo = try GitWorkspace()
        // Record a fake conflict on another path: stage 1 entry.
        let blob = try repo.git("rev-parse", "HEAD:org.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        try CLI.shell("sh", ["-c", "printf '100644 \(blob) 1\\tconflict.txt\\n' | git update-index --index-info"], in: repo.path)
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        #expect(try repo.cascade("submit", "updates/2026-W48/ana-lima.md").status == 0)
        #expect(try repo.git("ls-files", "--stage").contains("1\tconflict.txt"), "other entries are kept as they were")
    }
}
