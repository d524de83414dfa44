import CascadeCore
import CascadeHistory

/// The frame of the numbers (SPEC section 16): built after the outcomes and risks, whose largest
/// items make the headline; rendered first.
enum FrameSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        var f = Digest.Frame()
        let open = b.pipeline(c.scope, c.week).open
        f.quarter = quarter(b, c, open: open, d)
        f.winRate = winRate(c.quarterClosed, b.org)
        let fiscal = b.org.fiscalYearStartMonth
        let previous = Quarter(
            of: c.quarter.firstWeek(fiscalYearStartMonth: fiscal).previous, fiscalYearStartMonth: fiscal)
        let previousWeeks = b.history.weeks.filter { Quarter(of: $0, fiscalYearStartMonth: fiscal) == previous }
        f.lastQuarterWinRate = winRate(previousWeeks.flatMap { b.newlyClosed(c.scope, $0) }, b.org)
        f.lastQuarter = comparison(b, c.scope, c.week.adding(weeks: -13))
        f.lastYear = comparison(b, c.scope, sameWeekLastYear(c.week))
        let vanished = d.flags.flatMap(\.items).filter { item in
            if case .risk(let flag) = item.detail { return flag.kind == .vanished }
            return false
        }
        f.movement = movement(b, c, now: open, vanished: vanished)
        f.largestClosed = (d.wins + d.losses).max { ($0.amount, $1.deal) < ($1.amount, $0.deal) }
        f.largestRisk = d.flags.flatMap(\.items).filter { item in
            guard case .risk(let flag) = item.detail else { return false }
            return [.slipped, .regressed, .vanished].contains(flag.kind)
        }.max { ($0.amount, $1.deal) < ($1.amount, $0.deal) }
        d.frame = f
    }

    static func sameWeekLastYear(_ week: Week) -> Week {
        Week(year: week.year - 1, number: week.number) ?? Week(year: week.year - 1, number: 52)!
    }

    static func quarter(
        _ b: DigestBuilder, _ c: SectionContext, open: [DealSnapshot], _ d: Digest
    ) -> Digest.QuarterFrame {
        let fiscal = b.org.fiscalYearStartMonth
        var q = Digest.QuarterFrame()
        q.name = c.quarter.description
        var week = c.quarter.firstWeek(fiscalYearStartMonth: fiscal)
        while Quarter(of: week, fiscalYearStartMonth: fiscal) == c.quarter {
            q.weeks += 1
            if week <= c.week { q.weeksGone += 1 }
            week = week.next
        }
        // The numbers section has summed the bookings and found the goal already.
        q.bookings = d.quarterBookings
        q.goal = d.goal
        let first = c.quarter.firstDay(fiscalYearStartMonth: fiscal),
            last = c.quarter.lastDay(fiscalYearStartMonth: fiscal)
        let closing = open.filter { deal in deal.close.map { $0 >= first && $0 <= last } ?? false }
        for deal in closing {
            switch b.org.forecastCategory(stage: deal.stage, own: deal.forecast) {
            case .commit: q.forecast.commit += deal.amount
            case .bestCase: q.forecast.bestCase += deal.amount
            case .pipeline: q.forecast.pipeline += deal.amount
            case .omitted: break
            }
        }
        q.forecast.closed = q.bookings
        if let goal = q.goal, goal > .zero {
            q.pace = q.bookings.double / goal.double
            if q.bookings < goal {
                q.stillToBook = goal - q.bookings
                q.coverage = closing.sum(\.amount).double / (goal - q.bookings).double
            }
        }
        return q
    }

    /// Won and lost by count; disqualified deals apart (qualifying out is not a loss counted against anyone).
    static func winRate(_ closed: [(person: String, deal: DealSnapshot)], _ org: Org) -> Digest.WinRate {
        var r = Digest.WinRate()
        for (_, deal) in closed {
            if deal.kind == .won { r.won += 1 }
            if deal.kind == .lost, !org.stages.isDisqualified(deal.stage) { r.lost += 1 }
        }
        return r
    }

    /// A week as that week's digest states it: open pipeline and quarter-to-date bookings.
    static func comparison(_ b: DigestBuilder, _ scope: [String], _ week: Week) -> Digest.Comparison {
        var c = Digest.Comparison()
        c.week = week
        guard b.history.weeks.contains(where: { $0 <= week }) else { return c }
        c.reached = true
        let open = b.pipeline(scope, week).open
        c.openAmount = open.sum(\.amount)
        c.openDeals = open.count
        let quarter = Quarter(of: week, fiscalYearStartMonth: b.org.fiscalYearStartMonth)
        c.bookings = b.weeks(of: quarter, through: week).flatMap { b.newlyClosed(scope, $0) }
            .filter { $0.deal.kind == .won }.sum(\.deal.amount)
        return c
    }

    /// How last week's open pipeline became this week's (each as section 6 defines the pipeline).
    static func movement(
        _ b: DigestBuilder, _ c: SectionContext, now: [DealSnapshot], vanished: [Digest.Item]
    ) -> Digest.Movement {
        var m = Digest.Movement()
        let before = Dictionary(b.pipeline(c.scope, c.week.previous).open.map { ($0.id, $0) }) { a, _ in a }
        m.opening = before.values.sum(\.amount)
        m.closing = now.sum(\.amount)
        for deal in now {
            guard let old = before[deal.id] else {
                if b.history.firstSeen[deal.id] == c.week { m.new.add(deal.amount) }
                continue
            }
            if let a = deal.close, let o = old.close, a < o { m.pulledIn.add(deal.amount) }
            if let a = deal.close, let o = old.close, a > o { m.pushedOut.add(deal.amount) }
            if deal.amount > old.amount { m.amountUp.add(deal.amount - old.amount) }
            if deal.amount < old.amount {
                m.amountDown.add(old.amount - deal.amount)
                m.cuts.append((deal.id, deal.account, old.amount, deal.amount))
            }
        }
        for (_, deal) in c.closed {
            if deal.kind == .won { m.won.add(deal.amount) } else { m.lost.add(deal.amount) }
        }
        m.cuts.sort { ($0.from - $0.to, $1.deal) > ($1.from - $1.to, $0.deal) }
        for item in vanished { m.vanished.add(item.amount) }
        let explained =
            m.opening + m.new.amount + m.amountUp.amount - m.amountDown.amount - m.won.amount - m.lost.amount
            - m.vanished.amount
        m.other = m.closing - explained
        return m
    }
}
