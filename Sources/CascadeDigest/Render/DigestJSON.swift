import CascadeCore

/// The digest as data (`--format json`): the same content as the Markdown, every item
/// included, with what the Markdown left out counted per list. Typed values encoded through
/// `Codable` (`JSONTreeEncoder`), keys in the order declared here.
public enum DigestJSON {
    public static func render(_ d: Digest, _ out: DigestRenderer.Output, org: Org) -> String {
        let document = Document(d, out, org: org)
        let tree = (try? JSONTreeEncoder.encode(document)) ?? .null
        return tree.document(itemLists: ["wins", "losses", "asks", "flags", "gaps", "highlights", "notes"])
    }

    struct Document: Encodable {
        var `for`: String, name: String, kind: String, week: String
        var words: Int, reading_minutes: Int, word_budget: Int
        var scope: Scope
        var unreadable: [Unreadable]
        var totals: Totals
        var stages: [Stage]
        var headline: [String]
        var quarter: QuarterFigures
        var win_rate: WinRates?
        var last_quarter: Comparison?, last_year: Comparison?
        var movement: Movement?
        var lost_alone: LostAlone?
        var median_days_to_win: RawDouble?, median_days_to_lose: RawDouble?
        var wins: [Item], losses: [Item], loss_reasons: [Reason], asks: [Item], flags: [Item], gaps: [Gap],
            highlights: [Item]
        var notes: [Note]
        var left_out: LeftOut

        init(_ d: Digest, _ out: DigestRenderer.Output, org: Org) {
            let wording = DigestWording(org: org)
            func item(_ i: Digest.Item) -> Item { Item(i, text: wording.text(i)) }
            `for` = d.forID; name = d.forName; kind = d.isFunction ? "function" : "person"; week = d.week.description
            words = out.words; reading_minutes = out.minutes; word_budget = org.digest.wordBudget
            scope = Scope(people: d.people, updates: d.updates, missing: d.missing, stale: d.stale)
            unreadable = d.unreadable.map { Unreadable(file: $0.file, author: $0.author, error: $0.error) }
            totals = Totals(d.totals)
            stages = d.stages.map {
                Stage(
                    stage: $0.stage, amount: $0.amount, deals: $0.deals, amount_change: $0.amountChange,
                    deals_change: $0.dealsChange)
            }
            headline = wording.headline(d).map { "\($0.label): \($0.text)" }
            quarter = QuarterFigures(d)
            if let f = d.frame {
                win_rate = WinRates(quarter: WinRate(f.winRate), last_quarter: WinRate(f.lastQuarterWinRate))
                last_quarter = f.lastQuarter.reached ? Comparison(f.lastQuarter) : nil
                last_year = f.lastYear.reached ? Comparison(f.lastYear) : nil
                movement = Movement(f.movement)
                lost_alone = LostAlone(deals: d.lostAlone.deals, amount: d.lostAlone.amount)
            }
            median_days_to_win = d.medianDaysToWin.map(RawDouble.init)
            median_days_to_lose = d.medianDaysToLose.map(RawDouble.init)
            func closed(_ c: Digest.Item) -> Item {
                var i = item(c)
                i.asked = c.asked.map { Asked(to: $0.to, week: $0.week.description) }
                return i
            }
            wins = d.wins.map(closed)
            losses = ((d.lossOfTheWeek.map { [$0] } ?? []) + d.losses).map { l in
                var i = closed(l)
                i.loss_of_the_week = d.lossOfTheWeek?.deal == l.deal
                return i
            }
            loss_reasons = d.lossReasons.map { Reason(reason: $0.reason, deals: $0.count, amount: $0.amount) }
            asks = d.asks.flatMap { g in
                g.items.map {
                    var i = item($0); i.to = g.key; return i
                }
            }
            flags = d.flags.flatMap { g in
                g.items.map {
                    var i = item($0); i.kind = g.key; return i
                }
            }
            gaps = d.gaps.map { g in
                var deals = 0
                if case .gap(let n, _, _, _) = g.detail { deals = n }
                return Gap(
                    ticket: g.deal, amount: g.amount, deals: deals, text: wording.text(g),
                    link: org.tickets.link(for: g.deal))
            }
            highlights = d.highlights.map(item)
            notes = d.notes.map { Note(author: $0.author, name: $0.name, kind: $0.kind, text: $0.text) }
            left_out = LeftOut(out)
        }
    }

    struct Scope: Encodable { var people: Int, updates: Int, missing: [String], stale: [String] }
    struct Unreadable: Encodable { var file: String, author: String, error: String }
    struct Stage: Encodable { var stage: String, amount: Money, deals: Int, amount_change: Money, deals_change: Int }
    struct Reason: Encodable { var reason: String, deals: Int, amount: Money }
    struct Gap: Encodable { var ticket: String, amount: Money, deals: Int, text: String, link: String? }
    struct Note: Encodable { var author: String, name: String, kind: String, text: String }

    struct Totals: Encodable {
        var open_amount: Money, open_deals: Int, won_amount: Money, won_deals: Int, lost_amount: Money,
            lost_deals: Int
        var disqualified_amount: Money, disqualified_deals: Int

