/// What a rule is, for users and for the tests that run its examples.
public struct RuleDescription: Sendable {
    /// `commit`: a rule over git's history (`check --authors`), whose examples are commits, not files.
    public enum Scope: String, Sendable { case update, org, commit }

    public var id: String
    public var title: String
    /// One sentence: what the rule checks and why.
    public var summary: String
    public var severity: Severity
    public var scope: Scope
    /// Files that must trigger the rule at every `↓` marker.
    public var triggering: [RuleExample]
    /// Files that must not trigger it.
    public var nonTriggering: [RuleExample]

    public init(
        id: String, title: String, summary: String, severity: Severity = .error, scope: Scope = .update,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.severity = severity
        self.scope = scope
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// An example file for a rule. `↓` marks where a finding must be reported.
/// It remembers where it was written so a failing example points at itself.
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"

    public var text: String
    public var path: String
    /// Other files of the repository the example needs (same week, earlier weeks).
    public var otherFiles: [String: String]
    /// Whether BOM/CRLF variants keep the positions (false for byte-level rules).
    public var positionVariants: Bool
    /// Words every finding at the markers must say (nil: not asserted).
    public var message: String?
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ text: String, path: String = "updates/2026-W48/ana-lima.md", otherFiles: [String: String] = [:],
        positionVariants: Bool = true, message: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        self.message = message
        self.text = text
        self.path = path
        self.otherFiles = otherFiles
        self.positionVariants = positionVariants
        self.sourceFile = "\(file)"
        self.sourceLine = Int(line)
    }

    /// The text without markers, and the positions the markers stood at.
    public var unmarked: (text: String, markers: [Position]) {
        var out = ""
        var markers: [Position] = []
        var line = 1
        var column = 1
        for ch in text.unicodeScalars {
            if ch == "↓" {
                markers.append(Position(line: line, column: column))
                continue
            }
            out.unicodeScalars.append(ch)
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (out, markers)
    }
}

/// A validation rule: a type with a description and examples.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
}

/// A rule whose findings come from parsing (limits, encoding, YAML, types, path).
public protocol ParseRule: Rule {}

/// A rule over one parsed update and the organisation.
public protocol UpdateRule: Rule {
    func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding]
}

/// A rule over one update and the other updates of the repository.
public protocol RepositoryRule: Rule {
    func check(_ file: UpdateSummary, in index: UpdateIndex, org: Org) -> [Finding]
}

/// A rule over `org.yaml` once it has been read.
public protocol OrgRule: Rule {
    func check(_ org: Org) -> [Finding]
}

extension Rule {
    /// A finding of this rule, with its id and severity.
    public func finding(at position: Position, _ message: String) -> Finding {
        Self.finding(at: position, message)
    }

    /// A finding of this rule, for the parser and decoders that find it while reading.
    public static func finding(at position: Position, _ message: String) -> Finding {
        Finding(description.id, description.severity, at: position, message)
    }
}
