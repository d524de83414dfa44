import CascadeCore
import CascadeHistory

/// `report flags`: the risk signals over the range, per deal and per author,
/// and updates rewritten after their week was over (from the git history).
public enum FlagsReport {
    /// `rewrites` is nil when git's history cannot tell (a shallow clone): they are then said to be unknown.
    public static func make(_ ctx: ReportContext, rewrites known: [Rewrite]?) -> Report {
        let rewrites = known ?? []
        let pairs = ctx.weeks.flatMap { week in ctx.scope.map { (week, $0) } }
        let flags = parallelMap(pairs.count, chunk: 64) { ctx.history.flags(of: pairs[$0].1, in: pairs[$0].0) }.flatMap
        { $0 }
        struct Author {
            var slips = 0, slipDays = 0, outOfQuarter = 0, pastNine = 0, regressions = 0, vanished = 0, unchanged = 0,
                handedOver = 0, rewrites = 0
        }
        var authors: [String: Author] = [:]
        var deals: [String: (account: String, author: String, amount: Double, a: Author)] = [:]
        for f in flags {
            var a = authors[f.author] ?? Author()
            var d = deals[f.deal] ?? (f.account, f.author, f.amount, Author())
            d.amount = f.amount
            switch f.kind {
            case .slipped:
                a.slips += 1; a.slipDays += f.days; d.a.slips += 1; d.a.slipDays += f.days
                if f.outOfQuarter { a.outOfQuarter += 1; d.a.outOfQuarter += 1 }
                if f.pastNineMonths { a.pastNine += 1; d.a.pastNine += 1 }
            case .regressed: a.regressions += 1; d.a.regressions += 1
            case .vanished: a.vanished += 1; d.a.vanished += 1
            case .unchanged:
                // A stale deal counts once per run of unchanged updates: on the week it reaches four.
                if f.times == 4 { a.unchanged += 1; d.a.unchanged += 1 }
            case .handedOver: a.handedOver += 1; d.a.handedOver += 1
            }
            authors[f.author] = a
            deals[f.deal] = d
        }
        let inScope = Set(ctx.scope)
        let rangeRewrites = rewrites.filter { inScope.contains($0.person) && ctx.weeks.contains($0.week) }
        for r in rangeRewrites { authors[r.person, default: Author()].rewrites += 1 }
        func score(_ a: Author) -> Int { a.slips + a.regressions * 2 + a.vanished * 3 + a.unchanged + a.rewrites * 2 }
        let authorRows = authors.sorted { (score($0.value), $1.key) > (score($1.value), $0.key) }
        func n(_ v: Int) -> Cell { .number(Double(v)) }
        let authorTable = ReportTable(
            title: "Per author",
            columns: ["author", "slips", "days", "outQ", "9mo+", "back", "gone", "stale", "handed", "rewrite"],
            cells: authorRows.map {
                [
                    .text($0.key), n($0.value.slips), n($0.value.slipDays), n($0.value.outOfQuarter),
                    n($0.value.pastNine),
                    n($0.value.regressions), n($0.value.vanished), n($0.value.unchanged), n($0.value.handedOver),
                    known == nil ? .text("?") : n($0.value.rewrites),
                ]
            },
            currency: ctx.org.currency)
        let dealRows = deals.sorted {
            (score($0.value.a), $0.value.amount, $1.key) > (score($1.value.a), $1.value.amount, $0.key)
        }
        let shownDeals = 40
        let dealTable = ReportTable(
            title: dealRows.count > shownDeals
                ? "Per deal (the \(shownDeals) most flagged of \(dealRows.count); CSV and JSON have all)" : "Per deal",
            columns: ["deal", "account", "author", "amount", "slips", "days", "back", "vanished", "stale"],
            cells: dealRows.prefix(shownDeals).map {
                [
                    .text($0.key), .text($0.value.account), .text($0.value.author), .money($0.value.amount),
                    n($0.value.a.slips), n($0.value.a.slipDays),
                    n($0.value.a.regressions), n($0.value.a.vanished), n($0.value.a.unchanged),
                ]
            },
            currency: ctx.org.currency)
        let rewriteTable = ReportTable(
            title: "Updates rewritten after their week", columns: ["week", "author", "commit", "committed"],
            cells: rangeRewrites.map {
                [.text($0.week.description), .text($0.person), .text($0.commit), .text($0.when)]
            },
            currency: ctx.org.currency)
        func counts(_ a: Author) -> [String: any Sendable] {
            [
                "slips": a.slips, "slip_days": a.slipDays, "out_of_quarter": a.outOfQuarter,
                "past_nine_months": a.pastNine, "regressions": a.regressions,
                "vanished": a.vanished, "stale": a.unchanged, "handed_over": a.handedOver,
                "rewritten": known == nil ? NSNullValue() : a.rewrites,
            ]
        }
        let json: [String: any Sendable] = [
            "kind": "flags",
            "authors": authorRows.map { ["author": $0.key].merging(counts($0.value)) { a, _ in a } },
            "deals": dealRows.map { d -> [String: any Sendable] in
                ["deal": d.key, "account": d.value.account, "author": d.value.author, "amount": d.value.amount].merging(
                    counts(d.value.a)
                ) { a, _ in a }
            },
            "signals": flags.map { f -> [String: any Sendable] in
                [
                    "week": f.week.description, "kind": f.kind.rawValue, "deal": f.deal, "account": f.account,
                    "author": f.author,
                    "amount": f.amount, "days": f.days, "times": f.times, "out_of_quarter": f.outOfQuarter,
                    "past_nine_months": f.pastNineMonths,
                    "from": f.from, "to": f.to,
                ]
            },
            "rewrites": known == nil
                ? NSNullValue()
                : rangeRewrites.map {
                    ["week": $0.week.description, "author": $0.person, "commit": $0.commit, "committed": $0.when]
                        as [String: any Sendable]
                },
            "history": known == nil ? "shallow" : "complete",
        ]
        let notes =
            known == nil
            ? [
                "Rewrites after the week: unknown, because this is a shallow clone whose history stops short; "
                    + "run `git fetch --unshallow`, then this report again."
            ] : []
        return Report(
            title: "Flags", tables: [authorTable, dealTable] + (rangeRewrites.isEmpty ? [] : [rewriteTable]),
            notes: notes, json: json)
    }
}
