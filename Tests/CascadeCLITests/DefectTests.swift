import CascadeTestSupport
import Foundation
import Testing

/// Reproductions of the defects found by attacking Cascade (issue 11): each
/// failed before its fix.
@Suite("defects found by attacking cascade")
struct DefectTests {
    /// The sample organisation with `org.yaml` edited by `edit`.
    func sample(_ edit: (String) -> String = { $0 }) throws -> Workspace { try Workspace.sample(editingOrg: edit) }

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
        // A goal for a quarter no update reaches is a warning, not an error.
        let ws = try sample {
            $0.replacingOccurrences(
                of: "  - { team: maria-gonzalez, quarter: 2026-Q4, bookings: 900000 }\n",
                with: "  - { team: maria-gonzalez, quarter: 2026-Q4, bookings: 900000 }\n"
                    + "  - { team: dana-cho, quarter: 2031-Q1, bookings: 1 }\n")
        }
        let check = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(check.status == 0 && check.stdout.contains("[goal-quarter-empty]"), "\(check.stdout)")
        let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(digest.status == 0, "\(digest.stderr)")
    }
}

/// `--out` and every other write: only regular files, replaced atomically.
@Suite("writing files")
struct OutputFileTests {
    func sample() throws -> Workspace { try Workspace(copyingPath: CLI.packageRoot.path) }
    let digest = ["digest", "--for", "dana-cho", "--week", "2026-W47"]

    @Test func aSymlinkIsRefusedAndItsTargetUntouched() throws {
        let ws = try sample()
        try ws.write("precious.txt", "keep me\n")
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/link.md", withDestinationPath: ws.path + "/precious.txt")
        let result = try CLI.run(digest + ["--out", "link.md"], in: ws.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("link.md is a symbolic link"), "\(result.stderr)")
        #expect(try String(contentsOfFile: ws.path + "/precious.txt", encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.path + "/link.md") == ws.path + "/precious.txt")
    }

    @Test func aFifoADeviceAndAFolderAreRefused() throws {
        let ws = try sample()
        mkfifo(ws.path + "/pipe", 0o644)
        for (out, words) in [("pipe", "is a FIFO"), ("/dev/null", "is a device"), ("updates", "is a folder")] {
            let result = try CLI.run(digest + ["--out", out], in: ws.path)
            #expect(result.status == 2, "\(out)")
            #expect(result.stderr.contains(words), "\(out): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
        var info = stat()
        #expect(lstat(ws.path + "/pipe", &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func dashIsStandardOutputAndARegularFileIsReplaced() throws {
        let ws = try sample()
        let stdout = try CLI.run(digest + ["--out", "-"], in: ws.path)
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("# "))
        try ws.write("digest.md", "old\n")
        let file = try CLI.run(digest + ["--out", "digest.md"], in: ws.path)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(try String(contentsOfFile: ws.path + "/digest.md", encoding: .utf8) == stdout.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func allIntoAFileOrThroughALinkedWeekFolderIsRefused() throws {
        let ws = try sample()
        try ws.write("afile", "x\n")
        let intoFile = try CLI.run(["digest", "--all", "--week", "2026-W47", "--out", "afile"], in: ws.path)
        #expect(intoFile.status == 2)
        #expect(intoFile.stderr.contains("afile is a file, not a folder"), "\(intoFile.stderr)")
        #expect(!intoFile.stderr.contains("NSCocoaErrorDomain"))
        let elsewhere = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/digests", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/digests/2026-W47", withDestinationPath: elsewhere.path)
        let linked = try CLI.run(["digest", "--all", "--week", "2026-W47"], in: ws.path)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("is a symbolic link"), "\(linked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func hooksInstallRefusesALinkedHookAndExplainsADanglingHooksFolder() throws {
        let repo = try GitWorkspace()
        try repo.write("mine.sh", "#!/bin/sh\necho mine\n")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/.git/hooks/pre-commit", withDestinationPath: repo.path + "/mine.sh")
        let linked = try repo.cascade("hooks", "install", "--force")
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("pre-commit is a symbolic link"), "\(linked.stderr)")
        #expect(try repo.read("mine.sh") == "#!/bin/sh\necho mine\n")
        try FileManager.default.removeItem(atPath: repo.path + "/.git/hooks")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/.git/hooks", withDestinationPath: "/nonexistent/hooks")
        let dangling = try repo.cascade("hooks", "install")
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("is a symbolic link to /nonexistent/hooks, which is not an existing folder"), "\(dangling.stderr)")
        #expect(!dangling.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func initOnAFileSaysSo() throws {
        let ws = try Workspace()
        try ws.write("notes.txt", "x\n")
        let result = try CLI.run(["init", "notes.txt"], in: ws.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("notes.txt is a file, not a folder"), "\(result.stderr)")
    }
}

