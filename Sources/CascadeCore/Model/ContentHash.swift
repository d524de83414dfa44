/// A fast 64-bit hash of bytes, eight at a time, for keys and checksums of
/// caches (not for security). Every step (multiply by an odd constant, xor,
/// rotate) is a bijection of the running state, so changing any single word
/// of the input, a flipped bit say, always changes the result.
public enum ContentHash {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9

    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h = seed &+ p3 &+ UInt64(bytes.count)
        var at = 0
        while at + 8 <= bytes.count {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            h = ((h ^ (w &* p2)) << 31 | (h ^ (w &* p2)) >> 33) &* p1
            at += 8
        }
        while at < bytes.count {
            h = ((h ^ (UInt64(bytes[at]) &* p3)) << 11 | (h ^ (UInt64(bytes[at]) &* p3)) >> 53) &* p1
            at += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }

    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }
}
