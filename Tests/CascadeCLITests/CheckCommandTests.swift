import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade check", .serialized)
struct CheckCommandTests {
    @Test("text, json and github output match their golden files", arguments: ["text", "json", "github"])
    func goldenOutputs(_ format: String) throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check", "--format", format], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        try CLI.assertGolden(result.stdout, "check-broken.\(format == "json" ? "json" : format == "github" ? "github.txt" : "txt")")
    }

    @Test func theSampleOrganisationIsClean() throws {
        let result = try CLI.run(["check", "--strict", "--root", CLI.packageRoot.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings\n"))
    }

    @Test func jsonIsValidAndCountsMatch() throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check", "--format", "json"], in: repo.path)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let diagnostics = object["diagnostics"] as! [[String: Any]]
        #expect(object["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        #expect(object["warnings"] as? Int == diagnostics.filter { $0["severity"] as? String == "warning" }.count)
        #expect(object["files_checked"] as? Int == 5)
        for d in diagnostics { #expect(Set(d.keys) == ["file", "line", "column", "severity", "rule", "message"]) }
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        try repo.write("updates/2026-W47/ana-lima.md", try String(contentsOfFile: repo.path + "/updates/2026-W47/ana-lima.md", encoding: .utf8) + String(repeating: "more words ", count: 120) + "\n")
        let relaxed = try CLI.run(["check", "updates/2026-W47/ana-lima.md"], in: repo.path)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("[body-too-long]"))
        let strict = try CLI.run(["check", "--strict", "updates/2026-W47/ana-lima.md"], in: repo.path)
        #expect(strict.status == 1)
    }

    @Test func explicitPathsCompareWithTheirWeekAndEarlierUpdates() throws {
        let repo = try Workspace(copying: "broken")
        let ben = try CLI.run(["check", "updates/2026-W48/ben-okafor.md"], in: repo.path)
        #expect(ben.stdout.contains("updates/2026-W48/ben-okafor.md:5:9: error: deal 'NW-1042' is also listed in updates/2026-W48/ana-lima.md"))
        #expect(ben.stdout.hasSuffix("checked 1 file: 1 error, 0 warnings\n"))
        let ana = try CLI.run(["check", "updates/2026-W48/ana-lima.md"], in: repo.path)
        #expect(ana.stdout.contains("[deal-closed-relisted]"))
        #expect(!ana.stdout.contains("deal-id-duplicate-week"))
    }

    @Test func aFolderPathChecksItsFiles() throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check", "updates/2026-W47"], in: repo.path)
        #expect(result.status == 0)
        #expect(result.stdout == "checked 1 file: 0 errors, 0 warnings\n")
    }

    @Test func aMissingFileIsADiagnostic() throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check", "updates/2026-W48/nobody.md"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("updates/2026-W48/nobody.md:1:1: error: cannot read the file: no such file"))
    }

    @Test func noOrgYamlIsExitTwo() throws {
        let empty = try Workspace()
        let result = try CLI.run(["check"], in: empty.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a 15-5 repository; run `cascade init`"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnreadableOrgMeansSyntaxOnly() throws {
        let repo = try Workspace(copying: "broken")
        try repo.write("org.yaml", "people: [\n")
        let result = try CLI.run(["check"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("org.yaml:2:1: error: YAML syntax error"))
        #expect(result.stdout.contains("checked for syntax only"))
        #expect(!result.stdout.contains("stage-unknown"))
        #expect(result.stdout.contains("updates/2026-W48/raj-patel.md:5:1: error: a tab character"))
    }

    @Test func usageErrorsAreExitTwo() throws {
        let repo = try Workspace(copying: "broken")
        #expect(try CLI.run(["check", "--format", "xml"], in: repo.path).status == 2)
        #expect(try CLI.run(["check", "--bogus"], in: repo.path).status == 2)
        let explain = try CLI.run(["check", "--explain", "stage-unknwn"], in: repo.path)
        #expect(explain.status == 2)
        #expect(explain.stderr.contains("did you mean 'stage-unknown'?"))
    }

    @Test func explainShowsTheRuleAndItsExamples() throws {
        let result = try CLI.run(["check", "--explain", "amount-invalid"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("amount-invalid (error): Amount is not a plain number"))
        #expect(result.stdout.contains("amount: ↓120k"))
        #expect(result.stdout.contains("Does not trigger:"))
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        for command in [["check"], ["schema"], ["rules"], []] {
            let result = try CLI.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Examples:") || result.stdout.contains("EXAMPLES"), "\(command)")
        }
    }

    @Test func changedSinceChecksOnlyWhatChanged() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        try repo.git("init", "-q", "-b", "main")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "sample")
        var result = try CLI.run(["check", "--changed-since", "HEAD"], in: repo.path)
        #expect(result.stdout == "checked 0 files: 0 errors, 0 warnings\n")
        try repo.write("updates/2026-W47/ana-lima.md", try String(contentsOfFile: repo.path + "/updates/2026-W47/ana-lima.md", encoding: .utf8).replacingOccurrences(of: "stage: negotiate", with: "stage: negotiat"))
        try repo.write("updates/2026-W48/ana-lima.md", "---\nauthor: ana-lima\nweek: 2026-W48\n---\n")
        try repo.write("updates/2026-W46/omar-haddad.md.orig", "x")
        result = try CLI.run(["check", "--changed-since", "HEAD", "--format", "github"], in: repo.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=updates/2026-W47/ana-lima.md,line="))
        #expect(result.stdout.contains("title=stage-unknown::unknown stage 'negotiat'; did you mean 'negotiate'?"))
        #expect(result.stdout.contains("updates/2026-W46/omar-haddad.md.orig"))
        #expect(result.stdout.hasSuffix("checked 3 files: 3 errors, 0 warnings\n"), "\(result.stdout)")
        let bad = try CLI.run(["check", "--changed-since", "no-such-branch"], in: repo.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no-such-branch"))
    }

    @Test func changedSinceOutsideGitIsExitTwo() throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check", "--changed-since", "HEAD"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a git repository"))
    }

    @Test func colourOnlyWhenAskedByTheTerminal() throws {
        let repo = try Workspace(copying: "broken")
        let result = try CLI.run(["check"], in: repo.path, environment: ["NO_COLOR": ""])
        #expect(!result.stdout.contains("\u{1B}["), "a pipe is not a terminal: no colour")
    }
}

