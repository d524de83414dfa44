import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade new")
struct NewCommandTests {
    @Test func carriesOpenDealsForwardAndDropsClosedOnes() throws {
        let repo = try GitWorkspace()
        try repo.git("config", "user.email", "sofia@northwind.example")
        // Banque Orsay (NW-1146) was lost in claire-dubois's 2026-W47 update; four deals stay open.
        let result = try repo.cascade("new", "--author", "claire-dubois", "--week", "2026-W48", "--no-edit")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "created updates/2026-W48/claire-dubois.md (3 open deals carried from 2026-W47)\n")
        let text = try repo.read("updates/2026-W48/claire-dubois.md")
        #expect(text.hasPrefix("---\nauthor: claire-dubois\nweek: 2026-W48\ndeals:\n  - id: "))
        #expect(!text.contains("NW-1146"))
        #expect(!text.contains("NW-1140"), "won deals are dropped")
        #expect(text.contains("NW-1152"))
        let check = try repo.cascade("check", "updates/2026-W48/claire-dubois.md")
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func carriesEveryField() throws {
        let repo = try GitWorkspace()
        #expect(try repo.cascade("new", "--author", "ana-lima", "--week", "2026-W48", "--no-edit").status == 0)
        let text = try repo.read("updates/2026-W48/ana-lima.md")
        for line in ["    next: Procurement wants a 3-year ramp; pricing call with the CFO on Nov 18", "    gaps: [PROD-311]",
                     "    objections: [integration, security-review]", "      - to: dana-cho", "    persona: CFO"] {
            #expect(text.contains(line + "\n"), "missing \(line)")
        }
    }

    /// x- keys at any level, every field in the order it was written.
    @Test func carriesExtensionKeysInTheirOrder() throws {
        let repo = try GitWorkspace()
        let deal = """
          - account: "Acme: Corp"
            x-crm-id: 0061234
            id: NW-7001
            stage: propose
            x-meta:
              owner-since: 2026-01-04
              tags: [a, "b, c"]
            amount: 120000.50
            close: 2027-01-15
            next: Call them
            asks:
              - to: product
                x-ticket: SUP-9
                ask: A roadmap date
            x-empty: []
        """
        try repo.write("updates/2026-W48/ana-lima.md", "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n\(deal)\n---\nNote.\n")
        #expect(try repo.cascade("check", "updates/2026-W48/ana-lima.md").status == 0)
        let result = try repo.cascade("new", "--author", "ana-lima", "--week", "2026-W49", "--no-edit")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try repo.read("updates/2026-W49/ana-lima.md")
        #expect(text.contains(deal + "\n"), "every key as written, in its order: \(text)")
        let check = try repo.cascade("check", "updates/2026-W49/ana-lima.md")
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func authorFromGitEmailAndWeekFromToday() throws {
        let repo = try GitWorkspace()
        try repo.git("config", "user.email", "ana@northwind.example")
        let result = try repo.cascade("new", "--today", "2026-12-02", "--no-edit")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("created updates/2026-W49/ana-lima.md"))
    }

    @Test func neverOverwrites() throws {
        let repo = try GitWorkspace()
        let before = try repo.read("updates/2026-W47/ana-lima.md")
        let result = try repo.cascade("new", "--author", "ana-lima", "--week", "2026-W47", "--no-edit")
        #expect(result.status == 1)
        #expect(result.stderr.contains("already exists"))
        #expect(try repo.read("updates/2026-W47/ana-lima.md") == before)
    }

    @Test func usesTheRepositoryTemplate() throws {
        let repo = try GitWorkspace()
        try repo.write("templates/update.md", "---\nauthor: {{author}}\nweek: {{week}}\ndeals:\n{{{deals}}}---\nHi {{name}}, last week was {{previous_week}}.\n")
        #expect(try repo.cascade("new", "--author", "ana-lima", "--week", "2026-W48", "--no-edit").status == 0)
        #expect(try repo.read("updates/2026-W48/ana-lima.md").hasSuffix("---\nHi Ana Lima, last week was 2026-W47.\n"))
    }

