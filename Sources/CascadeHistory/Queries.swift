import CascadeCore

/// The facts digests and reports share, computed in one place.
extension History {
    /// The open pipeline of `scope` in `week`: each person's latest update at or before the week and
    /// no more than four weeks older, a deal counted once (from its latest listing).
    public struct Pipeline: Sendable {
        public var byStage: [String: (amount: Money, deals: Int)]
        /// The open deals, by id.
        public var deals: [DealSnapshot]
        /// People whose pipeline comes from an update older than the week.
        public var stale: [String]
        public var amount: Money { deals.sum(\.amount) }
    }

    public func pipeline(_ scope: [String], _ week: Week) -> Pipeline {
        var newest: [String: (Week, DealSnapshot)] = [:]
        var stale: [String] = []
        for person in scope {
            guard let u = latest(of: person, atOrBefore: week) else { continue }
            if u.week < week { stale.append(person) }
            for deal in u.deals where deal.kind == .open {
                if let known = newest[deal.id], known.0 >= u.week { continue }
                newest[deal.id] = (u.week, deal)
            }
        }
        var stages: [String: (amount: Money, deals: Int)] = [:]
        for (_, (_, deal)) in newest {
            stages[deal.stage, default: (.zero, 0)].amount += deal.amount
            stages[deal.stage, default: (.zero, 0)].deals += 1
        }
        return Pipeline(byStage: stages, deals: newest.values.map(\.1).sorted { $0.id < $1.id }, stale: stale)
    }

    /// Deals the scope's updates of `week` list closed for the first time (SPEC section 11).
    public func newlyClosed(_ scope: [String], in week: Week) -> [(person: String, deal: DealSnapshot)] {
        scope.compactMap { update(of: $0, in: week) }.flatMap { u in
            u.deals.filter { $0.kind != .open && !closedBefore($0.id, by: u.person, before: week) }.map {
                (u.person, $0)
            }
        }
    }

    /// Days from the Monday of the first week a deal appears to its close date.
    public func daysToClose(_ deal: DealSnapshot) -> Int? {
        guard let first = firstSeen[deal.id], let close = deal.close else { return nil }
        return max(0, close.ordinal - first.monday.ordinal)
    }
}

extension History {
    /// `--for FUNCTION`: only the deals that asked the function for help at least once (in every
    /// week they are listed, so their life stays whole), with only their asks to it.
    public func narrowed(toDealsAsking function: String) -> History {
        let all = weeks.flatMap { updates(in: $0) }
        let asking = Set(all.flatMap { u in u.deals.filter { $0.asks.contains { $0.to == function } }.map(\.id) })
        return History(
            org: org,
            updates: all.map { u in
                var v = u
                v.deals = u.deals.filter { asking.contains($0.id) }.map { d in
                    var e = d
                    e.asks = d.asks.filter { $0.to == function }
                    return e
                }
                return v
            })
    }
}
