import Foundation

public struct OrgIDInvalidRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-id-invalid", title: "Bad person or function id",
        summary:
            "Ids name files, so they match ^[a-z0-9][a-z0-9-]{0,62}$ and nothing else is accepted ('/', '..', "
                + "capitals, spaces).",
        scope: .org,
        triggering: [
            orgExample("people:\n  - { id: ↓Dana Cho }\n"),
            orgExample("people:\n  - { id: ↓../dana }\n"),
            orgExample("functions:\n  - { id: ↓product/ui }\n"),
        ],
        nonTriggering: [orgExample(minimalOrgPeople)])

    public func check(_ org: Org) -> [Finding] {
        (org.people.map(\.id) + org.functions.map(\.id)).compactMap { id in
            guard !Identifier.isValidPersonID(id.value) else { return nil }
            let fixed = String(id.value.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).trimmingCharacters(
                in: CharacterSet(charactersIn: "-"))
            return finding(
                at: id.position,
                "'\(id.value)' is not a valid id: ids name files, use lowercase letters, digits and '-' (like "
                    + "'\(fixed.isEmpty ? "ana-lima" : fixed)')"
            )
        }
    }
}

public struct OrgIDDuplicateRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-id-duplicate", title: "Duplicate id",
        summary: "Each person and function id is used once; a person and a function cannot share an id.",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "  - { id: ↓raj-patel, name: Raj Two }\n"),
            orgExample(minimalOrgPeople + "functions:\n  - { id: ↓dana-cho, name: Dana's team }\n"),
        ],
        nonTriggering: [orgExample(ExampleOrg.yaml)])

    public func check(_ org: Org) -> [Finding] {
        var seen: [String: Position] = [:]
        var findings: [Finding] = []
        for id in org.people.map(\.id) + org.functions.map(\.id) {
            if let first = seen[id.value] {
                findings.append(
                    finding(
                        at: id.position,
                        "the id '\(id.value)' is already used at line \(first.line); every person and function needs "
                            + "its own id"
                    ))
            } else {
                seen[id.value] = id.position
            }
        }
        return findings
    }
}

public struct OrgManagerUnknownRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-manager-unknown", title: "Unknown manager",
        summary: "reports_to names a person of org.yaml.",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "  - { id: ana-lima, reports_to: ↓raj-patl }\n"),
            orgExample(minimalOrgPeople + "  - { id: zoe-muller, name: Zoë Müller 🚀, reports_to: ↓raj-patl }\n"),
        ],
        nonTriggering: [orgExample(minimalOrgPeople + "  - { id: ana-lima, reports_to: raj-patel }\n")])

    public func check(_ org: Org) -> [Finding] {
        org.people.compactMap { person in
            guard let manager = person.reportsTo, org.person(manager.value) == nil else { return nil }
            var message = "'\(person.id.value)' reports to '\(manager.value)', who is not in org.yaml"
            if let s = Suggestion.closest(to: manager.value, in: org.personIDs) {
                message += "; did you mean '\(s)'?"
            } else {
                message += "; add them or fix the id"
            }
            return finding(at: manager.position, message)
        }
    }
}

public struct OrgCycleRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-cycle", title: "Reporting cycle",
        summary: "reports_to forms a forest: nobody reports, directly or not, to themselves.",
        scope: .org,
        triggering: [
            orgExample("people:\n  - { id: a, reports_to: ↓b }\n  - { id: b, reports_to: ↓a }\n"),
            orgExample("people:\n  - { id: a, reports_to: ↓a }\n"),
        ],
        nonTriggering: [orgExample("people:\n  - { id: a }\n  - { id: b, reports_to: a }\n  - { id: c }\n")])

    public func check(_ org: Org) -> [Finding] {
        let cycles = Self.cycles(org)
        return org.people.compactMap { person in
            guard let manager = person.reportsTo, let (cycle, at) = cycles[person.id.value] else { return nil }
            // The loop from this person round to them again; a long one shortened.
            let shown = min(cycle.count, 10)
            var names = (0..<shown).map { cycle[(at + $0) % cycle.count] }
            names.append(shown < cycle.count ? "… (\(cycle.count) people in the loop)" : person.id.value)
            return finding(
                at: manager.position,
                "reporting cycle: \(names.joined(separator: " -> ")); "
                    + "one of them must report to someone outside the loop")
        }
    }

    /// Each person on a reporting cycle: the cycle and their place in it. Every person is
    /// walked once (a path is followed up only until it meets someone already walked), so
    /// a chain of thousands of levels costs its length, not its square.
    static func cycles(_ org: Org) -> [String: (cycle: [String], at: Int)] {
        var done: Set<String> = []
        var out: [String: (cycle: [String], at: Int)] = [:]
        for person in org.people {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = person.id.value
            while let c = current, !done.contains(c), onPath[c] == nil, let p = org.person(c) {
                onPath[c] = path.count
                path.append(c)
                current = p.reportsTo?.value
            }
            if let c = current, let start = onPath[c] {
                let cycle = Array(path[start...])
                for (i, member) in cycle.enumerated() { out[member] = (cycle, i) }
            }
            done.formUnion(path)
        }
        return out
    }
}

public struct OrgReferenceUnknownRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-reference-unknown", title: "Unknown person referenced",
        summary: "delegates, admins, a goal's team and a function's lead name people of org.yaml.",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "admins: [↓dana]\n"),
            orgExample(minimalOrgPeople + "functions:\n  - { id: product, lead: ↓lee-wong }\n"),
            orgExample(minimalOrgPeople + "goals:\n  - { team: ↓emea, quarter: 2026-Q4, bookings: 100 }\n"),
            orgExample("people:\n  - { id: dana-cho, delegates: [↓sam] }\n"),
        ],
        nonTriggering: [orgExample(ExampleOrg.yaml)])

    public func check(_ org: Org) -> [Finding] {
        var refs: [(String, Located<String>)] = org.admins.map { ("admins", $0) }
        refs += org.functions.compactMap { f in f.lead.map { ("the lead of \(f.id.value)", $0) } }
        refs += org.goals.map { ("a goal's team", $0.team) }
        for p in org.people { refs += p.delegates.map { ("the delegates of \(p.id.value)", $0) } }
        return refs.compactMap { what, ref in
            guard org.person(ref.value) == nil else { return nil }
            var message = "\(what) names '\(ref.value)', who is not a person in org.yaml"
            if let s = Suggestion.closest(to: ref.value, in: org.personIDs) { message += "; did you mean '\(s)'?" }
            return finding(at: ref.position, message)
        }
    }
}

public struct OrgGoalQuarterRule: OrgRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-goal-quarter", title: "Bad goal quarter",
        summary: "A goal's quarter is written YYYY-Qn (fiscal), n from 1 to 4.",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "goals:\n  - { team: dana-cho, quarter: ↓Q4-2026, bookings: 100 }\n")
        ],
        nonTriggering: [
            orgExample(minimalOrgPeople + "goals:\n  - { team: dana-cho, quarter: 2026-Q4, bookings: 100 }\n")
        ])

    public func check(_ org: Org) -> [Finding] {
        org.goals.compactMap { goal in
            guard Quarter(goal.quarter.value) == nil else { return nil }
            return finding(
                at: goal.quarter.position, "'\(goal.quarter.value)' is not a quarter; write it YYYY-Qn, like 2026-Q4")
        }
    }
}
