public struct OrgStageMapRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-stage-map", title: "Glossary or forecast of an unknown stage",
        summary:
            "glossary explains stages of org.yaml; forecast gives each open stage a category: commit, best-case, "
            + "pipeline or omitted (an open stage without one is pipeline).",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "glossary:\n  ↓proposal: We sent the proposal.\n"),
            orgExample(minimalOrgPeople + "forecast:\n  commit: ↓committed\n"),
            orgExample(minimalOrgPeople + "forecast:\n  ↓won: commit\n"),
        ],
        nonTriggering: [
            orgExample(
                minimalOrgPeople + "glossary:\n  discover: We know who decides.\nforecast:\n  commit: commit\n"
                    + "  negotiate: best-case\n")
        ])

    public func check(_ org: Org) -> [Finding] {
        var findings: [Finding] = []
        for entry in org.glossaryEntries + org.forecastEntries where org.stages.kind(of: entry.stage.value) == nil {
            var message = "'\(entry.stage.value)' is not a stage of org.yaml"
            if let s = Suggestion.closest(to: entry.stage.value, in: org.stages.all) {
                message += "; did you mean '\(s)'?"
            }
            findings.append(finding(at: entry.stage.position, message))
        }
        let categories = ForecastCategory.allCases.map(\.rawValue)
        for entry in org.forecastEntries where org.stages.kind(of: entry.stage.value) != nil {
            if org.stages.kind(of: entry.stage.value) != .open {
                findings.append(
                    finding(
                        at: entry.stage.position,
                        "'\(entry.stage.value)' is a closed stage; a forecast category is for open stages only"))
            } else if ForecastCategory(rawValue: entry.value.value) == nil {
                findings.append(
                    finding(
                        at: entry.value.position,
                        "unknown forecast category '\(entry.value.value)'; use one of "
                            + categories.joined(separator: ", ")))
            }
        }
        return findings
    }
}
