import CascadeCore

/// The JSON of a report: a typed document per kind, encoded through `Codable`.
public protocol ReportDocument: Encodable, Sendable {}

/// Writes a report's document with sorted keys, one value a line, so output is byte-stable.
public enum ReportJSON {
    /// The document with `extra` top-level keys (the range and scope the command covered).
    public static func render(_ document: any ReportDocument, extra: [(String, String)] = []) throws -> String {
        var tree = try JSONTreeEncoder.encode(document)
        if case .object(let pairs) = tree { tree = .object(pairs + extra.map { ($0.0, .string($0.1)) }) }
        return tree.pretty() + "\n"
    }
}

extension JSONTree {
    /// Indented by two spaces, object keys sorted, every non-empty array and object across lines.
    public func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let sorted = pairs.sorted { $0.0 < $1.0 }
            return "{\n"
                + sorted.map { "\(inner)\(JSON.string($0.0)): \($0.1.pretty(indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return inline
        }
    }
}
