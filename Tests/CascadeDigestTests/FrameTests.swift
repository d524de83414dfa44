import CascadeCore
import CascadeDigest
import CascadeHistory
import Testing

/// The frame of the numbers on an organisation whose every figure is known (SPEC section 16).
@Suite("the frame: pace, coverage, forecast, win rate, movement")
struct FrameTests {
    static let org = Checker.checkOrg(SourceText("""
        people:
          - { id: dana-cho, name: Dana Cho, email: dana@x.example }
          - { id: ana-lima, name: Ana Lima, email: ana@x.example, reports_to: dana-cho }
          - { id: ben-okafor, name: Ben Okafor, email: ben@x.example, reports_to: dana-cho }
        goals:
          - { team: dana-cho, quarter: 2026-Q4, bookings: 1000000 }
        forecast:
          commit: commit
          negotiate: best-case
        """)).org!

    /// A deal as an update lists it; `extra` adds YAML lines (reason, forecast).
    static func deal(_ id: String, _ stage: String, _ amount: Int, _ close: String, _ extra: String = "") -> DealSnapshot {
        var text = "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - id: \(id)\n    account: Acct \(id)\n"
        text += "    stage: \(stage)\n    amount: \(amount)\n    close: \(close)\n    next: call\n"
        text += extra.split(separator: "\n").map { "    \($0)\n" }.joined() + "---\n"
        let update = UpdateParser.parse(path: "updates/2026-W48/ana-lima.md", source: SourceText(text)).update!
        return DealSnapshot(update.deals[0], org: org)!
    }

    static func u(_ person: String, _ week: String, _ deals: [DealSnapshot]) -> WeeklyUpdate {
        WeeklyUpdate(person: person, week: Week(week)!, deals: deals, body: "", highlights: [])
    }

    static let history = History(org: org, updates: [
        u("ana-lima", "2026-W41", [
            deal("A", "propose", 100_000, "2026-12-10"), deal("B", "negotiate", 200_000, "2026-11-30"),
            deal("C", "negotiate", 50_000, "2026-12-05"),
        ]),
        u("ben-okafor", "2026-W41", [
            deal("D", "commit", 300_000, "2026-12-20"), deal("E", "propose", 80_000, "2026-12-15"),
            deal("H", "suspect", 10_000, "2026-12-31"),
        ]),
        // A grows 20k and slips; B is won; C is pulled in; F is new.
        u("ana-lima", "2026-W42", [
            deal("A", "propose", 120_000, "2026-12-20"), deal("B", "won", 200_000, "2026-10-14"),
            deal("C", "negotiate", 50_000, "2026-11-20"), deal("F", "qualify", 40_000, "2026-12-01"),
        ]),
        // D is left out of the forecast; E is lost; H qualified out; G is new, forecast commit, closing in Q4.
        u("ben-okafor", "2026-W42", [
            deal("D", "commit", 300_000, "2026-12-20", "forecast: omitted"),
            deal("E", "lost", 80_000, "2026-10-15", "reason: price\nlesson: too late"),
            deal("H", "disqualified", 10_000, "2026-10-15", "reason: no-fit"),
            deal("G", "discover", 60_000, "2026-12-30", "forecast: commit"),
        ]),
        // F vanishes from Ana's update; Ben writes nothing (his W42 pipeline stays, stale).
        u("ana-lima", "2026-W43", [deal("A", "propose", 90_000, "2026-12-20"), deal("C", "negotiate", 50_000, "2026-11-20")]),
    ])

    func frame(_ week: String) -> (Digest, Digest.Frame) {
        let d = DigestBuilder(history: Self.history).build(for: "dana-cho", week: Week(week)!)!
        return (d, d.frame!)
    }

