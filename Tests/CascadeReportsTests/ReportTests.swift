import CascadeCore
import CascadeHistory
import CascadeReports
import Testing

/// A hand-built history where every figure is known.
enum Fixture {
    static let org = ExampleOrg.org  // ana-lima, ben-okafor under raj-patel (EMEA, ana Enterprise); tom-berg under maria-gonzalez

    static func deal(_ id: String, _ stage: String, _ amount: Double, close: String, reason: String? = nil, lesson: String? = nil,
                     competitor: String? = nil, vertical: String? = nil, gaps: [String] = [], objections: [String] = [],
                     asks: [(String, String)] = [], next: String = "next") -> DealSnapshot {
        var text = "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - id: \(id)\n    account: Account \(id)\n    stage: \(stage)\n    amount: \(Int(amount))\n    close: \(close)\n    next: \(next)\n"
        if let reason { text += "    reason: \(reason)\n" }
        if let lesson { text += "    lesson: \(lesson)\n" }
        if let competitor { text += "    competitor: \(competitor)\n" }
        if let vertical { text += "    vertical: \(vertical)\n" }
        if !gaps.isEmpty { text += "    gaps: [\(gaps.joined(separator: ", "))]\n" }
        if !objections.isEmpty { text += "    objections: [\(objections.joined(separator: ", "))]\n" }
        if !asks.isEmpty { text += "    asks:\n" + asks.map { "      - { to: \($0.0), ask: \($0.1) }\n" }.joined() }
        text += "---\n"
        let update = UpdateParser.parse(path: "updates/2026-W48/ana-lima.md", source: SourceText(text)).update!
        return DealSnapshot(update.deals[0], org: org)!
    }

    static func u(_ person: String, _ week: String, _ deals: [DealSnapshot]) -> WeeklyUpdate {
        WeeklyUpdate(person: person, week: Week(week)!, deals: deals, body: "", highlights: [])
    }

    /// W40-W44: ana wins A (price-free), loses B to Globex on price, disqualifies C; ben loses D (competitor, Initech);
    /// tom's E slips twice and regresses; PROD-1 blocks A (won) and E (open); asks to product repeat for 3 weeks.
    static let history: History = History(org: org, updates: [
        u("ana-lima", "2026-W40", [deal("A", "propose", 100_000, close: "2026-10-30", gaps: ["PROD-1"], objections: ["price"], asks: [("product", "roadmap")]),
                                   deal("B", "discover", 50_000, close: "2026-11-30", competitor: "Globex", vertical: "Retail", objections: ["price"]),
                                   deal("C", "qualify", 20_000, close: "2026-12-30")]),
        u("ana-lima", "2026-W41", [deal("A", "negotiate", 100_000, close: "2026-10-30", gaps: ["PROD-1"], asks: [("product", "roadmap")]),
                                   deal("B", "propose", 50_000, close: "2026-11-30", competitor: "Globex", vertical: "Retail"),
                                   deal("C", "disqualified", 20_000, close: "2026-10-07", reason: "no-fit")]),
        u("ana-lima", "2026-W42", [deal("A", "won", 100_000, close: "2026-10-16", gaps: ["PROD-1"]),
                                   deal("B", "propose", 50_000, close: "2026-11-30", competitor: "Globex", vertical: "Retail", asks: [("product", "roadmap")])]),
        u("ana-lima", "2026-W43", [deal("B", "lost", 50_000, close: "2026-10-20", reason: "price", lesson: "Anchor value first.", competitor: "Globex", vertical: "Retail")]),
        u("ben-okafor", "2026-W41", [deal("D", "propose", 30_000, close: "2026-12-01", objections: ["security-review"])]),
        u("ben-okafor", "2026-W42", [deal("D", "lost", 30_000, close: "2026-10-14", reason: "competitor", lesson: "Security review earlier.", competitor: "Initech")]),
        u("tom-berg", "2026-W40", [deal("E", "negotiate", 80_000, close: "2026-11-06", gaps: ["PROD-1"])]),
        u("tom-berg", "2026-W41", [deal("E", "negotiate", 80_000, close: "2026-11-20", gaps: ["PROD-1"])]),
        u("tom-berg", "2026-W42", [deal("E", "discover", 80_000, close: "2027-02-05", gaps: ["PROD-1"])]),
        u("tom-berg", "2026-W43", [deal("E", "discover", 80_000, close: "2027-02-05", gaps: ["PROD-1"])]),
        u("tom-berg", "2026-W44", [deal("E", "discover", 80_000, close: "2027-02-05", gaps: ["PROD-1"])]),
    ])

    static func context(_ scope: [String]? = nil) -> ReportContext {
        ReportContext(history: history, scope: scope ?? org.people.map(\.id.value), since: Week("2026-W40")!, until: Week("2026-W44")!)
    }
}