@Suite("rule documentation")
struct RuleDocumentationTests {
    @Test func docsRulesMdIsGeneratedFromTheRules() throws {
        let result = try CLI.run(["rules", "--markdown"])
        #expect(result.status == 0)
        try CLI.assertGolden(result.stdout, "../../../docs/rules.md")
    }

    @Test func rulesListsEveryRule() throws {
        let result = try CLI.run(["rules"])
        for id in ["stage-unknown", "yaml-anchor", "org-cycle", "deal-id-duplicate-week", "body-too-long"] {
            #expect(result.stdout.contains(id))
        }
    }
}

/// The man page and the shell completions: generated from the argument parser, kept current in docs/.
@Suite("man page and completions")
struct ManualAndCompletionTests {
    @Test func theManPageIsCurrentAndValidRoff() throws {
        let result = try CLI.run(["manual"])
        #expect(result.status == 0)
        try CLI.assertGolden(result.stdout, "../../../docs/cascade.1")
        for text in ["cascade digest", "--for", "Values: md, html, json.", "EXIT STATUS", "NO_COLOR", "--color"] {
            #expect(result.stdout.contains(text.replacingOccurrences(of: "-", with: "\\-")), "\(text)")
        }
        // groff reports every problem with -ww; a clean page prints no warning.
        let warnings = try CLI.shell(
            "sh", ["-c", "groff -man -Tutf8 -ww docs/cascade.1 2>&1 >/dev/null"], in: CLI.packageRoot.path)
        #expect(warnings.isEmpty, "\(warnings)")
        let rendered = try CLI.shell("sh", ["-c", "groff -man -Tutf8 -P-cbou docs/cascade.1"], in: CLI.packageRoot.path)
        #expect(rendered.contains("cascade report") && rendered.contains("EXIT STATUS"))
    }

    @Test(arguments: [("bash", "cascade.bash"), ("zsh", "_cascade"), ("fish", "cascade.fish")])
    func completionsAreCurrent(_ shell: String, _ file: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        try CLI.assertGolden(result.stdout, "../../../docs/completions/\(file)")
        let check: [String] =
            switch shell {
            case "bash": ["bash", "-n", "docs/completions/cascade.bash"]
            case "zsh": ["zsh", "-n", "docs/completions/_cascade"]
            default: ["fish", "--no-execute", "docs/completions/cascade.fish"]
            }
        try CLI.shell(check[0], Array(check.dropFirst()), in: CLI.packageRoot.path)
        for values in ["md", "html", "json", "table", "csv", "competitor", "segment", "pipeline"] {
            #expect(result.stdout.contains(values), "\(shell): \(values)")
        }
    }

    /// bash itself completes `--for an` to the people of the organisation the shell is in.
    @Test func bashCompletesIdsFromTheRepository() throws {
        let script = """
            source \(CLI.packageRoot.path)/docs/completions/cascade.bash
            complete() { COMPREPLY=(); COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; \
            COMP_POINT=${#COMP_LINE}; _cascade cascade "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; \
            printf '%s\\n' "${COMPREPLY[@]}"; echo --; }
            complete \(CLI.binary) digest --for an
            complete \(CLI.binary) report losses --for pro
            complete \(CLI.binary) new --author so
            complete \(CLI.binary) report losses --by ver
            """
        let out = try CLI.shell("bash", ["-c", script], in: CLI.packageRoot.path + "/updates")
        let answers = out.components(separatedBy: "--\n").map { $0.split(separator: "\n").map(String.init) }
        #expect(answers.count >= 4, "\(out)")
        #expect(answers[0] == ["ana-lima"], "\(out)")
        #expect(answers[1] == ["product"], "a function, for digest and report")
        #expect(answers[2] == ["sofia-berg"], "people only, for --author")
        #expect(answers[3] == ["vertical"])
    }
}
