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
        var quarter: QuarterFigures
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
            quarter = QuarterFigures(d)
            median_days_to_win = d.medianDaysToWin.map(RawDouble.init)
            median_days_to_lose = d.medianDaysToLose.map(RawDouble.init)
            wins = d.wins.map(item)
            losses = ((d.lossOfTheWeek.map { [$0] } ?? []) + d.losses).map { l in
                var i = item(l)
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

        init(_ i: Digest.Item, text: String) {
            deal = i.deal; account = i.account; author = i.author; amount = i.amount; self.text = text
        }

        enum CodingKeys: String, CodingKey { case deal, account, author, amount, text, loss_of_the_week, to, kind }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deal, forKey: .deal); try c.encode(account, forKey: .account);
            try c.encode(author, forKey: .author)
            try c.encode(amount, forKey: .amount); try c.encode(text, forKey: .text)
            if let loss_of_the_week { try c.encode(loss_of_the_week, forKey: .loss_of_the_week) }
            if let to { try c.encode(to, forKey: .to) }
            if let kind { try c.encode(kind, forKey: .kind) }
        }
    }

    struct QuarterFigures: Encodable {
        struct LastQuarter: Encodable {
            var week: String, open_amount: Money, open_deals: Int, won_amount: Money, bookings: Money
        }
        var quarter: String, bookings: Money, goal: Money?
        var same_week_last_quarter: LastQuarter?

        init(_ d: Digest) {
            quarter = d.quarter; bookings = d.quarterBookings; goal = d.goal
            if let last = d.lastQuarter, let w = d.lastQuarterWeek {
                same_week_last_quarter = LastQuarter(
                    week: w.description, open_amount: last.openAmount, open_deals: last.openDeals,
                    won_amount: last.wonAmount, bookings: d.lastQuarterBookings)
            }
        }

        enum CodingKeys: String, CodingKey { case quarter, bookings, goal, same_week_last_quarter }

        /// The same week of last quarter only when the history reaches back to it.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(quarter, forKey: .quarter); try c.encode(bookings, forKey: .bookings);
            try c.encodeIfPresent(goal, forKey: .goal)
            if let same_week_last_quarter { try c.encode(same_week_last_quarter, forKey: .same_week_last_quarter) }
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
