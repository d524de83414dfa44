import Foundation
import Testing

/// Reproductions of the defects found by attacking Cascade (issue 11): each
/// failed before its fix.
@Suite("defects found by attacking cascade")
struct DefectTests {
    /// The sample organisation with `org.yaml` edited by `edit`.
    func sample(_ edit: (String) -> String = { $0 }) throws -> Workspace {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let org = try String(contentsOfFile: ws.path + "/org.yaml", encoding: .utf8)
        try ws.write("org.yaml", edit(org))
        return ws
    }

    @Test(arguments: [
        ("note_words: 200", "note_words: 99999999999999999999", "digest.note_words must be a whole number from 1 to 100000"),
        ("words_per_minute: 238", "words_per_minute: 1e400", "digest.words_per_minute must be a plain number from 50 to 1000"),
        ("words_per_minute: 238", "words_per_minute: 9.3e18", "digest.words_per_minute must be a plain number from 50 to 1000"),
        ("minutes: 5", "minutes: 1e30", "digest.minutes must be a plain number from 1 to 120"),
    ])
    func hugeNumbersInOrgYamlAreFindingsNotCrashes(_ find: String, _ replace: String, _ message: String) throws {
        let ws = try sample { $0.replacingOccurrences(of: find, with: replace) }
        let check = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(message) && check.stdout.contains("[org-field-range]"), "\(check.stdout)")
        let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(digest.status == 2, "\(digest.stderr)")
        #expect(digest.stderr.contains("org.yaml has 1 error; run `cascade check org.yaml`"), "\(digest.stderr)")
    }

    @Test func aHugeAmountIsAFindingAndNeverAFigure() throws {
        let ws = try sample()
        let path = "updates/2026-W47/ana-lima.md"
        let text = try String(contentsOfFile: ws.path + "/" + path, encoding: .utf8)
        let huge = text.replacingOccurrences(of: #"amount: \d+"#, with: "amount: 1" + String(repeating: "0", count: 400),
                                             options: .regularExpression)
        try ws.write(path, huge)
        let check = try CLI.run(["check", path], in: ws.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("is too large; an amount is a number from 0 to 1000000000000000"), "\(check.stdout)")
        let suggestion = try CLI.run(["check", path], in: ws.path)
        #expect(!suggestion.stderr.contains("Fatal"))
        try ws.write(path, text.replacingOccurrences(of: #"amount: \d+"#, with: "amount: 9999999999999999999999k",
                                                      options: .regularExpression))
        let k = try CLI.run(["check", path], in: ws.path)
        #expect(k.status == 1, "\(k.stderr)")
        #expect(k.stdout.contains("[amount-invalid]"))
        for format in ["md", "json", "html"] {
            let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47", "--format", format], in: ws.path)
            #expect(digest.status == 0, "\(digest.stderr)")
        }
    }

    /// A reporting cycle and a duplicated person: every command but `check` refuses the organisation.
    @Test(arguments: ["digest --for sofia-berg --week 2026-W47", "report losses", "status --for sofia-berg --week 2026-W47",
                      "new --author ana-lima --week 2026-W48 --no-edit", "schema", "submit updates/2026-W47/ana-lima.md"])
    func commandsRefuseAnOrgYamlWithErrors(_ command: String) throws {
        let repo = try GitWorkspace()
        let org = try repo.read("org.yaml")
        let broken = org.replacingOccurrences(of: "title: CRO }", with: "title: CRO, reports_to: sofia-berg }")
            .replacingOccurrences(of: "people:\n", with: "people:\n  - { id: ana-lima, name: Ana Again, reports_to: sofia-berg }\n")
        #expect(broken != org)
        try repo.write("org.yaml", broken)
        let check = try repo.cascade("check", "org.yaml")
        #expect(check.status == 1)
        let errors = check.stdout.components(separatedBy: ": error: ").count - 1
        #expect(errors >= 2, "\(check.stdout)")
        let result = try CLI.run(command.split(separator: " ").map(String.init), in: repo.path, environment: GitWorkspace.identity)
        #expect(result.status == 2, "\(command): \(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("org.yaml has \(errors) errors; run `cascade check org.yaml`"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(command) printed output from a broken organisation: \(result.stdout)")
    }

    @Test func warningsInOrgYamlDoNotStopACommand() throws {
        let ws = try sample { $0 + "admin: [dana-cho]\n" }
        let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(digest.status == 0, "\(digest.stderr)")
    }
}
