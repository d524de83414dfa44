/// A YAML node with the position of its first character, as composed from
/// libyaml's events. Only what update files and `org.yaml` need: scalars as
/// written (no type guessing), mappings in source order, sequences.
public struct YAMLNode: Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public indirect enum Kind: Sendable {
        case scalar(String, Style)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var position: Position

    public init(_ kind: Kind, at position: Position) {
        self.kind = kind
        self.position = position
    }

    /// The scalar's text, nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// A plain empty scalar: `key:` with no value (YAML's null).
    public var isNull: Bool {
        if case .scalar(let text, .plain) = kind {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// What this node is, for messages ("a list", "text").
    public var kindName: String {
        switch kind {
        case .scalar: return isNull ? "nothing" : "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first(where: { $0.key == key })?.value
    }
}

public struct YAMLPair: Sendable {
    public var key: String
    public var keyPosition: Position
    public var value: YAMLNode
}
