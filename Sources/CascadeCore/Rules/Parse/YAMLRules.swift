// Rules found while reading the front matter's YAML.

public struct YAMLSyntaxRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-syntax", title: "YAML syntax error",
        summary:
            "The front matter must be valid YAML; the finding carries the parser's position and a hint (tabs, "
            + "indentation, quoting).",
        triggering: [
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - id: NW-1\n    next: Call↓: Tuesday\n---\n",
                message: "a value that contains ': ' must be quoted; write the line as     next: \"Call: Tuesday\""),
            // An unclosed quote is reported where it opened, not where the front matter ends.
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - id: NW-1\n    account: ↓\"Acme Corp\n"
                    + "    stage: propose\n    amount: 5\n---\n",
                message: "the quote opened here is never closed"),
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n↓\t- id: NW-1\n---\n",
                message: "a tab character here"),
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\ndeals: [NW-1\n↓---\n"),
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\n? ↓[a, b]\n: c\n---\n",
                message: "a key must be plain text, not a list"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(
                ExampleOrg.update(
                    deals: "  - { id: NW-1, account: Acme, stage: won, amount: 5, close: 2026-11-20 }\n")),
        ])
}

public struct YAMLDuplicateKeyRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-duplicate-key", title: "Duplicate key",
        summary:
            "A key repeated in one mapping, at any depth, is an error at its second occurrence (YAML would silently "
            + "keep one).",
        triggering: [
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\n↓author: ana-lima\n---\n",
                message: "the key 'author' appears twice"),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    ↓stage: won\n"))),
            RuleExample(
                ExampleOrg.update(
                    deals: ExampleOrg.deal(
                        extra: "    asks:\n      - to: product\n        ask: A\n        ↓ask: B\n"))),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal() + ExampleOrg.deal(id: "NW-2")))])
}

public struct YAMLAnchorRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-anchor", title: "Anchor or alias",
        summary:
            "Anchors ('&a') and aliases ('*a') are refused, so no alias bomb can expand; write values out in full.",
        triggering: [
            RuleExample(
                "---\nauthor: ↓&who ana-lima\nweek: 2026-W48\nx-copy: ↓*who\n---\n",
                message: "are not allowed; write"),
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\nx-a: ↓&a [lol, lol]\nx-b: ↓&b [↓*a, ↓*a]\n---\n"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: "\"Send the deck & pricing *today*\"")))
        ])
}

public struct YAMLTagRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-tag", title: "Tag or directive",
        summary: "YAML tags ('!!str', '!x') and directives ('%YAML') are refused; an update needs plain values only.",
        triggering: [
            RuleExample(
                "---\nauthor: ↓!!str ana-lima\nweek: 2026-W48\n---\n", message: "are not allowed; remove the tag"),
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\nx-t: ↓!custom value\n---\n"),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: "\"Ask !important questions\"")))])
}

public struct YAMLMultipleDocumentsRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-multiple-documents", title: "Several YAML documents",
        summary: "The front matter holds exactly one YAML document.",
        triggering: [
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\n↓--- # again\nx-more: 1\n---\n",
                message: "an update has exactly one front matter document")
        ],
        nonTriggering: [RuleExample(ExampleOrg.update())])
}

public struct YAMLTooDeepRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "yaml-too-deep", title: "Nesting too deep",
        summary: "Nesting deeper than 32 levels is refused before it can exhaust memory or the stack.",
        triggering: [
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\nx-deep: " + String(repeating: "[", count: 31) + "↓"
                    + String(repeating: "[", count: 100) + "\n---\n", message: "an update needs at most 4")
        ],
        nonTriggering: [
            RuleExample(
                "---\nauthor: ana-lima\nweek: 2026-W48\nx-deep: " + String(repeating: "[", count: 20)
                    + String(repeating: "]", count: 20) + "\n---\n")
        ])
}

// What the YAML rules say, beside the rules: the reader finds, these word.

extension YAMLSyntaxRule {
    /// libyaml's problem, worded for a rep: a tab, an unclosed quote (at the quote, `opened`), an
    /// unquoted ': ' inside a value (with the line quoted, from `line`, the text of the problem's line).
    static func parserProblem(
        at: Position, problem: String, context: String?, tabIndent: Bool, opened: Position? = nil, line: String? = nil
    ) -> Finding {
        if tabIndent || problem.contains("tab") {
            return finding(at: at, "a tab character here; YAML indents with spaces only, replace the tab with spaces")
        }
        if let opened, let context, context.contains("quoted scalar") {
            return finding(
                at: opened,
                "the quote opened here is never closed; end the value with the same quote, on this line, "
                    + "or remove the quote")
        }
        if problem.contains("mapping values are not allowed"), let line, let quoted = quotedValue(line) {
            return finding(
                at: at, "a value that contains ': ' must be quoted; write the line as \(quoted)")
        }
        let context = context.map { " " + $0 } ?? ""
        return finding(
            at: at, "YAML syntax error: \(problem)\(context); check the indentation and quoting on this line")
    }

    /// `  account: ABB: Robotics` as `  account: "ABB: Robotics"`; nil for a line that is not `key: value`.
    static func quotedValue(_ line: String) -> String? {
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.trimmingCharacters(in: .whitespaces).isEmpty, !value.isEmpty, !value.hasPrefix("\""),
            !value.hasPrefix("'")
        else { return nil }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(key): \"\(escaped)\""
    }

    static func complexKey(at: Position, kind: String) -> Finding {
        finding(at: at, "a key must be plain text, not \(kind); remove the '?' or the brackets")
    }

    static func cannotStart() -> Finding { finding(at: .start, "the YAML parser could not start (out of memory)") }
}

extension YAMLDuplicateKeyRule {
    static func duplicate(_ key: String, at: Position) -> Finding {
        finding(at: at, "the key '\(key)' appears twice in this mapping; keep one and delete the other")
    }
}

extension YAMLAnchorRule {
    static func anchor(_ name: String, at: Position) -> Finding {
        finding(at: at, "YAML anchors ('&\(name)') are not allowed; write each value out in full")
    }

    static func alias(at: Position) -> Finding {
        finding(at: at, "YAML aliases ('*name') are not allowed; write the value out in full")
    }
}

extension YAMLTagRule {
    static func tag(_ name: String, at: Position) -> Finding {
        finding(at: at, "YAML tags ('\(name)') are not allowed; remove the tag and write the plain value")
    }

    static func directive(at: Position) -> Finding {
        finding(at: at, "YAML directives ('%YAML', '%TAG') are not allowed; delete the directive line")
    }
}

extension YAMLMultipleDocumentsRule {
    static func second(at: Position, subject: YAMLReader.Subject) -> Finding {
        finding(
            at: at,
            subject == .update
                ? "a second YAML document starts here; an update has exactly one front matter document, remove the "
                    + "'...' or '---' separator"
                : "a second YAML document starts here; org.yaml is one document, remove the '...' or '---' separator")
    }
}

extension YAMLTooDeepRule {
    static func tooDeep(at: Position, subject: YAMLReader.Subject) -> Finding {
        finding(
            at: at,
            "the YAML nests more than \(YAMLReader.maxDepth) levels deep; "
                + (subject == .update
                    ? "an update needs at most 4" : "org.yaml needs at most 4 (people, a person, delegates)"))
    }
}
