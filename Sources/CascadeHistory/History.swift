import CascadeCore
import Foundation

/// One deal as one update lists it.
public struct DealSnapshot: Sendable {
    public var id: String
    public var account: String
    public var stage: String
    public var kind: Org.Stages.Kind
    public var amount: Double
    public var close: Day?
    public var next: String
    public var reason: String?
    public var lesson: String?
    public var why: String?
    public var competitor: String?
    public var vertical: String?
    public var persona: String?
    public var gaps: [String]
    public var objections: [String]
    public var asks: [(to: String, ask: String)]

    public init(id: String, account: String, stage: String, kind: Org.Stages.Kind, amount: Double, close: Day?, next: String,
                reason: String?, lesson: String?, why: String?, competitor: String?, vertical: String?, persona: String?,
                gaps: [String], objections: [String], asks: [(to: String, ask: String)]) {
        self.id = id; self.account = account; self.stage = stage; self.kind = kind; self.amount = amount; self.close = close; self.next = next
        self.reason = reason; self.lesson = lesson; self.why = why; self.competitor = competitor; self.vertical = vertical; self.persona = persona
        self.gaps = gaps; self.objections = objections; self.asks = asks
    }

    public init?(_ deal: Deal, org: Org) {
        guard let id = deal.id?.value, let stage = deal.stage?.value, let kind = org.stages.kind(of: stage) else { return nil }
        self.id = id
        account = deal.account?.value ?? id
        self.stage = stage
        self.kind = kind
        amount = deal.amount?.value.value ?? 0
        close = deal.close.flatMap { Day($0.value) }
        next = deal.next?.value ?? ""
        reason = deal.reason?.value
        lesson = deal.lesson?.value
        why = deal.why?.value
        competitor = deal.competitor?.value
        vertical = deal.vertical?.value
        persona = deal.persona?.value
        gaps = deal.gaps.map(\.value)
        objections = deal.objections.map(\.value)
        asks = deal.asks.compactMap { a in a.to.map { ($0.value, a.ask?.value ?? "") } }
    }

    /// Stage, amount, close and next: what "unchanged" compares.
    func sameState(as other: DealSnapshot) -> Bool {
        stage == other.stage && amount == other.amount && close == other.close && next == other.next
    }
}

/// One person's update of one week, as the digest and reports read it.
public struct WeeklyUpdate: Sendable {
    public var person: String
    public var week: Week
    public var deals: [DealSnapshot]
    public var body: String
    public var highlights: [String]

    public init(person: String, week: Week, deals: [DealSnapshot], body: String, highlights: [String]) {
        self.person = person
        self.week = week
        self.deals = deals
        self.body = body
        self.highlights = highlights
    }
}

/// Every update of the repository, read once and indexed by week and
/// person, with each deal followed across weeks.
public final class History: @unchecked Sendable {
    public let org: Org
    public let weeks: [Week]
    private var byWeek: [Week: [String: WeeklyUpdate]] = [:]
    /// Person -> their update weeks, ascending.
    private var weeksOf: [String: [Week]] = [:]
    /// Deal id -> the first week any update lists it.
    public private(set) var firstSeen: [String: Week] = [:]
    /// Person -> deal id -> the first week their updates list it closed.
    private var firstClosed: [String: [String: Week]] = [:]
    /// Week -> deal id -> who lists it that week (the first in id order), built when first asked for.
    private var owners: [Week: [String: String]] = [:]
    private let ownersLock = NSLock()

    public init(org: Org, updates: [WeeklyUpdate]) {
        self.org = org
        for u in updates {
            byWeek[u.week, default: [:]][u.person] = u
            weeksOf[u.person, default: []].append(u.week)
        }
        weeks = byWeek.keys.sorted()
        for person in weeksOf.keys { weeksOf[person]!.sort() }
        for week in weeks {
            for u in byWeek[week]!.values {
                for d in u.deals {
                    if firstSeen[d.id] == nil { firstSeen[d.id] = week }
                    if d.kind != .open, firstClosed[u.person]?[d.id] == nil { firstClosed[u.person, default: [:]][d.id] = week }
                }
            }
        }
    }

    /// Reads every update under `root/updates` up to `week` (all when nil), on
    /// every core, through the cache in `.cascade/` when `cache` is set.
    /// Keeps a history alive until the process exits: freeing millions of small
    /// values just before exit costs a noticeable part of a run.
    public func keepUntilExit() { History.kept.append(self) }
    nonisolated(unsafe) private static var kept: [History] = []

    /// Called with each phase of `load` and when it started (for CASCADE_TIMING).
    nonisolated(unsafe) public static var timing: ((String, Date) -> Void)?

