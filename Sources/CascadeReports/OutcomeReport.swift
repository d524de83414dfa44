import CascadeCore
import CascadeHistory

/// `report losses` and `report wins`: count and amount by a dimension, the
/// lessons, days to lose against days to win, disqualified deals apart.
public enum OutcomeReport {
    public static func make(_ ctx: ReportContext, wins: Bool, by dimension: Dimension) -> Report {
        let o = Outcomes(ctx, wins: wins, by: dimension)
        let rates = o.winRates.isEmpty ? [] : [o.winRateTable()]
        var report = Report(
            title: wins ? "Wins" : "Losses",
            tables: [o.byTable()] + rates + [o.detailTable()] + (wins ? [] : [o.disqualifiedTable()]),
            notes: o.notes(), json: o.json())
        report.csvTable = o.dealsTable()
        return report
    }
}

/// The closed deals of the range, grouped and ranked, with what each part of the report shows.
struct Outcomes: Sendable {
    let ctx: ReportContext
    let wins: Bool
    let dimension: Dimension
    let lost: [ReportContext.Closed], won: [ReportContext.Closed], disqualified: [ReportContext.Closed]
    /// The deals of this report (won or lost), largest first, and their groups by the dimension, ranked.
    let sorted: [ReportContext.Closed]
    let ranked: [(key: String, value: (deals: Int, amount: Money))]
    let total: Money
    let daysLose: Spread?, daysWin: Spread?
    /// Days to disqualify, by quarter.
    let byQuarter: [Quarter: [Int]]
    /// For `--by help` and `--by source`: won and lost (disqualified apart) in each group, over the range.
    let winRates: [(key: String, won: Int, lost: Int)]

    init(_ ctx: ReportContext, wins: Bool, by dimension: Dimension) {
        self.ctx = ctx
        self.wins = wins
        self.dimension = dimension
        let closed = ctx.closed()
        // Totals of lost deals cover every lost stage (SPEC section 11); disqualified deals are also counted apart,
        // and left out of days to lose (qualifying out is not a loss to learn from).
        lost = closed.filter { $0.deal.kind == .lost }
        won = closed.filter { $0.deal.kind == .won }
        disqualified = closed.filter { ctx.org.stages.isDisqualified($0.deal.stage) }
        let chosen = wins ? won : lost
        var groups: [String: (deals: Int, amount: Money)] = [:]
        for c in chosen {
            for value in ctx.values(dimension, c) {
                groups[value, default: (0, .zero)].deals += 1
                groups[value, default: (0, .zero)].amount += c.deal.amount
            }
        }
        ranked = groups.sorted { ($0.value.amount, $0.value.deals, $1.key) > ($1.value.amount, $1.value.deals, $0.key) }
        total = chosen.sum(\.deal.amount)
        sorted = chosen.sorted { ($0.deal.amount, $1.deal.id) > ($1.deal.amount, $0.deal.id) }
        daysLose = Spread(lost.filter { !ctx.org.stages.isDisqualified($0.deal.stage) }.compactMap(\.days))
        daysWin = Spread(won.compactMap(\.days))
        var byQuarter: [Quarter: [Int]] = [:]
        for c in disqualified { if let d = c.days { byQuarter[ctx.quarter(c.week), default: []].append(d) } }
        self.byQuarter = byQuarter
        var rates: [String: (won: Int, lost: Int)] = [:]
        if dimension == .help || dimension == .source {
            for c in won { for v in ctx.values(dimension, c) { rates[v, default: (0, 0)].won += 1 } }
            for c in lost where !ctx.org.stages.isDisqualified(c.deal.stage) {
                for v in ctx.values(dimension, c) { rates[v, default: (0, 0)].lost += 1 }
            }
        }
        winRates = rates.map { ($0.key, $0.value.won, $0.value.lost) }
            .sorted { ($0.won + $0.lost, $1.key) > ($1.won + $1.lost, $0.key) }
    }

    /// Does asking a function, or a source, win deals? The win rate of each group against the others.
    func winRateTable() -> ReportTable {
        ReportTable(
            title: "Win rate by \(dimension.rawValue)"
                + (dimension == .help ? " (a deal that asked several is in each; (alone) asked nobody)" : ""),
            columns: [dimension.rawValue, "won", "lost", "win rate"],
            cells: winRates.map { r in
                [
                    .text(r.key), .number(Double(r.won)), .number(Double(r.lost)),
                    r.won + r.lost == 0 ? .text("") : .percent(Double(r.won) / Double(r.won + r.lost)),
                ]
            },
            currency: ctx.org.currency)
    }

