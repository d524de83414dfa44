private let raj = "updates/2026-W48/raj-patel.md"

public struct HighlightUnknownRule: RepositoryRule {
    public init() {}
    public static let description = RuleDescription(
        id: "highlight-unknown", title: "Highlight of an unknown deal",
        summary:
            "highlights name deals listed in the author's team this week; an id no update of the week lists is a "
                + "warning.",
        severity: .warning,
        triggering: [
            RuleExample(
                "---\nauthor: raj-patel\nweek: 2026-W48\nhighlights: [↓NW-9999]\n---\n", path: raj,
                otherFiles: ["updates/2026-W48/ana-lima.md": ExampleOrg.update()])
        ],
        nonTriggering: [
            RuleExample(
                "---\nauthor: raj-patel\nweek: 2026-W48\nhighlights: [NW-1042]\n---\n", path: raj,
                otherFiles: ["updates/2026-W48/ana-lima.md": ExampleOrg.update()])
        ])

    public func check(_ file: UpdateSummary, in index: UpdateIndex, org: Org) -> [Finding] {
        guard let week = file.week else { return [] }
        return file.highlights.compactMap { h in
            guard index.listings(of: h.value, in: week).isEmpty else { return nil }
            return finding(
                at: h.position,
                "no update of \(week) lists the deal '\(h.value)'; check the id, or remove it from highlights")
        }
    }
}

public struct HighlightOutsideTeamRule: RepositoryRule {
    public init() {}
    public static let description = RuleDescription(
        id: "highlight-outside-team", title: "Highlight of another team's deal",
        summary: "A leader may highlight only deals owned by their own subtree that week.",
        triggering: [
            RuleExample(
                "---\nauthor: raj-patel\nweek: 2026-W48\nhighlights: [↓NW-7]\n---\n", path: raj,
                otherFiles: [
                    "updates/2026-W48/tom-berg.md": ExampleOrg.update(
                        deals: ExampleOrg.deal(id: "NW-7"), author: "tom-berg")
                ])
        ],
        nonTriggering: [
            RuleExample(
                "---\nauthor: raj-patel\nweek: 2026-W48\nhighlights: [NW-1042]\n---\n", path: raj,
                otherFiles: ["updates/2026-W48/ana-lima.md": ExampleOrg.update()])
        ])

    public func check(_ file: UpdateSummary, in index: UpdateIndex, org: Org) -> [Finding] {
        guard let week = file.week, let author = file.author else { return [] }
        return file.highlights.compactMap { h in
            let owners = index.listings(of: h.value, in: week).compactMap(\.author)
            guard let owner = owners.first, !owners.contains(where: { org.isInSubtree($0, of: author) }) else {
                return nil
            }
            return finding(
                at: h.position,
                "deal '\(h.value)' belongs to \(owner), outside \(author)'s team; highlight only your own team's deals")
        }
    }
}