/// A shallow clone: what its history cannot tell is said to be unknown, and
/// nothing learnt from it outlives `git fetch --unshallow`.
@Suite("a shallow clone")
struct ShallowCloneTests {
    @Test func rewritesAndLatenessAreUnknownUntilUnshallowed() throws {
        let origin = try GitWorkspace()
        for (i, week) in ["2026-W44", "2026-W45"].enumerated() {
            let path = "updates/\(week)/ana-lima.md"
            try origin.write(path, try origin.read(path) + "Corrected later.\n")
            try origin.git(["commit", "-q", "-am", "rewrite \(i)"], environment: ["GIT_COMMITTER_DATE": "2026-11-25T1\(i):00:00+01:00"])
        }
        let clone = try Workspace()
        try FileManager.default.removeItem(atPath: clone.path)
        try CLI.shell("git", ["clone", "-q", "--depth", "1", "file://" + origin.path, clone.path], in: origin.path)
        let env = GitWorkspace.identity
        let flags = try CLI.run(["report", "flags", "--format", "json", "--today", "2026-11-25"], in: clone.path, environment: env)
        #expect(flags.status == 0, "\(flags.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(flags.stdout.utf8)) as! [String: Any]
        #expect(json["rewrites"] is NSNull, "\(flags.stdout)")
        #expect(json["history"] as? String == "shallow")
        let table = try CLI.run(["report", "flags", "--today", "2026-11-25"], in: clone.path, environment: env)
        #expect(table.stdout.contains("git fetch --unshallow"), "\(table.stdout)")
        let status = try CLI.run(["status", "--for", "sofia-berg", "--week", "2026-W45"], in: clone.path, environment: env)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("late and rewritten unknown") && status.stdout.contains("git fetch --unshallow"), "\(status.stdout)")
        #expect(status.stdout.contains("ana-lima (Ana Lima)"))
        #expect(!status.stderr.contains("object not found"))
        let statusJSON = try CLI.run(["status", "--for", "sofia-berg", "--week", "2026-W45", "--format", "json"], in: clone.path, environment: env)
        let sj = try JSONSerialization.jsonObject(with: Data(statusJSON.stdout.utf8)) as! [String: Any]
        #expect(sj["late"] is NSNull && sj["history"] as? String == "shallow")
        // Complete again, with one more commit: every rewrite is found.
        try CLI.shell("git", ["fetch", "-q", "--unshallow"], in: clone.path)
        try CLI.shell("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "more"], in: clone.path)
        let after = try CLI.run(["report", "flags", "--format", "json", "--today", "2026-11-25"], in: clone.path, environment: env)
        let full = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as! [String: Any]
        #expect((full["rewrites"] as? [[String: Any]])?.count == 2, "\(after.stdout)")
        let complete = try CLI.run(["status", "--for", "sofia-berg", "--week", "2026-W45"], in: clone.path, environment: env)
        #expect(complete.stdout.contains("1 rewritten"), "\(complete.stdout)")
    }
}

