import CascadeCore
import CascadeHistory

/// `report gaps`: every ticket deals reference, with the deals and the open,
/// lost and won amounts tied to it, ranked by amount; for product teams.
public enum GapsReport {
    public static func make(_ ctx: ReportContext) -> Report {
        // Each deal's last listing in the range (by its owner in scope).
        var last: [String: (week: Week, person: String, deal: DealSnapshot)] = [:]
        var ticketsOf: [String: Set<String>] = [:]
        for week in ctx.weeks {
            for person in ctx.scope {
                guard let u = ctx.history.update(of: person, in: week) else { continue }
                for d in u.deals {
                    last[d.id] = (week, person, d)
                    for g in d.gaps { ticketsOf[d.id, default: []].insert(g) }
                }
            }
        }
        struct Row { var deals: Set<String> = []; var open = 0.0, lost = 0.0, won = 0.0 }
        var rows: [String: Row] = [:]
        for (id, tickets) in ticketsOf {
            guard let l = last[id] else { continue }
            for t in tickets {
                rows[t, default: Row()].deals.insert(id)
                switch l.deal.kind {
                case .open: rows[t]!.open += l.deal.amount
                case .lost: rows[t]!.lost += l.deal.amount
                case .won: rows[t]!.won += l.deal.amount
                }
            }
        }
        let ranked = rows.sorted {
            ($0.value.open + $0.value.lost + $0.value.won, $1.key) > (
                $1.value.open + $1.value.lost + $1.value.won, $0.key
            )
        }
        let table = ReportTable(
            title: "Tickets blocking deals, \(ctx.weeks.first!) to \(ctx.weeks.last!)",
            columns: ["ticket", "deals", "open", "lost", "won", "link"],
            cells: ranked.map {
                [
                    .text($0.key), .number(Double($0.value.deals.count)), .money($0.value.open), .money($0.value.lost),
                    .money($0.value.won), .text(ctx.org.tickets.link(for: $0.key) ?? ""),
                ]
            },
            currency: ctx.org.currency)
        let json: [String: any Sendable] = [
            "kind": "gaps",
            "tickets": ranked.map { t -> [String: any Sendable] in
                [
                    "ticket": t.key, "deals": t.value.deals.sorted(), "open_amount": t.value.open,
                    "lost_amount": t.value.lost, "won_amount": t.value.won,
                    "link": ctx.org.tickets.link(for: t.key) ?? NSNullValue(),
                ]
            },
        ]
        return Report(title: "Product gaps", tables: [table], json: json)
    }
}

/// `report objections`: the tags that keep coming back, by quarter and by segment.
public enum ObjectionsReport {
    public static func make(_ ctx: ReportContext) -> Report {
        // A deal counts once per tag per quarter.
        var byQuarter: [String: [Quarter: Set<String>]] = [:]
        var bySegment: [String: [String: Set<String>]] = [:]
        for week in ctx.weeks {
            let q = ctx.quarter(week)
            for person in ctx.scope {
                guard let u = ctx.history.update(of: person, in: week) else { continue }
                let segment = ctx.org.inherited(\.segment, of: person) ?? "(none)"
                for d in u.deals {
                    for tag in d.objections {
                        byQuarter[tag, default: [:]][q, default: []].insert(d.id)
                        bySegment[tag, default: [:]][segment, default: []].insert(d.id)
                    }
                }
            }
        }
        let quarters = Set(ctx.weeks.map(ctx.quarter)).sorted()
        let segments = Set(bySegment.values.flatMap(\.keys)).sorted()
        func total(_ tag: String) -> Int { Set(byQuarter[tag]!.values.flatMap { $0 }).count }
        let tags = byQuarter.keys.sorted { (total($0), $1) > (total($1), $0) }
        let quarterTable = ReportTable(
            title: "Objections by quarter (deals)", columns: ["objection", "deals"] + quarters.map(\.description),
            cells: tags.map { t in
                [.text(t), .number(Double(total(t)))] + quarters.map { .number(Double(byQuarter[t]![$0]?.count ?? 0)) }
            },
            currency: ctx.org.currency)
        let segmentTable = ReportTable(
            title: "Objections by segment (deals)", columns: ["objection"] + segments,
            cells: tags.map { t in [.text(t)] + segments.map { .number(Double(bySegment[t]![$0]?.count ?? 0)) } },
            currency: ctx.org.currency)
        let json: [String: any Sendable] = [
            "kind": "objections",
            "objections": tags.map { t -> [String: any Sendable] in
                [
                    "objection": t, "deals": total(t),
                    "by_quarter": Dictionary(
                        uniqueKeysWithValues: byQuarter[t]!.map { ($0.key.description, $0.value.count as any Sendable) }
                    ) as [String: any Sendable],
                    "by_segment": Dictionary(
                        uniqueKeysWithValues: bySegment[t]!.map { ($0.key, $0.value.count as any Sendable) })
                        as [String: any Sendable],
                ]
            },
        ]
        return Report(title: "Objections", tables: [quarterTable, segmentTable], json: json)
    }
}

/// `report asks`: asks for help by whom they ask, and how long they stay open
/// (an ask stays open while later updates of the same deal repeat it).
public enum AsksReport {
    public static func make(_ ctx: ReportContext) -> Report {
        struct Ask {
            var to: String; var deal: String; var account: String; var author: String; var amount: Double;
            var text: String; var first: Week; var last: Week; var weeks: Int
        }
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
            for (key, ask) in open where !seen.contains(key) && ctx.history.update(of: ask.author, in: week) != nil {
                done.append(ask)
                open[key] = nil
            }
        }
        let stillOpen = Array(open.values)
        let all = done + stillOpen
        var groups: [String: [Ask]] = [:]
        for a in all { groups[a.to, default: []].append(a) }
        func name(_ id: String) -> String { ctx.org.function(id)?.name ?? ctx.org.person(id)?.name ?? id }
        let ranked = groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let table = ReportTable(
            title: "Asks for help by whom they ask",
            columns: ["asked", "asks", "still open", "amount", "median weeks open"],
            cells: ranked.map { g -> [Cell] in
                [
                    .text(name(g.key)), .number(Double(g.value.count)),
                    .number(
                        Double(g.value.filter { a in stillOpen.contains { $0.deal == a.deal && $0.to == a.to } }.count)),
                    .money(g.value.reduce(0) { $0 + $1.amount }), .number(Spread(g.value.map(\.weeks))!.median),
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
        let json: [String: any Sendable] = [
            "kind": "asks",
            "asks": all.sorted { ($0.to, $0.deal) < ($1.to, $1.deal) }.map { a -> [String: any Sendable] in
                [
                    "to": a.to, "deal": a.deal, "account": a.account, "author": a.author, "amount": a.amount,
                    "ask": a.text,
                    "first_week": a.first.description, "last_week": a.last.description, "weeks_open": a.weeks,
                    "open": stillOpen.contains { $0.deal == a.deal && $0.to == a.to },
                ]
            },
        ]
        return Report(title: "Asks", tables: [table, detail], json: json)
    }
}
