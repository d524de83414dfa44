// The shape of fields, in updates and in org.yaml: the reader finds a value of the wrong shape
// or a key the format does not know; these rules word it.

/// A rule for values of the wrong shape (text, list, mapping): `field-type` and `org-field-type`.
public protocol FieldShapeRule: ParseRule {}

extension FieldShapeRule {
    static func notText(_ field: String, _ node: YAMLNode) -> Finding {
        finding(
            at: node.position,
            "'\(field)' must be text, not \(node.kindName); write it on one line after '\(field): '")
    }

    static func notList(_ field: String, _ node: YAMLNode, example: String) -> Finding {
        finding(at: node.position, "'\(field)' must be a list, not \(node.kindName); write it as \(example)")
    }

    static func emptyItem(_ field: String, at position: Position) -> Finding {
        finding(at: position, "an empty item in '\(field)'; delete the empty '-' line")
    }

    static func notMapping(_ what: String, _ node: YAMLNode) -> Finding {
        finding(at: node.position, "\(what) must be a mapping of 'key: value' lines, not \(node.kindName)")
    }
}

/// A rule for keys a format does not know: `field-unknown` and `org-field-unknown`.
public protocol UnknownKeyRule: ParseRule {}

extension UnknownKeyRule {
    static func unknown(_ key: String, in what: String, known: [String], at position: Position) -> Finding {
        var message = "unknown field '\(key)' in \(what)"
        if let suggestion = Suggestion.closest(to: key, in: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; known fields are \(known.joined(separator: ", ")) (or prefix your own with 'x-')"
        }
        return finding(at: position, message)
    }
}

public struct FieldUnknownRule: UnknownKeyRule {
    public init() {}
    public static let description = RuleDescription(
        id: "field-unknown", title: "Unknown field",
        summary:
            "Only the fields of the update format are accepted (with a 'did you mean' for typos); keys starting with "
            + "'x-' are kept and ignored.",
        triggering: [
            RuleExample("---\n↓autor: ana-lima\nweek: 2026-W48\n---\n"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    ↓competitors: Globex\n"))),
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        extra: "    asks:\n      - to: product\n        ask: A\n        ↓due: friday\n"))),
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(extra: "    x-crm-id: 0061000\n    x-notes: { any: [thing] }\n")))
        ])
}

public struct FieldTypeRule: FieldShapeRule {
    public init() {}
    public static let description = RuleDescription(
        id: "field-type", title: "Wrong type",
        summary: "Each field has a shape: text, a list or a mapping; anything else is an error at the value.",
        triggering: [
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\ndeals: ↓NW-1042\n---\n"),
            RuleExample(ExampleOrg.update(deals: "  - ↓NW-1042\n")),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    gaps: ↓PROD-311\n"))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    competitor: ↓[Globex, Initech]\n"))),
        ],
        nonTriggering: [
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n---\n"),
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\ndeals: []\n---\n"),
        ])
}
