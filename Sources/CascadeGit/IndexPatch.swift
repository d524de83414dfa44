import Foundation
import CascadePlatform

/// Updates a few entries of a git index file (versions 2 and 3) without
/// parsing the rest: the entries are scanned for their lengths only, the new
/// ones are put in place in sorted order, the caches that describe the whole
/// tree (TREE, UNTR, FSMN and the offset tables) are dropped, as git allows,
/// and the checksum is recomputed. Anything unusual (another version, a
/// conflict on one of the paths, a required extension) returns nil, and the
/// caller falls back to libgit2.
@_spi(Pack) public enum IndexPatch {
    @_spi(Pack) public struct Entry {
        @_spi(Pack) public var path: [UInt8]
        @_spi(Pack) public var stat: stat?
        @_spi(Pack) public var oid: [UInt8]  // 20 bytes

        @_spi(Pack) public init(path: [UInt8], stat: stat?, oid: [UInt8]) {
            self.path = path
            self.stat = stat
            self.oid = oid
        }
    }

    @_spi(Pack) public static func patched(_ index: [UInt8]?, entries newEntries: [Entry]) -> [UInt8]? {
        let old = index ?? Array("DIRC".utf8) + be32(2) + be32(0)
        guard old.count >= 12, Array(old[0..<4]) == Array("DIRC".utf8) else { return nil }
        let version = readBE32(old, 4)
        guard version == 2 || version == 3 else { return nil }
        let count = Int(readBE32(old, 8))
        // Scan the entries: offset, length and path of each.
        var spans: [(start: Int, end: Int, path: Range<Int>, stage: Int)] = []
        spans.reserveCapacity(count)
        var at = 12
        for _ in 0..<count {
            guard at + 62 <= old.count else { return nil }
            let flags = Int(readBE16(old, at + 60))
            let extended = flags & 0x4000 != 0
            if extended && version < 3 { return nil }
            let pathStart = at + 62 + (extended ? 2 : 0)
            guard let nul = old[pathStart...].firstIndex(of: 0) else { return nil }
            let length = (pathStart - at) + (nul - pathStart)
            let padded = (length + 8) & ~7
            spans.append((at, at + padded, pathStart..<nul, (flags >> 12) & 3))
            at += padded
        }
        let bodyEnd = index == nil ? old.count : old.count - 20
        // Extensions: keep the optional ones that stay true; anything required means no.
        var extensions: [UInt8] = []
        while at + 8 <= bodyEnd {
            let signature = Array(old[at..<(at + 4)])
            let size = Int(readBE32(old, at + 4))
            guard at + 8 + size <= bodyEnd else { return nil }
            guard signature[0] >= 0x41 && signature[0] <= 0x5A else { return nil }
            let dropped = ["TREE", "UNTR", "FSMN", "EOIE", "IEOT"].contains(String(decoding: signature, as: UTF8.self))
            if !dropped { extensions += old[at..<(at + 8 + size)] }
            at += 8 + size
        }
        // Merge: the old entries with ours replaced or inserted, in path order.
        let sortedNew = newEntries.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        var out: [UInt8] = []
        out.reserveCapacity(old.count + newEntries.count * 128)
        out += old[0..<12]
        var total = 0
        var n = 0
        for span in spans {
            let path = old[span.path]
            while n < sortedNew.count, sortedNew[n].path.lexicographicallyPrecedes(path) {
                out += encode(sortedNew[n]); total += 1; n += 1
            }
            if n < sortedNew.count, sortedNew[n].path.elementsEqual(path) {
                if span.stage != 0 { return nil }  // a conflict on this path: leave it to libgit2
                out += encode(sortedNew[n]); total += 1; n += 1
                continue
            }
            if n > 0, sortedNew[n - 1].path.elementsEqual(path) { return nil }  // conflict stages after ours
            out += old[span.start..<span.end]
            total += 1
        }
        while n < sortedNew.count { out += encode(sortedNew[n]); total += 1; n += 1 }
        out += extensions
        let countBytes = be32(UInt32(total))
        for i in 0..<4 { out[8 + i] = countBytes[i] }
        let digest = out.withUnsafeBytes { SHA1.digest($0) }
        return out + digest
    }

    static func encode(_ e: Entry) -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(72 + e.path.count)
        let s = e.stat
        b +=
            be32(UInt32(truncatingIfNeeded: s.map { Platform.changed($0).tv_sec } ?? 0))
            + be32(UInt32(truncatingIfNeeded: s.map { Platform.changed($0).tv_nsec } ?? 0))
        b +=
            be32(UInt32(truncatingIfNeeded: s.map { Platform.modified($0).tv_sec } ?? 0))
            + be32(UInt32(truncatingIfNeeded: s.map { Platform.modified($0).tv_nsec } ?? 0))
        b += be32(UInt32(truncatingIfNeeded: s?.st_dev ?? 0)) + be32(UInt32(truncatingIfNeeded: s?.st_ino ?? 0))
        b += be32(0o100644)
        b += be32(UInt32(truncatingIfNeeded: s?.st_uid ?? 0)) + be32(UInt32(truncatingIfNeeded: s?.st_gid ?? 0))
        b += be32(UInt32(truncatingIfNeeded: s?.st_size ?? 0))
        b += e.oid
        b += be16(UInt16(min(e.path.count, 0xFFF)))
        b += e.path
        let length = 62 + e.path.count
        b += [UInt8](repeating: 0, count: ((length + 8) & ~7) - length)
        return b
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [
            UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8),
            UInt8(truncatingIfNeeded: v),
        ]
    }
    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(truncatingIfNeeded: v)] }
    static func readBE32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
    static func readBE16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) << 8 | UInt16(b[i + 1]) }
}