    @Test func unknownPersonAndMissingIdentityAreUsageErrors() throws {
        let repo = try GitWorkspace()
        let unknown = try repo.cascade("new", "--author", "ana-lim", "--no-edit")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'ana-lima'?"))
        try repo.git("config", "user.email", "stranger@example.com")
        let stranger = try repo.cascade("new", "--no-edit")
        #expect(stranger.status == 2)
        #expect(stranger.stderr.contains("stranger@example.com"))
    }

    @Test func theEditorOpensInATerminalAndTheChecksRun() throws {
        let repo = try GitWorkspace()
        // script(1) gives the command a terminal; the "editor" appends a bad stage.
        try repo.write("editor.sh", "#!/bin/sh\nsed -i 's/stage: negotiate/stage: negotiat/' \"$1\"\n")
        try repo.git("update-index", "--add", "editor.sh")
        chmod(repo.path + "/editor.sh", 0o755)
        let command = "\(CLI.binary) new --author ana-lima --week 2026-W48"
        let out = try CLI.shell("script", ["-qec", command, "/dev/null"], in: repo.path, environment: ["EDITOR": repo.path + "/editor.sh", "NO_COLOR": "1"])
        #expect(out.contains("unknown stage 'negotiat'; did you mean 'negotiate'?"), "\(out)")
    }

    @Test func anExistingUpdateIsOpenedAgainInATerminal() throws {
        let repo = try GitWorkspace()
        try repo.write("editor.sh", "#!/bin/sh\nsed -i 's/stage: negotiate/stage: negotiat/' \"$1\"\n")
        chmod(repo.path + "/editor.sh", 0o755)
        let before = try repo.read("updates/2026-W47/ana-lima.md")
        let command = "\(CLI.binary) new --author ana-lima --week 2026-W47"
        let out = try CLI.shell("script", ["-qec", command, "/dev/null"], in: repo.path, environment: ["EDITOR": repo.path + "/editor.sh", "NO_COLOR": "1"])
        #expect(out.contains("updates/2026-W47/ana-lima.md already exists: opening it"), "\(out)")
        #expect(out.contains("unknown stage 'negotiat'; did you mean 'negotiate'?"), "the findings follow the edit: \(out)")
        #expect(try repo.read("updates/2026-W47/ana-lima.md") == before.replacingOccurrences(of: "stage: negotiate", with: "stage: negotiat"))
        // Scripts, and --no-edit, are still refused (exit 1) and nothing is opened.
        let refused = try CLI.shell("script", ["-qec", command + " --no-edit; echo status=$?", "/dev/null"], in: repo.path, environment: ["EDITOR": "false"])
        #expect(refused.contains("already exists; edit it") && refused.contains("status=1"), "\(refused)")
    }

    @Test func aFirstUpdateExplainsEveryFieldInComments() throws {
        let repo = try GitWorkspace()
        let result = try repo.cascade("new", "--author", "claire-dubois", "--week", "2026-W33", "--no-edit")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try repo.read("updates/2026-W33/claire-dubois.md")
        try CLI.assertGolden(text, "new-first-update.md")
        // The file as written checks clean, and so does the example once its '# ' are deleted.
        #expect(try repo.cascade("check", "updates/2026-W33/claire-dubois.md").status == 0)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasPrefix("#  ") || line.hasPrefix("#    ") ? line.dropFirst(2) : line
        }
        try repo.write("updates/2026-W33/claire-dubois.md", lines.joined(separator: "\n"))
        let check = try repo.cascade("check", "updates/2026-W33/claire-dubois.md")
        #expect(check.status == 0, "the example deal is a valid deal: \(check.stdout)")
        #expect(!check.stdout.contains(": warning:"), "\(check.stdout)")
    }

    @Test func carriedDealsStayClean() throws {
        let repo = try GitWorkspace()
        #expect(try repo.cascade("new", "--author", "ana-lima", "--week", "2026-W48", "--no-edit").status == 0)
        #expect(!(try repo.read("updates/2026-W48/ana-lima.md")).contains("#"))
    }
}

