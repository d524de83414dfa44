import CascadeCore

/// A risk signal about one deal in one week (SPEC sections 6 and 11).
public struct RiskFlag: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case slipped, regressed, vanished, unchanged, handedOver = "handed-over"
    }

    public var kind: Kind
    public var deal: String
    public var account: String
    /// The owner whose update raised it (for a handover: the previous owner).
    public var author: String
    public var amount: Money
    public var week: Week
    /// Slips: days the close date moved, times it moved, out of the quarter, pushed past 9 months.
    public var days: Int = 0
    public var times: Int = 0
    public var outOfQuarter = false
    public var pastNineMonths = false
    /// Regressions: from and to stage; slips: the old and the new close date;
    /// handovers: the previous and the new owner.
    public var from: String = ""
    public var to: String = ""
    /// A regression all the way back to the first open stage.
    public var toFirstStage = false

    /// Higher is more serious, for ordering within the same amount.
    public var severity: Int {
        switch kind {
        case .vanished: return 5
        case .regressed: return toFirstStage ? 4 : 3
        case .slipped: return (pastNineMonths ? 4 : outOfQuarter ? 3 : 2) + min(times, 3)
        case .unchanged: return 1
        case .handedOver: return 0
        }
    }
}

extension History {
    /// The risk signals raised by `person`'s update of `week` (none when they have no update).
    public func flags(of person: String, in week: Week) -> [RiskFlag] {
        guard let update = update(of: person, in: week), update.unreadable == nil else { return [] }
        let earlier = self.earlierDeals(of: person, before: week)
        var flags: [RiskFlag] = []
        for deal in update.deals where deal.kind == .open {
            // Consecutive listings by this owner, latest first (this week's included).
            var listings: [DealSnapshot] = [deal]
            for deals in earlier {
                guard let d = deals.first(where: { $0.id == deal.id }) else { break }
                listings.append(d)
            }
            flags += changeFlags(listings, person: person, week: week)
        }
        if let previous = earlier.first { flags += leftFlags(previous, update, person: person, week: week) }
        return flags
    }

    /// Slipped, regressed and unchanged: what a deal's listings (latest first) say of it.
    func changeFlags(_ listings: [DealSnapshot], person: String, week: Week) -> [RiskFlag] {
        let deal = listings[0]
        func flag(_ kind: RiskFlag.Kind) -> RiskFlag {
            RiskFlag(kind: kind, deal: deal.id, account: deal.account, author: person, amount: deal.amount, week: week)
        }
        var flags: [RiskFlag] = []
        if listings.count >= 2 {
            let before = listings[1]
            if let now = deal.close, let then = before.close, now > then {
                var f = flag(.slipped)
                f.days = now.ordinal - then.ordinal
                f.from = then.description
                f.to = now.description
                f.times =
                    zip(listings, listings.dropFirst()).filter { pair in
                        guard let a = pair.0.close, let b = pair.1.close else { return false }
                        return a > b
                    }.count
                let quarter = Quarter(of: week, fiscalYearStartMonth: org.fiscalYearStartMonth)
                f.outOfQuarter = Quarter(containing: now, fiscalYearStartMonth: org.fiscalYearStartMonth) > quarter
                f.pastNineMonths = now.ordinal > week.monday.ordinal + 273
                flags.append(f)
            }
            if before.kind == .open, let r0 = org.stages.rank(of: before.stage),
                let r1 = org.stages.rank(of: deal.stage), r1 < r0
            {
                var f = flag(.regressed)
                f.from = before.stage
                f.to = deal.stage
                f.toFirstStage = r1 == 0
                flags.append(f)
            }
        }
        if listings.count >= 4, listings[0..<4].allSatisfy({ $0.kind == .open && $0.sameState(as: deal) }) {
            var f = flag(.unchanged)
            f.times = listings.prefix { $0.sameState(as: deal) }.count
            flags.append(f)
        }
        return flags
    }

    /// Deals open in the previous update that this one no longer lists: handed over, or vanished.
    func leftFlags(_ previous: [DealSnapshot], _ update: WeeklyUpdate, person: String, week: Week) -> [RiskFlag] {
        let now = Set(update.deals.map(\.id))
        return previous.filter { $0.kind == .open && !now.contains($0.id) }.map { deal in
            var f = RiskFlag(
                kind: .vanished, deal: deal.id, account: deal.account, author: person, amount: deal.amount, week: week)
            if let owner = owner(of: deal.id, in: week) {
                f.kind = .handedOver
                f.from = person
                f.to = owner
            }
            return f
        }
    }
}
