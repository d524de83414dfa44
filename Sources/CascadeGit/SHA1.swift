import CCrypto

/// SHA-1 through OpenSSL (which uses the CPU's SHA instructions where there
/// are some): object ids of the objects `cascade demo` packs, and the
/// checksums that end index and pack files.
@_spi(Pack) public struct SHA1 {
    private let context: OpaquePointer

    @_spi(Pack) public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha1(), nil)
    }

    @_spi(Pack) public mutating func update(_ data: UnsafeRawBufferPointer) {
        if data.count > 0 { EVP_DigestUpdate(context, data.baseAddress, data.count) }
    }

    @_spi(Pack) public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest; the hasher starts again afterwards.
    @_spi(Pack) public mutating func finish() -> RawObjectID {
        var out = RawObjectID()
        withUnsafeMutableBytes(of: &out.bytes) { buffer in
            var size: UInt32 = 0
            _ = EVP_DigestFinal_ex(context, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), &size)
        }
        EVP_DigestInit_ex(context, EVP_sha1(), nil)
        return out
    }

    @_spi(Pack) public func free() { EVP_MD_CTX_free(context) }

    @_spi(Pack) public static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var s = SHA1()
        defer { s.free() }
        s.update(data)
        return s.finish().array
    }

    /// The id git gives an object: the SHA-1 of "<type> <size>\0" and the body.
    @_spi(Pack) public mutating func objectID(_ type: String, _ body: UnsafeRawBufferPointer) -> RawObjectID {
        update(Array("\(type) \(body.count)\0".utf8))
        update(body)
        return finish()
    }
}

/// A 20-byte object id, kept as bytes (hashable, cheap to sort).
@_spi(Pack) public struct RawObjectID: Hashable, Comparable {
    @_spi(Pack) public init() {}
    @_spi(Pack) public var bytes: (UInt64, UInt64, UInt32) = (0, 0, 0)

    @_spi(Pack) public var array: [UInt8] { withUnsafeBytes(of: bytes) { Array($0) } }
    @_spi(Pack) public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for b in array { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    @_spi(Pack) public var firstByte: UInt8 { UInt8(truncatingIfNeeded: bytes.0) }

    @_spi(Pack) public static func == (a: RawObjectID, b: RawObjectID) -> Bool { a.bytes == b.bytes }
    @_spi(Pack) public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.0); hasher.combine(bytes.1); hasher.combine(bytes.2)
    }
    @_spi(Pack) public static func < (a: RawObjectID, b: RawObjectID) -> Bool {
        // Byte order: the words hold the bytes little-endian, so compare them big-endian.
        if a.bytes.0 != b.bytes.0 { return a.bytes.0.byteSwapped < b.bytes.0.byteSwapped }
        if a.bytes.1 != b.bytes.1 { return a.bytes.1.byteSwapped < b.bytes.1.byteSwapped }
        return a.bytes.2.byteSwapped < b.bytes.2.byteSwapped
    }
}
