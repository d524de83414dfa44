// Rules of org.yaml found while reading it.

func orgExample(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
    RuleExample(text, path: "org.yaml", file: file, line: line)
}

let minimalOrgPeople =
    "people:\n  - { id: dana-cho, name: Dana Cho, email: dana@x.example }\n  - { id: raj-patel, name: Raj Patel, "
    + "reports_to: dana-cho }\n"

public struct OrgFieldTypeRule: FieldShapeRule {
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

public struct OrgFieldUnknownRule: UnknownKeyRule {
    public init() {}
    public static let description = RuleDescription(
        id: "org-field-unknown", title: "Unknown setting in org.yaml",
        summary:
            "A key org.yaml does not know is an error with a 'did you mean': a typo such as 'reports-to' would "
                + "quietly move people out of their manager's team (keys starting with 'x-' are ignored).",
        scope: .org,
        triggering: [
            orgExample(minimalOrgPeople + "↓admin: [dana-cho]\n"),
            RuleExample(
                "people:\n  - { id: dana-cho, name: Dana Cho }\n  - { id: sara-olsen, name: Sara Olsen, "
                    + "↓reports-to: dana-cho }\n", path: "org.yaml", message: "did you mean 'reports_to'?"),
        ],
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

// What the org.yaml rules say, beside the rules: the decoder finds, these word.

extension OrgFieldTypeRule {
    static func notOrganisation(at position: Position) -> Finding {
        finding(at: position, "org.yaml must be a mapping with 'people:', 'functions:' and the other settings")
    }

    static func notAMonth(at position: Position) -> Finding {
        finding(at: position, "fiscal_year_start_month must be a month number from 1 to 12")
    }

    static func badTicketPattern(at position: Position) -> Finding {
        finding(at: position, "tickets.pattern is not a valid regular expression")
    }

    static func badTicketURL(at position: Position) -> Finding {
        finding(
            at: position,
            "tickets.url must be an https: or http: address with {id} for the ticket, "
                + "like https://tracker.example.com/browse/{id}")
    }

    static func bookingsNotPlain(at position: Position) -> Finding {
        finding(at: position, "a goal's bookings must be a plain number >= 0, like 1500000")
    }
}

extension OrgFieldRequiredRule {
    static func missing(_ key: String, at position: Position) -> Finding {
        finding(at: position, "this entry has no '\(key)'; add '\(key): ...'")
    }
}

extension OrgStagesRule {
    static func empty(_ list: String, at position: Position) -> Finding {
        finding(
            at: position, "stages.\(list) is empty; list at least one stage, or delete the key to use the defaults")
    }

    static func invalidName(_ stage: String, at position: Position) -> Finding {
        finding(at: position, "the stage '\(stage)' is not a valid name; use lowercase letters, digits and '-'")
    }

    static func listedTwice(_ stage: String, at position: Position) -> Finding {
        finding(
            at: position,
            "the stage '\(stage)' is listed twice; each stage belongs to exactly one of open, won and lost")
    }
}

extension OrgFieldRangeRule {
    static func bookings(at position: Position) -> Finding {
        finding(
            at: position,
            "a goal's bookings must be from 0 to \(NumberLimits.maxAmountText) (a thousand trillion); check the digits")
    }

    static func wholeNumber(_ field: String, in range: ClosedRange<Int>, example: Int, at position: Position) -> Finding
    {
        finding(
            at: position,
            "\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound), like \(example)")
    }

    static func number(
        _ field: String, in range: ClosedRange<Double>, not text: String, at position: Position
    )
        -> Finding
    {
        func shown(_ v: Double) -> String { v == v.rounded() ? String(v.clampedInt) : String(v) }
        return finding(
            at: position,
            "\(field) must be a plain number from \(shown(range.lowerBound)) to \(shown(range.upperBound)), "
                + "not '\(text)'")
    }
}