    var dqAmount: Money { disqualified.sum(\.deal.amount) }

    func byTable() -> ReportTable {
        let scopeNote =
            wins || disqualified.isEmpty
            ? "" : " (every lost stage; \(disqualified.count) disqualified, \(ctx.money(dqAmount)), included)"
        return ReportTable(
            title: "\(wins ? "Wins" : "Losses") by \(dimension.rawValue)\(scopeNote)",
            columns: [dimension.rawValue, "deals", "amount", "share"],
            cells: ranked.map {
                [
                    .text($0.key), .number(Double($0.value.deals)), .money($0.value.amount),
                    .percent(total > .zero ? $0.value.amount.double / total.double : 0),
                ]
            },
            currency: ctx.org.currency)
    }

    func detailTable() -> ReportTable {
        ReportTable(
            title: wins ? "Won deals" : "Lost deals",
            columns: ["week", "deal", "account", "author", "amount", wins ? "competitor" : "reason"],
            cells: sorted.map { c in
                [
                    .text(c.week.description), .text(c.deal.id), .text(c.deal.account), .text(c.person),
                    .money(c.deal.amount),
                    .text(wins ? (c.deal.competitor ?? "") : (c.deal.reason ?? "")),
                ]
            },
            currency: ctx.org.currency)
    }

    /// For spreadsheets: one row per deal, with every dimension, the reason, the lesson (or why it was won)
    /// and the days to close.
    func dealsTable() -> ReportTable {
        let dimensions = Dimension.allCases.filter { $0 != .author }
        return ReportTable(
            title: wins ? "Won deals" : "Lost deals",
            columns: ["week", "deal", "account", "author", "amount", "stage"] + dimensions.map(\.rawValue)
                + ["days_to_close", wins ? "why" : "lesson"],
            cells: sorted.map { c in
                let values: [Cell] = dimensions.map { d in
                    let v = ctx.value(d, c)
                    return .text(v == "(none)" ? "" : v)
                }
                return [
                    .text(c.week.description), .text(c.deal.id), .text(c.deal.account), .text(c.person),
                    .money(c.deal.amount), .text(c.deal.stage),
                ] + values + [
                    c.days.map { .number(Double($0)) } ?? .text(""), .text((wins ? c.deal.why : c.deal.lesson) ?? ""),
                ]
            },
            currency: ctx.org.currency)
    }

    /// Disqualified deals apart: qualifying out early is good; is it getting earlier?
    func disqualifiedTable() -> ReportTable {
        ReportTable(
            title: "Disqualified (apart from losses)", columns: ["quarter", "deals", "amount", "median days"],
            cells: byQuarter.keys.sorted().map { q -> [Cell] in
                let list = disqualified.filter { ctx.quarter($0.week) == q }
                return [
                    .text(q.description), .number(Double(list.count)), .money(list.sum(\.deal.amount)),
                    .number(Spread(byQuarter[q]!)!.median),
                ]
            }, currency: ctx.org.currency)
    }

    func notes() -> [String] {
        var notes: [String] = [wins ? "Why we won:" : "Lessons:"]
        for c in sorted {
            let none =
                ctx.org.stages.isDisqualified(c.deal.stage)
                ? "(disqualified, \(c.deal.reason ?? "no reason"))" : "(none written)"
            notes.append(
                "- \(c.deal.id) \(c.deal.account) (\(ctx.money(c.deal.amount))): "
                    + "\((wins ? c.deal.why : c.deal.lesson) ?? none)"
            )
        }
        notes.append("")
        func spread(_ s: Spread?) -> String {
            s.map {
                "median \(fmt($0.median)) \($0.median == 1 ? "day" : "days") (quartiles \(fmt($0.q1))-\(fmt($0.q3)), "
                    + "\(Noun.deal($0.count)))"
            }
                ?? "no deals"
        }
        notes.append("Days to lose: \(spread(daysLose)); days to win: \(spread(daysWin)).")
        if byQuarter.count >= 2 {
            let qs = byQuarter.keys.sorted()
            let first = Spread(byQuarter[qs.first!]!)!.median, last = Spread(byQuarter[qs.last!]!)!.median
            let trend = last < first ? "earlier" : last > first ? "later" : "neither earlier nor later"
            notes.append(
                "Qualifying out is getting \(trend): median \(fmt(first)) days in \(qs.first!) against \(fmt(last)) "
                    + "in \(qs.last!)."
            )
        }
        return notes
    }

