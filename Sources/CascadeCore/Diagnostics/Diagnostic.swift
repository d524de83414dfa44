/// A 1-based line and column; columns count Unicode scalars.
public struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = Position(line: 1, column: 1)

    public static func < (a: Position, b: Position) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }

    public var description: String { "\(line):\(column)" }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One finding: where, how bad, which rule, and how to fix it.
public struct Diagnostic: Hashable, Sendable {
    public var file: String
    public var position: Position
    public var severity: Severity
    public var rule: String
    public var message: String

    public init(file: String, position: Position, severity: Severity, rule: String, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// Diagnostics sort by file, then position, then rule id.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.position != b.position { return a.position < b.position }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// A finding before it knows its file: what rules and parsers return.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    public var position: Position
    public var message: String

    public init(_ rule: String, _ severity: Severity, at position: Position, _ message: String) {
        self.rule = rule
        self.severity = severity
        self.position = position
        self.message = message
    }

    public func diagnostic(in file: String) -> Diagnostic {
        Diagnostic(file: file, position: position, severity: severity, rule: rule, message: message)
    }
}
