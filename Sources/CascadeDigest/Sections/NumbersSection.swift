import CascadeCore
import CascadeHistory

/// Numbers: open pipeline by stage and its change from last week, won and lost this week,
/// quarter-to-date bookings against the goal, the same week last quarter.
enum NumbersSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        let (stages, open, stale) = b.pipeline(c.scope, c.week)
        // The change from last week compares only people whose updates of both weeks can be read:
        // an unreadable update's deals are unknown, not gone.
        let readable = { (w: Week) in { (p: String) in b.history.update(of: p, in: w)?.unreadable == nil } }
        let comparable = c.scope.filter { readable(c.week)($0) && readable(c.week.previous)($0) }
        let comparedNow = comparable.count == c.scope.count ? stages : b.pipeline(comparable, c.week).stages
        let (previousStages, _, _) = b.pipeline(comparable, c.week.previous)
        d.stale = stale
        d.stages = b.org.stages.open.map { stage in
            let now = stages[stage] ?? (.zero, 0)
            let compared = comparedNow[stage] ?? (.zero, 0)
            let before = previousStages[stage] ?? (.zero, 0)
            return Digest.StageLine(
                stage: stage, amount: now.amount, deals: now.deals, amountChange: compared.amount - before.amount,
                dealsChange: compared.deals - before.deals)
        }
        d.totals = b.totals(open: open, closed: c.closed)
        quarter(b, c, into: &d)
    }

    /// Bookings of the quarter to date against the team's goal, and what the history reaches (the
    /// frame compares with last quarter and last year).
    static func quarter(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        let quarter = c.quarter
        d.quarter = quarter.description
        d.quarterBookings = c.quarterClosed.filter { $0.deal.kind == .won }.sum(\.deal.amount)
        let goals = b.org.goals.filter { $0.team.value == c.lead }
        d.goal = goals.first { $0.quarter.value == quarter.description }?.bookings
        d.goalQuarters = Array(Set(goals.map(\.quarter.value))).sorted()
        let fiscal = b.org.fiscalYearStartMonth
        d.historyStart = b.history.weeks.first
        d.quarterFirstWeek = quarter.firstWeek(fiscalYearStartMonth: fiscal)
    }
}
