import CascadeTestSupport
import Foundation
import Testing

/// What a new team, a new rep and a first-time reader stumbled on (issue 13): each test fails
/// on the code before its fix.
@Suite("the first day")
struct FirstDayTests {
    func sample(_ edit: (String) -> String = { $0 }) throws -> Workspace { try Workspace.sample(editingOrg: edit) }

    @Test func aTypoInAnOrgKeyIsAnErrorWithDidYouMean() throws {
        let ws = try sample {
            $0.replacingOccurrences(of: "title: Account Executive, reports_to: sofia-berg", with: "title: Account Executive, reports-to: sofia-berg")
        }
        let check = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("error: unknown field 'reports-to'"), "\(check.stdout)")
        #expect(check.stdout.contains("did you mean 'reports_to'?"), "\(check.stdout)")
    }

    @Test func aGoalNoUpdateReachesIsAWarningThatNamesItsMonths() throws {
        let ws = try sample {
            $0.replacingOccurrences(of: "fiscal_year_start_month: 1", with: "fiscal_year_start_month: 2")
        }
        let org = try String(contentsOfFile: ws.path + "/org.yaml", encoding: .utf8)
        try #require(org.contains("fiscal_year_start_month: 2"), "the sample sets fiscal_year_start_month")
        let check = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(check.status == 0, "a warning: \(check.stdout)")
        #expect(check.stdout.contains("warning: no week with updates falls in 2026-Q4: 2026-Q4 runs from November 2025 to January 2026"),
                "\(check.stdout)")
        // The digest of November 2026 is in 2027-Q4 and says which quarters have goals.
        let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(digest.stdout.contains("**Pace:** $662k booked in 2027-Q4, 3 of 13 weeks gone (23%); no goal for 2027-Q4 in org.yaml (goals are set for 2026-Q4)."),
                "\(digest.stdout)")
    }

    @Test func aWeekBeforeTheHistoryIsAUsageError() throws {
        let ws = try sample()
        let result = try CLI.run(["digest", "--for", "dana-cho", "--week", "2025-W10"], in: ws.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no update in or before 2025-W10: the history holds 2026-W34 to 2026-W47"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let empty = try Workspace()
        try empty.write("org.yaml", "people:\n  - { id: dana-cho, name: Dana Cho }\n")
        let none = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: empty.path)
        #expect(none.status == 2 && none.stderr.contains("there are no updates yet"), "\(none.stderr)")
    }

    @Test func aFunctionLeadWithoutATeamGetsTheFunctionsDigest() throws {
        let ws = try sample()
        let lee = try CLI.run(["digest", "--for", "lee-wong", "--week", "2026-W47"], in: ws.path)
        let product = try CLI.run(["digest", "--for", "product", "--week", "2026-W47"], in: ws.path)
        #expect(lee.status == 0)
        #expect(lee.stdout.hasPrefix("# Product: asks for help, 2026-W47"), "\(lee.stdout)")
        #expect(lee.stdout.contains("Lee Wong leads Product and no sales team, so this is Product's digest"))
        #expect(lee.stdout.replacingOccurrences(of: " · Lee Wong leads Product and no sales team, so this is Product's digest", with: "")
                == product.stdout)
    }

    @Test func countsAgreeWithTheirNouns() throws {
        let ws = try sample()
        let one = try CLI.run(["check", "updates/2026-W47/ana-lima.md"], in: ws.path)
        #expect(one.stdout.hasSuffix("checked 1 file: 0 errors, 0 warnings\n"), "\(one.stdout)")
        let marketing = try CLI.run(["digest", "--for", "marketing", "--week", "2026-W47"], in: ws.path)
        #expect(marketing.stdout.contains("1 deal worth $160k asks Marketing for help this week."), "\(marketing.stdout)")
    }

    @Test func aLeadersOwnNoteIsNotShownBackToThem() throws {
        let ws = try sample()
        let raj = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47"], in: ws.path)
        #expect(!raj.stdout.contains("Your note"))
        #expect(!raj.stdout.contains("the largest EMEA deal this year"), "Raj's own note")
        let dana = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(dana.stdout.contains("the largest EMEA deal this year"), "Raj's note goes up to Dana")
        // Notes are cut where a sentence ends.
        for line in dana.stdout.split(separator: "\n") where line.hasSuffix(" …") {
            let before = line.dropLast(2)
            #expect(before.hasSuffix(".") || before.hasSuffix("!") || before.hasSuffix("?"), "cut mid-sentence: \(line)")
        }
    }
}

/// The terminal: cursor control only on a real terminal, colour as `--color` and NO_COLOR say.
@Suite("the terminal")
struct TerminalTests {
    func inTerminal(_ command: String, _ environment: [String: String]) throws -> String {
        try CLI.shell("script", ["-qec", command + "; true", "/dev/null"], in: CLI.packageRoot.path, environment: environment)
    }

    /// An SGR sequence (colour, bold), not the cursor control of a progress line.
    func coloured(_ text: String) -> Bool { text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil }

    @Test func progressUsesCursorControlOnlyOnARealTerminal() throws {
        let digest = "\(CLI.binary) digest --for dana-cho --week 2026-W47 --root \(CLI.packageRoot.path)"
        let xterm = try inTerminal(digest, ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(xterm.contains("\u{1B}[K"), "a terminal shows progress")
        let dumb = try inTerminal(digest, ["TERM": "dumb", "NO_COLOR": "1"])
        #expect(!dumb.contains("\u{1B}["), "TERM=dumb: no cursor control at all")
        let piped = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47", "--root", CLI.packageRoot.path])
        #expect(!piped.stderr.contains("\u{1B}[") && !piped.stdout.contains("\u{1B}["))
    }

    @Test func colorFollowsTheOptionThenNoColorThenTheTerminal() throws {
        let ws = try Workspace(copying: "broken")
        func run(_ extra: [String], _ env: [String: String] = [:]) throws -> String {
            try CLI.run(["check"] + extra, in: ws.path, environment: env).stdout
        }
        #expect(coloured(try run(["--color", "always"])), "always, even into a pipe")
        #expect(coloured(try run(["--color", "always"], ["NO_COLOR": "1"])), "an explicit option wins")
        #expect(!coloured(try run([])), "auto: a pipe gets none")
        let command = "\(CLI.binary) check --root \(ws.path)"
        #expect(coloured(try inTerminal(command, ["TERM": "xterm", "NO_COLOR": ""])), "auto on a terminal")
        #expect(!coloured(try inTerminal(command, ["TERM": "xterm", "NO_COLOR": "1"])), "NO_COLOR")
        #expect(!coloured(try inTerminal(command + " --color never", ["TERM": "xterm", "NO_COLOR": ""])))
        #expect(!coloured(try inTerminal(command, ["TERM": "dumb", "NO_COLOR": ""])))
        for sub in ["check", "new", "submit", "status", "digest", "report", "init", "schema", "rules", "demo"] {
            let help = try CLI.run([sub, "--help"])
            #expect(help.stdout.contains("--color <when>"), "\(sub) has --color")
        }
    }
}
