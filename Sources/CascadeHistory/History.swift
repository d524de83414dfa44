import CascadeCore
import CascadeWorkspace
import Foundation

/// One deal as one update lists it.
public struct DealSnapshot: Sendable {
    public var id: String
    public var account: String
    public var stage: String
    public var kind: Org.Stages.Kind
    public var amount: Double
    public var close: Day?
    /// The next step; empty when the history was read for states only (see `nextHash`).
    public var next: String { didSet { nextHash = HistoryCache.hash(next.utf8) } }
    /// A hash of the next step, kept even when its text was not read: "unchanged" compares it.
    public var nextHash: UInt64
    /// The texts few readers need, shared between copies: copying a snapshot stays cheap.
    private var texts: Texts

    struct Fields {
        var reason: String?, lesson: String?, why: String?, competitor: String?, vertical: String?, persona: String?
        var gaps: [String] = [], objections: [String] = [], asks: [(to: String, ask: String)] = []
    }

    final class Texts: @unchecked Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
        static let none = Texts(Fields())
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var f = texts.fields
        body(&f)
        texts = Texts(f)
    }

    public var reason: String? {
        get { texts.fields.reason }
        set { change { $0.reason = newValue } }
    }
    public var lesson: String? {
        get { texts.fields.lesson }
        set { change { $0.lesson = newValue } }
    }
    public var why: String? {
        get { texts.fields.why }
        set { change { $0.why = newValue } }
    }
    public var competitor: String? {
        get { texts.fields.competitor }
        set { change { $0.competitor = newValue } }
    }
    public var vertical: String? {
        get { texts.fields.vertical }
        set { change { $0.vertical = newValue } }
    }
    public var persona: String? {
        get { texts.fields.persona }
        set { change { $0.persona = newValue } }
    }
    public var gaps: [String] {
        get { texts.fields.gaps }
        set { change { $0.gaps = newValue } }
    }
    public var objections: [String] {
        get { texts.fields.objections }
        set { change { $0.objections = newValue } }
    }
    public var asks: [(to: String, ask: String)] {
        get { texts.fields.asks }
        set { change { $0.asks = newValue } }
    }

    public init(
        id: String, account: String, stage: String, kind: Org.Stages.Kind, amount: Double, close: Day?, next: String,
        reason: String?, lesson: String?, why: String?, competitor: String?, vertical: String?, persona: String?,
        gaps: [String], objections: [String], asks: [(to: String, ask: String)]
    ) {
        self.id = id; self.account = account; self.stage = stage; self.kind = kind; self.amount = amount;
        self.close = close; self.next = next
        nextHash = HistoryCache.hash(next.utf8)
        let fields = Fields(
            reason: reason, lesson: lesson, why: why, competitor: competitor, vertical: vertical, persona: persona,
            gaps: gaps, objections: objections, asks: asks)
        let empty =
            reason == nil && lesson == nil && why == nil && competitor == nil && vertical == nil && persona == nil
            && gaps.isEmpty && objections.isEmpty && asks.isEmpty
        texts = empty ? Texts.none : Texts(fields)
    }

    /// A snapshot of the deal's state only (what `History.load` reads of weeks it does not need in full).
    init(
        id: String, account: String, stage: String, kind: Org.Stages.Kind, amount: Double, close: Day?, nextHash: UInt64
    ) {
        self.id = id; self.account = account; self.stage = stage; self.kind = kind; self.amount = amount;
        self.close = close
        next = ""
        self.nextHash = nextHash
        texts = Texts.none
    }

    public init?(_ deal: Deal, org: Org) {
        guard let id = deal.id?.value, let stage = deal.stage?.value, let kind = org.stages.kind(of: stage) else {
            return nil
        }
        self.init(
            id: id, account: deal.account?.value ?? id, stage: stage, kind: kind, amount: deal.amount?.value.value ?? 0,
            close: deal.close.flatMap { Day($0.value) }, next: deal.next?.value ?? "",
            reason: deal.reason?.value, lesson: deal.lesson?.value, why: deal.why?.value,
            competitor: deal.competitor?.value,
            vertical: deal.vertical?.value, persona: deal.persona?.value, gaps: deal.gaps.map(\.value),
            objections: deal.objections.map(\.value),
            asks: deal.asks.compactMap { a in a.to.map { ($0.value, a.ask?.value ?? "") } })
    }

    /// Stage, amount, close and next: what "unchanged" compares.
    func sameState(as other: DealSnapshot) -> Bool {
        stage == other.stage && amount == other.amount && close == other.close && nextHash == other.nextHash
    }
}

