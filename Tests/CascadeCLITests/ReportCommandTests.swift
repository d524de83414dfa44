import CascadeCore
import CascadeTestSupport
import Foundation
import Testing

@Suite("cascade report")
struct ReportCommandTests {
    static let kinds = ["losses", "wins", "gaps", "objections", "asks", "flags", "pipeline"]

    @Test("every kind in every format on the sample", arguments: kinds)
    func everyKind(_ kind: String) throws {
        let root = CLI.packageRoot.path
        let table = try CLI.run(["report", kind, "--root", root, "--today", "2026-11-25"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2026-W35 to 2026-W47"), "the last 13 weeks with updates")
        // Piped, a table cuts nothing (a terminal's width is tested apart).
        #expect(!table.stdout.contains("… "), "\(kind)")
        let json = try CLI.run(["report", kind, "--root", root, "--today", "2026-11-25", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == kind || (kind == "wins" && object?["kind"] as? String == "wins"))
        let csv = try CLI.run(["report", kind, "--root", root, "--today", "2026-11-25", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.isEmpty || csv.stdout.hasSuffix("\r\n"))
    }

    @Test func lossesByCompetitorOnTheSample() throws {
        let result = try CLI.run(["report", "losses", "--by", "competitor", "--root", CLI.packageRoot.path, "--since", "2026-W40", "--until", "2026-W47", "--format", "csv"])
        try CLI.assertGolden(result.stdout, "report-losses-by-competitor.csv")
        let table = try CLI.run(["report", "losses", "--root", CLI.packageRoot.path, "--since", "2026-W40", "--until", "2026-W47"])
        try CLI.assertGolden(table.stdout, "report-losses.txt")
    }

    @Test func csvNeutralisesFormulas() throws {
        let repo = try Workspace(copyingPath: CLI.packageRoot.path)
        let path = repo.path + "/updates/2026-W47/jake-miller.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "account: Pioneer Ag Co-op", with: "account: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "flags", "--format", "csv", "--today", "2026-11-25"], in: repo.path)
        #expect(result.status == 0)
        #expect(!result.stdout.contains(",=HYPERLINK"))
    }

    @Test func flagsFindRewritesInTheGitHistory() throws {
        let repo = try GitWorkspace()
        let path = "updates/2026-W45/ana-lima.md"
        try repo.write(path, try repo.read(path) + "Corrected later.\n")
        try repo.git(["commit", "-q", "-am", "rewrite"], environment: ["GIT_COMMITTER_DATE": "2026-11-25T10:00:00+01:00"])
        let correction = "updates/2026-W47/ana-lima.md"
        try repo.write(correction, try repo.read(correction) + "Small fix.\n")
        try repo.git(["commit", "-q", "-am", "fix"], environment: ["GIT_COMMITTER_DATE": "2026-11-25T11:00:00+01:00"])
        func rewrites() throws -> [[String: Any]] {
            let result = try repo.cascade("report", "flags", "--format", "json", "--today", "2026-11-25")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            return json["rewrites"] as! [[String: Any]]
        }
        // A week folder missing from the working tree (deleted, not committed) is still walked in git's history.
        try FileManager.default.moveItem(atPath: repo.path + "/updates/2026-W45", toPath: repo.path + "/W45-aside")
        _ = try rewrites()
        try FileManager.default.moveItem(atPath: repo.path + "/W45-aside", toPath: repo.path + "/updates/2026-W45")
        let found = try rewrites()
        #expect(found.count == 1, "\(found)")
        #expect(found.first?["week"] as? String == "2026-W45")
        #expect(found.first?["author"] as? String == "ana-lima")
        // The walk is kept in .git/cascade/rewrites: the next run walks only the new commits.
        let log = try String(contentsOfFile: repo.path + "/.git/cascade/rewrites", encoding: .utf8)
        #expect(log.contains("tip \(try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))"))
        #expect(log.contains("2026-W45\tana-lima\t"))
        let second = "updates/2026-W44/ana-lima.md"
        try repo.write(second, try repo.read(second) + "Also corrected.\n")
        try repo.git(["commit", "-q", "-am", "second rewrite"], environment: ["GIT_COMMITTER_DATE": "2026-11-25T12:00:00+01:00"])
        #expect(try rewrites().compactMap { $0["week"] as? String }.sorted() == ["2026-W44", "2026-W45"])
        // A branch moved back past the logged commit: the log is rebuilt, not trusted.
        try repo.git(["reset", "-q", "--hard", "HEAD~3"])
        #expect(try rewrites().isEmpty)
        // A truncated or edited log never drops or adds a rewrite: it is walked again.
        try repo.git(["reset", "-q", "--hard", "HEAD@{1}"])
        #expect(try rewrites().count == 2)
        let file = repo.path + "/.git/cascade/rewrites"
        let whole = try String(contentsOfFile: file, encoding: .utf8)
        let lines = whole.split(separator: "\n")
        try (lines.dropLast(2).joined(separator: "\n") + "\n" + lines.last! + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try rewrites().count == 2, "a rewrite dropped with the log's last entry")
        try whole.replacingOccurrences(of: "2026-W45\tana-lima", with: "2026-W45\tlukas-meyer").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try rewrites().compactMap { $0["author"] as? String }.sorted() == ["ana-lima", "ana-lima"])
        try (whole + "2026-W40\tomar-haddad\tabc1234\t2026-11-20 10:00\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try rewrites().count == 2, "a line added to the log")
        try String(whole.prefix(whole.count / 2)).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try rewrites().count == 2, "a truncated log")
        try repo.git(["reset", "-q", "--hard", "HEAD~3"])
        // A damaged log is ignored and rewritten.
        try "cascade-rewrites 1\nprefix updates/\ntip nonsense\n".write(toFile: repo.path + "/.git/cascade/rewrites", atomically: true, encoding: .utf8)
        #expect(try rewrites().isEmpty)
        #expect(try String(contentsOfFile: repo.path + "/.git/cascade/rewrites", encoding: .utf8).contains("tip \(try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))"))
    }

    @Test func scopeAndUsageErrors() throws {
        let root = CLI.packageRoot.path
        let raj = try CLI.run(["report", "wins", "--for", "raj-patel", "--by", "author", "--format", "json", "--root", root, "--today", "2026-11-25"])
        let json = try JSONSerialization.jsonObject(with: Data(raj.stdout.utf8)) as! [String: Any]
        let authors = Set((json["groups"] as! [[String: Any]]).map { $0["key"] as! String })
        #expect(authors.isSubset(of: ["ana-lima", "lukas-meyer", "claire-dubois", "omar-haddad"]))
        #expect(try CLI.run(["report", "everything", "--root", root]).status == 2)
        #expect(try CLI.run(["report", "losses", "--by", "colour", "--root", root]).status == 2)
        let unused = try CLI.run(["report", "gaps", "--by", "competitor", "--root", root])
        #expect(unused.status == 2 && unused.stderr.contains("--by is for losses and wins"), "\(unused.stderr)")
        #expect(try CLI.run(["report", "losses", "--since", "2026-W47", "--until", "2026-W40", "--root", root]).status == 2)
        #expect(try CLI.run(["report", "losses", "--for", "nobody", "--root", root]).status == 2)
    }

    @Test func winsAreGroupedByTheCompetitorBeatenByDefault() throws {
        let result = try CLI.run(["report", "wins", "--root", CLI.packageRoot.path, "--today", "2026-11-25"])
        #expect(result.stdout.contains("Wins by competitor\ncompetitor  deals"), "\(result.stdout)")
        #expect(!result.stdout.contains("Wins by reason"))
    }

    @Test func aRangeBeforeTheHistoryStartsWhereTheHistoryDoes() throws {
        let root = CLI.packageRoot.path
        let result = try CLI.run(["report", "pipeline", "--since", "2020-W01", "--until", "2026-W47", "--root", root])
        #expect(result.stdout.hasPrefix("Pipeline, 2026-W34 to 2026-W47, everyone\nNo updates before 2026-W34, so the report starts there (not at 2020-W01).\n"),
                "\(result.stdout.prefix(300))")
        #expect(!result.stdout.contains("2020-W") || result.stdout.components(separatedBy: "2020-W").count == 2)
        let json = try CLI.run(["report", "pipeline", "--since", "2020-W01", "--root", root, "--today", "2026-11-25", "--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(doc["since"] as? String == "2026-W34" && (doc["weeks"] as? [Any])?.count == 14)
        #expect(json.stderr.contains("No updates before 2026-W34"), "said on standard error for a machine format")
    }

    @Test func forAFunctionNarrowsToTheDealsThatAskedIt() throws {
        let root = CLI.packageRoot.path
        func deals(_ args: [String]) throws -> Set<String> {
            let r = try CLI.run(["report", "flags", "--format", "json", "--root", root, "--today", "2026-11-25"] + args)
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            return Set((doc["deals"] as! [[String: Any]]).map { $0["deal"] as! String })
        }
        let everyone = try deals([]), product = try deals(["--for", "product"])
        #expect(!product.isEmpty && product.isSubset(of: everyone) && product.count < everyone.count)
        // Every deal left asked product at least once.
        let asks = try CLI.run(["report", "asks", "--for", "product", "--format", "json", "--root", root, "--today", "2026-11-25"])
        let doc = try JSONSerialization.jsonObject(with: Data(asks.stdout.utf8)) as! [String: Any]
        let asked = Set((doc["asks"] as! [[String: Any]]).map { $0["deal"] as! String })
        #expect((doc["asks"] as! [[String: Any]]).allSatisfy { $0["to"] as? String == "product" })
        #expect(product.isSubset(of: asked), "\(product.subtracting(asked))")
        let table = try CLI.run(["report", "flags", "--for", "product", "--root", root, "--today", "2026-11-25"])
        #expect(table.stdout.contains(", deals that asked Product\n"), "\(table.stdout.prefix(200))")
    }

    @Test func theCSVOfLossesHasOneRowPerDealWithItsLesson() throws {
        let root = CLI.packageRoot.path
        let csv = try CLI.run(["report", "losses", "--format", "csv", "--root", root, "--today", "2026-11-25"])
        let json = try CLI.run(["report", "losses", "--format", "json", "--root", root, "--today", "2026-11-25"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "week,deal,account,author,amount,stage,reason,competitor,vertical,persona,region,segment,source,help,days_to_close,lesson")
        #expect(lines.count - 1 == doc["total_deals"] as? Int)
        let lessons = (doc["deals"] as! [[String: Any]]).compactMap { $0["lesson"] as? String }
        #expect(!lessons.isEmpty && lessons.allSatisfy { lesson in csv.stdout.contains(lesson.prefix(40)) })
        try CLI.assertGolden(csv.stdout, "report-losses.csv")
        let wins = try CLI.run(["report", "wins", "--format", "csv", "--root", root, "--today", "2026-11-25"])
        #expect(wins.stdout.hasPrefix("week,deal,account,author,amount,stage,reason,competitor,vertical,persona,region,segment,source,help,days_to_close,why\r\n"))
    }

    @Test func tablesFitATerminalAndCutNothingWhenPiped() throws {
        let root = CLI.packageRoot.path
        let piped = try CLI.run(["report", "asks", "--root", root, "--today", "2026-11-25"])
        #expect(!piped.stdout.contains("…"), "nothing is cut in a pipe")
        #expect(piped.stdout.contains("Value Engineering"))
        let command = "stty cols 72; \(CLI.binary) report asks --root \(root) --today 2026-11-25"
        let terminal = try CLI.shell("script", ["-qec", command, "/dev/null"], in: root, environment: ["NO_COLOR": "1"])
        let lines = terminal.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        let tables = lines.drop { !$0.hasPrefix("Asks for help by whom") }
        #expect(!tables.isEmpty)
        #expect(tables.allSatisfy { $0.count <= 72 }, "\(tables.filter { $0.count > 72 })")
    }

    @Test func byHelpAndBySourceGiveTheWinRateOfEachGroup() throws {
        let root = CLI.packageRoot.path
        func doc(_ kind: String, _ by: String) throws -> [String: Any] {
            let r = try CLI.run(["report", kind, "--by", by, "--format", "json", "--root", root, "--since", "2026-W34",
                                 "--until", "2026-W47"])
            #expect(r.status == 0, "\(r.stderr)")
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        }
        let help = try doc("losses", "help")
        let rates = help["win_rates"] as! [[String: Any]]
        let alone = try #require(rates.first { $0["key"] as? String == "(alone)" })
        let wins = try doc("wins", "help"), losses = help
        // Every closed deal is in (alone) or in the group of each function it asked.
        let lostDeals = (losses["deals"] as! [[String: Any]]).filter { $0["stage"] as? String == "lost" }
        #expect((alone["lost"] as! Int) + (rates.filter { $0["key"] as? String != "(alone)" }.map { $0["lost"] as! Int }.max() ?? 0) >= 1)
        #expect((alone["lost"] as! Int) <= lostDeals.count)
        let wonCount = (wins["deals"] as! [[String: Any]]).count
        #expect(rates.allSatisfy { ($0["won"] as! Int) <= wonCount })
        for r in rates where (r["won"] as! Int) + (r["lost"] as! Int) > 0 {
            let expected = Double(r["won"] as! Int) / Double((r["won"] as! Int) + (r["lost"] as! Int))
            #expect(abs((r["rate"] as! Double) - expected) < 1e-9)
        }
        let source = try doc("wins", "source")
        let groups = (source["groups"] as! [[String: Any]]).map { $0["key"] as! String }
        #expect(groups.contains("inbound") || groups.contains("outbound") || groups.contains("partner"), "\(groups)")
        let table = try CLI.run(["report", "losses", "--by", "help", "--root", root, "--since", "2026-W34", "--until", "2026-W47"])
        #expect(table.stdout.contains("Win rate by help (a deal that asked several is in each; (alone) asked nobody)"))
    }
}

@Suite("cascade review")
struct ReviewCommandTests {
    let root = CLI.packageRoot.path

    @Test(arguments: ["sofia-berg", "dana-cho"])
    func theAgendaOfTheSample(_ leader: String) throws {
        let md = try CLI.run(["review", "--for", leader, "--since", "2026-W34", "--until", "2026-W47", "--root", root])
        #expect(md.status == 0, "\(md.stderr)")
        try CLI.assertGolden(md.stdout, "review-\(leader).md")
        #expect(WordCount.count(md.stdout) <= 1190, "within the digest's reading budget")
        for q in ["If we could turn the clock back, what would we do differently?", "## Losses"] {
            #expect(md.stdout.contains(q))
        }
    }

    @Test func theJSONHoldsEveryLossWithItsStory() throws {
        let r = try CLI.run(["review", "--for", "dana-cho", "--since", "2026-W34", "--until", "2026-W47", "--format", "json",
                             "--root", root])
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let losses = doc["losses"] as! [[String: Any]]
        let report = try CLI.run(["report", "losses", "--format", "json", "--since", "2026-W34", "--until", "2026-W47",
                                  "--root", root])
        let reported = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as! [String: Any]
        let lost = (reported["deals"] as! [[String: Any]]).filter { $0["stage"] as? String == "lost" }
        #expect(Set(losses.map { $0["deal"] as! String }) == Set(lost.map { $0["deal"] as! String }), "every loss")
        let amounts = losses.map { ($0["amount"] as! NSNumber).doubleValue }
        #expect(amounts == amounts.sorted(by: >), "largest first")
        for l in losses {
            #expect((l["lost_alone"] as! Bool) == (l["asked"] as! [Any]).isEmpty)
            let life = l["life"] as! [[String: Any]]
            #expect(life.last?["stage"] as? String == "lost" && life.count >= 2, "\(l["deal"]!)")
        }
        #expect((doc["disqualified"] as! [[String: Any]]).allSatisfy { $0["stage"] as? String == "disqualified" })
        let left = doc["left_out"] as! [String: Int]
        #expect(left["losses"] == 0, "losses are the last thing the budget trims")
        #expect(try CLI.run(["review", "--for", "nobody", "--root", root]).status == 2)
        #expect(try CLI.run(["review", "--for", "dana-cho", "--week", "2026-W47", "--since", "2026-W40", "--root", root]).status == 2)
    }
}
