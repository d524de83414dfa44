import CascadeCore
import CascadeHistory

/// What a function's digest adds for its reader (SPEC section 6): product sees this week's losses
/// to a product gap, marketing the objections and which sources win, and every function the
/// meaning of the stages its digest mentions.
extension DigestBuilder {
    func addFunctionSections(_ function: Org.Function, week: Week, asked: [WeeklyUpdate], into d: inout Digest) {
        let people = org.people.map(\.id.value)
        let closed = newlyClosed(people, week)
        if function.id.value == "product" {
            d.losses = closed.filter { $0.deal.kind == .lost && $0.deal.reason == "product-gap" }.map { c in
                item(
                    c.deal, c.person,
                    .loss(stage: c.deal.stage, reason: c.deal.reason, lesson: c.deal.lesson, disqualified: false))
            }.sorted(by: byAmount)
        }
        if function.id.value == "marketing" {
            d.objections = objectionLines(people, week: week)
            d.sources = sourceLines(people, week: week)
        }
        let asking = asked.flatMap(\.deals).map(\.stage)
        let losing = closed.filter { c in d.losses.contains { $0.deal == c.deal.id } }.map(\.deal.stage)
        var seen: Set<String> = []
        d.glossary = (asking + losing).filter { seen.insert($0).inserted }.sorted {
            (org.stages.all.firstIndex(of: $0) ?? .max) < (org.stages.all.firstIndex(of: $1) ?? .max)
        }.compactMap { stage in org.meaning(of: stage).map { (stage, $0) } }
    }

    /// Each objection's deals and amount this week and in the quarter so far (a deal once, at its
    /// latest amount), ranked by the quarter's deals, then amount.
    func objectionLines(_ people: [String], week: Week) -> [Digest.ObjectionLine] {
        let quarter = Quarter(of: week, fiscalYearStartMonth: org.fiscalYearStartMonth)
        var quarterDeals: [String: [String: Money]] = [:]  // objection -> deal -> amount
        var weekDeals: [String: [String: Money]] = [:]
        for w in weeks(of: quarter, through: week) {
            for u in history.updates(in: w) {
                for deal in u.deals {
                    for tag in Set(deal.objections) {
                        quarterDeals[tag, default: [:]][deal.id] = deal.amount
                        if w == week { weekDeals[tag, default: [:]][deal.id] = deal.amount }
                    }
                }
            }
        }
        return quarterDeals.map { tag, deals in
            Digest.ObjectionLine(
                objection: tag, weekDeals: weekDeals[tag]?.count ?? 0,
                weekAmount: weekDeals[tag]?.values.sum { $0 } ?? .zero, quarterDeals: deals.count,
                quarterAmount: deals.values.sum { $0 })
        }.sorted {
            ($0.quarterDeals, $0.quarterAmount, $1.objection) > ($1.quarterDeals, $1.quarterAmount, $0.objection)
        }
    }

    /// Won and lost (disqualified apart) by the deal's source, over the quarter so far.
    func sourceLines(_ people: [String], week: Week) -> [Digest.SourceLine] {
        let quarter = Quarter(of: week, fiscalYearStartMonth: org.fiscalYearStartMonth)
        var lines: [String: Digest.SourceLine] = [:]
        for (_, deal) in weeks(of: quarter, through: week).flatMap({ newlyClosed(people, $0) }) {
            let source = deal.source ?? "(none)"
            if deal.kind == .won { lines[source, default: Digest.SourceLine(source: source)].won += 1 }
            if deal.kind == .lost, !org.stages.isDisqualified(deal.stage) {
                lines[source, default: Digest.SourceLine(source: source)].lost += 1
            }
        }
        return lines.values.sorted { ($0.won + $0.lost, $1.source) > ($1.won + $1.lost, $0.source) }
    }
}