/// One person's update of one week, as the digest and reports read it.
public struct WeeklyUpdate: Sendable {
    public var person: String
    public var week: Week
    public var deals: [DealSnapshot]
    public var body: String
    public var highlights: [String]
    /// Set when the file was submitted but cannot be read for figures (a YAML error, an
    /// amount that is not a number, a deal without a known stage): the first error,
    /// `line:column: message`. Such an update holds no deals: its figures are unknown,
    /// never guessed (no $0 amount, no stale fallback, no vanished deals).
    public var unreadable: String?

    public init(
        person: String, week: Week, deals: [DealSnapshot], body: String, highlights: [String], unreadable: String? = nil
    ) {
        self.person = person
        self.week = week
        self.deals = deals
        self.body = body
        self.highlights = highlights
        self.unreadable = unreadable
    }

    /// The path of its file, relative to the repository.
    public var path: String { "updates/\(week)/\(person).md" }
}

/// Every update of the repository, read once and indexed by week and
/// person, with each deal followed across weeks.
public final class History: @unchecked Sendable {
    public let org: Org
    public let weeks: [Week]
    /// Week folders that could not be listed (permissions): their updates are unknown, and a digest says so.
    public internal(set) var unreadableFolders: [(folder: String, reason: String)] = []
    private var byWeek: [Week: [String: WeeklyUpdate]] = [:]
    /// Person -> their update weeks, ascending.
    private var weeksOf: [String: [Week]] = [:]
    /// The same without the weeks whose update cannot be read: what earlier listings of a deal compare against.
    private var readableWeeksOf: [String: [Week]] = [:]
    /// Deal id -> the first week any update lists it.
    public private(set) var firstSeen: [String: Week] = [:]
    /// Person -> deal id -> the first week their updates list it closed.
    private var firstClosed: [String: [String: Week]] = [:]
    /// Week -> deal id -> who lists it that week (the first in id order), built when first asked for.
    private var owners: [Week: [String: String]] = [:]
    private let ownersLock = NSLock()

    public init(org: Org, updates: [WeeklyUpdate]) {
        self.org = org
        weeks = Set(updates.map(\.week)).sorted()
        // Two independent indexes, one per core: who wrote what when, and when each deal was first seen and closed.
        nonisolated(unsafe) var byWeek: [Week: [String: WeeklyUpdate]] = [:]
        nonisolated(unsafe) var weeksOf: [String: [Week]] = [:]
        nonisolated(unsafe) var firstSeen: [String: Week] = [:]
        nonisolated(unsafe) var firstClosed: [String: [String: Week]] = [:]
        let weeks = self.weeks
        _ = parallelMap(2, chunk: 1) { part -> Bool in
            if part == 0 {
                for u in updates {
                    byWeek[u.week, default: [:]][u.person] = u
                    weeksOf[u.person, default: []].append(u.week)
                }
                for person in weeksOf.keys { weeksOf[person]!.sort() }
            } else {
                let order = weeks.enumerated().reduce(into: [Week: Int]()) { $0[$1.element] = $1.offset }
                var inWeek = [[Int]](repeating: [], count: weeks.count)
                for (i, u) in updates.enumerated() { inWeek[order[u.week]!].append(i) }
                for (w, list) in inWeek.enumerated() {
                    let week = weeks[w]
                    for i in list {
                        let u = updates[i]
                        for d in u.deals {
                            if firstSeen[d.id] == nil { firstSeen[d.id] = week }
                            if d.kind != .open, firstClosed[u.person]?[d.id] == nil {
                                firstClosed[u.person, default: [:]][d.id] = week
                            }
                        }
                    }
                }
            }
            return true
        }
        self.byWeek = byWeek
        self.weeksOf = weeksOf
        var readable = weeksOf
        for u in updates where u.unreadable != nil { readable[u.person]?.removeAll { $0 == u.week } }
        readableWeeksOf = readable
        self.firstSeen = firstSeen
        self.firstClosed = firstClosed
    }

