public struct AuthorUnknownRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "author-unknown", title: "Unknown author",
        summary: "author must be the id of a person in org.yaml.",
        triggering: [
            RuleExample("---\nauthor: ↓ana-lim\nweek: 2026-W48\n---\n", path: "updates/2026-W48/ana-lim.md")
        ],
        nonTriggering: [RuleExample(ExampleOrg.update())])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        guard let author = update.author, !author.value.isEmpty, org.person(author.value) == nil else { return [] }
        var message = "unknown author '\(author.value)': no person with this id in org.yaml"
        if let s = Suggestion.closest(to: author.value, in: org.personIDs) {
            message += "; did you mean '\(s)'?"
        } else {
            message += "; ask an admin to add you to org.yaml"
        }
        return [finding(at: author.position, message)]
    }
}

public struct AuthorMismatchRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "author-mismatch", title: "Author differs from the file name",
        summary: "author equals the file's name without '.md', so every update sits in its author's file.",
        triggering: [RuleExample("---\nauthor: ↓ben-okafor\nweek: 2026-W48\n---\n")],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(ExampleOrg.update(author: "ben-okafor"), path: "updates/2026-W48/ben-okafor.md"),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        guard let author = update.author, !author.value.isEmpty, let expected = file.fileAuthor,
            author.value != expected
        else { return [] }
        return [
            finding(
                at: author.position,
                "author '\(author.value)' does not match the file name '\(expected).md'; write 'author: \(expected)' "
                    + "or move the file to \(author.value).md"
            )
        ]
    }
}

public struct WeekInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "week-invalid", title: "Not a real ISO week",
        summary: "week is written YYYY-Www and names a week that exists (2026 has 53 weeks, 2025 has 52).",
        triggering: [
            RuleExample("---\nauthor: ana-lima\nweek: ↓2026-48\n---\n"),
            RuleExample("---\nauthor: ana-lima\nweek: ↓2025-W53\n---\n", path: "updates/2025-W52/ana-lima.md"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(close: "2027-01-15"), week: "2026-W53"),
                path: "updates/2026-W53/ana-lima.md"),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        guard let week = update.week, !week.value.isEmpty, Week(week.value) == nil else { return [] }
        var message = "'\(week.value)' is not a real ISO week; write it like 2026-W48"
        if let folder = file.folderWeek { message += " (this folder is \(folder))" }
        return [finding(at: week.position, message)]
    }
}

public struct WeekMismatchRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "week-mismatch", title: "Week differs from the folder",
        summary: "week equals the name of the update's folder.",
        triggering: [
            RuleExample("---\nauthor: ana-lima\nweek: ↓2026-W47\n---\n"),
            RuleExample("---\nauthor: ana-lima\nweek: ↓2026-W48\n---\n", path: "updates/2026-w48/ana-lima.md"),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update())])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        if file.folderWeek == nil, let name = file.folderName, let week = update.week, let value = Week(week.value) {
            // The folder is no real week (2026-W54, 2026-w48): the file is still checked, and its week named.
            return [
                finding(
                    at: week.position,
                    "week \(value) does not match the folder '\(name)', which is not a real ISO week; "
                        + "move the file to updates/\(value)/")
            ]
        }
        guard let week = update.week, let value = Week(week.value), let folder = file.folderWeek, value != folder else {
            return []
        }
        return [
            finding(
                at: week.position,
                "week \(value) does not match the folder \(folder); write 'week: \(folder)' or move the file to "
                    + "updates/\(value)/"
            )
        ]
    }
}