@Suite("cascade report")
struct ReportTests {
    @Test func lossesByReasonCompetitorRegionAndAuthor() {
        let byReason = OutcomeReport.make(Fixture.context(), wins: false, by: .reason)
        #expect(byReason.tables[0].rows == [["price", "1", "$50k", "50%"], ["competitor", "1", "$30k", "30%"], ["no-fit", "1", "$20k", "20%"]],
                "every lost stage counts, disqualified included")
        #expect(byReason.tables[0].title.contains("1 disqualified, $20k, included"))
        let byCompetitor = OutcomeReport.make(Fixture.context(), wins: false, by: .competitor)
        #expect(byCompetitor.tables[0].rows.map { $0[0] } == ["Globex", "Initech", "(none)"])
        let byRegion = OutcomeReport.make(Fixture.context(), wins: false, by: .region)
        #expect(byRegion.tables[0].rows == [["EMEA", "3", "$100k", "100%"]])
        let bySegment = OutcomeReport.make(Fixture.context(), wins: false, by: .segment)
        #expect(bySegment.tables[0].rows.map { $0[0] } == ["Enterprise", "(none)"])
        let byAuthor = OutcomeReport.make(Fixture.context(), wins: false, by: .author)
        #expect(byAuthor.tables[0].rows.map { $0[0] } == ["ana-lima", "ben-okafor"])
        let byVertical = OutcomeReport.make(Fixture.context(), wins: false, by: .vertical)
        #expect(byVertical.tables[0].rows.map { $0[0] } == ["(none)", "Retail"])
        #expect(byReason.tables[1].rows[0].last == "price")
        #expect(byReason.notes.contains("- B Account B ($50k): Anchor value first."))
    }

    @Test func daysToLoseAgainstDaysToWinAndDisqualifiedApart() {
        let r = OutcomeReport.make(Fixture.context(), wins: false, by: .reason)
        // B: first seen W40 (Mon 2026-09-28), lost 2026-10-20 = 22 days; D: W41 (10-05) to 10-14 = 9 days.
        let doc = r.json as! OutcomeReport.Document
        #expect(doc.days_to_lose?.median == 15.5)
        #expect(doc.days_to_lose?.q1 == 12.25)
        #expect(doc.days_to_win?.median == 18)  // A: 09-28 to 10-16
        #expect(doc.disqualified.deals == 1 && doc.disqualified.amount == 20_000)
        #expect(doc.total_deals == 3, "totals of lost deals cover every lost stage")
        #expect(doc.disqualified_deals == 1 && doc.disqualified_amount == 20_000)
        let wins = OutcomeReport.make(Fixture.context(), wins: true, by: .author)
        #expect(wins.tables[0].rows == [["ana-lima", "1", "$100k", "100%"]])
    }

    @Test func gapsWithOpenLostAndWonAmounts() {
        let r = GapsReport.make(Fixture.context())
        #expect(r.tables[0].rows == [["PROD-1", "2", "$80k", "$0", "$100k", "https://tracker.example.com/browse/PROD-1"]])
    }

    @Test func objectionsByQuarterAndSegment() {
        let r = ObjectionsReport.make(Fixture.context())
        #expect(r.tables[0].columns == ["objection", "deals", "2026-Q4"])
        #expect(r.tables[0].rows == [["price", "2", "2"], ["security-review", "1", "1"]])
        #expect(r.tables[1].columns == ["objection", "(none)", "Enterprise"])
        #expect(r.tables[1].rows == [["price", "0", "2"], ["security-review", "1", "0"]])
    }

    @Test func asksAndHowLongTheyStayOpen() {
        let r = AsksReport.make(Fixture.context())
        let asks = (r.json as! AsksReport.Document).asks
        // A's ask: W40-W41 (closed when A is won in W42); B's ask: W42 only, closed in W43.
        #expect(asks.map(\.deal) == ["A", "B"])
        #expect(asks.map(\.weeks_open) == [2, 1])
        #expect(asks.allSatisfy { !$0.open })
        #expect(r.tables[0].rows == [["Product", "2", "0", "$150k", "1.5"]])
    }

    @Test func anAskClosedAndAskedAgainIsTwoAsksOnlyTheLatestOpen() {
        let asking = [("product", "Roadmap date for SSO")]
        let updates = [
            Fixture.u("ana-lima", "2026-W40", [Fixture.deal("X", "propose", 10_000, close: "2026-12-18", asks: asking)]),
            Fixture.u("ana-lima", "2026-W41", [Fixture.deal("X", "propose", 10_000, close: "2026-12-18")]),
            Fixture.u("ana-lima", "2026-W42", [Fixture.deal("X", "propose", 10_000, close: "2026-12-18", asks: asking)]),
        ]
        let history = History(org: Fixture.org, updates: updates)
        let ctx = ReportContext(history: history, scope: ["ana-lima"], since: Week("2026-W40")!, until: Week("2026-W42")!)
        let r = AsksReport.make(ctx)
        let asks = (r.json as! AsksReport.Document).asks.sorted { $0.first_week < $1.first_week }
        #expect(asks.map(\.first_week) == ["2026-W40", "2026-W42"])
        #expect(asks.map(\.open) == [false, true], "the ask of W40 closed in W41, whatever came after")
        #expect(r.tables[0].rows == [["Product", "2", "1", "$20k", "1"]])
    }

    @Test func flagsPerDealAndAuthorWithRewrites() {
        let rewrite = Rewrite(person: "tom-berg", week: Week("2026-W41")!, commit: "abc12345", when: "2026-10-20 10:00+00:00")
        let r = FlagsReport.make(Fixture.context(), rewrites: [rewrite, Rewrite(person: "tom-berg", week: Week("2026-W30")!, commit: "x", when: "")])
        let doc = r.json as! FlagsReport.Document
        let tom = doc.authors.first { $0.author == "tom-berg" }!.counts
        #expect(tom.slips == 2)
        #expect(tom.slip_days == 14 + 77)
        #expect(tom.out_of_quarter == 1)
        #expect(tom.regressions == 1)
        #expect(tom.rewritten == 1, "only rewrites of weeks in the range count")
        #expect(tom.stale == 0, "three unchanged updates are not yet stale")
        #expect(doc.deals.first { $0.deal == "E" }!.counts.slips == 2)
        // Counts sit beside the name in JSON, and a known history says so.
        let text = try! ReportJSON.render(doc)
        #expect(text.contains("\"author\": \"tom-berg\",\n      \"handed_over\": 0,"))
        #expect(text.contains("\"history\": \"complete\""))
    }

    @Test func vanishedAndStaleDealsAreFlagged() {
        let extra = Fixture.history.weeks.flatMap { Fixture.history.updates(in: $0) } + [
            Fixture.u("tom-berg", "2026-W45", [Fixture.deal("E", "discover", 80_000, close: "2027-02-05", gaps: ["PROD-1"])]),
            Fixture.u("tom-berg", "2026-W46", []),
        ]
        let history = History(org: Fixture.org, updates: extra)
        let ctx = ReportContext(history: history, scope: ["tom-berg"], since: Week("2026-W40")!, until: Week("2026-W46")!)
        let tom = (FlagsReport.make(ctx, rewrites: []).json as! FlagsReport.Document).authors[0].counts
        #expect(tom.stale == 1)
        #expect(tom.vanished == 1)
    }

    @Test func pipelineWaterfall() {
        let r = PipelineReport.make(Fixture.context())
        let weeks = (r.json as! PipelineReport.Document).weeks
        #expect(weeks[0].open_amount == 250_000)
        #expect(weeks[0].created == 250_000)
        #expect(weeks[1].advanced == 150_000)  // A propose->negotiate, B discover->propose
        #expect(weeks[1].slipped == 80_000)
        #expect(weeks[1].lost == 20_000)  // C disqualified counts as lost
        #expect(weeks[2].won == 100_000)
        #expect(weeks[3].lost == 50_000)
        #expect(r.tables[0].rows[0] == ["2026-W40", "$250k", "$250k", "$0", "$0", "$0", "$0"])
    }

    @Test func tablesFit80ColumnsAndCSVIsSafe() {
        let table = ReportTable(title: "t", columns: ["text", "n"],
                                cells: [[.text(String(repeating: "long words ", count: 20)), .number(1)], [.text("=HYPERLINK(\"x\")"), .number(-2)], [.text("@SUM(A1)"), .money(3000)],
                                        [.text("a,b \"q\""), .text("+1")], [.text("-rm"), .percent(0.5)]], currency: "USD")
        #expect(table.text(width: 80).split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(table.text().contains(String(repeating: "long words ", count: 19)), "no width: nothing cut")
        let csv = table.csv()
        #expect(csv.hasPrefix("text,n\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",-2\r\n"))
        #expect(csv.contains("'@SUM(A1),3000\r\n"), "CSV amounts are plain numbers")
        #expect(csv.contains("\"a,b \"\"q\"\"\",+1\r\n"))
        #expect(csv.contains("'-rm,0.5000\r\n"))
        #expect(table.rows[2] == ["@SUM(A1)", "$3k"])
    }
}

@Suite("report flags and handovers")
struct HandoverReportTests {
    @Test func aHandoverIsCountedAndIsNotVanished() {
        let updates = [
            Fixture.u("ana-lima", "2026-W40", [Fixture.deal("H", "propose", 10_000, close: "2026-12-01")]),
            Fixture.u("ana-lima", "2026-W41", []),
            Fixture.u("ben-okafor", "2026-W41", [Fixture.deal("H", "propose", 10_000, close: "2026-12-01")]),
        ]
        let history = History(org: Fixture.org, updates: updates)
        let ctx = ReportContext(history: history, scope: ["ana-lima", "ben-okafor"], since: Week("2026-W40")!, until: Week("2026-W41")!)
        let doc = FlagsReport.make(ctx, rewrites: []).json as! FlagsReport.Document
        let ana = doc.authors.first { $0.author == "ana-lima" }!.counts
        #expect(ana.handed_over == 1)
        #expect(ana.vanished == 0)
    }
}
