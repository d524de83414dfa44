import CascadeCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A cache of parsed updates in `.cascade/history-cache`, so digests and
/// reports read a year of a large organisation in well under a second. Each
/// entry is keyed by the file's path, size and modification time, and the
/// whole cache by a hash of org.yaml (stages decide what a snapshot holds).
/// A missing, stale or damaged cache is rebuilt; it is never required.
enum HistoryCache {
    static let magic = Array("CASCADE-HISTORY-2\n".utf8)

    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
        mutating func str(_ s: String) { let u = Array(s.utf8); u32(UInt32(u.count)); bytes += u }
        mutating func opt(_ s: String?) { if let s { str(s) } else { u32(UInt32.max) } }
        mutating func list(_ l: [String]) { u32(UInt32(l.count)); for s in l { str(s) } }

        mutating func update(_ u: WeeklyUpdate) {
            str(u.person)
            u32(UInt32(u.week.year * 100 + u.week.number))
            str(u.body)
            list(u.highlights)
            u32(UInt32(u.deals.count))
            for d in u.deals {
                str(d.id); str(d.account); str(d.stage)
                u8(d.kind == .open ? 0 : d.kind == .won ? 1 : 2)
                u64(d.amount.bitPattern)
                i64(Int64(d.close?.ordinal ?? Int.min))
                str(d.next); opt(d.reason); opt(d.lesson); opt(d.why); opt(d.competitor); opt(d.vertical); opt(d.persona)
                list(d.gaps); list(d.objections)
                u32(UInt32(d.asks.count))
                for a in d.asks { str(a.to); str(a.ask) }
            }
        }
    }

    static func write(_ entries: [(path: String, stamp: Stamp, update: WeeklyUpdate?)], orgHash: UInt64, to file: String) {
        var w = Writer()
        w.bytes = magic
        w.u64(orgHash)
        w.u32(UInt32(entries.count))
        for e in entries {
            w.str(e.path)
            w.i64(e.stamp.size); w.i64(e.stamp.seconds); w.i64(e.stamp.nanoseconds)
            var payload = Writer()
            if let u = e.update { payload.u8(1); payload.update(u) } else { payload.u8(0) }
            w.u32(UInt32(payload.bytes.count))
            w.bytes += payload.bytes
        }
        let dir = (file as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return }
        let temp = file + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(w.bytes)) else { return }
        if rename(temp, file) != 0 { unlink(temp) }
    }

    // MARK: Reading

    /// (path bytes, stamp, payload range) of each entry, in the order written
    /// (path order), of a cache made for this org.yaml; nil when unusable.
    static func index(_ bytes: [UInt8], orgHash: UInt64) -> [(path: Range<Int>, stamp: Stamp, payload: Range<Int>)]? {
        var r = Reader(bytes: bytes, at: 0)
        guard bytes.count > magic.count + 12, Array(bytes[0..<magic.count]) == magic else { return nil }
        r.at = magic.count
        guard let hash = r.u64(), hash == orgHash, let count = r.u32() else { return nil }
        var out: [(path: Range<Int>, stamp: Stamp, payload: Range<Int>)] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let n = r.u32(), r.at + Int(n) <= bytes.count else { return nil }
            let path = r.at..<(r.at + Int(n))
            r.at += Int(n)
            guard let size = r.i64(), let s = r.i64(), let ns = r.i64(), let length = r.u32() else { return nil }
            let start = r.at
            guard start + Int(length) <= bytes.count else { return nil }
            r.at += Int(length)
            out.append((path, Stamp(size: size, seconds: s, nanoseconds: ns), start..<(start + Int(length))))
        }
        return out
    }

    struct Reader {
        let bytes: [UInt8]
        var at: Int

        mutating func u8() -> UInt8? { guard at < bytes.count else { return nil }; defer { at += 1 }; return bytes[at] }
        mutating func u32() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[at + i]) << (8 * i) }
            at += 4
            return v
        }
        mutating func u64() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[at + i]) << (8 * i) }
            at += 8
            return v
        }
        mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }
        mutating func str() -> String? {
            guard let n = u32(), n != UInt32.max, at + Int(n) <= bytes.count else { return nil }
            defer { at += Int(n) }
            return String(decoding: bytes[at..<(at + Int(n))], as: UTF8.self)
        }
        mutating func opt() -> String?? {
            guard at + 4 <= bytes.count else { return nil }
            if bytes[at] == 0xFF, bytes[at + 1] == 0xFF, bytes[at + 2] == 0xFF, bytes[at + 3] == 0xFF { at += 4; return .some(nil) }
            return str().map { .some($0) }
        }
        mutating func list() -> [String]? {
            guard let n = u32(), n < 1_000_000 else { return nil }
            var out: [String] = []
            out.reserveCapacity(Int(n))
            for _ in 0..<n { guard let s = str() else { return nil }; out.append(s) }
            return out
        }

        /// nil when damaged; .some(nil) for a file that holds no usable update.
        mutating func update() -> WeeklyUpdate?? {
            guard let present = u8() else { return nil }
            if present == 0 { return .some(nil) }
            guard let person = str(), let w = u32(), let week = Week(year: Int(w / 100), number: Int(w % 100)),
                  let body = str(), let highlights = list(), let count = u32(), count < 100_000 else { return nil }
            var deals: [DealSnapshot] = []
            deals.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let id = str(), let account = str(), let stage = str(), let k = u8(), let amount = u64(), let close = i64(), let next = str(),
                      let reason = opt(), let lesson = opt(), let why = opt(), let competitor = opt(), let vertical = opt(), let persona = opt(),
                      let gaps = list(), let objections = list(), let askCount = u32(), askCount < 100_000 else { return nil }
                var asks: [(to: String, ask: String)] = []
                for _ in 0..<askCount { guard let to = str(), let ask = str() else { return nil }; asks.append((to, ask)) }
                deals.append(DealSnapshot(id: id, account: account, stage: stage, kind: k == 0 ? .open : k == 1 ? .won : .lost,
                                          amount: Double(bitPattern: amount), close: close == Int64.min ? nil : Day(ordinal: Int(close)), next: next,
                                          reason: reason, lesson: lesson, why: why, competitor: competitor, vertical: vertical, persona: persona,
                                          gaps: gaps, objections: objections, asks: asks))
            }
            return .some(WeeklyUpdate(person: person, week: week, deals: deals, body: body, highlights: highlights))
        }
    }
}
