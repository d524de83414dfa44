import CascadeGit
import Foundation
import CascadeTestSupport
import Testing

@Suite("the libgit2 wrapper")
struct RepositoryTests {
    func temporary() -> String {
        temporaryPath("cascade-git")
    }

    let someone = Signature(name: "Ana Lima", email: "ana@northwind.example", time: 1_764_000_000, offsetMinutes: 60)

    @Test func aNewRepositoryIsUnbornOnMain() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repo = try Repository(creating: path)
        #expect(try repo.head() == .unborn(branch: "refs/heads/main"))
        #expect(repo.path == path)
        #expect(repo.gitDirectory == path + "/.git")
    }

    @Test func commitsOnlyTheGivenFilesAndKnowsWhenNothingChanged() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repo = try Repository(creating: path)
        try FileManager.default.createDirectory(atPath: path + "/updates/2026-W48", withIntermediateDirectories: true)
        let bytes = Array("hello\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/updates/2026-W48/ana-lima.md"))
        let first = try repo.commit([FileChange(path: "updates/2026-W48/ana-lima.md", bytes: bytes)], author: someone, committer: someone, message: "first\n")
        guard case .committed(let id) = first else { Issue.record("expected a commit"); return }
        #expect(try repo.head() == .branch("refs/heads/main", id))
        #expect(try repo.file("updates/2026-W48/ana-lima.md", at: id) == bytes)
        #expect(try repo.file("missing.md", at: id) == nil)
        #expect(try repo.blobID(of: "updates/2026-W48/ana-lima.md", at: id) == (try repo.blobID(of: bytes)))
        #expect(try repo.commit([FileChange(path: "updates/2026-W48/ana-lima.md", bytes: bytes)], author: someone, committer: someone, message: "again\n") == .unchanged)
        let refused = try repo.commit([FileChange(path: "other.md", bytes: [0x41])], author: someone, committer: someone, message: "no\n", gate: { false })
        #expect(refused == .refused)
        #expect(try repo.head() == .branch("refs/heads/main", id), "a refused commit changes nothing")
        var seen: [String] = []
        try repo.walk(from: id, paths: ["updates"]) { commit, changes in
            #expect(commit.author == someone)
            seen += changes.map(\.path)
        }
        #expect(seen == ["updates/2026-W48/ana-lima.md"])
    }

    @Test func errorsNameTheRepositoryAndWhatFailed() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repo = try Repository(creating: path)
        do {
            _ = try repo.resolve("no-such-branch")
            Issue.record("expected an error")
        } catch let error as GitError {
            #expect(error.description.hasPrefix(path + ": resolving 'no-such-branch' failed:"))
            #expect(error.isNotFound)
        }
        #expect(throws: GitError.self) { try Repository(discovering: "/") }
    }
}