/// An update that is submitted but cannot be read: counted as submitted, said so, never a $0 figure.
@Suite("unreadable updates in a digest")
struct UnreadableUpdateTests {
    func digestJSON(_ ws: Workspace, _ id: String = "sofia-berg") throws -> [String: Any] {
        let result = try CLI.run(["digest", "--for", id, "--week", "2026-W47", "--format", "json"], in: ws.path)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    @Test(arguments: [("amount: 140k", 9), ("account: [unclosed", 7)])
    func aBrokenUpdateIsSubmittedButUnreadable(_ breakage: String, _ line: Int) throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let path = "updates/2026-W47/ana-lima.md"
        let good = try String(contentsOfFile: ws.path + "/" + path, encoding: .utf8)
        let before = try digestJSON(ws)
        let key = breakage.split(separator: ":")[0]
        let broken = good.replacingOccurrences(of: #"\#(key): [^\n]*"#, with: breakage, options: .regularExpression)
        #expect(broken != good)
        try ws.write(path, broken)
        let json = try digestJSON(ws)
        let scope = json["scope"] as! [String: Any]
        #expect((scope["missing"] as! [String]).isEmpty, "counted as missing")
        #expect((scope["stale"] as! [String]).isEmpty, "fell back to an older update")
        #expect(scope["updates"] as? Int == (before["scope"] as! [String: Any])["updates"] as? Int)
        let unreadable = json["unreadable"] as! [[String: Any]]
        #expect(unreadable.count == 1)
        #expect(unreadable.first?["file"] as? String == path)
        #expect((unreadable.first?["error"] as? String)?.hasPrefix("\(line):") == true, "\(unreadable)")
        // No deal of the unreadable update is counted, at $0 or otherwise, and none vanished.
        let flags = (json["flags"] as? [[String: Any]]) ?? []
        #expect(!flags.contains { ($0["author"] as? String) == "ana-lima" }, "\(flags)")
        let totals = json["totals"] as! [String: Any]
        let beforeTotals = before["totals"] as! [String: Any]
        #expect((totals["open_amount"] as! Double) < (beforeTotals["open_amount"] as! Double))
        let md = try CLI.run(["digest", "--for", "sofia-berg", "--week", "2026-W47"], in: ws.path)
        #expect(md.stdout.contains("1 update was submitted but cannot be read"), "\(md.stdout)")
        #expect(md.stdout.contains("run `cascade check`") && md.stdout.contains(path + ":\(line):"))
        #expect(!md.stdout.contains("Ana Lima") || !md.stdout.contains("Missing updates"))
        // Read again from the cache: the same.
        #expect(try digestJSON(ws)["unreadable"] as? [[String: String]] == unreadable as? [[String: String]])
    }

    @Test func theHeaderCountsThePeopleTheMissingListCounts() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let result = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W48", "--format", "json"], in: ws.path)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let scope = json["scope"] as! [String: Any]
        let missing = scope["missing"] as! [String]
        #expect(scope["people"] as? Int == missing.count + (scope["updates"] as! Int), "\(scope)")
        let md = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W48"], in: ws.path)
        #expect(md.stdout.contains("0 of \(missing.count) people wrote an update"), "\(md.stdout.prefix(300))")
        #expect(md.stdout.contains("\(missing.count) without an update for 2026-W48"))
    }
}