@Suite("cascade status")
struct StatusCommandTests {
    /// Commits `path` with the git CLI at a committer date such as "2026-11-27T23:30:00+01:00".
    func commit(_ repo: GitWorkspace, _ path: String, _ text: String, at date: String) throws {
        try repo.write(path, text)
        try repo.git(["add", path])
        try repo.git(["commit", "-q", "-m", "update"], environment: ["GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date])
    }

    @Test func aRepSeesTheirOwnWeekAndTheirQuarter() throws {
        let repo = try GitWorkspace(sample: true, commit: false)
        try repo.git("add", "org.yaml")
        try repo.git(["commit", "-q", "-m", "org"], environment: ["GIT_COMMITTER_DATE": "2026-09-28T09:00:00+00:00"])
        // Ana: W40 on time, W41 late (Saturday), W42 missing, W43 on time; nothing yet for W44.
        try commit(repo, "updates/2026-W40/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W40"), at: "2026-10-02T17:00:00+02:00")
        try commit(repo, "updates/2026-W41/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W41"), at: "2026-10-10T10:00:00+02:00")
        try commit(repo, "updates/2026-W43/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W43"), at: "2026-10-23T09:00:00+02:00")
        let pending = try repo.cascade("status", "--for", "ana-lima", "--week", "2026-W44")
        #expect(pending.status == 0, "\(pending.stderr)")
        try CLI.assertGolden(pending.stdout, "status-rep.txt")
        #expect(!pending.stdout.contains("0 of 0"))
        let json = try repo.cascade("status", "--for", "ana-lima", "--week", "2026-W43", "--format", "json")
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(doc["submitted"] as? Bool == true && doc["late"] as? Bool == false)
        #expect(doc["weeks"] as? Int == 4 && doc["weeks_submitted"] as? Int == 3 && doc["weeks_on_time"] as? Int == 2)
        #expect((doc["record"] as? [[String: Any]])?.map { $0["week"] as! String } == ["2026-W40", "2026-W41", "2026-W42", "2026-W43"])
    }

    @Test func submittedMissingLateAndRewritten() throws {
        let repo = try GitWorkspace()
        // Friday of 2026-W48 is 2026-11-27.
        try commit(repo, "updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"), at: "2026-11-27T23:59:59+01:00")
        try commit(repo, "updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-2"), at: "2026-11-28T00:00:01+01:00")
        // 23:30 in New York is Saturday in UTC, but the committer's own zone decides: on time.
        try commit(repo, "updates/2026-W48/claire-dubois.md", GitWorkspace.update("claire-dubois", "2026-W48", deal: "NW-3"), at: "2026-11-27T23:30:00-05:00")
        // A correction in the following week is not a rewrite; one 8 days after the week ended is.
        try commit(repo, "updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48", deal: "NW-4"), at: "2026-12-03T10:00:00+01:00")
        try commit(repo, "updates/2026-W48/claire-dubois.md", GitWorkspace.update("claire-dubois", "2026-W48", deal: "NW-5"), at: "2026-12-08T10:00:00+01:00")
        let result = try repo.cascade("status", "--for", "sofia-berg", "--week", "2026-W48", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["submitted"] as? [String] == ["ana-lima", "lukas-meyer", "claire-dubois"])
        #expect(json["missing"] as? [String] == ["omar-haddad"])
        #expect(json["late"] as? [String] == ["lukas-meyer"])
        #expect(json["rewritten"] as? [String] == ["claire-dubois"])
        #expect(json["people"] as? Int == 4)
        let text = try repo.cascade("status", "--for", "sofia-berg", "--week", "2026-W48")
        try CLI.assertGolden(text.stdout, "status-sofia-w48.txt")
    }

    @Test func onlyCommittedFilesCountAndTheLeaderIsLeftOut() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"))
        try repo.git("config", "user.email", "raj@northwind.example")
        let result = try repo.cascade("status", "--week", "2026-W47", "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["for"] as? String == "raj-patel")
        #expect(json["people"] as? Int == 5)
        #expect((json["missing"] as? [String])?.isEmpty == true)
        let w48 = try repo.cascade("status", "--week", "2026-W48", "--format", "json")
        let j48 = try JSONSerialization.jsonObject(with: Data(w48.stdout.utf8)) as! [String: Any]
        #expect((j48["submitted"] as? [String])?.isEmpty == true, "an uncommitted file does not count")
    }
}

