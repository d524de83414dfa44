import CascadeCore
import CascadeHistory

/// `report pipeline`: open pipeline by stage each week, with the amounts
/// created, advanced, slipped, won and lost (a waterfall).
public enum PipelineReport {
    public static func make(_ ctx: ReportContext) -> Report {
        let stages = ctx.org.stages.open
        var rows: [[Cell]] = []
        var weeksJSON: [Document.WeekRow] = []
        for week in ctx.weeks {
            let byStage = ctx.history.pipeline(ctx.scope, week).byStage.mapValues(\.amount)
            var created = Money.zero, advanced = Money.zero, slipped = Money.zero, won = Money.zero, lost = Money.zero
            for person in ctx.scope {
                guard let u = ctx.history.update(of: person, in: week) else { continue }
                let previous = ctx.history.earlier(of: person, before: week).first
                for d in u.deals {
                    if ctx.history.firstSeen[d.id] == week { created += d.amount }
                    let newlyClosed = d.kind != .open && !ctx.history.closedBefore(d.id, by: person, before: week)
                    if newlyClosed, d.kind == .won { won += d.amount }
                    if newlyClosed, d.kind == .lost { lost += d.amount }
                    guard d.kind == .open, let before = previous?.deals.first(where: { $0.id == d.id }) else {
                        continue
                    }
                    if let r0 = ctx.org.stages.rank(of: before.stage), let r1 = ctx.org.stages.rank(of: d.stage),
                        r1 > r0
                    {
                        advanced += d.amount
                    }
                    if let a = d.close, let b = before.close, a > b { slipped += d.amount }
                }
            }
            let open = byStage.values.sum { $0 }
            rows.append(
                [.text(week.description), .money(open)] + stages.map { .money(byStage[$0] ?? 0) } + [
                    .money(created), .money(advanced), .money(slipped), .money(won), .money(lost),
                ])
            weeksJSON.append(
                Document.WeekRow(
                    week: week.description, open_amount: open,
                    stages: Dictionary(uniqueKeysWithValues: stages.map { ($0, byStage[$0] ?? 0) }),
                    created: created, advanced: advanced, slipped: slipped, won: won, lost: lost))
        }
        let wide = ReportTable(
            title: "Open pipeline and its movements by week",
            columns: ["week", "open", "created", "advanced", "slipped", "won", "lost"],
            cells: rows.map { [$0[0], $0[1]] + $0.suffix(5) }, currency: ctx.org.currency)
        let byStage = ReportTable(
            title: "Open pipeline by stage", columns: ["week"] + stages,
            cells: rows.map { [$0[0]] + Array($0[2..<(2 + stages.count)]) }, currency: ctx.org.currency)
        let weeksData = weeksJSON
        return Report(title: "Pipeline", tables: [wide, byStage], json: Document(weeks: weeksData))
    }
}

extension PipelineReport {
    /// `report pipeline --format json`: each week's open pipeline, by stage, and its movements.
    public struct Document: ReportDocument {
        public var kind = "pipeline"
        public var weeks: [WeekRow]

        public struct WeekRow: Encodable, Sendable {
            public var week: String, open_amount: Money, stages: [String: Money]
            public var created: Money, advanced: Money, slipped: Money, won: Money, lost: Money
        }
    }
}
