import CascadeTestSupport
import Foundation
import Testing

/// Every output people and machines read (check in its three formats, every digest in
/// Markdown, HTML and JSON, every report as table, CSV and JSON, status), on the sample
/// and on two generated organisations, compared with what was recorded before the code
/// was reshaped (issue 12): the reshaping must not change a byte. The sample's outputs
/// are kept whole; the generated ones as a SHA-256 per output (CASCADE_RECORD=1 records).
@Suite("outputs stay byte for byte", .serialized)
struct OutputEquivalenceTests {
    static let today = "2026-11-25"

    /// Name -> bytes of every output of the repository at `dir` for `week`.
    func outputs(_ dir: String, week: String, leader: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        func run(_ name: String, _ args: [String]) throws {
            let result = try CLI.run(args, in: dir, environment: GitWorkspace.identity)
            out.append((name, "exit \(result.status)\n" + result.stdout))
        }
        for format in ["text", "json", "github"] { try run("check.\(format)", ["check", "--format", format]) }
        for format in ["md", "html", "json"] {
            let folder = "/tmp/cascade-equivalence-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try CLI.run(["digest", "--all", "--week", week, "--format", format, "--out", folder], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + week).sorted() {
                out.append(("digest-\(name)", try String(contentsOfFile: folder + "/" + week + "/" + name, encoding: .utf8)))
            }
        }
        for kind in ["losses", "wins", "gaps", "objections", "asks", "flags", "pipeline"] {
            for format in ["table", "csv", "json"] {
                try run("report-\(kind).\(format)", ["report", kind, "--format", format, "--today", Self.today])
            }
        }
        for by in ["competitor", "region", "segment", "author", "vertical", "persona", "source", "help"] {
            try run("report-losses-by-\(by).table", ["report", "losses", "--by", by, "--today", Self.today])
        }
        for format in ["text", "json"] { try run("status.\(format)", ["status", "--for", leader, "--week", week, "--format", format]) }
        return out
    }

    func sha256(_ text: String) throws -> String {
        let file = "/tmp/cascade-equivalence-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return String(try CLI.shell("sha256sum", [file], in: "/tmp").prefix(64))
    }

    @Test func theSample() throws {
        let repo = try GitWorkspace(commit: false)
        let date = "2026-11-20T10:00:00+01:00"  // a fixed time, so status says the same every day
        try repo.git("add", "-A")
        try repo.git(["commit", "-q", "-m", "sample"], environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        for (name, text) in try outputs(repo.path, week: "2026-W47", leader: "dana-cho") {
            try CLI.assertGolden(text, "equivalence/sample/\(name)")
        }
    }

    @Test(arguments: [(50, 52), (300, 26)])
    func aGeneratedOrganisation(_ reps: Int, _ weeks: Int) throws {
        let parent = try Workspace()
        let demo = try CLI.run(["demo", "--reps", "\(reps)", "--weeks", "\(weeks)", "--seed", "11", "--today", Self.today, "--out", "org"],
                               in: parent.path)
        #expect(demo.status == 0, "\(demo.stderr)")
        let dir = parent.path + "/org"
        let week = try FileManager.default.contentsOfDirectory(atPath: dir + "/updates").filter { $0.hasPrefix("20") }.sorted().last!
        let org = try String(contentsOfFile: dir + "/org.yaml", encoding: .utf8)
        let cro = org.split(separator: "\n").first { $0.contains("title: CRO") }
            .flatMap { $0.split(separator: ",").first?.split(separator: ":").last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        var manifest = ""
        for (name, text) in try outputs(dir, week: week, leader: cro) {
            manifest += "\(try sha256(text))  \(text.utf8.count)  \(name)\n"
        }
        try CLI.assertGolden(manifest, "equivalence/demo-\(reps)x\(weeks).sha256")
    }
}
