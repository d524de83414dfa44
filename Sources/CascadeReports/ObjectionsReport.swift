import CascadeCore
import CascadeHistory

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
        let json = Document(
            objections: tags.map { t in
                Document.Objection(
                    objection: t, deals: total(t),
                    by_quarter: Dictionary(
                        uniqueKeysWithValues: byQuarter[t]!.map { ($0.key.description, $0.value.count) }),
                    by_segment: bySegment[t]!.mapValues(\.count))
            })
        return Report(title: "Objections", tables: [quarterTable, segmentTable], json: json)
    }
}

extension ObjectionsReport {
    /// `report objections --format json`: deals per objection, by quarter and by segment.
    public struct Document: ReportDocument {
        public var kind = "objections"
        public var objections: [Objection]

        public struct Objection: Encodable, Sendable {
            public var objection: String, deals: Int
            public var by_quarter: [String: Int], by_segment: [String: Int]
        }
    }
}
