/// SHA-1, for the checksum that ends a git index file.
struct SHA1 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)

    static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var s = SHA1()
        let full = data.count / 64 * 64
        var i = 0
        while i < full {
            s.block(UnsafeRawBufferPointer(rebasing: data[i..<(i + 64)]))
            i += 64
        }
        var tail = [UInt8](data[full...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(data.count) * 8
        for k in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(k) * 8))) }
        tail.withUnsafeBytes { t in
            var j = 0
            while j < t.count { s.block(UnsafeRawBufferPointer(rebasing: t[j..<(j + 64)])); j += 64 }
        }
        var out: [UInt8] = []
        for v in [s.h.0, s.h.1, s.h.2, s.h.3, s.h.4] { for k in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: v >> (UInt32(k) * 8))) } }
        return out
    }

    @inline(__always) private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }

    private mutating func block(_ p: UnsafeRawBufferPointer) {
        var w = [UInt32](repeating: 0, count: 80)
        w.withUnsafeMutableBufferPointer { w in
            for t in 0..<16 {
                w[t] = UInt32(p[4 * t]) << 24 | UInt32(p[4 * t + 1]) << 16 | UInt32(p[4 * t + 2]) << 8 | UInt32(p[4 * t + 3])
            }
            for t in 16..<80 { w[t] = SHA1.rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
            var (a, b, c, d, e) = h
            for t in 0..<80 {
                let f: UInt32, k: UInt32
                switch t {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let temp = SHA1.rotl(a, 5) &+ f &+ e &+ k &+ w[t]
                e = d; d = c; c = SHA1.rotl(b, 30); b = a; a = temp
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
    }
}
