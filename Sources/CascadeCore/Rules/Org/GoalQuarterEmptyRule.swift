/// A rule over `org.yaml` and the weeks the repository has updates for.
public protocol OrgWeeksRule: Rule {
    func check(_ org: Org, weeks: [Week]) -> [Finding]
}

/// A goal for a quarter no update reaches is a goal the digest never shows: most often the fiscal
/// year's name is off by one (a fiscal year is named by the calendar year in which it ends).
public struct GoalQuarterEmptyRule: OrgWeeksRule {
    public init() {}
    public static let description = RuleDescription(
        id: "goal-quarter-empty", title: "Goal for a quarter without updates",
        summary:
            "A goal names a quarter in which no week has updates, so no digest shows it; the warning states the "
            + "quarter's months (a fiscal year is named by the calendar year in which it ends).",
        severity: .warning, scope: .org,
        triggering: [
            RuleExample(
                "fiscal_year_start_month: 2\n" + minimalOrgPeople
                    + "goals:\n  - { team: dana-cho, quarter: ↓2026-Q4, bookings: 100 }\n",
                path: "org.yaml", otherFiles: ["updates/2026-W47/ana-lima.md": ExampleOrg.update(week: "2026-W47")],
                message: "2026-Q4 runs from November 2025 to January 2026")
        ],
        nonTriggering: [
            RuleExample(
                "fiscal_year_start_month: 2\n" + minimalOrgPeople
                    + "goals:\n  - { team: dana-cho, quarter: 2027-Q4, bookings: 100 }\n",
                path: "org.yaml", otherFiles: ["updates/2026-W47/ana-lima.md": ExampleOrg.update(week: "2026-W47")]),
            // A repository without updates yet (just made by `cascade init`) warns of nothing.
            orgExample(minimalOrgPeople + "goals:\n  - { team: dana-cho, quarter: 2031-Q1, bookings: 100 }\n"),
        ])

    public func check(_ org: Org, weeks: [Week]) -> [Finding] {
        guard let first = weeks.first, let last = weeks.last else { return [] }
        let start = org.fiscalYearStartMonth
        let covered = Set(weeks.map { Quarter(of: $0, fiscalYearStartMonth: start) })
        return org.goals.compactMap { goal in
            guard let quarter = Quarter(goal.quarter.value), !covered.contains(quarter) else { return nil }
            let nearest = Quarter(of: last, fiscalYearStartMonth: start)
            return finding(
                at: goal.quarter.position,
                "no week with updates falls in \(quarter): \(quarter) runs from "
                    + "\(quarter.months(fiscalYearStartMonth: start)), and the updates run from \(first) to "
                    + "\(last) (the latest in \(nearest)); a fiscal year is named by the year in which it ends")
        }
    }
}
