@_spi(Pack) import CascadeGit
/// A git tree held as the bytes git stores, changed one entry at a time. Each
/// change knows exactly which bytes it replaced, so the new version can be
/// packed as a small delta against the one before it.
struct TreeState {
    private(set) var bytes: [UInt8] = []
    private var keys: [[UInt8]] = []  // git's order: a tree's name sorts as if it ended in "/"
    private var starts: [Int] = []
    /// The id of the version last written, and the delta from it to `bytes` when there was one change since.
    private(set) var written: RawObjectID?
    private var changes = 0
    private var delta: [UInt8] = []

    /// Sets the entry `name` to `id`. Returns false when it already was.
    @discardableResult
    mutating func set(_ name: [UInt8], isTree: Bool, to id: RawObjectID) -> Bool {
        let key = isTree ? name + [0x2F] : name
        var entry = Array((isTree ? "40000 " : "100644 ").utf8) + name
        entry.append(0)
        entry += id.array
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid].lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        let at = low < starts.count ? starts[low] : bytes.count
        var removed = 0
        if low < keys.count, keys[low] == key {
            removed = (low + 1 < starts.count ? starts[low + 1] : bytes.count) - at
            if bytes[at..<(at + removed)].elementsEqual(entry) { return false }
        } else {
            keys.insert(key, at: low)
            starts.insert(at, at: low)
        }
        let shift = entry.count - removed
        if shift != 0 { for i in (low + 1)..<starts.count { starts[i] += shift } }
        changes += 1
        if changes == 1 { delta = Delta.splice(baseCount: bytes.count, at: at, removed: removed, inserted: entry) }
        bytes.replaceSubrange(at..<(at + removed), with: entry)
        return true
    }

    /// Writes the current version into the pack (as a delta when it is one change from the last) and returns its id.
    mutating func write(to pack: PackWriter) -> RawObjectID {
        if changes == 0, let written { return written }
        let id = bytes.withUnsafeBytes { body in
            if changes == 1, let written { return pack.add(.tree, body, base: written, delta: delta) }
            return pack.add(.tree, body)
        }
        written = id
        changes = 0
        delta = []
        return id
    }

    /// The entries: name, whether it is a tree, and the id.
    var entries: [(name: [UInt8], isTree: Bool, id: RawObjectID)] {
        var out: [(name: [UInt8], isTree: Bool, id: RawObjectID)] = []
        var i = 0
        while i < bytes.count {
            let space = bytes[i...].firstIndex(of: 0x20)!
            let nul = bytes[space...].firstIndex(of: 0)!
            var id = RawObjectID()
            withUnsafeMutableBytes(of: &id.bytes) { $0.copyBytes(from: bytes[(nul + 1)..<(nul + 21)]) }
            out.append((Array(bytes[(space + 1)..<nul]), bytes[i] == 0x34, id))
            i = nul + 21
        }
        return out
    }
}

/// Git's delta format: the sizes of base and result, then copies from the
/// base and literal inserts.
enum Delta {
    static func splice(baseCount: Int, at: Int, removed: Int, inserted: [UInt8]) -> [UInt8] {
        var d = varint(baseCount) + varint(baseCount - removed + inserted.count)
        if at > 0 { copy(&d, from: 0, count: at) }
        var i = 0
        while i < inserted.count {
            let n = min(127, inserted.count - i)
            d.append(UInt8(n))
            d += inserted[i..<(i + n)]
            i += n
        }
        let tail = baseCount - at - removed
        if tail > 0 { copy(&d, from: at + removed, count: tail) }
        return d
    }

    static func copy(_ d: inout [UInt8], from offset: Int, count: Int) {
        var offset = offset, count = count
        while count > 0 {
            let size = min(count, 0xFF_FFFF)
            var op: UInt8 = 0x80
            var args: [UInt8] = []
            for k in 0..<4 where (offset >> (8 * k)) & 0xFF != 0 {
                op |= 1 << UInt8(k); args.append(UInt8((offset >> (8 * k)) & 0xFF))
            }
            for k in 0..<3 where (size >> (8 * k)) & 0xFF != 0 {
                op |= 0x10 << UInt8(k); args.append(UInt8((size >> (8 * k)) & 0xFF))
            }
            d.append(op)
            d += args
            offset += size
            count -= size
        }
    }

    static func varint(_ value: Int) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(v & 0x7F)
            v >>= 7
            if v > 0 { byte |= 0x80 }
            out.append(byte)
        } while v > 0
        return out
    }
}
