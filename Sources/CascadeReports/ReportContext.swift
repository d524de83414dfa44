import CascadeCore
import CascadeHistory

/// What every report works over: a History, the people in scope and a range of weeks.
public struct ReportContext: Sendable {
    public let history: History
    public let scope: [String]
    public let weeks: [Week]
    public var org: Org { history.org }

    public init(history: History, scope: [String], since: Week, until: Week) {
        self.history = history
        self.scope = scope
        var weeks: [Week] = []
        var w = since
        while w <= until { weeks.append(w); w = w.next }
        self.weeks = weeks
    }

    /// A deal listed closed for the first time, in a week of the range.
    public struct Closed: Sendable {
        public var week: Week
        public var person: String
        public var deal: DealSnapshot
        /// From the Monday of the first week the deal appears to its close date.
        public var days: Int?
    }

    public func closed() -> [Closed] {
        weeks.flatMap { week in
            history.newlyClosed(scope, in: week).map {
                Closed(week: week, person: $0.person, deal: $0.deal, days: history.daysToClose($0.deal))
            }
        }
    }

    /// The value of a dimension for a closed deal.
    public func value(_ dimension: Dimension, _ c: Closed) -> String {
        switch dimension {
        case .reason: return c.deal.reason ?? "(none)"
        case .competitor: return c.deal.competitor ?? "(none)"
        case .vertical: return c.deal.vertical ?? "(none)"
        case .persona: return c.deal.persona ?? "(none)"
        case .region: return org.inherited(\.region, of: c.person) ?? "(none)"
        case .segment: return org.inherited(\.segment, of: c.person) ?? "(none)"
        case .author: return c.person
        case .source: return c.deal.source ?? "(none)"
        case .help: return values(.help, c).joined(separator: "; ")
        }
    }

    /// The groups a closed deal is in: one value, or for `help` each function or person it asked in
    /// its life (any owner, any week up to the one it closed), or "(alone)" when it asked nobody.
    public func values(_ dimension: Dimension, _ c: Closed) -> [String] {
        guard dimension == .help else { return [value(dimension, c)] }
        let asked = history.helpAsked(by: c.deal.id, through: c.week).map(\.to)
        return asked.isEmpty ? ["(alone)"] : asked
    }

    public func quarter(_ week: Week) -> Quarter { Quarter(of: week, fiscalYearStartMonth: org.fiscalYearStartMonth) }

    public func money(_ v: Money) -> String { v.formatted(currency: org.currency) }
}

public enum Dimension: String, Sendable, CaseIterable {
    case reason, competitor, vertical, persona, region, segment, author, source, help
}

/// Median and quartiles, by the nearest-rank-with-interpolation rule.
public struct Spread: Sendable {
    public var count: Int
    public var q1: Double, median: Double, q3: Double

    public init?(_ values: [Int]) {
        guard !values.isEmpty else { return nil }
        let s = values.sorted().map(Double.init)
        func at(_ p: Double) -> Double {
            let x = p * Double(s.count - 1)
            let lo = Int(x.rounded(.down)), hi = Int(x.rounded(.up))
            return s[lo] + (s[hi] - s[lo]) * (x - Double(lo))
        }
        count = s.count
        q1 = at(0.25); median = at(0.5); q3 = at(0.75)
    }
}

func fmt(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(v.clampedInt) : String(format: "%.1f", v) }