@Suite("cascade check --authors")
struct AuthorsCheckTests {
    func commit(_ repo: GitWorkspace, _ path: String, _ text: String, as author: String) throws {
        try repo.write(path, text)
        try repo.git(["add", path])
        try repo.git(["commit", "-q", "-m", "change \(path)"], environment: ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "\(author)@northwind.example"])
    }

    @Test func eachCommitIsJudgedByItsParentsOrg() throws {
        let repo = try GitWorkspace()
        try repo.git("tag", "base")
        try commit(repo, "updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"), as: "ana")
        try commit(repo, "updates/2026-W48/kim-nguyen.md", GitWorkspace.update("kim-nguyen", "2026-W48", deal: "NW-2"), as: "zoe")  // a delegate
        try commit(repo, "updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-3"), as: "ana")
        // Ana makes herself an admin: judged by the parent's org.yaml, where she is not.
        let org = try repo.read("org.yaml").replacingOccurrences(of: "admins: [dana-cho]", with: "admins: [dana-cho, ana-lima]")
        try commit(repo, "org.yaml", org, as: "ana")
        try commit(repo, "org.yaml", org + "# comment\n", as: "ana")
        try commit(repo, "org.yaml", org + "# by dana\n", as: "dana")
        let result = try repo.cascade("check", "--authors", "base")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(lines[1].hasPrefix("org.yaml:1:1: error: commit "))
        #expect(lines[1].contains("changes org.yaml but its author ana <ana@northwind.example> is not an admin"))
        #expect(lines[0].hasPrefix("updates/2026-W48/lukas-meyer.md:1:1: error: commit "))
        #expect(lines[0].contains("changes lukas-meyer's update; only lukas-meyer (lukas@northwind.example) may write it [commit-author]"))
        #expect(lines[2] == "checked 6 commits: 2 errors, 0 warnings")
        let github = try repo.cascade("check", "--authors", "base", "--format", "github")
        #expect(github.stdout.contains("::error file=updates/2026-W48/lukas-meyer.md,line=1,col=1,title=commit-author::commit "))
        let json = try repo.cascade("check", "--authors", "base", "--format", "json")
        #expect(json.stdout.contains("\"rule\": \"commit-author\""))
    }

    /// An admin merging a branch with a rep's own commit is not writing the rep's update; an evil merge is.
    @Test func aMergeIsJudgedByTheCommitsItBringsIn() throws {
        let repo = try GitWorkspace()
        try repo.git("tag", "base")
        try repo.git("checkout", "-q", "-b", "ana")
        try commit(repo, "updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48"), as: "ana")
        try repo.git("checkout", "-q", "main")
        try commit(repo, "updates/2026-W48/dana-cho.md", "---\nauthor: dana-cho\nweek: 2026-W48\n---\nNote.\n", as: "dana")
        let dana = ["GIT_AUTHOR_NAME": "dana", "GIT_AUTHOR_EMAIL": "dana@northwind.example"]
        try repo.git(["merge", "-q", "--no-ff", "-m", "Merge ana", "ana"], environment: dana)
        let clean = try repo.cascade("check", "--authors", "base")
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout == "checked 3 commits: 0 errors, 0 warnings\n")
        // A merge that changes a file beyond what either side had: judged like any commit.
        try repo.git("checkout", "-q", "-b", "lukas", "base")
        try commit(repo, "updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-3"), as: "lukas")
        try repo.git("checkout", "-q", "main")
        try repo.git(["merge", "-q", "--no-ff", "--no-commit", "lukas"], environment: dana)
        try repo.write("updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-4"))
        try repo.git("add", "updates/2026-W48/lukas-meyer.md")
        try repo.git(["commit", "-q", "-m", "Merge lukas, edited"], environment: dana)
        let evil = try repo.cascade("check", "--authors", "base")
        #expect(evil.status == 1)
        #expect(evil.stdout.contains("updates/2026-W48/lukas-meyer.md:1:1: error: commit ") && evil.stdout.contains("by dana <dana@northwind.example> changes lukas-meyer's update"), "\(evil.stdout)")
        #expect(evil.stdout.components(separatedBy: "[commit-author]").count == 2, "\(evil.stdout)")
    }

    @Test func commitAuthorIsARuleWithDocs() throws {
        let explain = try CLI.run(["check", "--explain", "commit-author"])
        #expect(explain.status == 0 && explain.stdout.contains("commit-author (error)"), "\(explain.stderr)")
        #expect(try CLI.run(["rules"]).stdout.contains("commit-author"))
        #expect(try String(contentsOfFile: CLI.packageRoot.path + "/docs/rules.md", encoding: .utf8).contains("## commit-author"))
    }

    @Test func aCleanRangeAndABadRevision() throws {
        let repo = try GitWorkspace()
        let clean = try repo.cascade("check", "--authors", "HEAD")
        #expect(clean.status == 0)
        #expect(clean.stdout == "checked 0 commits: 0 errors, 0 warnings\n")
        let bad = try repo.cascade("check", "--authors", "nope")
        #expect(bad.status == 2)
    }
}

