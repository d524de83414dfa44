import CGit2

/// Who made a commit and when: seconds since 1970 and the offset from UTC in minutes.
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String
    public var time: Int64
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ s: UnsafePointer<git_signature>) {
        name = s.pointee.name.map { String(cString: $0) } ?? ""
        email = s.pointee.email.map { String(cString: $0) } ?? ""
        time = s.pointee.when.time
        offsetMinutes = Int(s.pointee.when.offset)
    }

    /// A libgit2 signature, freed by the caller with git_signature_free.
    func make(_ repository: String) throws -> UnsafeMutablePointer<git_signature> {
        var out: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&out, name, email, git_time_t(time), Int32(offsetMinutes)), repository,
            "making the signature of \(email)")
        return out!
    }
}

/// A commit id, as 40 hex digits.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    public var hex: String
    public var description: String { hex }
    public var short: String { String(hex.prefix(8)) }

    /// An id written as 40 hex digits; nil for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = hex
    }

    init(_ oid: UnsafePointer<git_oid>) {
        var buf = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buf, 41, oid)
        hex = String(cString: buf)
    }

    init(_ oid: git_oid) {
        var copy = oid
        self.init(&copy)
    }

    var oid: git_oid {
        var o = git_oid()
        git_oid_fromstr(&o, hex)
        return o
    }
}
