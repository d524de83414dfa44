import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade demo")
struct DemoCommandTests {
    @Test func theSameSeedGivesTheSameRepositoryByteForByte() throws {
        let parent = try Workspace()
        for name in ["a", "b"] {
            let result = try CLI.run(["demo", "--reps", "15", "--weeks", "4", "--seed", "5", "--today", "2026-11-25", "--out", name], in: parent.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try CLI.shell("git", ["rev-parse", "HEAD"], in: parent.path + "/a")
        #expect(a == (try CLI.shell("git", ["rev-parse", "HEAD"], in: parent.path + "/b")))
        let other = try CLI.run(["demo", "--reps", "15", "--weeks", "4", "--seed", "6", "--today", "2026-11-25", "--out", "c"], in: parent.path)
        #expect(other.status == 0)
        #expect(a != (try CLI.shell("git", ["rev-parse", "HEAD"], in: parent.path + "/c")))
    }

    @Test func everyUpdateIsCommittedByItsAuthorAndPassesCheck() throws {
        let parent = try Workspace()
        let demo = try CLI.run(["demo", "--reps", "30", "--weeks", "6", "--seed", "3", "--today", "2026-11-25", "--out", "org"], in: parent.path)
        #expect(demo.status == 0)
        let dir = parent.path + "/org"
        // It says how many update files it wrote: the files there are, not the commits that wrote them.
        let written = try CLI.shell("git", ["ls-files", "updates"], in: dir).split(separator: "\n").count
        #expect(demo.stdout.contains(", \(written) update files, "), "\(demo.stdout) vs \(written) files")
        _ = try CLI.shell("git", ["fsck", "--full", "--strict"], in: dir)
        #expect(try CLI.shell("git", ["status", "--porcelain"], in: dir) == "")
        let check = try CLI.run(["check", "--strict"], in: dir)
        #expect(check.status == 0, "\(check.stdout)")
        // One commit per update: the author's email is the file's person.
        let log = try CLI.shell("git", ["log", "--format=%ae", "--name-only", "-30"], in: dir)
        var blocks = 0
        var email: String?
        for line in log.split(separator: "\n").map(String.init) {
            if line.contains("@") { email = line; continue }
            guard let e = email, line.hasPrefix("updates/") else { continue }
            let person = (line as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            #expect(e == "\(person)@northwind.example")
            blocks += 1
            email = nil
        }
        #expect(blocks >= 10)
        let authors = try CLI.run(["check", "--authors", "HEAD~20"], in: dir)
        #expect(authors.status == 0, "\(authors.stdout)")
        // The history has something to say: risks, wins, losses.
        let digest = try CLI.run(["digest", "--all", "--week", "2026-W47", "--format", "json", "--out", parent.path + "/digests"], in: dir)
        #expect(digest.status == 0)
        let late = try CLI.run(["report", "flags", "--format", "json", "--today", "2026-11-25"], in: dir)
        #expect(late.status == 0)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let parent = try Workspace()
        try parent.write("taken/file.txt", "x")
        let result = try CLI.run(["demo", "--out", "taken"], in: parent.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not empty"))
    }
}
