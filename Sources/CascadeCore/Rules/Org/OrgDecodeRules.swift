// Rules of org.yaml found while reading it.

func orgExample(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
    RuleExample(text, path: "org.yaml", file: file, line: line)
}

let minimalOrgPeople =
    "people:\n  - { id: dana-cho, name: Dana Cho, email: dana@x.example }\n  - { id: raj-patel, name: Raj Patel, "
        + "reports_to: dana-cho }\n"

public struct OrgFieldTypeRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-field-type", title: "Wrong type in org.yaml",
        summary:
            "Each setting of org.yaml has a shape (text, number, list, mapping); anything else is an error at the "
                + "value.",
        scope: .org,
        triggering: [
            orgExample("people: ↓dana-cho\n"),
            orgExample(minimalOrgPeople + "fiscal_year_start_month: ↓13\n"),
            orgExample(minimalOrgPeople + "goals:\n  - { team: dana-cho, quarter: 2026-Q4, bookings: ↓1.5M }\n"),
            orgExample(minimalOrgPeople + "tickets:\n  url: ↓\"javascript:alert(1)//{id}\"\n"),
        ],
        nonTriggering: [orgExample(minimalOrgPeople + "fiscal_year_start_month: 2\n"), orgExample(ExampleOrg.yaml)])
}

public struct OrgFieldUnknownRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-field-unknown", title: "Unknown setting in org.yaml",
        summary:
            "A key org.yaml does not know is a warning with a 'did you mean' (keys starting with 'x-' are ignored).",
        severity: .warning, scope: .org,
        triggering: [orgExample(minimalOrgPeople + "↓admin: [dana-cho]\n")],
        nonTriggering: [orgExample(minimalOrgPeople + "x-hris: workday\n")])
}

public struct OrgFieldRequiredRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-field-required", title: "Entry without its id",
        summary: "Every person and function has an id; every goal a team, a quarter and bookings.",
        scope: .org,
        triggering: [orgExample("people:\n  - { ↓name: Dana Cho }\n")],
        nonTriggering: [orgExample(minimalOrgPeople)])
}

public struct OrgStagesRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-stages", title: "Bad stage list",
        summary: "Stages are lowercase names, each in exactly one of open, won and lost, and no list is empty.",
        scope: .org,
        triggering: [
            orgExample(
                minimalOrgPeople + "stages:\n  open: [qualify, propose]\n  won: [won]\n  lost: [lost, ↓propose]\n"),
            orgExample(minimalOrgPeople + "stages:\n  open: [qualify]\n  won: ↓[]\n"),
        ],
        nonTriggering: [
            orgExample(
                minimalOrgPeople + "stages:\n  open: [qualify, propose]\n  won: [closed-won]\n  lost: [closed-lost]\n")
        ])
}

public struct OrgFieldRangeRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-field-range", title: "Number out of range in org.yaml",
        summary:
            "digest.minutes (1 to 120), digest.words_per_minute (50 to 1000), digest.note_words (a whole number from "
            + "1 to 100000) and a goal's bookings (0 to 1000000000000000) are plain numbers within their range, so no "
            + "figure of a digest can overflow.",
        scope: .org,
        triggering: [
            RuleExample(
                minimalOrgPeople + "digest:\n  note_words: ↓99999999999999999999\n", path: "org.yaml",
                message: "must be a whole number from 1 to 100000"),
            orgExample(minimalOrgPeople + "digest:\n  words_per_minute: ↓1e400\n"),
            orgExample(minimalOrgPeople + "digest:\n  words_per_minute: ↓9.3e18\n"),
            orgExample(minimalOrgPeople + "digest:\n  minutes: ↓1e30\n"),
            orgExample(minimalOrgPeople + "digest:\n  minutes: ↓0\n"),
            orgExample(minimalOrgPeople + "digest:\n  minutes: ↓nan\n"),
            orgExample(
                minimalOrgPeople + "goals:\n  - { team: dana-cho, quarter: 2026-Q4, bookings: ↓1"
                    + String(repeating: "0", count: 30) + " }\n"),
        ],
        nonTriggering: [
            orgExample(minimalOrgPeople + "digest:\n  minutes: 2.5\n  words_per_minute: 238\n  note_words: 150\n")
        ])
}
