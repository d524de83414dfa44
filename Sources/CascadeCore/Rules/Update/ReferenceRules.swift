public struct GapInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "gap-invalid", title: "Gap is not a ticket id",
        summary: "Each entry of gaps is a ticket id matching tickets.pattern in org.yaml, so product can find it.",
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    gaps: [PROD-311, ↓SSO support]\n")))
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    gaps: [PROD-311, DATA-7]\n")))]
    )

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.flatMap { deal in
            deal.gaps.compactMap { gap in
                guard !org.tickets.matches(gap.value) else { return nil }
                return finding(
                    at: gap.position,
                    "'\(gap.value)' is not a ticket id (pattern \(org.tickets.pattern)); file a ticket and write its "
                        + "id, like PROD-311"
                )
            }
        }
    }
}

public struct AskTargetUnknownRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "ask-target-unknown", title: "Ask to nobody",
        summary: "An ask's 'to' is a function id or a person id of org.yaml, so it reaches someone.",
        triggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        extra: "    asks:\n      - to: ↓prodcut\n        ask: SSO roadmap date\n")))
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        extra:
                            "    asks:\n      - to: product\n        ask: SSO roadmap date\n      - to: raj-patel\n  "
                                + "      ask: Exec sponsor call\n"
                    )))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.flatMap { deal in
            deal.asks.compactMap { ask in
                guard let to = ask.to, !to.value.isEmpty, org.function(to.value) == nil, org.person(to.value) == nil
                else { return nil }
                var message = "ask to '\(to.value)': no function or person with this id in org.yaml"
                if let s = Suggestion.closest(to: to.value, in: org.functionIDs + org.personIDs) {
                    message += "; did you mean '\(s)'?"
                } else {
                    message += "; functions are \(org.functionIDs.joined(separator: ", "))"
                }
                return finding(at: to.position, message)
            }
        }
    }
}
