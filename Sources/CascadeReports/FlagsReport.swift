import CascadeCore
import CascadeHistory

/// `report flags`: the risk signals over the range, per deal and per author,
/// and updates rewritten after their week was over (from the git history).
public enum FlagsReport {
    /// `rewrites` is nil when git's history cannot tell (a shallow clone): they are then said to be unknown.
    public static func make(_ ctx: ReportContext, rewrites known: [Rewrite]?) -> Report {
        let f = FlagCounts(ctx, rewrites: known)
        let notes =
            known == nil
            ? [
                "Rewrites after the week: unknown, because this is a shallow clone whose history stops short; "
                    + "run `git fetch --unshallow`, then this report again."
            ] : []
        return Report(
            title: "Flags", tables: [f.authorTable(), f.dealTable()] + (f.rewrites.isEmpty ? [] : [f.rewriteTable()]),
            notes: notes, json: f.json())
    }
}

/// The signals of the range counted per author and per deal, ranked by how much they say.
struct FlagCounts: Sendable {
    struct Counts: Sendable {
        var slips = 0, slipDays = 0, outOfQuarter = 0, pastNine = 0, regressions = 0, vanished = 0, unchanged = 0
        var handedOver = 0, rewrites = 0
        var score: Int { slips + regressions * 2 + vanished * 3 + unchanged + rewrites * 2 }

        mutating func count(_ f: RiskFlag) {
            switch f.kind {
            case .slipped:
                slips += 1
                slipDays += f.days
                if f.outOfQuarter { outOfQuarter += 1 }
                if f.pastNineMonths { pastNine += 1 }
            case .regressed: regressions += 1
            case .vanished: vanished += 1
            // A stale deal counts once per run of unchanged updates: on the week it reaches four.
            case .unchanged: if f.times == 4 { unchanged += 1 }
            case .handedOver: handedOver += 1
            }
        }
    }

    let ctx: ReportContext
    let known: Bool
    let flags: [RiskFlag]
    let rewrites: [Rewrite]
    let authors: [(key: String, value: Counts)]
    let deals: [(key: String, value: (account: String, author: String, amount: Money, a: Counts))]
    static let shownDeals = 40

    init(_ ctx: ReportContext, rewrites: [Rewrite]?) {
        self.ctx = ctx
        known = rewrites != nil
        let pairs = ctx.weeks.flatMap { week in ctx.scope.map { (week, $0) } }
        flags = parallelMap(pairs.count, chunk: 64) { ctx.history.flags(of: pairs[$0].1, in: pairs[$0].0) }.flatMap {
            $0
        }
        var authors: [String: Counts] = [:]
        var deals: [String: (account: String, author: String, amount: Money, a: Counts)] = [:]
        for f in flags {
            authors[f.author, default: Counts()].count(f)
            var d = deals[f.deal] ?? (f.account, f.author, f.amount, Counts())
            d.amount = f.amount
            d.a.count(f)
            deals[f.deal] = d
        }
        let inScope = Set(ctx.scope)
        self.rewrites = (rewrites ?? []).filter { inScope.contains($0.person) && ctx.weeks.contains($0.week) }
        for r in self.rewrites { authors[r.person, default: Counts()].rewrites += 1 }
        self.authors = authors.sorted { ($0.value.score, $1.key) > ($1.value.score, $0.key) }
        self.deals = deals.sorted {
            ($0.value.a.score, $0.value.amount, $1.key) > ($1.value.a.score, $1.value.amount, $0.key)
        }
    }

    func n(_ v: Int) -> Cell { .number(Double(v)) }

    func authorTable() -> ReportTable {
        ReportTable(
            title: "Per author",
            columns: ["author", "slips", "days", "outQ", "9mo+", "back", "gone", "stale", "handed", "rewrite"],
            cells: authors.map {
                let c = $0.value
                return [
                    .text($0.key), n(c.slips), n(c.slipDays), n(c.outOfQuarter), n(c.pastNine), n(c.regressions),
                    n(c.vanished), n(c.unchanged), n(c.handedOver), known ? n(c.rewrites) : .text("?"),
                ]
            },
            currency: ctx.org.currency)
    }