@Suite("cascade init and hooks")
struct InitCommandTests {
    @Test func initMakesARepositoryThatRealClientsAccept() throws {
        let parent = try Workspace()
        let result = try CLI.run(["init", "team", "--company", "Acme: Sales"], in: parent.path, environment: GitWorkspace.identity)
        #expect(result.status == 0, "\(result.stderr)")
        let dir = parent.path + "/team"
        for file in ["org.yaml", "templates/update.md", "updates/.gitkeep", ".github/workflows/cascade.yml", ".gitignore", ".git/hooks/pre-commit"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        #expect(try CLI.shell("git", ["log", "--format=%s"], in: dir) == "Start the 15-5 repository with cascade init\n")
        #expect(try CLI.shell("git", ["status", "--porcelain"], in: dir) == "")
        _ = try CLI.shell("git", ["fsck", "--full", "--strict"], in: dir)
        #expect(try CLI.run(["check"], in: dir).status == 0)
        #expect(try CLI.shell("actionlint", ["-version"], in: dir).contains("1.17.0"), "the Makefile's pinned actionlint")
        _ = try CLI.shell("actionlint", [".github/workflows/cascade.yml"], in: dir)
        let workflow = try String(contentsOfFile: dir + "/.github/workflows/cascade.yml", encoding: .utf8)
        #expect(workflow.contains("cascade check --changed-since") && workflow.contains("--format github") && workflow.contains("cascade check --authors"))
        #expect(workflow.contains("  push:\n    branches: [main]"), "pushes to the default branch are checked too")
        #expect(workflow.contains("actions/checkout@v6") && workflow.contains("actions/cache@v5"), "current majors (Node 24)")
        #expect(workflow.contains("key: cascade-${{ env.CASCADE_VERSION }}-") && workflow.contains("CASCADE_VERSION: 0.1.0"))
        #expect(workflow.contains("if: steps.cascade.outputs.cache-hit != 'true'"), "a cached build is not built again")
        let again = try CLI.run(["init", "team"], in: parent.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds an org.yaml"))
    }

    @Test func thePreCommitHookRefusesABadUpdate() throws {
        let parent = try Workspace()
        #expect(try CLI.run(["init", "team"], in: parent.path, environment: GitWorkspace.identity).status == 0)
        let dir = parent.path + "/team"
        try FileManager.default.createDirectory(atPath: dir + "/updates/2026-W48", withIntermediateDirectories: true)
        try "---\nauthor: first-rep\nweek: 2026-W48\ndeals:\n  - { id: A-1, account: X, stage: proposal, amount: 5, close: 2027-01-01, next: y }\n---\n"
            .write(toFile: dir + "/updates/2026-W48/first-rep.md", atomically: true, encoding: .utf8)
        _ = try CLI.shell("git", ["add", "updates"], in: dir)
        let (status, text) = try commitWithHook(dir)
        #expect(status != 0)
        #expect(text.contains("updates/2026-W48/first-rep.md:5:35: error: unknown stage 'proposal'"), "\(text)")
        #expect(try CLI.shell("git", ["rev-list", "--count", "HEAD"], in: dir) == "1\n")
    }

    /// Runs `git commit` with the hook and the built cascade on PATH.
    func commitWithHook(_ dir: String) throws -> (status: Int32, text: String) {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["commit", "-q", "-m", "an update"]
        git.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (CLI.binary as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "")
        env["NO_COLOR"] = "1"
        git.environment = env
        let out = Pipe()
        git.standardOutput = out
        git.standardError = out
        try git.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        return (git.terminationStatus, text)
    }

    /// The hook checks what is staged: a bad amount staged and fixed only in the working copy is refused.
    @Test func theHookChecksTheIndexNotTheWorkingTree() throws {
        let parent = try Workspace()
        #expect(try CLI.run(["init", "team"], in: parent.path, environment: GitWorkspace.identity).status == 0)
        let dir = parent.path + "/team"
        try FileManager.default.createDirectory(atPath: dir + "/updates/2026-W48", withIntermediateDirectories: true)
        let file = dir + "/updates/2026-W48/first-rep.md"
        let update = { (amount: String) in
            "---\nauthor: first-rep\nweek: 2026-W48\ndeals:\n  - id: A-1\n    account: X\n    stage: propose\n    amount: \(amount)\n    close: 2027-01-01\n    next: y\n---\n"
        }
        try update("200,000").write(toFile: file, atomically: true, encoding: .utf8)
        try "notes\n".write(toFile: dir + "/meeting notes.txt", atomically: true, encoding: .utf8)
        _ = try CLI.shell("git", ["add", "updates", "meeting notes.txt"], in: dir)
        try update("200000").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", "updates/2026-W48/first-rep.md"], in: dir).status == 0, "the working copy is fine")
        let staged = try CLI.run(["check", "--staged"], in: dir)
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("updates/2026-W48/first-rep.md:8:13: error: amount '200,000' is not a plain number"), "\(staged.stdout)")
        let refused = try commitWithHook(dir)
        #expect(refused.status != 0, "the bad amount was committed: \(refused.text)")
        #expect(refused.text.contains("amount '200,000'"), "\(refused.text)")
        #expect(try CLI.shell("git", ["rev-list", "--count", "HEAD"], in: dir) == "1\n")
        _ = try CLI.shell("git", ["add", "updates"], in: dir)
        let accepted = try commitWithHook(dir)
        #expect(accepted.status == 0, "\(accepted.text)")
        #expect(try CLI.shell("git", ["show", "HEAD:updates/2026-W48/first-rep.md"], in: dir).contains("amount: 200000"))
    }

    /// Other files of the week come from the index too, and a staged link is never followed.
    @Test func stagedChecksReadTheWholeWeekFromTheIndex() throws {
        let repo = try GitWorkspace()
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48", deal: "NW-9001"))
        try repo.write("updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-9001"))
        try repo.git("add", "updates/2026-W48/ana-lima.md", "updates/2026-W48/lukas-meyer.md")
        try repo.write("updates/2026-W48/lukas-meyer.md", GitWorkspace.update("lukas-meyer", "2026-W48", deal: "NW-9002"))
        let result = try repo.cascade("check", "--staged", "updates/2026-W48/lukas-meyer.md")
        #expect(result.status == 1)
        #expect(result.stdout.contains("[deal-id-duplicate-week]"), "\(result.stdout)")
        #expect(try repo.cascade("check", "updates/2026-W48/lukas-meyer.md").status == 0)
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/updates/2026-W48/omar-haddad.md", withDestinationPath: "/etc/hostname")
        try repo.git("add", "updates/2026-W48/omar-haddad.md")
        let link = try repo.cascade("check", "--staged")
        #expect(link.stdout.contains("updates/2026-W48/omar-haddad.md:1:1: error:") && link.stdout.contains("not a regular file"), "\(link.stdout)")
    }

    @Test func hooksInstallLeavesForeignHooksAlone() throws {
        let repo = try GitWorkspace()
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n")
        let refused = try repo.cascade("hooks", "install")
        #expect(refused.status == 2)
        #expect(try repo.read(".git/hooks/pre-commit") == "#!/bin/sh\necho mine\n")
        #expect(try repo.cascade("hooks", "install", "--force").status == 0)
        #expect(try repo.read(".git/hooks/pre-commit").contains("exec cascade check"))
        #expect(try repo.cascade("hooks", "install").status == 0, "reinstalling our own hook is fine")
    }

    @Test func preCommitManifestIsValid() throws {
        _ = try CLI.shell("pre-commit", ["validate-manifest", ".pre-commit-hooks.yaml"], in: CLI.packageRoot.path)
    }
}
