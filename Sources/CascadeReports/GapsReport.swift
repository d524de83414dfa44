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
        struct Row { var deals: Set<String> = []; var open = Money.zero, lost = Money.zero, won = Money.zero }
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
        let json = Document(
            tickets: ranked.map { t in
                Document.Ticket(
                    ticket: t.key, deals: t.value.deals.sorted(), open_amount: t.value.open,
                    lost_amount: t.value.lost, won_amount: t.value.won, link: ctx.org.tickets.link(for: t.key))
            })
        return Report(title: "Product gaps", tables: [table], json: json)
    }
}

extension GapsReport {
    /// `report gaps --format json`.
    public struct Document: ReportDocument {
        public var kind = "gaps"
        public var tickets: [Ticket]

        public struct Ticket: Encodable, Sendable {
            public var ticket: String, deals: [String]
            public var open_amount: Money, lost_amount: Money, won_amount: Money
            public var link: String?
        }
    }
}
