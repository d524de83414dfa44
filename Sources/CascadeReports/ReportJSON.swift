import CascadeCore

/// Writes report values as JSON with sorted keys, so output is byte-stable.
public enum ReportJSON {
    public static func write(_ value: any Sendable, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case let s as String: return JSON.string(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let m as Money: return m.decimal
        case let d as Double:
            if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return String(d)
        case is NSNullValue: return "null"
        case let dict as [String: any Sendable]:
            if dict.isEmpty { return "{}" }
            return "{\n"
                + dict.keys.sorted().map { "\(inner)\(JSON.string($0)): \(write(dict[$0]!, indent: inner))" }.joined(
                    separator: ",\n") + "\n\(indent)}"
        case let list as [[String: any Sendable]]:
            if list.isEmpty { return "[]" }
            return "[\n" + list.map { inner + write($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let list as [any Sendable]:
            if list.isEmpty { return "[]" }
            return "[\n" + list.map { inner + write($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let list as [String]:
            return "[" + list.map(JSON.string).joined(separator: ", ") + "]"
        default:
            return JSON.string("\(value)")
        }
    }
}
