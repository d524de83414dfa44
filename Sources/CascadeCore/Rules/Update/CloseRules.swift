public struct CloseInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "close-invalid", title: "Close date not YYYY-MM-DD",
        summary: "close is a real date written YYYY-MM-DD.",
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "↓12/19/2026"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "↓2026-02-30"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "↓Q4"))),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "\"2026-12-19\"")))])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let close = deal.close, !close.value.isEmpty, Day(close.value) == nil else { return nil }
            return finding(
                at: close.position, "close '\(close.value)' is not a date; write it YYYY-MM-DD, like 2026-12-19")
        }
    }
}

public struct ClosePastRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "close-past", title: "Open deal with a close date in the past",
        summary:
            "An open deal's close date is not before the Monday of the update's week: move the date or close the deal.",
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "↓2026-11-22"))),
            // An unknown stage (its own error) hides nothing: 'propsal' is most likely the open 'propose'.
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "propsal", close: "↓2026-11-22"))),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(close: "2026-11-23"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "won", close: "2026-11-13", next: nil))),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        guard let week = update.week.flatMap({ Week($0.value) }) ?? file.folderWeek else { return [] }
        let monday = week.monday
        return update.deals.compactMap { deal in
            guard let stage = deal.stage, org.stages.likelyKind(of: stage.value) == .open,
                let close = deal.close, let day = Day(close.value), day < monday
            else { return nil }
            return finding(
                at: close.position,
                "open deal '\(deal.id?.value ?? "?")' has a close date \(day) before this week (Monday \(monday)); "
                    + "move the date to when it will really close, or close the deal"
            )
        }
    }
}