    public static func load(root: String, org: Org, through week: Week? = nil, cache: Bool = true) -> History {
        var phase = Date()
        func mark(_ what: String) { timing?(what, phase); phase = Date() }
        var paths: [String] = []
        for folder in FileSystem.list(root + "/updates") ?? [] where folder.isFolder {
            guard Week(folder.name) != nil else { continue }
            for file in FileSystem.list(root + "/updates/" + folder.name) ?? [] where file.name.hasSuffix(".md") {
                paths.append("updates/\(folder.name)/\(file.name)")
            }
        }
        // Inside .git when there is one, so the cache never shows in `git status`.
        var isFolder: ObjCBool = false
        let gitDir = FileManager.default.fileExists(atPath: root + "/.git", isDirectory: &isFolder) && isFolder.boolValue
        let cacheFile = root + (gitDir ? "/.git/cascade/history-cache" : "/.cascade/history-cache")
        let orgHash: UInt64 = {
            if case .success(let bytes) = FileSystem.read(root + "/org.yaml") { return HistoryCache.hash(bytes) }
            return 0
        }()
        var cacheBytes: [UInt8] = []
        var entries: [(path: Range<Int>, stamp: HistoryCache.Stamp, payload: Range<Int>)] = []
        if cache, case .success(let bytes) = FileSystem.read(cacheFile), let index = HistoryCache.index(bytes, orgHash: orgHash) {
            entries = index
            cacheBytes = bytes
        }
        // Both lists are in path order: match them in one pass, without hashing.
        var match = [Int](repeating: -1, count: paths.count)
        cacheBytes.withUnsafeBufferPointer { b in
            var j = 0
            for (i, path) in paths.enumerated() {
                let utf8 = Array(path.utf8)
                while j < entries.count, b[entries[j].path].lexicographicallyPrecedes(utf8) { j += 1 }
                if j < entries.count, b[entries[j].path].elementsEqual(utf8) { match[i] = j; j += 1 }
            }
        }
        mark("list files and index the cache")
        let results = parallelMap(paths.count, chunk: 256) { i -> (stamp: HistoryCache.Stamp?, update: WeeklyUpdate?, fresh: Bool) in
            let path = paths[i]
            let stamp = HistoryCache.stamp(root + "/" + path)
            if let stamp, match[i] >= 0, entries[match[i]].stamp == stamp {
                var reader = HistoryCache.Reader(bytes: cacheBytes, at: entries[match[i]].payload.lowerBound)
                if let update = reader.update() { return (stamp, update, false) }
            }
            return (stamp, parse(path, root: root, org: org), true)
        }
        mark("stat and decode \(paths.count) updates")
        if cache, results.contains(where: \.fresh) || entries.count != paths.count {
            let entries = zip(paths, results).compactMap { path, r in r.stamp.map { (path, $0, r.update) } }
            HistoryCache.write(entries, orgHash: orgHash, to: cacheFile)
        }
        let updates = results.compactMap(\.update).filter { u in week.map { u.week <= $0 } ?? true }
        let history = History(org: org, updates: updates)
        mark("index the history")
        return history
    }

    static func parse(_ path: String, root: String, org: Org) -> WeeklyUpdate? {
        guard case .success(let bytes) = FileSystem.read(root + "/" + path, limit: SourceText.updateByteLimit + 1) else { return nil }
        let parsed = UpdateParser.parse(path: path, source: SourceText(bytes))
        guard let update = parsed.update, let week = parsed.folderWeek, let person = parsed.fileAuthor, org.person(person) != nil else { return nil }
        return WeeklyUpdate(person: person, week: week, deals: update.deals.compactMap { DealSnapshot($0, org: org) },
                            body: update.body.trimmingCharacters(in: .whitespacesAndNewlines),
                            highlights: update.highlights.map(\.value))
    }

    public func update(of person: String, in week: Week) -> WeeklyUpdate? { byWeek[week]?[person] }

    /// Who lists `deal` in `week`, if anyone (the first person in id order).
    public func owner(of deal: String, in week: Week) -> String? {
        ownersLock.lock()
        defer { ownersLock.unlock() }
        if let map = owners[week] { return map[deal] }
        var map: [String: String] = [:]
        for u in (byWeek[week] ?? [:]).values {
            for d in u.deals { if let known = map[d.id], known < u.person { continue }; map[d.id] = u.person }
        }
        owners[week] = map
        return map[deal]
    }

    public func updates(in week: Week) -> [WeeklyUpdate] {
        (byWeek[week] ?? [:]).values.sorted { $0.person < $1.person }
    }

    /// The person's latest update at or before `week`, no more than `maxAge` weeks older.
    public func latest(of person: String, atOrBefore week: Week, maxAge: Int = 4) -> WeeklyUpdate? {
        guard let list = weeksOf[person] else { return nil }
        let oldest = week.adding(weeks: -maxAge)
        guard let w = list.last(where: { $0 <= week && $0 >= oldest }) else { return nil }
        return byWeek[w]?[person]
    }

    /// The person's updates before `week`, latest first.
    /// The deals of the person's updates before `week`, latest first (cheaper than whole updates).
    public func earlierDeals(of person: String, before week: Week) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, [DealSnapshot]> {
        let weeks = weeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]!.deals }
    }

    public func earlier(of person: String, before week: Week) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, WeeklyUpdate> {
        let weeks = weeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]! }
    }

    /// Deals listed closed in an earlier update of the same person (so not a new close now).
    public func closedBefore(_ deal: String, by person: String, before week: Week) -> Bool {
        guard let first = firstClosed[person]?[deal] else { return false }
        return first < week
    }
}
