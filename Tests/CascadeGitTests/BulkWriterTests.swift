@testable import CascadeGit
@testable import CascadeGitPack
import Foundation
import CascadeTestSupport
import Testing

/// The packfile `cascade demo` writes, read back by the git CLI: every object
/// valid, deltas resolving to the right trees, chains bounded, the index and
/// working tree in agreement.
@Suite("the pack writer behind cascade demo")
struct BulkWriterTests {
    func temporary() -> String {
        temporaryPath("cascade-pack")
    }

    func git(_ path: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { Issue.record("git \(arguments.joined(separator: " ")) failed: \(problems)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `folders` weeks of `people` one-file commits, some of them
    /// rewriting an earlier week's file, into a new repository.
    func writeHistory(at path: String, folders: Int, people: Int) throws -> [String: String] {
        let repo = try Repository(creating: path)
        let writer = try BulkWriter(repo)
        var files: [String: String] = [:]
        func put(_ folder: String?, _ name: String, _ text: String, time: Int64, offset: Int) throws {
            let relative = folder.map { "updates/\($0)/\(name)" } ?? name
            try FileManager.default.createDirectory(atPath: (path + "/" + relative as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path + "/" + relative, atomically: false, encoding: .utf8)
            files[relative] = text
            let who = Signature(name: "Person \(name)", email: "\(name)@example.com", time: time, offsetMinutes: offset)
            try writer.commit(folder: folder, name: name, bytes: Array(text.utf8), author: who, committer: who, message: "write \(relative)\n")
        }
        try put(nil, "org.yaml", "company: Test\n", time: 1_700_000_000, offset: 0)
        var time: Int64 = 1_700_000_100
        for week in 0..<folders {
            let folder = "2026-W\(10 + week)"
            for person in (0..<people).reversed() {  // not in name order: entries go in the middle of the tree
                time += 60
                try put(folder, "p\(person).md", "week \(week) person \(person)\n", time: time, offset: person % 2 == 0 ? -300 : 330)
            }
            if week > 0 { try put("2026-W\(10 + week - 1)", "p0.md", "rewritten in week \(week)\n", time: time + 1, offset: 0) }
        }
        try put(nil, "org.yaml", "company: Test\nrenamed: yes\n", time: time + 10, offset: 60)
        try writer.finish()
        #expect(writer.commits == 2 + folders * people + folders - 1)
        return files
    }

    @Test func gitReadsEveryObjectAndTheLatestTreeMatchesTheFiles() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let files = try writeHistory(at: path, folders: 3, people: 120)  // 360 versions of a folder: chains must be cut at 50
        _ = try git(path, "fsck", "--full", "--strict", "--no-dangling")
        #expect(try git(path, "status", "--porcelain") == "", "the index matches the working tree")
        #expect(try git(path, "rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == "\(2 + 3 * 120 + 2)")
        for (relative, text) in files { #expect(try git(path, "show", "HEAD:\(relative)") == text) }
        // An early version of a folder: the file added 10th, and only 10 files.
        let early = try git(path, "ls-tree", "--name-only", "HEAD~\(3 * 120 + 3 - 10)", "updates/2026-W10/")
        #expect(early.split(separator: "\n").count == 10)
        // Chains of deltas stay within git's default depth.
        let pack = try FileManager.default.contentsOfDirectory(atPath: path + "/.git/objects/pack").first { $0.hasSuffix(".idx") }!
        let verify = try git(path, "verify-pack", "-v", ".git/objects/pack/" + pack)
        let depths = verify.split(separator: "\n").compactMap { line -> Int? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count >= 7 && parts[1] == "tree" ? Int(parts[5]) : nil
        }
        #expect(depths.max() == PackWriter.maxDepth, "trees are stored as deltas, and chains are cut")
        #expect(verify.contains("chain length = 1:"))
    }

    @Test func authorsTimesAndZonesAreKept() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try writeHistory(at: path, folders: 1, people: 3)
        let log = try git(path, "log", "--format=%an|%ae|%ad|%s", "--date=iso-strict")
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.first == "Person org.yaml|org.yaml@example.com|2023-11-14T23:18:10+01:00|write org.yaml")
        #expect(lines.last == "Person org.yaml|org.yaml@example.com|2023-11-14T22:13:20+00:00|write org.yaml")
        #expect(lines.contains("Person p1.md|p1.md@example.com|2023-11-15T03:47:00+05:30|write updates/2026-W10/p1.md"))
        #expect(lines.contains("Person p0.md|p0.md@example.com|2023-11-14T17:18:00-05:00|write updates/2026-W10/p0.md"))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = temporary(), b = temporary()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        _ = try writeHistory(at: a, folders: 2, people: 10)
        _ = try writeHistory(at: b, folders: 2, people: 10)
        let packs = try [a, b].map { p in try FileManager.default.contentsOfDirectory(atPath: p + "/.git/objects/pack").sorted() }
        #expect(packs[0] == packs[1], "the pack's name is its checksum")
        #expect(try git(a, "rev-parse", "HEAD") == (try git(b, "rev-parse", "HEAD")))
    }

    @Test func namesGitCannotStoreAreRefused() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try BulkWriter(try Repository(creating: path))
        let who = Signature(name: "A", email: "a@example.com", time: 0, offsetMinutes: 0)
        for name in ["", "..", "a/b", ".git"] {
            #expect(throws: GitError.self) { try writer.commit(folder: nil, name: name, bytes: [1], author: who, committer: who, message: "x\n") }
        }
        #expect(throws: GitError.self) { try writer.commit(folder: nil, name: "updates", bytes: [1], author: who, committer: who, message: "x\n") }
        let bad = Signature(name: "A <b>", email: "a@example.com", time: 0, offsetMinutes: 0)
        #expect(throws: GitError.self) { try writer.commit(folder: nil, name: "x", bytes: [1], author: bad, committer: bad, message: "x\n") }
    }

    @Test func aWriterThatNeverFinishesLeavesNoPack() throws {
        let path = temporary()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repo = try Repository(creating: path)
        do {
            let writer = try BulkWriter(repo)
            let who = Signature(name: "A", email: "a@example.com", time: 0, offsetMinutes: 0)
            try writer.commit(folder: "2026-W10", name: "a.md", bytes: [1], author: who, committer: who, message: "x\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: path + "/.git/objects/pack").count == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: path + "/.git/objects/pack").isEmpty)
        #expect(try repo.head() == .unborn(branch: "refs/heads/main"))
    }

    @Test func aDeltaRebuildsTheTarget() {
        let base = Array("0123456789abcdefghij".utf8)
        let delta = Delta.splice(baseCount: base.count, at: 5, removed: 3, inserted: Array("XYZW".utf8))
        #expect(Self.apply(delta, to: base) == Array("01234XYZW89abcdefghij".utf8))
        let big = [UInt8](repeating: 7, count: 0x1_0000 + 3)
        let append = Delta.splice(baseCount: big.count, at: big.count, removed: 0, inserted: [1, 2])
        #expect(Self.apply(append, to: big) == big + [1, 2])
        let long = [UInt8](repeating: 9, count: 300)
        #expect(Self.apply(Delta.splice(baseCount: 0, at: 0, removed: 0, inserted: long), to: []) == long)
    }

    /// Git's patch-delta, for the test.
    static func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var i = 0
        func varint() -> Int { var v = 0, shift = 0; while true { let b = delta[i]; i += 1; v |= Int(b & 0x7F) << shift; shift += 7; if b & 0x80 == 0 { return v } } }
        guard varint() == base.count else { return nil }
        let size = varint()
        var out: [UInt8] = []
        while i < delta.count {
            let op = delta[i]; i += 1
            if op & 0x80 != 0 {
                var offset = 0, count = 0
                for k in 0..<4 where op & (1 << k) != 0 { offset |= Int(delta[i]) << (8 * k); i += 1 }
                for k in 0..<3 where op & (0x10 << k) != 0 { count |= Int(delta[i]) << (8 * k); i += 1 }
                if count == 0 { count = 0x10000 }
                out += base[offset..<(offset + count)]
            } else {
                out += delta[i..<(i + Int(op))]; i += Int(op)
            }
        }
        return out.count == size ? out : nil
    }
}
