public struct FieldRequiredRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "field-required", title: "Required field missing or empty",
        summary:
            "author and week, and each deal's id, account, stage, amount and close, and each ask's to and ask, must "
                + "be present and not empty; a missing field is reported at the first key of its mapping.",
        triggering: [
            RuleExample("---\n↓week: 2026-W48\n---\n"),
            RuleExample(
                ExampleOrg.update(
                    deals: "  - ↓id: NW-1\n    stage: propose\n    amount: 5\n"
                        + "    close: 2026-12-19\n    next: Call\n")),
            RuleExample(
                ExampleOrg.update(
                    deals:
                        "  - id: NW-1\n    account:↓ \n    stage: propose\n    amount: 5\n    close: 2026-12-19\n    "
                            + "next: Call\n"
                )),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    asks:\n      - ↓to: product\n"))),
            RuleExample("---\n↓---\n"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(
                "---\nauthor: dana-cho\nweek: 2026-W48\n---\nNo deals of my own.\n",
                path: "updates/2026-W48/dana-cho.md"),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        var findings: [Finding] = []
        func require(
            _ key: String, filled: Bool, in values: [String: Position], firstKey: Position, what: String, hint: String
        ) {
            guard let position = values[key] else {
                findings.append(
                    Finding(Self.description.id, .error, at: firstKey, "\(what) has no '\(key)'; add '\(key): \(hint)'")
                )
                return
            }
            if !filled {
                findings.append(Finding(Self.description.id, .error, at: position, "'\(key)' is empty; write \(hint)"))
            }
        }
        func filled(_ text: Located<String>?) -> Bool { text.map { !$0.value.allSatisfy(\.isWhitespace) } ?? false }
        require(
            "author", filled: filled(update.author), in: update.valuePositions, firstKey: update.firstKey,
            what: "the update", hint: "<your person id>")
        require(
            "week", filled: filled(update.week), in: update.valuePositions, firstKey: update.firstKey,
            what: "the update", hint: "<YYYY-Www>")
        for deal in update.deals {
            let v = deal.valuePositions
            require(
                "id", filled: filled(deal.id), in: v, firstKey: deal.firstKey, what: "this deal",
                hint: "<the deal's id in your CRM>")
            require(
                "account", filled: filled(deal.account), in: v, firstKey: deal.firstKey, what: "this deal",
                hint: "<the customer's name>")
            require(
                "stage", filled: filled(deal.stage), in: v, firstKey: deal.firstKey, what: "this deal",
                hint: "<one of the stages in org.yaml>")
            require(
                "amount", filled: deal.amount != nil, in: v, firstKey: deal.firstKey, what: "this deal",
                hint: "<a plain number, like 120000>")
            require(
                "close", filled: filled(deal.close), in: v, firstKey: deal.firstKey, what: "this deal",
                hint: "<YYYY-MM-DD>")
            for ask in deal.asks {
                require(
                    "to", filled: filled(ask.to), in: ask.valuePositions, firstKey: ask.firstKey, what: "this ask",
                    hint: "<a function or person id>")
                require(
                    "ask", filled: filled(ask.ask), in: ask.valuePositions, firstKey: ask.firstKey, what: "this ask",
                    hint: "<what you need, by when>")
            }
        }
        return findings
    }
}
