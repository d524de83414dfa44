/// JSON as an ordered tree, filled by `JSONTreeEncoder` from any `Encodable`: keys stay in the
/// order they were encoded (a document's fields in declaration order), amounts print as
/// integers when whole, and a nil optional is `null` (not left out), so an output built from
/// typed values keeps its exact bytes.
public indirect enum JSONTree: Sendable, Equatable {
    case null, bool(Bool), int(Int), number(Double), string(String)
    /// A number written exactly as given (a median shown as `38.0`).
    case raw(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    public static func == (a: JSONTree, b: JSONTree) -> Bool { a.inline == b.inline }

    /// On one line: `{"a": 1, "b": [2, 3]}`.
    public var inline: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(d.clampedInt) : String(d)
        case .string(let s): return JSON.string(s)
        case .raw(let text): return text
        case .array(let items): return "[" + items.map(\.inline).joined(separator: ", ") + "]"
        case .object(let pairs):
            return "{" + pairs.map { JSON.string($0.0) + ": " + $0.1.inline }.joined(separator: ", ") + "}"
        }
    }

    /// A document: one top-level key a line; the arrays named in `itemLists` one item a line.
    public func document(itemLists: Set<String>) -> String {
        guard case .object(let pairs) = self else { return inline + "\n" }
        let lines = pairs.map { key, value -> String in
            if itemLists.contains(key), case .array(let items) = value, !items.isEmpty {
                return "  \(JSON.string(key)): [\n" + items.map { "    " + $0.inline }.joined(separator: ",\n")
                    + "\n  ]"
            }
            return "  \(JSON.string(key)): \(value.inline)"
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }
}

/// A number that prints as Swift prints a Double (`37.5`, `38.0`), for values that always have.
public struct RawDouble: Encodable, Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public func encode(to encoder: Encoder) throws {
        guard let tree = encoder as? JSONTreeEncoder.Node else {
            var c = encoder.singleValueContainer(); return try c.encode(value)
        }
        tree.set(.raw(String(value)))
    }
}

/// Encodes any `Encodable` into a `JSONTree`.
public enum JSONTreeEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONTree {
        let node = Node()
        try value.encode(to: node)
        return node.tree
    }

    /// One value being encoded: a keyed, unkeyed or single value, filled in place.
    final class Node: Encoder {
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        private var pairs: [(String, Node)] = []
        private var items: [Node] = []
        private var single: JSONTree?
        private var kind = 0  // 0 unset, 1 object, 2 array

        var tree: JSONTree {
            switch kind {
            case 1: return .object(pairs.map { ($0.0, $0.1.tree) })
            case 2: return .array(items.map(\.tree))
            default: return single ?? .null
            }
        }

        func set(_ value: JSONTree) { single = value }

        func child(for key: String) -> Node {
            kind = 1
            let node = Node()
            pairs.append((key, node))
            return node
        }

        func appended() -> Node {
            kind = 2
            let node = Node()
            items.append(node)
            return node
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            kind = 1
            return KeyedEncodingContainer(Keyed<Key>(node: self))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { kind = 2; return Unkeyed(node: self) }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(node: self) }
    }

    static func leaf(_ value: Any) -> JSONTree? {
        switch value {
        case let b as Bool: return .bool(b)
        case let i as Int: return .int(i)
        case let d as Double: return .number(d)
        case let s as String: return .string(s)
        default: return nil
        }
    }

    static func encode<T: Encodable>(_ value: T, into node: Node) throws {
        if let leaf = leaf(value) { node.set(leaf) } else { try value.encode(to: node) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [CodingKey] = []
        mutating func encodeNil(forKey key: Key) throws { node.child(for: key.stringValue).set(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONTreeEncoder.encode(value, into: node.child(for: key.stringValue))
        }
        // A nil optional is written as null: the document keeps every key.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            node.child(for: key.stringValue).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            node.child(for: key.stringValue).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { node.child(for: "super") }
        mutating func superEncoder(forKey key: Key) -> Encoder { node.child(for: key.stringValue) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [CodingKey] = []
        var count = 0
        mutating func encodeNil() throws { node.appended().set(.null); count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONTreeEncoder.encode(value, into: node.appended()); count += 1
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return node.appended().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            count += 1; return node.appended().unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { count += 1; return node.appended() }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [CodingKey] = []
        mutating func encodeNil() throws { node.set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try JSONTreeEncoder.encode(value, into: node) }
    }
}