    func dealTable() -> ReportTable {
        let shown = Self.shownDeals
        return ReportTable(
            title: deals.count > shown
                ? "Per deal (the \(shown) most flagged of \(deals.count); CSV and JSON have all)" : "Per deal",
            columns: ["deal", "account", "author", "amount", "slips", "days", "back", "vanished", "stale"],
            cells: deals.prefix(shown).map {
                let d = $0.value
                return [
                    .text($0.key), .text(d.account), .text(d.author), .money(d.amount), n(d.a.slips), n(d.a.slipDays),
                    n(d.a.regressions), n(d.a.vanished), n(d.a.unchanged),
                ]
            },
            currency: ctx.org.currency)
    }

    func rewriteTable() -> ReportTable {
        ReportTable(
            title: "Updates rewritten after their week", columns: ["week", "author", "commit", "committed"],
            cells: rewrites.map { [.text($0.week.description), .text($0.person), .text($0.commit), .text($0.when)] },
            currency: ctx.org.currency)
    }

    func json() -> FlagsReport.Document {
        typealias D = FlagsReport.Document
        return D(
            authors: authors.map { D.Author(author: $0.key, counts: D.Counts($0.value, rewritesKnown: known)) },
            deals: deals.map { d in
                D.Deal(
                    deal: d.key, account: d.value.account, author: d.value.author, amount: d.value.amount,
                    counts: D.Counts(d.value.a, rewritesKnown: known))
            },
            signals: flags.map(D.Signal.init),
            rewrites: known
                ? rewrites.map {
                    D.Rewrite(week: $0.week.description, author: $0.person, commit: $0.commit, committed: $0.when)
                }
                : nil,
            history: known ? "complete" : "shallow")
    }
}

extension FlagsReport {
    /// `report flags --format json`: the signals counted per author and per deal, every signal, the rewrites
    /// (null when a shallow history cannot tell).
    public struct Document: ReportDocument {
        public var kind = "flags"
        public var authors: [Author], deals: [Deal], signals: [Signal]
        public var rewrites: [Rewrite]?
        public var history: String

        /// The counts of one author or deal, written beside its name.
        public struct Counts: Encodable, Sendable {
            public var slips: Int, slip_days: Int, out_of_quarter: Int, past_nine_months: Int, regressions: Int
            public var vanished: Int, stale: Int, handed_over: Int
            public var rewritten: Int?

            init(_ a: FlagCounts.Counts, rewritesKnown: Bool) {
                slips = a.slips; slip_days = a.slipDays; out_of_quarter = a.outOfQuarter; past_nine_months = a.pastNine
                regressions = a.regressions; vanished = a.vanished; stale = a.unchanged; handed_over = a.handedOver
                rewritten = rewritesKnown ? a.rewrites : nil
            }
        }

        public struct Author: Encodable, Sendable {
            public var author: String, counts: Counts
            enum CodingKeys: String, CodingKey { case author }
            public func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(author, forKey: .author)
                try counts.encode(to: encoder)
            }
        }

        public struct Deal: Encodable, Sendable {
            public var deal: String, account: String, author: String, amount: Money, counts: Counts
            enum CodingKeys: String, CodingKey { case deal, account, author, amount }
            public func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(deal, forKey: .deal); try c.encode(account, forKey: .account)
                try c.encode(author, forKey: .author); try c.encode(amount, forKey: .amount)
                try counts.encode(to: encoder)
            }
        }

        public struct Signal: Encodable, Sendable {
            public var week: String, kind: String, deal: String, account: String, author: String, amount: Money
            public var days: Int, times: Int, out_of_quarter: Bool, past_nine_months: Bool, from: String, to: String

            init(_ f: RiskFlag) {
                week = f.week.description; kind = f.kind.rawValue; deal = f.deal; account = f.account
                author = f.author; amount = f.amount; days = f.days; times = f.times
                out_of_quarter = f.outOfQuarter; past_nine_months = f.pastNineMonths; from = f.from; to = f.to
            }
        }

        public struct Rewrite: Encodable, Sendable {
            public var week: String, author: String, commit: String, committed: String
        }
    }
}