    /// Keeps a history alive until the process exits: freeing millions of small
    /// values just before exit costs a noticeable part of a run.
    public func keepUntilExit() { History.kept.append(self) }
    nonisolated(unsafe) private static var kept: [History] = []

    /// Called with each phase of `load` and when it started (for CASCADE_TIMING).
    nonisolated(unsafe) public static var timing: ((String, Date) -> Void)?

    /// Reads every update under `root/updates` up to `week` (all when nil), on
    /// every core, through the cache in `.git/cascade/` when `cache` is set.
    /// Weeks for which `full` is false are read for the deals' states only
    /// (no texts, notes or highlights; the next step as its hash): enough for
    /// pipelines and risk signals, and much quicker.
    public static func load(
        root: String, org: Org, orgBytes: [UInt8]? = nil, through week: Week? = nil, cache: Bool = true,
        full: ((Week) -> Bool)? = nil
    ) -> History {
        var phase = Date()
        func mark(_ what: String) { timing?(what, phase); phase = Date() }
        // Inside .git when there is one, so the cache never shows in `git status`.
        var isFolder: ObjCBool = false
        let gitDir =
            FileManager.default.fileExists(atPath: root + "/.git", isDirectory: &isFolder) && isFolder.boolValue
        let cacheFile = root + (gitDir ? "/.git/cascade/history-cache" : "/.cascade/history-cache")
        // org.yaml as the caller read it, else read here: stages decide what a snapshot holds.
        let orgHash: UInt64 = {
            if let orgBytes { return HistoryCache.hash(orgBytes) }
            if case .success(let bytes) = FileSystem.read(root + "/org.yaml") { return HistoryCache.hash(bytes) }
            return 0
        }()
        let mapped = cache ? HistoryCache.Mapped(cacheFile) : nil
        let cacheBytes = mapped?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let now = Int64(Date().timeIntervalSince1970)
        // The cache's table of entries is read on one core while the folders are listed on the other.
        nonisolated(unsafe) var entries: [HistoryCache.Entry] = []
        nonisolated(unsafe) var writtenAt: Int64 = 0
        let folders = (FileSystem.list(root + "/updates") ?? []).filter { $0.isFolder && Week($0.name) != nil }
        nonisolated(unsafe) var unlisted: [(folder: String, reason: String)?] = Array(
            repeating: nil, count: folders.count)
        let listed = parallelMap(folders.count + 1, chunk: 1) { i -> [String] in
            if i == 0 {
                if let table = mapped.flatMap({ HistoryCache.index($0.bytes, orgHash: orgHash) }) {
                    entries = table.entries
                    writtenAt = table.writtenAt
                }
                return []
            }
            let listing = FileSystem.listing(root + "/updates/" + folders[i - 1].name)
            if case .failure(let error) = listing { unlisted[i - 1] = ("updates/" + folders[i - 1].name, error.reason) }
            let files = ((try? listing.get()) ?? []).filter { $0.name.hasSuffix(".md") }.map(\.name)
            // The cache is matched in byte order, which only differs from String order for non-ASCII names.
            if files.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return files }
            return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }.dropFirst()
        let names = listed.flatMap { $0 }
        let paths = zip(folders, listed).flatMap { folder, files in files.map { "updates/\(folder.name)/\($0)" } }
        let pathWeeks = zip(folders, listed).flatMap { folder, files in
            [Week](repeating: Week(folder.name)!, count: files.count)
        }
        // Each file is looked at from its open folder: no path to walk again for each of thousands of files.
        let folderFDs = folders.map { open(root + "/updates/" + $0.name, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { for fd in folderFDs where fd >= 0 { close(fd) } }
        let pathFolders = listed.enumerated().flatMap { i, files in [Int32](repeating: Int32(i), count: files.count) }
        let match = matchEntries(paths, entries, cacheBytes)
        mark("list files and index the cache")
        let results = parallelMap(paths.count, chunk: 256) { i -> LoadedFile in
            let entry = match[i] >= 0 ? entries[match[i]] : nil
            let source = FileSource(root: root, path: paths[i], folder: folderFDs[Int(pathFolders[i])], name: names[i])
            return loadFile(
                source, entry: entry, cacheBytes: cacheBytes, writtenAt: writtenAt, full: full?(pathWeeks[i]) ?? true,
                org: org)
        }
        mark("stat and decode \(paths.count) updates")
        let changed = results.contains { r in
            if case .cached(_, false) = r.payload { return false }; return true
        }
        if cache, changed || entries.count != paths.count {
            // Entries read from the cache are copied as they were (they may have been read for states only).
            var kept: [(path: String, key: HistoryCache.Key, payload: [UInt8])] = []
            for (path, r) in zip(paths, results) {
                guard let key = r.key else { continue }
                switch r.payload {
                case .cached(let range, _): kept.append((path, key, Array(cacheBytes[range])))
                case .fresh(let bytes): kept.append((path, key, bytes))
                }
            }
            HistoryCache.write(kept, orgHash: orgHash, writtenAt: now, to: cacheFile)
        }
        withExtendedLifetime(mapped) {}
        var updates: [WeeklyUpdate] = []
        updates.reserveCapacity(results.count)
        for r in results { if let u = r.update, week.map({ u.week <= $0 }) ?? true { updates.append(u) } }
        mark("collect")
        let history = History(org: org, updates: updates)
        history.unreadableFolders = unlisted.compactMap { $0 }.filter { f in
            week.map { w in Week(String(f.folder.dropFirst(8)))! <= w } ?? true
        }
        mark("index the history")
        return history
    }

    /// Both lists are in path order: each path's entry in the cache (or -1), matched in one pass, without hashing.
    static func matchEntries(
        _ paths: [String], _ entries: [HistoryCache.Entry], _ cacheBytes: UnsafeRawBufferPointer
    ) -> [Int] {
        var match = [Int](repeating: -1, count: paths.count)
        var j = 0
        for (i, path) in paths.enumerated() {
            var path = path
            path.withUTF8 { utf8 in
                let wanted = UnsafeRawBufferPointer(utf8)
                while j < entries.count,
                    Self.compare(UnsafeRawBufferPointer(rebasing: cacheBytes[entries[j].path]), wanted) < 0
                { j += 1 }
                if j < entries.count,
                    Self.compare(UnsafeRawBufferPointer(rebasing: cacheBytes[entries[j].path]), wanted) == 0
                {
                    match[i] = j; j += 1
                }
            }
        }
        return match
    }

    /// Where an update file is: its path, and its open folder with its name there.
    struct FileSource {
        var root: String, path: String, folder: Int32, name: String

        var stamp: HistoryCache.Stamp? {
            folder >= 0 ? HistoryCache.stamp(folder: folder, name: name) : HistoryCache.stamp(root + "/" + path)
        }

        func read() -> [UInt8]? {
            let fd =
                folder >= 0
                ? openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                : open(root + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            // Its size (one more byte shows a file that grew), never more than the limit needs.
            var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size) + 1, SourceText.updateByteLimit + 1))
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else { return nil }
                if n == 0 { break }
                done += n
            }
            bytes.removeSubrange(done...)
            return bytes
        }
    }

    enum Payload {
        /// An entry of the cache, and whether its stamp changed (the bytes, read again, were the same).
        case cached(Range<Int>, restamped: Bool)
        case fresh([UInt8])
    }

    struct LoadedFile {
        var key: HistoryCache.Key?
        var update: WeeklyUpdate?
        var payload: Payload
    }

    /// One file: from the cache when its entry is intact and its bytes are those the entry was made
    /// from (the stamp says so, or the bytes' hash); else parsed from the bytes.
    static func loadFile(
        _ source: FileSource, entry: HistoryCache.Entry?, cacheBytes: UnsafeRawBufferPointer, writtenAt: Int64,
        full: Bool, org: Org
    ) -> LoadedFile {
        let stamp = source.stamp
        func cached(_ entry: HistoryCache.Entry, key: HistoryCache.Key, restamped: Bool) -> LoadedFile? {
            guard entry.isIntact(cacheBytes) else { return nil }
            var reader = HistoryCache.Reader(bytes: cacheBytes, at: entry.payload.lowerBound)
            guard let update = reader.update(full: full) else { return nil }
            return LoadedFile(key: key, update: update, payload: .cached(entry.payload, restamped: restamped))
        }
        if let stamp, let entry, entry.key.stamp == stamp, !stamp.isRacy(writtenAt: writtenAt),
            let hit = cached(entry, key: entry.key, restamped: false)
        {
            return hit
        }
        guard let stamp, let bytes = source.read() else {
            return LoadedFile(key: nil, update: nil, payload: .fresh([]))
        }
        let key = HistoryCache.Key(stamp: stamp, content: ContentHash.of(bytes))
        if let entry, entry.key.content == key.content, entry.key.stamp.size == Int64(bytes.count),
            let hit = cached(entry, key: key, restamped: entry.key.stamp != stamp || stamp.isRacy(writtenAt: writtenAt))
        {
            return hit
        }
        let update = parse(source.path, bytes: bytes, org: org)
        return LoadedFile(key: key, update: update, payload: .fresh(HistoryCache.payload(update)))
    }

    /// Byte order of two strings.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 { let c = memcmp(a.baseAddress!, b.baseAddress!, n); if c != 0 { return Int(c) } }
        return a.count - b.count
    }

    static func parse(_ path: String, bytes: [UInt8], org: Org) -> WeeklyUpdate? {
        let parsed = UpdateParser.parse(path: path, source: SourceText(bytes))
        guard let week = parsed.folderWeek, let person = parsed.fileAuthor, org.person(person) != nil else {
            return nil
        }
        if let error = figureError(parsed, org: org) {
            return WeeklyUpdate(person: person, week: week, deals: [], body: "", highlights: [], unreadable: error)
        }
        guard let update = parsed.update else { return nil }
        return WeeklyUpdate(
            person: person, week: week, deals: update.deals.compactMap { DealSnapshot($0, org: org) },
            body: update.body.trimmingCharacters(in: .whitespacesAndNewlines),
            highlights: update.highlights.map(\.value))
    }

    /// The first error of an update whose figures cannot be read, `line:column: message`; nil when they can.
    /// An error that leaves every figure known (a close date in the past, a long next step) does not count.
    static func figureError(_ parsed: ParsedUpdate, org: Org) -> String? {
        let findings = Checker(org: org).check(parsed).findings.filter { $0.severity == .error }
            .sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        func text(_ f: Finding) -> String { "\(f.position.line):\(f.position.column): \(f.message)" }
        guard let update = parsed.update else {
            return findings.first.map(text) ?? "the file cannot be read as an update"
        }
        let broken = update.deals.contains { deal in
            deal.id == nil || deal.amount?.value.value == nil
                || deal.stage.flatMap { org.stages.kind(of: $0.value) } == nil
        }
        let parseRules: Set<String> = [
            "yaml-syntax", "yaml-duplicate-key", "yaml-anchor", "yaml-tag", "yaml-multiple-documents",
            "yaml-too-deep", "field-type", "encoding-invalid", "encoding-nul-byte", "file-too-large",
        ]
        if let first = findings.first(where: { parseRules.contains($0.rule) }) { return text(first) }
        guard broken else { return nil }
        let figureRules: Set<String> = ["amount-invalid", "stage-unknown", "field-required", "deal-id-invalid"]
        return findings.first { figureRules.contains($0.rule) }.map(text) ?? findings.first.map(text)
            ?? "a deal cannot be read"
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
    public func earlierDeals(
        of person: String, before week: Week
    ) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, [DealSnapshot]> {
        let weeks = readableWeeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]!.deals }
    }

    public func earlier(
        of person: String, before week: Week
    ) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, WeeklyUpdate> {
        let weeks = readableWeeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]! }
    }

    /// Deals listed closed in an earlier update of the same person (so not a new close now).
    public func closedBefore(_ deal: String, by person: String, before week: Week) -> Bool {
        guard let first = firstClosed[person]?[deal] else { return false }
        return first < week
    }
}
