// Rules found before any YAML is parsed: the file itself.

public struct FileUnreadableRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "file-unreadable", title: "File cannot be read",
        summary: "A path that is not a readable file (missing, a folder, no permission) is reported, never a crash.",
        triggering: [RuleExample("↓", path: "updates/2026-W48/ana-lima.md", positionVariants: false)],
        nonTriggering: [RuleExample(ExampleOrg.update())])
}

public struct FileTooLargeRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "file-too-large", title: "Update over 64 KiB",
        summary: "An update is a short weekly note; a file over 65,536 bytes is refused before parsing, at 1:1.",
        triggering: [
            RuleExample(
                "↓" + ExampleOrg.update(body: String(repeating: "word ", count: 14_000)), positionVariants: false)
        ],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(body: String(repeating: "x", count: 65_536 - ExampleOrg.update(body: "").utf8.count)),
                positionVariants: false)
        ])
}

public struct EncodingInvalidRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "encoding-invalid", title: "Not UTF-8",
        summary: "Updates are UTF-8; invalid bytes (or UTF-16) are reported at the first bad byte, before parsing.",
        triggering: [
            RuleExample("---\nauthor: ana-lima\nweek: 2026-W48\n---\nCaf↓⟨E9⟩ talk\n", positionVariants: false),
            RuleExample("↓⟨FF⟩⟨FE⟩-⟨00⟩-⟨00⟩-⟨00⟩", positionVariants: false),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update(body: "Café with the CFO, 東京 office next. 🚀\n"))])
}

public struct EncodingNulByteRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "encoding-nul-byte", title: "NUL byte",
        summary: "A NUL byte means a binary file or a bad paste; it is reported at its position, before parsing.",
        triggering: [RuleExample("---\nauthor: ana↓⟨00⟩-lima\nweek: 2026-W48\n---\n", positionVariants: false)],
        nonTriggering: [RuleExample(ExampleOrg.update())])
}

public struct PathInvalidRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "path-invalid", title: "Misplaced file under updates/",
        summary:
            "Under updates/ each folder is a real ISO week and each file is '<person-id>.md'; anything else is an error.",
        triggering: [
            RuleExample("↓" + ExampleOrg.update(week: "2026-W54"), path: "updates/2026-W54/ana-lima.md"),
            RuleExample("↓" + ExampleOrg.update(), path: "updates/2026-W48/ana-lima.txt"),
            RuleExample("↓" + ExampleOrg.update(), path: "updates/2026-W48/Ana Lima.md"),
            RuleExample("↓" + ExampleOrg.update(), path: "updates/2026-W48/old/ana-lima.md"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()),
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(close: "2027-01-15"), week: "2026-W53"),
                path: "updates/2026-W53/ana-lima.md"),
        ])
}

public struct FrontMatterMissingRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "front-matter-missing", title: "No front matter",
        summary: "An update starts with a line '---', its YAML fields, and a closing '---'.",
        triggering: [
            RuleExample("↓author: ana-lima\nweek: 2026-W48\n"),
            RuleExample("↓"),
            RuleExample("↓# Week 48\n---\nauthor: ana-lima\n---\n"),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update()), RuleExample("---   \nauthor: ana-lima\nweek: 2026-W48\n---\n"),
        ])
}

public struct FrontMatterUnterminatedRule: ParseRule {
    public init() {}
    public static let description = RuleDescription(
        id: "front-matter-unterminated", title: "Front matter never closed",
        summary: "Only a line '---' closes the front matter ('...' does not); without it the file is refused.",
        triggering: [
            RuleExample("↓---\nauthor: ana-lima\nweek: 2026-W48\n"),
            RuleExample("↓---\nauthor: ana-lima\nweek: 2026-W48\n...\nBody\n"),
        ],
        nonTriggering: [RuleExample(ExampleOrg.update())])
}
