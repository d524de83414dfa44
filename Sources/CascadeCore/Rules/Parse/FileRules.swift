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
            "Under updates/ each folder is a real ISO week and each file is '<person-id>.md'; anything else is an "
                + "error.",
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

// What the file rules say, beside the rules: the parser finds, these word.

extension FileTooLargeRule {
    static func org(limit: Int) -> Finding {
        finding(at: .start, "org.yaml is over \(limit / 1_048_576) MiB; this cannot be an organisation file")
    }

    static func update(bytes: Int) -> Finding {
        finding(
            at: .start,
            "the file is \(bytes) bytes, over the limit of \(SourceText.updateByteLimit) (64 KiB); "
                + "an update is a short note, move long material elsewhere and link it")
    }
}

extension EncodingInvalidRule {
    static func utf16() -> Finding {
        finding(at: .start, "the file is UTF-16; save it as UTF-8 (without a byte-order mark or with the UTF-8 one)")
    }

    static func invalidByte(_ byte: UInt8, at: Position) -> Finding {
        finding(at: at, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8")
    }
}

extension EncodingNulByteRule {
    static func nul(at: Position) -> Finding {
        finding(at: at, "a NUL byte; this looks like a binary file or a bad paste, delete the character")
    }
}

extension PathInvalidRule {
    static func notUnderAWeek() -> Finding {
        finding(
            at: .start,
            "an update must live at updates/<week>/<person-id>.md, like updates/2026-W48/ana-lima.md; "
                + "move or delete this file")
    }

    static func notAWeek(_ folder: String) -> Finding {
        finding(
            at: .start,
            "the folder '\(folder)' is not a real ISO week; name it like 2026-W48 "
                + "(weeks run 01 to 52, or 53 in long years)")
    }

    static func notAPerson(_ name: String) -> Finding {
        finding(
            at: .start,
            "'\(name)' is not '<person-id>.md'; name the file after its author's id in org.yaml, like ana-lima.md")
    }
}

extension FrontMatterMissingRule {
    static func missing() -> Finding {
        finding(
            at: .start,
            "no front matter: the file must start with a line '---', then the YAML fields, then a line '---'")
    }
}

extension FrontMatterUnterminatedRule {
    static func unterminated() -> Finding {
        finding(at: .start, "the front matter opened here is never closed; add a line '---' after the last YAML field")
    }
}
