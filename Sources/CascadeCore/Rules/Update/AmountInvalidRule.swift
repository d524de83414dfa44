public struct AmountInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "amount-invalid", title: "Amount is not a plain number",
        summary:
            "amount is a plain, unquoted number >= 0 in the organisation's currency; '120k', '$120,000', '120_000' "
                + "or a quoted number is an error that suggests the plain number.",
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓120k")), message: "write it as 120000"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓\"$120,000\""))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓120_000"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓\"120000\""))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓-5000"))),
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓99999999999999999999")), message: "is too large"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓1" + String(repeating: "0", count: 400)))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "↓1e400"))),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "0"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "120000.50"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(amount: "1000000000000000"))),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        var findings: [Finding] = []
        for deal in update.deals {
            guard let amount = deal.amount, amount.value.value == nil else { continue }
            if !amount.value.quoted, Amount.isPlainNumber(amount.value.text) {
                findings.append(
                    finding(
                        at: amount.position,
                        "amount '\(amount.value.text)' is too large; an amount is a number "
                            + "from 0 to \(NumberLimits.maxAmountText) (a thousand trillion); check the digits"))
                continue
            }
            var message = "amount '\(amount.value.text)' is not a plain number"
            if let suggestion = Self.suggestion(for: amount.value.text) {
                message += "; write it as \(suggestion) (no quotes, symbols, separators or suffixes)"
            } else if amount.value.text.hasPrefix("-") {
                message = "amount '\(amount.value.text)' is negative; an amount is a number >= 0"
            } else {
                message += "; write the amount in \(org.currency) as digits, like 120000"
            }
            findings.append(finding(at: amount.position, message))
        }
        return findings
    }

    /// The plain number a human meant: `120k` -> 120000, `$1.2M` -> 1200000.
    static func suggestion(for text: String) -> String? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        for symbol in ["$", "€", "£", "usd", "eur", "gbp", ",", "_", " "] {
            s = s.replacingOccurrences(of: symbol, with: "")
        }
        var factor: Int128 = 1
        if s.hasSuffix("k") {
            factor = 1_000; s.removeLast()
        } else if s.hasSuffix("m") {
            factor = 1_000_000; s.removeLast()
        }
        guard Amount.isPlainNumber(s), let base = Money(decimal: s, limit: NumberLimits.maxAmount) else { return nil }
        let meant = Money(units: base.units * factor)
        guard meant <= NumberLimits.maxAmount else { return nil }
        return meant.decimal
    }
}