/// Links under updates/ are never followed; a folder that cannot be read is a finding, never silence.
@Suite("links and unreadable folders under updates/")
struct LinkAndFolderTests {
    @Test func linkedWeekFoldersAndFilesAreErrorsNeverFollowed() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let outside = try Workspace()
        try outside.write("secret.md", "---\nauthor: ana-lima\nweek: 2026-W49\n---\nsecret\n")
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/updates/2026-W49", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/updates/2026-W47/noah-brooks.md",
                                                   withDestinationPath: ws.path + "/updates/2026-W46/noah-brooks.md")
        let result = try CLI.run(["check"], in: ws.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("updates/2026-W49:1:1: error: '2026-W49' is a symbolic link; links under updates/ are never followed"), "\(result.stdout)")
        #expect(!result.stdout.contains("secret.md"))
        #expect(result.stdout.contains("updates/2026-W47/noah-brooks.md:1:1: error: it is a symbolic link, not a regular file"), "\(result.stdout)")
        let one = try CLI.run(["check", "updates/2026-W49"], in: ws.path)
        #expect(!one.stdout.contains("secret"), "\(one.stdout)")
    }

    @Test func submitNeverTurnsALinkIntoAFile() throws {
        let repo = try GitWorkspace()
        try FileManager.default.removeItem(atPath: repo.path + "/updates/2026-W47/ana-lima.md")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/updates/2026-W47/ana-lima.md", withDestinationPath: "../2026-W46/ana-lima.md")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "a link")
        let result = try repo.cascade("submit", "updates/2026-W47/ana-lima.md")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("not a regular file"), "\(result.stdout)")
        #expect(try repo.git("ls-tree", "HEAD", "updates/2026-W47/ana-lima.md").hasPrefix("120000"))
        #expect(OutputFileKind.isLink(repo.path + "/updates/2026-W47/ana-lima.md"))
    }

    /// A FIFO named like an update would block whoever opens it for reading: it is refused, never waited on.
    @Test(.timeLimit(.minutes(1)))
    func aFifoAmongTheUpdatesIsAnErrorAndNeverBlocks() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        #expect(mkfifo(ws.path + "/updates/2026-W47/noah-brooks.md", 0o644) == 0)
        let check = try CLI.run(["check"], in: ws.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.contains("updates/2026-W47/noah-brooks.md:1:1: error: it is a device, a FIFO or a socket, "
                + "not a regular file; an update is a plain text file"), "\(check.stdout)")
        let digest = try CLI.run(["digest", "--for", "sofia-berg", "--week", "2026-W47"], in: ws.path)
        #expect(digest.status == 0, "\(digest.stderr)")
    }

    /// Run as an unprivileged user (root reads every folder whatever its mode).
    @Test func aWeekFolderThatCannotBeReadIsReported() throws {
        let dir = "/tmp/cascade-unreadable-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { chmod(dir + "/updates/2026-W47", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        for item in ["org.yaml", "updates"] { try FileManager.default.copyItem(atPath: CLI.packageRoot.path + "/" + item, toPath: dir + "/" + item) }
        try CLI.shell("chmod", ["-R", "a+rwX", dir], in: dir)
        chmod(dir + "/updates/2026-W47", 0)
        let asNobody = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func run(_ args: [String]) throws -> CLI.Output {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = asNobody + [CLI.binary] + args
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            p.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": dir]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return CLI.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
        }
        let check = try run(["check"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("updates/2026-W47:1:1: error: the folder cannot be listed"), "\(check.stdout)")
        let digest = try run(["digest", "--for", "sofia-berg", "--week", "2026-W47"])
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(digest.stdout.contains("1 week folder cannot be listed"), "\(digest.stdout)")
    }
}

enum OutputFileKind {
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}