    @Test func paceCoverageAndForecast() {
        let (_, f) = frame("2026-W42")
        let q = f.quarter
        #expect(q.name == "2026-Q4" && q.weeks == 14 && q.weeksGone == 3, "W40 to W53; W40, W41, W42 gone")
        #expect(q.bookings == 200_000 && q.goal == 1_000_000 && q.pace == 0.2)
        // Open and closing in Q4: A 120k, C 50k, F 40k, D 300k (omitted still counts for coverage), G 60k.
        #expect(q.stillToBook == 800_000)
        #expect(q.coverage == 570_000.0 / 800_000.0)
        #expect(q.forecast.closed == 200_000 && q.forecast.commit == 60_000)
        #expect(q.forecast.bestCase == 50_000, "C's stage is best-case in org.yaml")
        #expect(q.forecast.pipeline == 160_000, "A and F, whose stages have no category; D is omitted")
    }

    @Test func winRateLeavesDisqualifiedApart() {
        let (_, f) = frame("2026-W42")
        #expect(f.winRate.won == 1 && f.winRate.lost == 1 && f.winRate.rate == 0.5)
        #expect(f.lastQuarterWinRate.rate == nil)
        #expect(!f.lastQuarter.reached && f.lastQuarter.week == Week("2026-W29"))
        #expect(!f.lastYear.reached && f.lastYear.week == Week("2025-W42"))
    }

    @Test func movementAddsUp() {
        let (d, f) = frame("2026-W42")
        let m = f.movement
        #expect(m.opening == 740_000 && m.closing == 570_000)
        #expect(m.new.amount == 100_000 && m.new.deals == 2)
        #expect(m.amountUp.amount == 20_000 && m.amountDown.amount == .zero)
        #expect(m.won.amount == 200_000 && m.lost.amount == 90_000 && m.lost.deals == 2)
        #expect(m.pulledIn.deals == 1 && m.pushedOut.deals == 1 && m.vanished.deals == 0)
        #expect(m.other == .zero)
        #expect(f.largestClosed?.deal == "B")
        #expect(f.largestRisk?.deal == "A", "A slipped")
        let rendered = try! DigestRenderer(org: Self.org).render(d).markdown
        #expect(rendered.contains("**Pace:** $200k of $1M (20%, counted from 2026-W41, where the history starts), "
            + "3 of 14 weeks gone (21%); coverage 0.7x of the $800k still to book."), "\(rendered)")
        #expect(rendered.contains("| open last week (2026-W41) | $740k |  |\n| new | +$100k | 2 |\n| amount up | +$20k | 1 |"))
        #expect(rendered.contains("| other (updates entering or leaving the four-week window) | ±0 |  |\n| open this week | $570k |  |"))
        #expect(rendered.contains("**Largest risk:** Acct A (A), $120k: close 2026-12-10 -> 2026-12-20 (+10 days), Ana Lima."))
        #expect(rendered.contains("Forecast 2026-Q4: closed $200k + commit $60k + best case $50k = $310k of the $1M goal"))
        #expect(rendered.contains("Win rate 2026-Q4 to date: 50% (1 won, 1 lost), disqualified deals apart"))
        #expect(rendered.contains("the history does not reach back to 2026-W29 (it starts in 2026-W41)"))
    }

    @Test func aVanishedDealAndACutAreCounted() {
        let (_, f) = frame("2026-W43")
        let m = f.movement
        #expect(m.opening == 570_000)
        #expect(m.vanished.amount == 40_000 && m.vanished.deals == 1, "F")
        #expect(m.amountDown.amount == 30_000, "A cut from 120k to 90k")
        #expect(m.cuts.map(\.deal) == ["A"])
        let d = DigestBuilder(history: Self.history).build(for: "dana-cho", week: Week("2026-W43")!)!
        let md = try! DigestRenderer(org: Self.org).render(d).markdown
        #expect(md.contains("Amounts cut: Acct A (A) $120k -> $90k."), "\(md)")
        #expect(m.closing == Money(500_000), "A 90k, C 50k and Ben's W42 pipeline (D 300k, G 60k), stale, still counts")
        #expect(m.opening + m.new.amount + m.amountUp.amount - m.amountDown.amount - m.won.amount - m.lost.amount
            - m.vanished.amount + m.other == m.closing)
        #expect(m.other == .zero)
    }
}

