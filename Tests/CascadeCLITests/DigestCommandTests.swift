import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade digest")
struct DigestCommandTests {
    @Test func theCROsDigestOfTheSample() throws {
        let result = try CLI.run(["digest", "--for", "dana-cho", "--week", "2026-W47", "--root", CLI.packageRoot.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Digest for Dana Cho, 2026-W47\n"))
        try CLI.assertGolden(result.stdout, "digest-dana-cho.md")
    }

    @Test func jsonCarriesTheSpecFields() throws {
        let result = try CLI.run(["digest", "--for", "sofia-berg", "--week", "2026-W47", "--format", "json", "--root", CLI.packageRoot.path])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in ["for", "week", "words", "reading_minutes", "scope", "totals", "wins", "losses", "asks", "flags", "gaps", "notes", "left_out"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let totals = json["totals"] as! [String: Any]
        for key in ["open_amount", "open_deals", "won_amount", "won_deals", "lost_amount", "lost_deals"] { #expect(totals[key] != nil) }
        let scope = json["scope"] as! [String: Any]
        #expect(scope["people"] as? Int == 4, "the leader is left out, as in Missing updates")
    }

    @Test func htmlIsOnePageThatParsesAndCannotBeInjected() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        let path = repo.path + "/updates/2026-W47/sofia-berg.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The hostile text opens the note, so trimming the note at a sentence end keeps it.
        let hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) <iframe src=https://evil.example></iframe>\n\n"
        let closing = text.range(of: "\n---\n")!
        try (text[..<closing.upperBound] + hostile + text[closing.upperBound...])
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47", "--format", "html"], in: repo.path)
        #expect(result.status == 0)
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for bad in ["<script", "<img", "<iframe", "javascript:", "<link", "src=\"http"] {
            #expect(!html.lowercased().contains(bad), "found \(bad)")
        }
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "what the rep typed is shown as text")
        // A stage in the stage table says what it means, for a reader outside sales.
        #expect(html.contains("<td><abbr title=\"We have met the buyer, agree on the problem and know who decides.\">discover</abbr></td>"))
        try repo.write("digest.html", html)
        try repo.write("parse.py", """
        import sys, html5lib
        p = html5lib.HTMLParser(strict=False)
        doc = p.parse(open(sys.argv[1], encoding="utf-8").read())
        assert not p.errors, p.errors
        ns = {"h": "http://www.w3.org/1999/xhtml"}
        assert doc.find(".//h:h1", ns) is not None
        assert not doc.findall(".//h:script", ns)
        print("ok", len(doc.findall(".//h:li", ns)))
        """)
        #expect(try CLI.shell("python3", ["parse.py", "digest.html"], in: repo.path).hasPrefix("ok"))
    }

    /// Runs headless Chromium (Debian's `chromium`, which `make test` installs) on a page; returns its stdout.
    func chromium(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=" + directory + "/chromium-profile"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aBrowserShowsEverySectionOfTheHTMLDigestAndNothingInjected() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        let path = repo.path + "/updates/2026-W47/sofia-berg.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "<script>document.body.innerHTML='pwned'</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let html = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47", "--format", "html", "--out", "digest.html"], in: repo.path)
        #expect(html.status == 0, "\(html.stderr)")
        let markdown = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47"], in: repo.path).stdout
        // The document as the browser built it, after loading (a script that ran would have changed it).
        let dom = try chromium(["--dump-dom", "file://" + repo.path + "/digest.html"], in: repo.path)
        #expect(dom.contains("<h1>Digest for Raj Patel, 2026-W47</h1>"), "the page is intact: no script replaced it")
        for bad in ["<script", "<img", "<iframe", "javascript:", "<link", "src=\"http"] {
            #expect(!dom.lowercased().contains(bad), "the browser's document has \(bad)")
        }
        #expect(dom.contains("&lt;script&gt;document.body.innerHTML='pwned'&lt;/script&gt;"), "the note's markup is shown as typed")
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings.count >= 5)
        for heading in headings {
            let escaped = heading.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            #expect(dom.contains(">" + escaped + "</h2>"), "section \(heading) is missing from the page")
        }
        // Drawn at a phone's width, as an email client would.
        _ = try chromium(["--window-size=500,2000", "--screenshot=" + repo.path + "/digest.png", "file://" + repo.path + "/digest.html"], in: repo.path)
        let png = try Data(contentsOf: URL(fileURLWithPath: repo.path + "/digest.png"))
        #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func allWritesEveryLeaderAndFunctionAndCommits() throws {
        let repo = try GitWorkspace()
        let result = try repo.cascade("digest", "--all", "--week", "2026-W47", "--commit")
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/digests/2026-W47").sorted()
        #expect(files == ["dana-cho.md", "kim-nguyen.md", "legal.md", "marcus-webb.md", "maria-gonzalez.md", "marketing.md", "product.md", "raj-patel.md", "sofia-berg.md", "value-engineering.md"])
        #expect(try repo.git("log", "-1", "--format=%s") == "digests(2026-W47): 10 digests\n")
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.fsck()
        let again = try repo.cascade("digest", "--all", "--week", "2026-W47", "--commit")
        #expect(again.stdout.contains("nothing to commit"))
        let out = try Workspace()
        #expect(try repo.cascade("digest", "--all", "--week", "2026-W47", "--out", out.path, "--format", "json").status == 0)
        #expect(FileManager.default.fileExists(atPath: out.path + "/2026-W47/dana-cho.json"))
    }

    @Test func usageErrors() throws {
        let root = CLI.packageRoot.path
        #expect(try CLI.run(["digest", "--root", root]).status == 2)
        let unknown = try CLI.run(["digest", "--for", "dana-ch", "--root", root])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'dana-cho'?"))
        #expect(try CLI.run(["digest", "--for", "dana-cho", "--commit", "--root", root]).status == 2)
    }

    @Test func aRepositoryTemplateChangesTheMarkdown() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        try repo.write("templates/digest.md", "{{{title}}} ({{{reading_time}}})\n{{#wins.items}}* {{{line}}}\n{{/wins.items}}")
        let result = try CLI.run(["digest", "--for", "raj-patel", "--week", "2026-W47"], in: repo.path)
        #expect(result.stdout == "Digest for Raj Patel, 2026-W47 (1 min read)\n* **Lumière Telecom** (NW-1140, $310k, Claire Dubois): Dana's meeting tied the rollout to the CDO's churn programme; Initech stayed a BI tool in their eyes. Won with help from Dana Cho, Legal.\n")
    }
}