/// `digest --all --commit` commits digests of committed updates only.
@Suite("committed digests")
struct CommittedDigestTests {
    @Test func uncommittedUpdatesOrOrgYamlAreRefused() throws {
        let repo = try GitWorkspace()
        let args = ["digest", "--all", "--week", "2026-W47", "--commit"]
        try repo.write("updates/2026-W47/ana-lima.md", try repo.read("updates/2026-W47/ana-lima.md") + "Edited.\n")
        try FileManager.default.removeItem(atPath: repo.path + "/updates/2026-W47/lukas-meyer.md")
        try repo.write("updates/2026-W47/noah-brooks.md", GitWorkspace.update("noah-brooks", "2026-W47"))
        let refused = try CLI.run(args, in: repo.path, environment: GitWorkspace.identity)
        #expect(refused.status == 2)
        for path in ["updates/2026-W47/ana-lima.md", "updates/2026-W47/lukas-meyer.md", "updates/2026-W47/noah-brooks.md"] {
            #expect(refused.stderr.contains("  " + path), "\(path): \(refused.stderr)")
        }
        #expect(refused.stderr.contains("3 files have uncommitted changes"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/digests"))
        // Without --commit the working tree is read as it is.
        #expect(try CLI.run(["digest", "--all", "--week", "2026-W47"], in: repo.path).status == 0)
        try repo.git("checkout", "-q", "--", "updates")
        try FileManager.default.removeItem(atPath: repo.path + "/updates/2026-W47/noah-brooks.md")
        try repo.write("org.yaml", try repo.read("org.yaml") + "# a comment\n")
        let org = try CLI.run(args, in: repo.path, environment: GitWorkspace.identity)
        #expect(org.status == 2)
        #expect(org.stderr.contains("  org.yaml"), "\(org.stderr)")
        try repo.git("checkout", "-q", "--", "org.yaml")
        let clean = try CLI.run(args, in: repo.path, environment: GitWorkspace.identity)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2\n")
    }
}

@Suite("folders that are no real week")
struct NotAWeekTests {
    @Test(arguments: ["2026-W54", "2025-W53", "2026-w48"])
    func filesInThemAreStillChecked(_ folder: String) throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let text = GitWorkspace.update("ana-lima", "2026-W48", stage: "proposal")
        try ws.write("updates/\(folder)/ana-lima.md", text)
        let result = try CLI.run(["check"], in: ws.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("updates/\(folder):1:1: error: the folder '\(folder)' is not a real ISO week"), "\(result.stdout)")
        #expect(result.stdout.contains("updates/\(folder)/ana-lima.md:7:12: error: unknown stage 'proposal'"), "\(result.stdout)")
        #expect(result.stdout.contains("updates/\(folder)/ana-lima.md:3:7: error: week 2026-W48 does not match the folder '\(folder)'"), "\(result.stdout)")
    }
}

@Suite("report details")
struct ReportDetailTests {
    @Test func flagsJSONNamesWhereSlipsAndHandoversCameFrom() throws {
        let result = try CLI.run(["report", "flags", "--format", "json", "--root", CLI.packageRoot.path, "--today", "2026-11-25"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let signals = json["signals"] as! [[String: Any]]
        let slips = signals.filter { $0["kind"] as? String == "slipped" }
        #expect(!slips.isEmpty)
        for s in slips {
            let from = s["from"] as? String ?? "", to = s["to"] as? String ?? ""
            #expect(Day(from) != nil && Day(to) != nil && from < to, "\(s)")
        }
        for h in signals where h["kind"] as? String == "handed-over" {
            #expect(h["from"] as? String == h["author"] as? String && !(h["to"] as? String ?? "").isEmpty, "\(h)")
        }
    }
}

/// A date written YYYY-MM-DD, for the tests.
struct Day {
    init?(_ s: String) {
        guard s.count == 10, DateFormatterHolder.formatter.date(from: s) != nil else { return nil }
    }
}

enum DateFormatterHolder {
    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.locale = Locale(identifier: "en_US_POSIX")
        return f
    }()
}

/// Control characters from updates and org.yaml never reach a terminal raw.
@Suite("hostile text")
struct HostileTextTests {
    static let raw: [UInt8] = [0x1B, 0x07, 0x0D, 0x9B]