/// A function's digest serves its reader (SPEC section 6) and explains the stages it mentions.
@Suite("function digests")
struct FunctionDigestTests {
    func digest(_ id: String, _ week: String) -> (Digest, String) {
        let d = DigestBuilder(history: sample).build(for: id, week: Week(week)!)!
        return (d, try! DigestRenderer(org: sample.org).render(d).markdown)
    }

    @Test func productSeesTheLossesToAProductGap() {
        let (d, md) = digest("product", "2026-W45")
        #expect(d.losses.map(\.deal) == ["NW-1120"], "Halden Maschinenbau, lost on the S/4HANA connector")
        #expect(md.contains("Halden Maschinenbau AG"))
        let (other, _) = digest("product", "2026-W47")
        #expect(other.losses.allSatisfy { l in
            if case .loss(_, let reason, _, _) = l.detail { return reason == "product-gap" }
            return false
        })
    }

    @Test func marketingSeesObjectionsAndSources() {
        let (d, md) = digest("marketing", "2026-W47")
        #expect(!d.objections.isEmpty && d.objections.first?.objection == "security-review")
        let quarterDeals = d.objections.map(\.quarterDeals)
        #expect(quarterDeals == quarterDeals.sorted(by: >), "ranked by the quarter's deals")
        #expect(d.objections.allSatisfy { $0.weekDeals <= $0.quarterDeals })
        #expect(md.contains("## Objections") && md.contains("## Win rate by source, this quarter"))
        let total = d.sources.reduce(0) { $0 + $1.won + $1.lost }
        let rate = DigestBuilder(history: sample).build(for: "dana-cho", week: w47)!.frame!.winRate
        #expect(total == rate.won + rate.lost, "every deal won or lost in the quarter has a source line")
    }

    @Test func aFunctionsDigestEndsWithTheStagesItMentions() {
        let (d, md) = digest("value-engineering", "2026-W47")
        #expect(!d.glossary.isEmpty)
        #expect(md.hasSuffix("- **\(d.glossary.last!.stage)**: \(d.glossary.last!.meaning)\n"))
        #expect(md.contains("## Stages in this digest"))
        let (person, _) = digest("dana-cho", "2026-W47")
        #expect(person.glossary.isEmpty, "a leader's digest explains stages in the HTML instead")
    }
}

/// A fiscal year that starts in February: 2027-Q4 is November 2026 to January 2027.
@Suite("the frame in a fiscal year not starting in January")
struct FiscalFrameTests {
    @Test func quarterWeeksAndGoalFollowTheFiscalYear() {
        let org = Checker.checkOrg(SourceText("""
            fiscal_year_start_month: 2
            people:
              - { id: dana-cho, name: Dana Cho }
              - { id: ana-lima, name: Ana Lima, reports_to: dana-cho }
            goals:
              - { team: dana-cho, quarter: 2027-Q4, bookings: 500000 }
            """)).org!
        func deal(_ id: String, _ stage: String, _ amount: Int, _ close: String) -> DealSnapshot {
            DealSnapshot(
                id: id, account: id, stage: stage, kind: org.stages.kind(of: stage)!, amount: Money(amount),
                close: Day(close), next: "call", reason: stage == "lost" ? "price" : nil, lesson: nil, why: nil,
                competitor: nil, vertical: nil, persona: nil, gaps: [], objections: [], asks: [])
        }
        let history = History(org: org, updates: [
            // Won in W44 (October, fiscal 2027-Q3) and in W46 (November, 2027-Q4).
            WeeklyUpdate(person: "ana-lima", week: Week("2026-W44")!, deals: [deal("A", "won", 70_000, "2026-10-28")],
                         body: "", highlights: []),
            WeeklyUpdate(person: "ana-lima", week: Week("2026-W46")!,
                         deals: [deal("B", "won", 100_000, "2026-11-11"), deal("C", "propose", 200_000, "2027-01-20")],
                         body: "", highlights: []),
            WeeklyUpdate(person: "ana-lima", week: Week("2026-W47")!, deals: [deal("C", "propose", 200_000, "2027-01-20")],
                         body: "", highlights: []),
        ])
        let f = DigestBuilder(history: history).build(for: "dana-cho", week: Week("2026-W47")!)!.frame!
        #expect(f.quarter.name == "2027-Q4" && f.quarter.weeks == 13 && f.quarter.weeksGone == 3)
        #expect(f.quarter.bookings == 100_000, "A was won in fiscal 2027-Q3")
        #expect(f.quarter.goal == 500_000 && f.quarter.pace == 0.2)
        #expect(f.quarter.coverage == 0.5, "C closes in January, inside 2027-Q4: 200k of the 400k left")
        #expect(f.lastQuarterWinRate.won == 1, "A, in the previous fiscal quarter")
    }
}

