import CascadeCore
import CascadeHistory

/// `report losses` and `report wins`: count and amount by a dimension, the
/// lessons, days to lose against days to win, disqualified deals apart.
public enum OutcomeReport {
    public static func make(_ ctx: ReportContext, wins: Bool, by dimension: Dimension) -> Report {
        let o = Outcomes(ctx, wins: wins, by: dimension)
        return Report(
            title: wins ? "Wins" : "Losses",
            tables: [o.byTable(), o.detailTable()] + (wins ? [] : [o.disqualifiedTable()]),
            notes: o.notes(), json: o.json())
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
            groups[ctx.value(dimension, c), default: (0, .zero)].deals += 1
            groups[ctx.value(dimension, c), default: (0, .zero)].amount += c.deal.amount
        }
        ranked = groups.sorted { ($0.value.amount, $0.value.deals, $1.key) > ($1.value.amount, $1.value.deals, $0.key) }
        total = chosen.sum(\.deal.amount)
        sorted = chosen.sorted { ($0.deal.amount, $1.deal.id) > ($1.deal.amount, $0.deal.id) }
        daysLose = Spread(lost.filter { !ctx.org.stages.isDisqualified($0.deal.stage) }.compactMap(\.days))
        daysWin = Spread(won.compactMap(\.days))
        var byQuarter: [Quarter: [Int]] = [:]
        for c in disqualified { if let d = c.days { byQuarter[ctx.quarter(c.week), default: []].append(d) } }
        self.byQuarter = byQuarter
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
            s.map { "median \(fmt($0.median)) days (quartiles \(fmt($0.q1))-\(fmt($0.q3)), \($0.count) deals)" }
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

    func json() -> [String: any Sendable] {
        [
            "kind": wins ? "wins" : "losses", "by": dimension.rawValue,
            "groups": ranked.map {
                ["key": $0.key, "deals": $0.value.deals, "amount": $0.value.amount] as [String: any Sendable]
            },
            "deals": sorted.map(Self.item), "total_deals": sorted.count, "total_amount": total,
            "disqualified_deals": disqualified.count, "disqualified_amount": dqAmount,
            "days_to_lose": daysLose?.json ?? NSNullValue(), "days_to_win": daysWin?.json ?? NSNullValue(),
            "disqualified": [
                "deals": disqualified.count, "amount": dqAmount,
                "by_quarter": byQuarter.keys.sorted().map { q in
                    [
                        "quarter": q.description, "deals": byQuarter[q]!.count,
                        "median_days": Spread(byQuarter[q]!)!.median,
                    ]
                        as [String: any Sendable]
                },
            ] as [String: any Sendable],
        ]
    }

    static func item(_ c: ReportContext.Closed) -> [String: any Sendable] {
        var i: [String: any Sendable] = [
            "week": c.week.description, "deal": c.deal.id, "account": c.deal.account, "author": c.person,
            "amount": c.deal.amount, "stage": c.deal.stage, "days": c.days as (any Sendable)? ?? NSNullValue(),
        ]
        if let r = c.deal.reason { i["reason"] = r }
        if let l = c.deal.lesson { i["lesson"] = l }
        if let w = c.deal.why { i["why"] = w }
        for (k, v) in [("competitor", c.deal.competitor), ("vertical", c.deal.vertical), ("persona", c.deal.persona)] {
            if let v { i[k] = v }
        }
        return i
    }
}

/// JSON's null, as a Sendable value.
public struct NSNullValue: Sendable {}