    func assertClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x07) && !bytes.contains(0x0D), "\(what) printed a raw control character",
                sourceLocation: sourceLocation)
        #expect(!text.unicodeScalars.contains { $0.value == 0x9B }, "\(what) printed a raw CSI", sourceLocation: sourceLocation)
    }

    @Test func checkDigestReportAndStatusShowControlsEscaped() throws {
        let repo = try GitWorkspace()
        let org = try repo.read("org.yaml").replacingOccurrences(of: "name: Ana Lima,", with: "name: \"Ana\\rLima\\e[2J\",")
        try repo.write("org.yaml", org)
        let path = "updates/2026-W47/ana-lima.md"
        var text = try repo.read(path)
        text = text.replacingOccurrences(of: "account: Acme Corp", with: #"account: "Acme\e]0;OWNED\a\u009B31m""#)
        try repo.write(path, text)
        try repo.write("updates/2026-W48/ana-lima.md", GitWorkspace.update("ana-lima", "2026-W48", stage: "\\e]0;OWNED\\a\\e[2Jpropose")
            .replacingOccurrences(of: "stage: \\e", with: "stage: \"\\e").replacingOccurrences(of: "propose\n", with: "propose\"\n"))
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "hostile")
        for format in ["text", "github"] {
            let check = try repo.cascade("check", "--format", format)
            #expect(check.stdout.contains("\\u{1B}]0;OWNED\\u{7}\\u{1B}[2Jpropose"), "\(format): \(check.stdout)")
            assertClean(check.stdout, "check --format \(format)")
        }
        let digest = try repo.cascade("digest", "--for", "sofia-berg", "--week", "2026-W47")
        #expect(digest.stdout.contains("Acme\\u{1B}]0;OWNED\\u{7}\\u{9B}31m"), "\(digest.stdout)")
        assertClean(digest.stdout, "digest")
        assertClean(try repo.cascade("digest", "--for", "sofia-berg", "--week", "2026-W47", "--format", "html").stdout, "html digest")
        let json = try repo.cascade("digest", "--for", "sofia-berg", "--week", "2026-W47", "--format", "json").stdout
        assertClean(json, "json digest")
        #expect(json.contains("\\u001b]0;OWNED\\u0007\\u009b31m"))
        for kind in ["pipeline", "flags", "losses"] {
            assertClean(try repo.cascade("report", kind, "--today", "2026-11-25").stdout, "report \(kind)")
        }
        assertClean(try repo.cascade("report", "losses", "--format", "csv", "--today", "2026-11-25").stdout.replacingOccurrences(of: "\r\n", with: "\n"), "csv")
        let status = try repo.cascade("status", "--for", "sofia-berg", "--week", "2026-W47")
        #expect(status.stdout.contains("Ana\\u{D}Lima\\u{1B}[2J"), "\(status.stdout)")
        assertClean(status.stdout, "status")
    }
}

