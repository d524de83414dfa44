public struct ForecastInvalidRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "forecast-invalid", title: "Unknown forecast category",
        summary:
            "A deal's forecast is commit, best-case, pipeline or omitted; it overrides the category of the deal's "
            + "stage in the digest's forecast.",
        triggering: [
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(extra: "    forecast: ↓best case\n")),
                message: "did you mean 'best-case'?"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    forecast: ↓upside\n"))),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    forecast: commit\n    source: inbound\n")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        let categories = ForecastCategory.allCases.map(\.rawValue)
        return update.deals.compactMap { deal in
            guard let forecast = deal.forecast, ForecastCategory(rawValue: forecast.value) == nil else { return nil }
            var message = "unknown forecast category '\(forecast.value)'"
            if let s = Suggestion.closest(to: forecast.value, in: categories) {
                message += "; did you mean '\(s)'?"
            } else {
                message += "; use one of \(categories.joined(separator: ", "))"
            }
            return finding(at: forecast.position, message)
        }
    }
}
