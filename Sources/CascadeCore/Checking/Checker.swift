/// Runs every rule: parse findings, rules over one update, rules across the
/// repository, and the rules of `org.yaml`.
public struct Checker: Sendable {
    public static let parseRules: [any ParseRule.Type] = [
        FileUnreadableRule.self, FileTooLargeRule.self, EncodingInvalidRule.self, EncodingNulByteRule.self,
        PathInvalidRule.self, FrontMatterMissingRule.self, FrontMatterUnterminatedRule.self,
        YAMLSyntaxRule.self, YAMLDuplicateKeyRule.self, YAMLAnchorRule.self, YAMLTagRule.self,
        YAMLMultipleDocumentsRule.self, YAMLTooDeepRule.self, FieldUnknownRule.self, FieldTypeRule.self,
        OrgFieldTypeRule.self, OrgFieldUnknownRule.self, OrgFieldRequiredRule.self, OrgFieldRangeRule.self,
        OrgStagesRule.self,
    ]

    public static let updateRules: [any UpdateRule] = [
        FieldRequiredRule(), AuthorUnknownRule(), AuthorMismatchRule(), WeekInvalidRule(), WeekMismatchRule(),
        DealIDInvalidRule(), DealIDDuplicateRule(), StageUnknownRule(), AmountInvalidRule(),
        CloseInvalidRule(), ClosePastRule(), NextRequiredRule(), ReasonRequiredRule(), LessonRequiredRule(),
        ReasonUnknownRule(), TextMultilineRule(), TextTooLongRule(), GapInvalidRule(), AskTargetUnknownRule(),
        BodyTooLongRule(), ForecastInvalidRule(),
    ]

    public static let repositoryRules: [any RepositoryRule] = [
        DealIDWeekDuplicateRule(), DealClosedRelistedRule(), HighlightUnknownRule(), HighlightOutsideTeamRule(),
    ]

    public static let orgRules: [any OrgRule] = [
        OrgIDInvalidRule(), OrgIDDuplicateRule(), OrgManagerUnknownRule(), OrgCycleRule(), OrgReferenceUnknownRule(),
        OrgGoalQuarterRule(), OrgStageMapRule(),
    ]

    /// Rules over `org.yaml` and the weeks that have updates (run when org.yaml is checked).
    public static let orgWeeksRules: [any OrgWeeksRule] = [GoalQuarterEmptyRule()]

    /// Rules over git's history rather than files (`check --authors`).
    public static let commitRules: [any Rule.Type] = [CommitAuthorRule.self]

    /// Every rule's description, sorted by id.
    public static var descriptions: [RuleDescription] {
        (parseRules.map { $0.description } + commitRules.map { $0.description }
            + updateRules.map { type(of: $0).description }
            + repositoryRules.map { type(of: $0).description } + orgRules.map { type(of: $0).description }
            + orgWeeksRules.map { type(of: $0).description })
            .sorted { $0.id < $1.id }
    }

    public static func description(of id: String) -> RuleDescription? { descriptions.first { $0.id == id } }

    /// The organisation, or nil: then updates are checked for syntax only.
    public let org: Org?

    public init(org: Org?) { self.org = org }

    /// Reads `org.yaml` and runs the org rules.
    public static func checkOrg(_ source: SourceText) -> (org: Org?, findings: [Finding]) {
        let decoded = OrgDecoder.decode(source)
        guard let org = decoded.org else { return (nil, decoded.findings) }
        let findings = decoded.findings + orgRules.flatMap { $0.check(org) }
        return (org, findings)
    }

    /// Parses one update and runs the single-file rules.
    public func check(path: String, source: SourceText) -> (findings: [Finding], summary: UpdateSummary) {
        let parsed = UpdateParser.parse(path: path, source: source)
        return check(parsed)
    }

    public func check(_ parsed: ParsedUpdate) -> (findings: [Finding], summary: UpdateSummary) {
        var findings = parsed.findings
        if let org, let update = parsed.update {
            for rule in Self.updateRules { findings += rule.check(parsed, update, org: org) }
        }
        return (findings, UpdateSummary(parsed, org: org))
    }

    /// The cross-file findings of `file`, given every update in `index`.
    public func checkAcross(_ file: UpdateSummary, in index: UpdateIndex) -> [Finding] {
        guard let org else { return [] }
        return Self.repositoryRules.flatMap { $0.check(file, in: index, org: org) }
    }
}
