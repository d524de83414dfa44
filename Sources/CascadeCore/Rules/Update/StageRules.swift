public struct StageUnknownRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "stage-unknown", title: "Unknown stage",
        summary: "stage is one of the stages of org.yaml, written exactly (YAML 1.1 words like 'no' are just text).",
        triggering: [
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(stage: "↓proposal")), message: "did you mean 'propose'?"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "↓no"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "↓Propose"))),
            // Columns count Unicode scalars: the accents, CJK and the emoji before the stage are one column each.
            RuleExample(
                ExampleOrg.update(
                    deals: "  - { id: NW-7, account: Zoë Müller 東京 🚀, stage: ↓propsoe, amount: 1,"
                        + " close: 2026-12-19, next: Call }\n"), message: "did you mean 'propose'?"),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "negotiate")))])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let stage = deal.stage, !stage.value.isEmpty, org.stages.kind(of: stage.value) == nil else {
                return nil
            }
            var message = "unknown stage '\(stage.value)'"
            if let s = Suggestion.closest(to: stage.value, in: org.stages.all) {
                message += "; did you mean '\(s)'?"
            } else {
                message += "; use one of \(org.stages.all.joined(separator: ", "))"
            }
            return finding(at: stage.position, message)
        }
    }
}

public struct ReasonUnknownRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "reason-unknown", title: "Unknown loss reason",
        summary: "reason is one of the loss_reasons of org.yaml, so losses can be counted by reason.",
        triggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        stage: "lost", next: nil,
                        extra: "    reason: ↓pricing\n    lesson: Reach the economic buyer sooner.\n")))
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        stage: "lost", next: nil,
                        extra: "    reason: price\n    lesson: Reach the economic buyer sooner.\n")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let reason = deal.reason, !reason.value.isEmpty, !org.lossReasons.contains(reason.value) else {
                return nil
            }
            var message = "unknown loss reason '\(reason.value)'"
            if let s = Suggestion.closest(to: reason.value, in: org.lossReasons) {
                message += "; did you mean '\(s)'?"
            } else {
                message += "; use one of \(org.lossReasons.joined(separator: ", "))"
            }
            return finding(at: reason.position, message)
        }
    }
}

public struct NextRequiredRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "next-required", title: "Open deal without a next step",
        summary: "Every open deal says its next step in 'next', one line.",
        triggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: "  - ↓id: NW-1\n    account: Acme\n    stage: propose\n    amount: 5\n"
                        + "    close: 2026-12-19\n")),
            RuleExample(
                ExampleOrg.update(
                    deals: "  - ↓id: NW-1\n    account: Acme\n    stage: propsal\n    amount: 5\n"
                        + "    close: 2026-12-19\n")),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(stage: "won", close: "2026-11-20", next: nil))),
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let stage = deal.stage, org.stages.likelyKind(of: stage.value) == .open else { return nil }
            if let next = deal.next, !next.value.allSatisfy(\.isWhitespace) { return nil }
            let at = deal.next?.position ?? deal.valuePositions["next"] ?? deal.firstKey
            return finding(
                at: at,
                "open deal '\(deal.id?.value ?? "?")' has no next step; add 'next: <the next step and its date>'")
        }
    }
}

public struct ReasonRequiredRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "reason-required", title: "Lost deal without a reason",
        summary: "Every deal in a lost stage (disqualified included) names its reason, so losses can be learned from.",
        triggering: [
            RuleExample(
                ExampleOrg.update(
                    deals:
                        "  - ↓id: NW-1\n    account: Acme\n    stage: lost\n    amount: 5\n    close: 2026-11-20\n   "
                        + " lesson: Qualify sooner.\n"
                )),
            RuleExample(
                ExampleOrg.update(
                    deals:
                        "  - ↓id: NW-1\n    account: Acme\n    stage: disqualified\n    amount: 5\n    close: "
                        + "2026-11-20\n"
                )),
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        stage: "disqualified", close: "2026-11-20", next: nil, extra: "    reason: no-fit\n")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let stage = deal.stage, org.stages.kind(of: stage.value) == .lost else { return nil }
            if let reason = deal.reason, !reason.value.isEmpty { return nil }
            let at = deal.valuePositions["reason"] ?? deal.firstKey
            return finding(
                at: at,
                "\(stage.value) deal '\(deal.id?.value ?? "?")' has no reason; add 'reason:' with one of "
                    + "\(org.lossReasons.joined(separator: ", "))"
            )
        }
    }
}

public struct LessonRequiredRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "lesson-required", title: "Lost deal without a lesson",
        summary:
            "Every lost deal (except a disqualified one: qualifying out is good news) says in 'lesson' what we would "
            + "do differently.",
        triggering: [
            RuleExample(
                ExampleOrg.update(
                    deals:
                        "  - ↓id: NW-1\n    account: Acme\n    stage: lost\n    amount: 5\n    close: 2026-11-20\n   "
                        + " reason: price\n"
                ))
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        stage: "disqualified", close: "2026-11-20", next: nil, extra: "    reason: no-fit\n")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        update.deals.compactMap { deal in
            guard let stage = deal.stage, org.stages.needsLesson(stage.value) else { return nil }
            if let lesson = deal.lesson, !lesson.value.allSatisfy(\.isWhitespace) { return nil }
            let at = deal.valuePositions["lesson"] ?? deal.firstKey
            return finding(
                at: at,
                "lost deal '\(deal.id?.value ?? "?")' has no lesson; add 'lesson:' with one or two sentences on what "
                    + "we would do differently"
            )
        }
    }
}
