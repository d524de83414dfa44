public struct DealIDWeekDuplicateRule: RepositoryRule {
    public init() {}
    public static let description = RuleDescription(
        id: "deal-id-duplicate-week", title: "Same deal in two updates of one week",
        summary:
            "A deal has one owner: the same deal id in two files of a week is reported in every such file but the "
                + "first in path order, naming that file.",
        triggering: [
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(id: "↓NW-1042"), author: "ben-okafor"),
                path: "updates/2026-W48/ben-okafor.md",
                otherFiles: ["updates/2026-W48/ana-lima.md": ExampleOrg.update()])
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(),
                otherFiles: [
                    "updates/2026-W48/ben-okafor.md": ExampleOrg.update(author: "ben-okafor"),
                    "updates/2026-W47/ben-okafor.md": ExampleOrg.update(author: "ben-okafor", week: "2026-W47"),
                ])
        ])

    public func check(_ file: UpdateSummary, in index: UpdateIndex, org: Org) -> [Finding] {
        guard let week = file.week else { return [] }
        return file.deals.compactMap { deal in
            guard let first = index.listings(of: deal.id, in: week).first, first.path < file.path else { return nil }
            let owner = first.author.map { " (\($0))" } ?? ""
            return finding(
                at: deal.position,
                "deal '\(deal.id)' is also listed in \(first.path)\(owner) this week; a deal has one owner, so "
                    + "remove it from one of the two updates"
            )
        }
    }
}
