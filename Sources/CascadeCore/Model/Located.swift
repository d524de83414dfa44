/// A value read from a file, with the position of its key or value.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var position: Position

    public init(_ value: Value, at position: Position) {
        self.value = value
        self.position = position
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Identifiers that name files: people and functions.
public enum Identifier {
    /// `^[a-z0-9][a-z0-9-]{0,62}$`
    public static func isValidPersonID(_ s: String) -> Bool {
        let u = s.utf8
        guard let first = u.first, u.count <= 63, isLowerAlnum(first) else { return false }
        return u.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    /// `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`
    public static func isValidDealID(_ s: String) -> Bool {
        let u = s.utf8
        guard let first = u.first, u.count <= 64, isAlnum(first) else { return false }
        return u.allSatisfy { isAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }
    static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A) }
}
