import Foundation

/// `cascade check` over a repository on disk: reads `org.yaml`, finds the
/// update files, parses them on every core, runs every rule once.
public struct RepositoryCheck: Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var filesChecked: Int
        /// False when org.yaml could not be read as an organisation (syntax-only check).
        public var orgReadable: Bool
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notARepository(String)

        public var description: String {
            switch self {
            case .notARepository(let root):
                return
                    "\(root): no org.yaml here, so this is not a 15-5 repository; run `cascade init` to make one, or "
                        + "pass --root"
            }
        }
    }

    /// The repository's root, for messages.
    public let root: String
    /// Where the files are read from: the working tree (`DiskStore`), git's index, or memory.
    public let store: FileStore

    public init(root: String, store: FileStore) {
        self.root = root
        self.store = store
    }

    /// Reads and checks org.yaml.
    public func loadOrg() throws -> (org: Org?, findings: [Finding]) {
        let loaded = try loadOrgWithBytes()
        return (loaded.org, loaded.findings)
    }

    /// Reads and checks org.yaml, with the bytes read (a cache keyed by them needs not read it again).
    public func loadOrgWithBytes() throws -> (org: Org?, findings: [Finding], bytes: [UInt8]) {
        switch store.read("org.yaml", limit: OrgDecoder.byteLimit + 1) {
        case .success(let bytes):
            let checked = Checker.checkOrg(SourceText(bytes))
            return (checked.org, checked.findings, bytes)
        case .failure(.missing): throw Failure.notARepository(root)
        case .failure(let error):
            return (
                nil, [FileUnreadableRule.finding(at: .start, "org.yaml cannot be read: \(error.reason)")], []
            )
        }
    }

    /// Every update path under `updates/` (repository-relative, sorted), and
    /// findings for anything else found there.
    public func updatePaths() -> (paths: [String], misplaced: [Diagnostic]) {
        let weeks: [FileEntry]
        switch store.list("updates") {
        case .success(let entries): weeks = entries
        case .failure(.missing): return ([], [])
        case .failure(let error):
            let message =
                "the folder updates/ cannot be listed: \(error.reason); make it readable (chmod u+rx updates), then "
                    + "check again"
            return ([], [UpdatePath.unreadable("updates", message)])
        }
        var paths: [String] = []
        var misplaced: [Diagnostic] = []
        for folder in weeks where folder.name != ".gitkeep" {
            let rel = "updates/" + folder.name
            if folder.isLink {
                misplaced.append(
                    UpdatePath.misplaced(
                        rel,
                        "'\(folder.name)' is a symbolic link; links under updates/ are never "
                            + "followed: put the week's folder itself here"))
            } else if !folder.isFolder {
                misplaced.append(
                    UpdatePath.misplaced(
                        rel, "a file directly under updates/; updates live at updates/<week>/<person-id>.md"))
            } else {
                weekFolder(rel, name: folder.name, paths: &paths, misplaced: &misplaced)
            }
        }
        return (paths, misplaced)
    }

    /// The updates of one week folder, and what does not belong in it. A folder that is no real
    /// week is reported, and its files are still checked.
    private func weekFolder(_ rel: String, name: String, paths: inout [String], misplaced: inout [Diagnostic]) {
        let weekOK = Week(name) != nil
        if !weekOK {
            misplaced.append(
                UpdatePath.misplaced(rel, "the folder '\(name)' is not a real ISO week; name it like 2026-W48"))
        }
        let entries: [FileEntry]
        switch store.list(rel) {
        case .success(let listed): entries = listed
        case .failure(let error):
            misplaced.append(
                UpdatePath.unreadable(
                    rel,
                    "the folder cannot be listed: \(error.reason); its updates were not "
                        + "checked: make it readable (chmod u+rx \(rel)), then check again"))
            return
        }
        for entry in entries {
            let path = rel + "/" + entry.name
            if entry.isFolder {
                misplaced.append(
                    UpdatePath.misplaced(
                        path,
                        "a folder inside a week; updates live at updates/<week>/<person-id>.md, "
                            + "move its files up or delete it"))
            } else if entry.name.hasSuffix(".md") {
                paths.append(path)
            } else if weekOK {
                misplaced.append(
                    UpdatePath.misplaced(
                        path,
                        "'\(entry.name)' is not '<person-id>.md'; only updates live under "
                            + "updates/, move this file elsewhere"))
            }
        }
    }

    /// Checks the whole repository (`targets == nil`) or the given
    /// repository-relative paths, which may include `org.yaml`.
    public func run(targets: [String]? = nil, org loaded: (org: Org?, findings: [Finding])? = nil) throws -> Report {
        let (org, orgFindings) = try loaded ?? loadOrg()
        let checker = Checker(org: org)
        var diagnostics: [Diagnostic] = []
        var filesChecked = 0
        let checked: [String]
        var results: [(findings: [Finding], summary: UpdateSummary)]
        var context: [UpdateSummary] = []
        if let targets {
            if targets.contains("org.yaml") {
                diagnostics += (orgFindings + weeksFindings(org, updatePaths().paths)).map {
                    $0.diagnostic(in: "org.yaml")
                }
                filesChecked += 1
            }
            checked = Array(Set(targets.filter { $0 != "org.yaml" })).sorted()
            let (sameWeek, earlier) = contextPaths(for: checked)
            let first = checked + earlier
            let parsed = parallelMap(first.count) { check(first[$0], with: checker) }
            results = Array(parsed[..<checked.count])
            context = parsed[checked.count...].map(\.summary)
            context += sameWeekContext(sameWeek, mentioning: results.map(\.summary), checker: checker)
        } else {
            diagnostics += orgFindings.map { $0.diagnostic(in: "org.yaml") }
            filesChecked += 1
            let listing = updatePaths()
            checked = listing.paths
            diagnostics += listing.misplaced
            diagnostics += weeksFindings(org, checked).map { $0.diagnostic(in: "org.yaml") }
            results = parallelMap(checked.count) { check(checked[$0], with: checker) }
        }
        let index = UpdateIndex(results.map(\.summary) + context)
        for (path, result) in zip(checked, results) {
            diagnostics += (result.findings + checker.checkAcross(result.summary, in: index)).map {
                $0.diagnostic(in: path)
            }
        }
        filesChecked += checked.count
        diagnostics.sort(by: Diagnostic.ordered)
        return Report(diagnostics: diagnostics, filesChecked: filesChecked, orgReadable: org != nil)
    }

    /// The rules over org.yaml and the weeks of `updatePaths` (the weeks that have an update file).
    private func weeksFindings(_ org: Org?, _ updatePaths: [String]) -> [Finding] {
        guard let org else { return [] }
        let weeks = Set(updatePaths.compactMap { UpdatePath($0).week }).sorted()
        return Checker.orgWeeksRules.flatMap { $0.check(org, weeks: weeks) }
    }

    private func check(_ path: String, with checker: Checker) -> (findings: [Finding], summary: UpdateSummary) {
        switch store.read(path, limit: SourceText.updateByteLimit + 1) {
        case .success(let bytes):
            return checker.check(path: path, source: SourceText(bytes))
        case .failure(let error):
            let message: String
            if case .notRegular = error {
                message = error.reason
            } else {
                message = "cannot read the file: \(error.reason); check the path"
            }
            let parsed = ParsedUpdate(
                path: path, folderWeek: nil, fileAuthor: nil, update: nil,
                findings: [FileUnreadableRule.finding(at: .start, message)])
            return (parsed.findings, UpdateSummary(parsed, org: checker.org))
        }
    }

    /// The other files of the targets' weeks that can matter to them: only a
    /// file whose bytes mention one of the targets' deal or highlight ids can
    /// list that deal, so the rest are not parsed (a file with a backslash,
    /// which could spell an id with escapes, is always parsed).
    private func sameWeekContext(
        _ paths: [String], mentioning targets: [UpdateSummary], checker: Checker
    ) -> [UpdateSummary] {
        let needles = Set(targets.flatMap { $0.deals.map(\.id) + $0.highlights.map(\.value) }).map { Array($0.utf8) }
        guard !needles.isEmpty else { return [] }
        let parsed = parallelMap(paths.count, chunk: 64) { i -> UpdateSummary? in
            guard case .success(let bytes) = store.read(paths[i], limit: SourceText.updateByteLimit + 1) else {
                return nil
            }
            guard bytes.contains(0x5C) || needles.contains(where: { bytes.contains(subsequence: $0) }) else {
                return nil
            }
            return checker.check(path: paths[i], source: SourceText(bytes)).summary
        }
        return parsed.compactMap { $0 }
    }

    /// The files the cross-file rules of `paths` compare against: the other
    /// files of the same weeks, and each author's earlier updates.
    func contextPaths(for paths: [String]) -> (sameWeek: [String], earlier: [String]) {
        let targets = Set(paths)
        var sameWeek: Set<String> = []
        var earlier: Set<String> = []
        var weeks: Set<String> = []
        var authors: [String: Week] = [:]
        for path in paths {
            let location = UpdatePath(path)
            guard let week = location.week else { continue }
            weeks.insert(week.description)
            if let author = location.author { authors[author] = max(authors[author] ?? week, week) }
        }
        let weekFolders = ((try? store.list("updates").get()) ?? []).filter { $0.isFolder }.map(\.name)
        for folder in weekFolders {
            guard let week = Week(folder) else { continue }
            let entries = (try? store.list("updates/" + folder).get()) ?? []
            if weeks.contains(folder) {
                for entry in entries where !entry.isFolder && entry.name.hasSuffix(".md") {
                    sameWeek.insert("updates/\(folder)/\(entry.name)")
                }
            }
            for (author, latest) in authors
            where week < latest && entries.contains(where: { $0.name == author + ".md" && !$0.isFolder }) {
                earlier.insert("updates/\(folder)/\(author).md")
            }
        }
        return (sameWeek.subtracting(targets).subtracting(earlier).sorted(), earlier.subtracting(targets).sorted())
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                guard let base = hay.baseAddress, let nb = n.baseAddress else { return false }
                var i = 0
                let last = hay.count - n.count
                while i <= last {
                    guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, nb, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}

extension UpdatePath {
    static func misplaced(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(file: path, position: .start, severity: .error, rule: "path-invalid", message: message)
    }

    static func unreadable(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(file: path, position: .start, severity: .error, rule: "file-unreadable", message: message)
    }
}
