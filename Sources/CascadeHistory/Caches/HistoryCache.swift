import CascadeCore
import CascadeWorkspace
import Foundation
import CascadePlatform

/// A cache of parsed updates in `.git/cascade/history-cache` (or
/// `.cascade/`), so digests and reports read a year of a large organisation
/// in well under a second. The whole cache is keyed by a hash of org.yaml
/// (stages decide what a snapshot holds); each entry by its path and a hash
/// of the file's bytes, so an edit is seen whatever its size and times.
///
/// It proves what it serves: the header and every entry carry a checksum,
/// checked before the entry is used; a damaged entry is parsed again from its
/// file, a damaged header discards the cache. The bytes of a file are read
/// only when its stat stamp (size, times of modification and of change, inode)
/// differs from the one stored with its hash: the change time cannot be set
/// back (`cp -p`, `tar` and `rsync -a` restore the modification time only), so a
/// matching stamp is the same file, as git's index assumes. A stamp within two
/// seconds of the cache's own writing is not trusted (a file edited in the same
/// tick as it was read).
///
/// Each deal's state (id, account, stage, amount, close, a hash of the next
/// step) comes first and its texts after, behind their length, as do the
/// update's note and highlights: a reader that needs only states (a digest
/// looking at older weeks) jumps over the rest.
enum HistoryCache {
    static let magic = Array("CASCADE-HISTORY-7\n".utf8)

    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var changeSeconds: Int64
        var changeNanoseconds: Int64
        var inode: UInt64

        init(_ info: stat) {
            size = Int64(info.st_size)
            let modified = Platform.modified(info), changed = Platform.changed(info)
            seconds = Int64(modified.tv_sec)
            nanoseconds = Int64(modified.tv_nsec)
            changeSeconds = Int64(changed.tv_sec)
            changeNanoseconds = Int64(changed.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(
            size: Int64, seconds: Int64, nanoseconds: Int64, changeSeconds: Int64, changeNanoseconds: Int64,
            inode: UInt64
        ) {
            self.size = size; self.seconds = seconds; self.nanoseconds = nanoseconds
            self.changeSeconds = changeSeconds; self.changeNanoseconds = changeNanoseconds; self.inode = inode
        }

        /// Whether the file may have changed again in the tick the cache was written in.
        func isRacy(writtenAt: Int64) -> Bool { max(seconds, changeSeconds) >= writtenAt - 2 }
    }

    /// What identifies a file's contents: its stamp when read, and a hash of its bytes.
    struct Key: Equatable {
        var stamp: Stamp
        var content: UInt64
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    static func stamp(folder: Int32, name: String) -> Stamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return Stamp(info)
    }

    /// FNV-1a, 64 bits.
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func u64(_ v: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
        mutating func str(_ s: String) { u32(UInt32(s.utf8.count)); bytes.append(contentsOf: s.utf8) }
        mutating func opt(_ s: String?) { if let s { str(s) } else { u32(UInt32.max) } }
        mutating func list(_ l: [String]) { u32(UInt32(l.count)); for s in l { str(s) } }

        /// Writes `body` behind its length, so a reader can jump over it.
        mutating func block(_ body: (inout Writer) -> Void) {
            let start = bytes.count
            u32(0)
            body(&self)
            let length = UInt32(bytes.count - start - 4)
            for k in 0..<4 { bytes[start + k] = UInt8(truncatingIfNeeded: length >> (8 * k)) }
        }

        mutating func update(_ u: WeeklyUpdate) {
            str(u.person)
            u32(UInt32(u.week.year * 100 + u.week.number))
            u32(UInt32(u.deals.count))
            for d in u.deals {
                str(d.id); str(d.account); str(d.stage)
                u8(d.kind == .open ? 0 : d.kind == .won ? 1 : 2)
                u64(UInt64(truncatingIfNeeded: d.amount.units))
                u64(UInt64(truncatingIfNeeded: d.amount.units >> 64))
                i64(Int64(d.close?.ordinal ?? Int.min))
                u64(d.nextHash)
                u8(d.forecast.flatMap { f in ForecastCategory.allCases.firstIndex(of: f) }.map { UInt8($0 + 1) } ?? 0)
                list(d.askedTo)
                block { w in
                    w.str(d.next); w.opt(d.reason); w.opt(d.lesson); w.opt(d.why); w.opt(d.competitor);
                    w.opt(d.vertical); w.opt(d.persona); w.opt(d.source)
                    w.list(d.gaps); w.list(d.objections)
                    w.u32(UInt32(d.asks.count))
                    for a in d.asks { w.str(a.to); w.str(a.ask) }
                }
            }
            block { w in
                w.str(u.body); w.list(u.highlights)
            }
        }
    }

    /// The payload of one entry: an update, or a file that holds none.
    static func payload(_ update: WeeklyUpdate?) -> [UInt8] {
        var w = Writer()
        if let update, let error = update.unreadable {
            w.u8(2)
            w.str(update.person)
            w.u32(UInt32(update.week.year * 100 + update.week.number))
            w.str(error)
        } else if let update {
            w.u8(1); w.update(update)
        } else {
            w.u8(0)
        }
        return w.bytes
    }

    static func write(
        _ entries: [(path: String, key: Key, payload: [UInt8])], orgHash: UInt64, writtenAt: Int64, to file: String
    ) {
        var w = Writer()
        w.bytes = magic
        w.u64(orgHash)
        w.i64(writtenAt)
        w.u32(UInt32(entries.count))
        w.u64(ContentHash.of(w.bytes))
        for e in entries {
            let start = w.bytes.count
            w.str(e.path)
            let s = e.key.stamp
            w.i64(s.size); w.i64(s.seconds); w.i64(s.nanoseconds); w.i64(s.changeSeconds); w.i64(s.changeNanoseconds);
            w.u64(s.inode)
            w.u64(e.key.content)
            w.u32(UInt32(e.payload.count))
            w.bytes += e.payload
            let check = w.bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            w.u64(check)
        }
        // A cache that cannot be written is only a cache: the next run parses again.
        try? OutputFile.replace(file, w.bytes)
    }

    // MARK: Reading

    /// The cache file mapped into memory (read only), unmapped when released.
    final class Mapped: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer

        init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_size > 0, info.st_size < (1 << 40) else { return nil }
            guard let base = mmap(nil, Int(info.st_size), PROT_READ, Platform.mapWholeFile, fd, 0),
                base != MAP_FAILED
            else { return nil }
            bytes = UnsafeRawBufferPointer(start: base, count: Int(info.st_size))
        }

        deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
    }

    struct Entry {
        var path: Range<Int>
        var key: Key
        var payload: Range<Int>
        /// The entry's bytes (path to payload), which `checksum` covers.
        var checked: Range<Int>
        var checksum: UInt64

        /// Whether the entry's bytes are those written: checked before it is used.
        func isIntact(_ bytes: UnsafeRawBufferPointer) -> Bool {
            ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[checked])) == checksum
        }
    }

    /// The entries in the order written (path order) of a cache made for this
    /// org.yaml, and when it was written; nil when the header is unusable. An
    /// entry is not yet proven intact: see `Entry.isIntact`.
    static func index(_ bytes: UnsafeRawBufferPointer, orgHash: UInt64) -> (entries: [Entry], writtenAt: Int64)? {
        let headerSize = magic.count + 20
        guard bytes.count >= headerSize + 8, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        var r = Reader(bytes: bytes, at: magic.count)
        guard let hash = r.u64(), hash == orgHash, let writtenAt = r.i64(), let count = r.u32(),
            let headerCheck = r.u64(),
            headerCheck == ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[0..<headerSize]))
        else { return nil }
        var out: [Entry] = []
        out.reserveCapacity(Int(min(count, 10_000_000)))
        for _ in 0..<count {
            let start = r.at
            guard let n = r.u32(), r.at + Int(n) <= bytes.count else { break }
            let path = r.at..<(r.at + Int(n))
            r.at += Int(n)
            guard let size = r.i64(), let s = r.i64(), let ns = r.i64(), let cs = r.i64(), let cns = r.i64(),
                let inode = r.u64(),
                let content = r.u64(), let length = r.u32()
            else { break }
            let payload = r.at..<(r.at + Int(length))
            guard payload.upperBound + 8 <= bytes.count else { break }
            r.at = payload.upperBound
            guard let checksum = r.u64() else { break }
            let stamp = Stamp(
                size: size, seconds: s, nanoseconds: ns, changeSeconds: cs, changeNanoseconds: cns, inode: inode)
            out.append(
                Entry(
                    path: path, key: Key(stamp: stamp, content: content), payload: payload,
                    checked: start..<payload.upperBound, checksum: checksum))
        }
        return (out, writtenAt)
    }
}
