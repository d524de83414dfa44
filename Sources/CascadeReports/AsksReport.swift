import CascadeCore
import CascadeHistory

/// `report asks`: asks for help by whom they ask, and how long they stay open
/// (an ask stays open while later updates of the same deal repeat it).
public enum AsksReport {
    /// One ask followed across the weeks: from the first update that made it to the last that repeated it.
    struct Ask {
        var to: String, deal: String, account: String, author: String, amount: Money, text: String
        var first: Week, last: Week, weeks: Int
        /// Still repeated by the latest update of its deal's owner.
        var open = true
    }

    public static func make(_ ctx: ReportContext) -> Report {
        let all = followed(ctx)
        func name(_ id: String) -> String { ctx.org.function(id)?.name ?? ctx.org.person(id)?.name ?? id }
        let ranked = Dictionary(grouping: all, by: \.to).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let table = ReportTable(
            title: "Asks for help by whom they ask",
            columns: ["asked", "asks", "still open", "amount", "median weeks open"],
            cells: ranked.map { g -> [Cell] in
                [
                    .text(name(g.key)), .number(Double(g.value.count)), .number(Double(g.value.filter(\.open).count)),
                    .money(g.value.sum(\.amount)), .number(Spread(g.value.map(\.weeks))!.median),
                ]
            },
            currency: ctx.org.currency)
        let longest = all.sorted { ($0.weeks, $0.amount, $1.deal) > ($1.weeks, $1.amount, $0.deal) }.prefix(20)
        let detail = ReportTable(
            title: "Longest-open asks", columns: ["asked", "deal", "account", "weeks", "since", "ask"],
            cells: longest.map {
                [
                    .text(name($0.to)), .text($0.deal), .text($0.account), .number(Double($0.weeks)),
                    .text($0.first.description), .text($0.text),
                ]
            },
            currency: ctx.org.currency)
        let json = Document(
            asks: all.sorted { ($0.to, $0.deal) < ($1.to, $1.deal) }.map { a in
                Document.Ask(
                    to: a.to, deal: a.deal, account: a.account, author: a.author, amount: a.amount, ask: a.text,
                    first_week: a.first.description, last_week: a.last.description, weeks_open: a.weeks,
                    open: a.open)
            })
        return Report(title: "Asks", tables: [table, detail], json: json)
    }

    /// Every ask of the range: the closed ones in the order they closed, then those still open.
    static func followed(_ ctx: ReportContext) -> [Ask] {
        var open: [String: Ask] = [:]  // deal|to -> ask being followed
        var done: [Ask] = []
        for week in ctx.weeks {
            var seen: Set<String> = []
            for person in ctx.scope {
                guard let u = ctx.history.update(of: person, in: week) else { continue }
                for d in u.deals {
                    for a in d.asks {
                        let key = d.id + "|" + a.to
                        seen.insert(key)
                        if var known = open[key] {
                            known.last = week; known.weeks += 1; known.amount = d.amount; open[key] = known
                        } else {
                            open[key] = Ask(
                                to: a.to, deal: d.id, account: d.account, author: person, amount: d.amount, text: a.ask,
                                first: week, last: week, weeks: 1)
                        }
                    }
                }
            }
            // An ask not repeated by an update of its deal's owner this week is closed.
            for (key, var ask) in open where !seen.contains(key) && ctx.history.update(of: ask.author, in: week) != nil
            {
                ask.open = false
                done.append(ask)
                open[key] = nil
            }
        }
        return done + Array(open.values)
    }
}

extension AsksReport {
    /// `report asks --format json`.
    public struct Document: ReportDocument {
        public var kind = "asks"
        public var asks: [Ask]

        public struct Ask: Encodable, Sendable {
            public var to: String, deal: String, account: String, author: String, amount: Money, ask: String
            public var first_week: String, last_week: String, weeks_open: Int, open: Bool
        }
    }
}
