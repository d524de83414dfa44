public struct DealIDInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "deal-id-invalid", title: "Bad deal id",
        summary: "A deal id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(id: "↓NW 1042"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(id: "↓../etc"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(id: "↓NW/1042"))),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(id: "0981") + ExampleOrg.deal(id: "sf_006.Q1-x")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let id = deal.id, !id.value.isEmpty, !Identifier.isValidDealID(id.value) else { return nil }
            return finding(
                at: id.position,
                "'\(id.value)' is not a valid deal id; use letters, digits, '.', '_' and '-' only (at most 64), like "
                    + "NW-1042"
            )
        }
    }
}

public struct DealIDDuplicateRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "deal-id-duplicate", title: "Deal listed twice in one update",
        summary: "Each deal appears once in an update; the second listing is reported.",
        triggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal() + ExampleOrg.deal(id: "↓NW-1042")))],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal() + ExampleOrg.deal(id: "NW-1043")))])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        var seen: [String: Position] = [:]
        var findings: [Finding] = []
        for deal in update.deals {
            guard let id = deal.id, !id.value.isEmpty else { continue }
            if let first = seen[id.value] {
                findings.append(
                    finding(
                        at: id.position,
                        "deal '\(id.value)' is already listed at line \(first.line); merge the two entries"))
            } else {
                seen[id.value] = id.position
            }
        }
        return findings
    }
}
