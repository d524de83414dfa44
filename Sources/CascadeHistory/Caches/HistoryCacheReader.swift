import CascadeCore
import CascadeWorkspace
import Foundation
import CascadePlatform

/// Reading one entry of the history cache, bounds-checked at every step.
extension HistoryCache {
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int

        mutating func u8() -> UInt8? { guard at < bytes.count else { return nil }; defer { at += 1 }; return bytes[at] }
        mutating func u32() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        mutating func u64() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            defer { at += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }
        mutating func str() -> String? {
            guard let n = u32(), n != UInt32.max, at + Int(n) <= bytes.count else { return nil }
            defer { at += Int(n) }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + Int(n))]), as: UTF8.self)
        }
        mutating func opt() -> String?? {
            guard at + 4 <= bytes.count else { return nil }
            if bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self) == UInt32.max { at += 4; return .some(nil) }
            return str().map { .some($0) }
        }
        mutating func list() -> [String]? {
            guard let n = u32(), n < 1_000_000 else { return nil }
            var out: [String] = []
            out.reserveCapacity(Int(n))
            for _ in 0..<n { guard let s = str() else { return nil }; out.append(s) }
            return out
        }
        /// The end of a block written behind its length.
        mutating func blockEnd() -> Int? {
            guard let n = u32(), at + Int(n) <= bytes.count else { return nil }
            return at + Int(n)
        }

        /// nil when damaged; .some(nil) for a file that holds no usable update.
        /// Without `full`, only the deals' states are read: no texts, no note, no highlights.
        mutating func update(full: Bool = true) -> WeeklyUpdate?? {
            guard let present = u8() else { return nil }
            if present == 0 { return .some(nil) }
            if present == 2 {
                guard let person = str(), let w = u32(), let week = Week(year: Int(w / 100), number: Int(w % 100)),
                    let error = str()
                else { return nil }
                return .some(
                    WeeklyUpdate(person: person, week: week, deals: [], body: "", highlights: [], unreadable: error))
            }
            guard present == 1 else { return nil }
            guard let person = str(), let w = u32(), let week = Week(year: Int(w / 100), number: Int(w % 100)),
                let count = u32(), count < 100_000
            else { return nil }
            var deals: [DealSnapshot] = []
            deals.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let id = str(), let account = str(), let stage = str(), let k = u8(),
                    let low = u64(), let high = u64(), let close = i64(),
                    let nextHash = u64(), let f = u8(), Int(f) <= ForecastCategory.allCases.count, let askedTo = list(),
                    let end = blockEnd()
                else { return nil }
                let forecast = f == 0 ? nil : ForecastCategory.allCases[Int(f) - 1]
                let money = Money(units: Int128(Int64(bitPattern: high)) << 64 | Int128(low))
                var deal: DealSnapshot
                if full {
                    guard let next = str(), let reason = opt(), let lesson = opt(), let why = opt(),
                        let competitor = opt(), let vertical = opt(),
                        let persona = opt(), let source = opt(), let gaps = list(), let objections = list(),
                        let askCount = u32(),
                        askCount < 100_000
                    else { return nil }
                    var asks: [(to: String, ask: String)] = []
                    for _ in 0..<askCount {
                        guard let to = str(), let ask = str() else { return nil }; asks.append((to, ask))
                    }
                    guard at == end else { return nil }
                    deal = DealSnapshot(
                        id: id, account: account, stage: stage, kind: k == 0 ? .open : k == 1 ? .won : .lost,
                        amount: money, close: close == Int64.min ? nil : Day(ordinal: Int(close)),
                        next: next,
                        reason: reason, lesson: lesson, why: why, competitor: competitor, vertical: vertical,
                        persona: persona,
                        gaps: gaps, objections: objections, asks: asks, source: source, forecast: forecast)
                } else {
                    deal = DealSnapshot(
                        id: id, account: account, stage: stage, kind: k == 0 ? .open : k == 1 ? .won : .lost,
                        amount: money, close: close == Int64.min ? nil : Day(ordinal: Int(close)),
                        nextHash: nextHash, forecast: forecast, askedTo: askedTo)
                }
                at = end
                deals.append(deal)
            }
            guard let end = blockEnd() else { return nil }
            var body = "", highlights: [String] = []
            if full {
                guard let b = str(), let h = list(), at == end else { return nil }
                body = b
                highlights = h
            }
            at = end
            return .some(WeeklyUpdate(person: person, week: week, deals: deals, body: body, highlights: highlights))
        }
    }
}