        init(_ t: Digest.Totals) {
            open_amount = t.openAmount; open_deals = t.openDeals; won_amount = t.wonAmount; won_deals = t.wonDeals
            lost_amount = t.lostAmount; lost_deals = t.lostDeals; disqualified_amount = t.disqualifiedAmount;
            disqualified_deals = t.disqualifiedDeals
        }
    }

    /// A deal of a list: the same keys in every list, and the key of the list's own
    /// (loss of the week, whom it asks, the signal).
    struct Item: Encodable {
        var deal: String, account: String, author: String, amount: Money, text: String
        var loss_of_the_week: Bool?, to: String?, kind: String?
        /// For a win or a loss: whom the deal asked for help in its life, and first when.
        var asked: [Asked]?

        init(_ i: Digest.Item, text: String) {
            deal = i.deal; account = i.account; author = i.author; amount = i.amount; self.text = text
        }

        enum CodingKeys: String, CodingKey {
            case deal, account, author, amount, text, loss_of_the_week, to, kind, asked
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deal, forKey: .deal); try c.encode(account, forKey: .account);
            try c.encode(author, forKey: .author)
            try c.encode(amount, forKey: .amount); try c.encode(text, forKey: .text)
            if let loss_of_the_week { try c.encode(loss_of_the_week, forKey: .loss_of_the_week) }
            if let to { try c.encode(to, forKey: .to) }
            if let kind { try c.encode(kind, forKey: .kind) }
            if let asked { try c.encode(asked, forKey: .asked) }
        }
    }

    /// `quarter` (SPEC sections 6 and 16): the name, its weeks and those gone, bookings against the goal,
    /// pace, coverage and the forecast; a function's digest has only the name and bookings.
    struct QuarterFigures: Encodable {
        struct Forecast: Encodable { var closed: Money, commit: Money, best_case: Money, pipeline: Money }
        var name: String, weeks: Int?, weeks_gone: Int?, bookings: Money, goal: Money?
        var pace: RawDouble?, coverage: RawDouble?
        var forecast: Forecast?

        init(_ d: Digest) {
            name = d.quarter; bookings = d.quarterBookings; goal = d.goal
            guard let q = d.frame?.quarter else { return }
            weeks = q.weeks; weeks_gone = q.weeksGone; bookings = q.bookings; goal = q.goal
            pace = q.pace.map { RawDouble(Self.rounded($0)) }
            coverage = q.coverage.map { RawDouble(Self.rounded($0)) }
            forecast = Forecast(
                closed: q.forecast.closed, commit: q.forecast.commit, best_case: q.forecast.bestCase,
                pipeline: q.forecast.pipeline)
        }

        /// Four decimals: a ratio is read, not recomputed.
        static func rounded(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }
    }

    struct WinRate: Encodable {
        var won: Int, lost: Int, rate: RawDouble?
        init(_ r: Digest.WinRate) {
            won = r.won; lost = r.lost; rate = r.rate.map { RawDouble(QuarterFigures.rounded($0)) }
        }
    }
    struct WinRates: Encodable { var quarter: WinRate, last_quarter: WinRate }

    struct Comparison: Encodable {
        var week: String, open_amount: Money, open_deals: Int, bookings: Money
        init(_ c: Digest.Comparison) {
            week = c.week?.description ?? ""; open_amount = c.openAmount; open_deals = c.openDeals
            bookings = c.bookings
        }
    }

    struct LostAlone: Encodable { var deals: Int, amount: Money }
    struct Asked: Encodable { var to: String, week: String }

    struct Movement: Encodable {
        struct Line: Encodable { var amount: Money, deals: Int }
        var opening: Money, new: Line, pulled_in: Line, pushed_out: Line, amount_up: Line, amount_down: Line
        var won: Line, lost: Line, vanished: Line, other: Money, closing: Money
        init(_ m: Digest.Movement) {
            func line(_ l: Digest.Movement.Line) -> Line { Line(amount: l.amount, deals: l.deals) }
            opening = m.opening; new = line(m.new); pulled_in = line(m.pulledIn); pushed_out = line(m.pushedOut)
            amount_up = line(m.amountUp); amount_down = line(m.amountDown); won = line(m.won); lost = line(m.lost)
            vanished = line(m.vanished); other = m.other; closing = m.closing
        }
    }

    struct LeftOut: Encodable {
        struct Count: Encodable { var count: Int, amount: Money }
        var wins: Count, losses: Count, asks: Count, flags: Count, gaps: Count, highlights: Count, notes: Count,
            missing: Count

        /// What the Markdown left out of each section, all its groups together.
        init(_ out: DigestRenderer.Output) {
            func left(_ section: Digest.SectionID) -> Count {
                let parts = out.leftOut.filter { $0.key.section == section }.values
                return Count(count: parts.reduce(0) { $0 + $1.count }, amount: parts.sum(\.amount))
            }
            wins = left(.wins); losses = left(.losses); asks = left(.asks); flags = left(.flags)
            gaps = left(.gaps); highlights = left(.highlights); notes = left(.notes); missing = left(.missing)
        }
    }
}