/// Never lose alone (SPEC section 16): whom a closed deal asked, over its whole life and every owner.
@Suite("never lose alone in the digest")
struct LostAloneTests {
    static func deal(_ id: String, _ stage: String, _ amount: Int, asks: [String] = []) -> DealSnapshot {
        let org = FrameTests.org
        return DealSnapshot(
            id: id, account: "Acct \(id)", stage: stage, kind: org.stages.kind(of: stage)!, amount: Money(amount),
            close: Day("2026-12-18"), next: "call", reason: org.stages.kind(of: stage) == .lost ? "price" : nil,
            lesson: stage == "lost" ? "a lesson" : nil, why: nil, competitor: nil, vertical: nil, persona: nil,
            gaps: [], objections: [], asks: asks.map { ($0, "help") })
    }

    static let history = History(org: FrameTests.org, updates: [
        FrameTests.u("ana-lima", "2026-W40", [deal("X", "propose", 100_000, asks: ["value-engineering"]),
                                             deal("W", "propose", 50_000, asks: ["product"])]),
        // X is handed to Ben, who asks product; Y never asks anyone.
        FrameTests.u("ana-lima", "2026-W41", [deal("W", "negotiate", 50_000)]),
        FrameTests.u("ben-okafor", "2026-W41", [deal("X", "negotiate", 100_000, asks: ["product"]),
                                               deal("Y", "propose", 30_000), deal("Z", "suspect", 5_000)]),
        FrameTests.u("ana-lima", "2026-W42", [deal("W", "won", 50_000)]),
        FrameTests.u("ben-okafor", "2026-W42", [deal("X", "lost", 100_000), deal("Y", "lost", 30_000),
                                               deal("Z", "disqualified", 5_000)]),
    ])

    @Test func everyClosedDealSaysWhomItAsked() throws {
        let d = DigestBuilder(history: Self.history).build(for: "dana-cho", week: Week("2026-W42")!)!
        let losses = ([d.lossOfTheWeek].compactMap { $0 } + d.losses)
        let x = try #require(losses.first { $0.deal == "X" })
        #expect(x.asked.map(\.to) == ["value-engineering", "product"], "both owners' asks, in order")
        #expect(x.asked.map(\.week) == [Week("2026-W40")!, Week("2026-W41")!])
        #expect(losses.first { $0.deal == "Y" }?.asked.isEmpty == true)
        #expect(d.wins.first?.asked.map(\.to) == ["product"], "an ask two weeks before the win")
        #expect(d.lostAlone.deals == 1 && d.lostAlone.amount == 30_000 && d.lostAlone.losses == 2, "Z is disqualified")
        let out = try DigestRenderer(org: FrameTests.org).render(d)
        #expect(out.markdown.contains("Lost alone: 1 of 2 losses ($30k) asked nobody for help."))
        #expect(out.markdown.contains("(lost alone: it asked nobody for help)"))
        #expect(out.markdown.contains("(asked value-engineering in 2026-W40, product in 2026-W41)"))
        let json = DigestJSON.render(d, out, org: FrameTests.org)
        #expect(json.contains(#""lost_alone": {"deals": 1, "amount": 30000}"#))
        #expect(json.contains(#""asked": [{"to": "value-engineering", "week": "2026-W40"}, {"to": "product", "week": "2026-W41"}]"#))
    }
}