    func json() -> OutcomeReport.Document {
        OutcomeReport.Document(
            kind: wins ? "wins" : "losses", by: dimension.rawValue,
            groups: ranked.map { .init(key: $0.key, deals: $0.value.deals, amount: $0.value.amount) },
            deals: sorted.map(OutcomeReport.Document.Deal.init), total_deals: sorted.count, total_amount: total,
            disqualified_deals: disqualified.count, disqualified_amount: dqAmount,
            days_to_lose: daysLose.map(SpreadJSON.init), days_to_win: daysWin.map(SpreadJSON.init),
            win_rates: winRates.isEmpty
                ? nil
                : winRates.map {
                    .init(
                        key: $0.key, won: $0.won, lost: $0.lost,
                        rate: $0.won + $0.lost == 0 ? nil : Double($0.won) / Double($0.won + $0.lost))
                },
            disqualified: .init(
                deals: disqualified.count, amount: dqAmount,
                by_quarter: byQuarter.keys.sorted().map { q in
                    .init(
                        quarter: q.description, deals: byQuarter[q]!.count, median_days: Spread(byQuarter[q]!)!.median)
                }))
    }
}

extension OutcomeReport {
    /// `report losses|wins --format json`: the groups by the dimension, every deal, days to close.
    public struct Document: ReportDocument {
        public var kind: String, by: String
        public var groups: [Group]
        public var deals: [Deal]
        public var total_deals: Int, total_amount: Money
        public var disqualified_deals: Int, disqualified_amount: Money
        public var days_to_lose: SpreadJSON?, days_to_win: SpreadJSON?
        /// `--by help` and `--by source` only: won, lost and the win rate of each group.
        public var win_rates: [WinRate]?
        public var disqualified: Disqualified

        public struct Group: Encodable, Sendable { public var key: String, deals: Int, amount: Money }
        public struct WinRate: Encodable, Sendable { public var key: String, won: Int, lost: Int, rate: Double? }

        public struct Disqualified: Encodable, Sendable {
            public var deals: Int, amount: Money, by_quarter: [Quarter]
            public struct Quarter: Encodable, Sendable { public var quarter: String, deals: Int, median_days: Double }
        }

        /// A closed deal; the fields an update left out are left out here too.
        public struct Deal: Encodable, Sendable {
            public var week: String, deal: String, account: String, author: String, amount: Money, stage: String
            public var days: Int?
            public var reason: String?, lesson: String?, why: String?
            public var competitor: String?, vertical: String?, persona: String?

            init(_ c: ReportContext.Closed) {
                week = c.week.description; deal = c.deal.id; account = c.deal.account; author = c.person
                amount = c.deal.amount; stage = c.deal.stage; days = c.days
                reason = c.deal.reason; lesson = c.deal.lesson; why = c.deal.why
                competitor = c.deal.competitor; vertical = c.deal.vertical; persona = c.deal.persona
            }

            enum CodingKeys: String, CodingKey {
                case week, deal, account, author, amount, stage, days, reason, lesson, why, competitor, vertical
                case persona
            }

            public func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(week, forKey: .week); try c.encode(deal, forKey: .deal)
                try c.encode(account, forKey: .account); try c.encode(author, forKey: .author)
                try c.encode(amount, forKey: .amount); try c.encode(stage, forKey: .stage)
                try c.encodeIfPresent(days, forKey: .days)  // null when unknown
                let optional: [(CodingKeys, String?)] = [
                    (.reason, reason), (.lesson, lesson), (.why, why), (.competitor, competitor),
                    (.vertical, vertical), (.persona, persona),
                ]
                for (key, value) in optional { if let value { try c.encode(value, forKey: key) } }
            }
        }
    }
}

/// Median and quartiles in JSON.
public struct SpreadJSON: Encodable, Sendable {
    public var deals: Int, q1: Double, median: Double, q3: Double
    init(_ s: Spread) { deals = s.count; q1 = s.q1; median = s.median; q3 = s.q3 }
}
