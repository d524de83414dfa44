public struct DealClosedRelistedRule: RepositoryRule {
    public init() {}
    public static let description = RuleDescription(
        id: "deal-closed-relisted", title: "Closed deal listed again",
        summary:
            "A deal is listed closed in exactly one update, the week it closed; listing it again in a later update "
                + "of the same author is a warning.",
        severity: .warning,
        triggering: [
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(id: "↓NW-1042")),
                otherFiles: [
                    "updates/2026-W46/ana-lima.md": ExampleOrg.update(
                        deals: ExampleOrg.deal(stage: "won", close: "2026-11-12", next: nil), week: "2026-W46")
                ])
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(),
                otherFiles: [
                    "updates/2026-W47/ana-lima.md": ExampleOrg.update(week: "2026-W47"),
                    "updates/2026-W49/ana-lima.md": ExampleOrg.update(
                        deals: ExampleOrg.deal(stage: "won", close: "2026-12-01", next: nil), week: "2026-W49"),
                ])
        ])

    public func check(_ file: UpdateSummary, in index: UpdateIndex, org: Org) -> [Finding] {
        guard let week = file.week, let author = file.author, let closed = index.closedByAuthor[author] else {
            return []
        }
        return file.deals.compactMap { deal in
            guard let closedWeek = closed[deal.id], closedWeek < week else { return nil }
            return finding(
                at: deal.position,
                "deal '\(deal.id)' was already closed in \(closedWeek); a closed deal is listed only the week it "
                    + "closes, so delete it here (or give a reopened deal a new id)"
            )
        }
    }
}
