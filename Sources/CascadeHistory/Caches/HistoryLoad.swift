import CascadeCore
import CascadeWorkspace
import Foundation

import CascadePlatform

/// Reading the history from the working tree, through the cache of parsed updates.
extension History {
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
        let cacheFile = cacheLocation(root)
        let orgHash = self.orgHash(root, orgBytes)
        let mapped = cache ? HistoryCache.Mapped(cacheFile) : nil
        let cacheBytes = mapped?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let now = Int64(Date().timeIntervalSince1970)
        let listing = Listing(root: root, cache: mapped, orgHash: orgHash)
        // Each file is looked at from its open folder: no path to walk again for each of thousands of files.
        let folderFDs = listing.folders.map { open(root + "/updates/" + $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { for fd in folderFDs where fd >= 0 { close(fd) } }
        let match = matchEntries(listing.paths, listing.entries, cacheBytes)
        mark("list files and index the cache")
        let results = parallelMap(listing.paths.count, chunk: 256) { i -> LoadedFile in
            let entry = match[i] >= 0 ? listing.entries[match[i]] : nil
            let source = FileSource(
                root: root, path: listing.paths[i], folder: folderFDs[listing.folderOf[i]], name: listing.names[i])
            return loadFile(
                source, entry: entry, cacheBytes: cacheBytes, writtenAt: listing.writtenAt,
                full: full?(listing.weeks[i]) ?? true, org: org)
        }
        mark("stat and decode \(listing.paths.count) updates")
        if cache {
            rewrite(cacheFile, listing: listing, results: results, cacheBytes: cacheBytes, orgHash: orgHash, now: now)
        }
        withExtendedLifetime(mapped) {}
        var updates: [WeeklyUpdate] = []
        updates.reserveCapacity(results.count)
        for r in results { if let u = r.update, week.map({ u.week <= $0 }) ?? true { updates.append(u) } }
        mark("collect")
        let history = History(org: org, updates: updates)
        history.unreadableFolders = listing.unlisted.filter { f in
            week.map { w in Week(String(f.folder.dropFirst(8)))! <= w } ?? true
        }
        mark("index the history")
        return history
    }

    /// Inside .git when there is one, so the cache never shows in `git status`.
    static func cacheLocation(_ root: String) -> String {
        var isFolder: ObjCBool = false
        let gitDir =
            FileManager.default.fileExists(atPath: root + "/.git", isDirectory: &isFolder) && isFolder.boolValue
        return root + (gitDir ? "/.git/cascade/history-cache" : "/.cascade/history-cache")
    }

    /// org.yaml as the caller read it, else read here: stages decide what a snapshot holds.
    static func orgHash(_ root: String, _ orgBytes: [UInt8]?) -> UInt64 {
        if let orgBytes { return HistoryCache.hash(orgBytes) }
        if case .success(let bytes) = FileSystem.read(root + "/org.yaml") { return HistoryCache.hash(bytes) }
        return 0
    }

    /// The update files of every real week folder, in the cache's byte order, listed on every core
    /// while the cache's table of entries is read.
    struct Listing {
        var folders: [String] = []
        var names: [String] = [], paths: [String] = [], weeks: [Week] = [], folderOf: [Int] = []
        var unlisted: [(folder: String, reason: String)] = []
        var entries: [HistoryCache.Entry] = []
        var writtenAt: Int64 = 0

        init(root: String, cache mapped: HistoryCache.Mapped?, orgHash: UInt64) {
            let folders = (FileSystem.list(root + "/updates") ?? []).filter { $0.isFolder && Week($0.name) != nil }.map(
                \.name)
            nonisolated(unsafe) var table: (entries: [HistoryCache.Entry], writtenAt: Int64)?
            nonisolated(unsafe) var unlisted: [(folder: String, reason: String)?] = Array(
                repeating: nil, count: folders.count)
            let listed = parallelMap(folders.count + 1, chunk: 1) { i -> [String] in
                if i == 0 {
                    table = mapped.flatMap { HistoryCache.index($0.bytes, orgHash: orgHash) }
                    return []
                }
                let listing = FileSystem.listing(root + "/updates/" + folders[i - 1])
                if case .failure(let error) = listing { unlisted[i - 1] = ("updates/" + folders[i - 1], error.reason) }
                let files = ((try? listing.get()) ?? []).filter { $0.name.hasSuffix(".md") }.map(\.name)
                // The cache is matched in byte order, which only differs from String order for non-ASCII names.
                if files.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return files }
                return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            }.dropFirst()
            self.folders = folders
            for (i, (folder, files)) in zip(folders, listed).enumerated() {
                let week = Week(folder)!
                for name in files {
                    names.append(name)
                    paths.append("updates/\(folder)/\(name)")
                    weeks.append(week)
                    folderOf.append(i)
                }
            }
            self.unlisted = unlisted.compactMap { $0 }
            entries = table?.entries ?? []
            writtenAt = table?.writtenAt ?? 0
        }
    }

    /// Writes the cache again when anything was parsed or restamped, or files came or went.
    /// Entries read from the cache are copied as they were (they may have been read for states only).
    static func rewrite(
        _ cacheFile: String, listing: Listing, results: [LoadedFile], cacheBytes: UnsafeRawBufferPointer,
        orgHash: UInt64,
        now: Int64
    ) {
        let changed = results.contains { r in
            if case .cached(_, false) = r.payload { return false }
            return true
        }
        guard changed || listing.entries.count != listing.paths.count else { return }
        var kept: [(path: String, key: HistoryCache.Key, payload: [UInt8])] = []
        for (path, r) in zip(listing.paths, results) {
            guard let key = r.key else { continue }
            switch r.payload {
            case .cached(let range, _): kept.append((path, key, Array(cacheBytes[range])))
            case .fresh(let bytes): kept.append((path, key, bytes))
            }
        }
        HistoryCache.write(kept, orgHash: orgHash, writtenAt: now, to: cacheFile)
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
                ? openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                : open(root + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            return try? FileSystem.read(opened: fd, limit: SourceText.updateByteLimit + 1).get()
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

}