/// The HTML digest loads nothing from outside itself; what a rep typed shows as typed.
@Suite("digests that load nothing")
struct SafeDigestTests {
    @Test func imagesRawHTMLAndLinksInUpdates() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let path = ws.path + "/updates/2026-W47/sofia-berg.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let end = text.range(of: "\n---\n")!.upperBound
        let hostile = "We <b>must</b> close ![t](https://evil.example/track.png) [ok](https://example.com) [bad](data:text/html,x) "
            + "[rel](other.html) <!-- hidden --> <https://auto.example/x>\n\n"
        try (String(text[..<end]) + hostile + String(text[end...])).write(toFile: path, atomically: true, encoding: .utf8)
        let md = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47"], in: ws.path).stdout
        #expect(md.contains("We &lt;b>must&lt;/b> close"), "\(md)")
        #expect(md.contains("\\![t](https://evil.example/track.png)"), "an image in a Markdown digest")
        #expect(md.contains("&lt;!-- hidden -->"))
        let html = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47", "--format", "html"], in: ws.path).stdout
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "no CSP")
        #expect(html.contains("We &lt;b&gt;must&lt;/b&gt; close"), "raw HTML is shown as typed")
        #expect(!html.contains("raw HTML omitted"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("data:text/html") || !html.contains("href=\"data:"))
        #expect(!html.contains("href=\"other.html\""))
        let anchors = html.components(separatedBy: "<a ").dropFirst()
        #expect(!anchors.isEmpty)
        for a in anchors {
            #expect(a.hasPrefix("rel=\"noopener noreferrer\" href=\"https://") || a.hasPrefix("rel=\"noopener noreferrer\" href=\"http://")
                    || a.hasPrefix("rel=\"noopener noreferrer\" href=\"mailto:"), "\(a.prefix(80))")
        }
    }

    @Test func aTicketURLThatIsNoWebAddressIsAnError() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let org = try String(contentsOfFile: ws.path + "/org.yaml", encoding: .utf8)
            .replacingOccurrences(of: "url: https://tracker.northwind.example/browse/{id}", with: "url: \"javascript:alert(1)//{id}\"")
        try ws.write("org.yaml", org)
        let check = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("tickets.url must be an https: or http: address"), "\(check.stdout)")
    }

    /// cmark-gfm shared between threads made tracker links come and go: every run the same bytes.
    @Test func allDigestsAreTheSameEveryTime() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        var runs: [[String: Data]] = []
        for i in 0..<4 {
            let out = "out\(i)"
            let result = try CLI.run(["digest", "--all", "--week", "2026-W47", "--format", "html", "--out", out], in: ws.path)
            #expect(result.status == 0, "\(result.stderr)")
            let dir = ws.path + "/" + out + "/2026-W47"
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) { files[name] = FileManager.default.contents(atPath: dir + "/" + name) }
            runs.append(files)
        }
        #expect(runs[0].count > 5)
        #expect(runs[0]["product.html"].map { String(decoding: $0, as: UTF8.self).contains("href=\"https://tracker.northwind.example/browse/") } == true)
        for run in runs.dropFirst() { #expect(run == runs[0]) }
    }
}

/// Messages name the file, say what is wrong and what to do: no error domains, no dumps.
@Suite("clear messages")
struct ClearMessageTests {
    @Test func aBrokenTemplateNamesItsLine() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        try ws.write("templates/digest.md", "# {{title}}\n\n{{#wins.show}}\nwins\n")
        let digest = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47"], in: ws.path)
        #expect(digest.status == 2)
        #expect(digest.stderr.hasPrefix("cascade: templates/digest.md:"), "\(digest.stderr)")
        #expect(digest.stderr.contains("is never closed") && digest.stderr.contains("delete it to use the built-in one"), "\(digest.stderr)")
        #expect(!digest.stderr.contains("ParserError") && !digest.stderr.contains("context:"), "\(digest.stderr)")
        try ws.write("templates/update.md", "---\n{{author\n")
        let new = try CLI.run(["new", "--author", "ana-lima", "--week", "2026-W49", "--no-edit"], in: ws.path)
        #expect(new.status == 2)
        #expect(new.stderr.hasPrefix("cascade: templates/update.md:"), "\(new.stderr)")
        #expect(new.stderr.contains("delete it to use the built-in one"))
    }

    @Test func orgYamlMessagesSpeakOfOrgYaml() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let org = try String(contentsOfFile: ws.path + "/org.yaml", encoding: .utf8)
        try ws.write("org.yaml", org + "---\ncompany: Again\n")
        let docs = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(docs.stdout.contains("org.yaml is one document"), "\(docs.stdout)")
        #expect(!docs.stdout.contains("an update"))
        var deep = "x-deep:\n"
        for i in 0..<40 { deep += String(repeating: "  ", count: i + 1) + "k\(i):\n" }
        try ws.write("org.yaml", org + deep + String(repeating: "  ", count: 41) + "v: 1\n")
        let nested = try CLI.run(["check", "org.yaml"], in: ws.path)
        #expect(nested.stdout.contains("org.yaml needs at most"), "\(nested.stdout)")
    }

    @Test func checkTakesToday() throws {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let result = try CLI.run(["check", "--today", "2026-11-25"], in: ws.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try CLI.run(["check", "--today", "25/11/2026"], in: ws.path).status == 2)
    }
}
