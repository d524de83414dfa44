import CascadeCore
import CascadeWorkspace
import CascadeGit
import Foundation

/// An update changed by a commit more than seven days after its week ended.
public struct Rewrite: Sendable {
    public var person: String
    public var week: Week
    public var commit: String
    /// The committer's local date and time.
    public var when: String

    public init(person: String, week: Week, commit: String, when: String) {
        self.person = person
        self.week = week
        self.commit = commit
        self.when = when
    }
}

/// Every rewrite git's history holds (an update changed by a commit more
/// than seven days after its week ended), found by walking the commits once
/// and kept in `.git/cascade/rewrites` with the commit the walk reached. A
/// later run walks only the commits made since; if that commit is no longer
/// in the history (a rewritten branch), the walk starts again from scratch.
public struct RewriteLog {
    static let header = "cascade-rewrites 2"

    var tip: ObjectID?
    var rewrites: [Rewrite] = []

    /// The rewrites of the history up to `head`, under `prefix` ("updates/" relative to the git working tree).
    public static func load(_ git: Repository, head: ObjectID, prefix: String) throws -> [Rewrite] {
        let file = git.gitDirectory + "/cascade/rewrites"
        var log = read(file, prefix: prefix) ?? RewriteLog()
        if let tip = log.tip, !git.contains(tip, before: head) { log = RewriteLog() }
        guard log.tip != head else { return log.rewrites }
        // A commit can only rewrite the weeks that ended more than seven days before it
        // (give or take the widest time zones): only those folders are compared, whatever
        // week folders the commit and its parent hold.
        func old(enough name: String, for commit: CommitRecord) -> Bool {
            guard let week = Week(name) else { return false }
            return commit.committer.time >= Int64(week.sunday.ordinal + 1 + 7) * 86_400 - 14 * 3600
        }
        try git.walk(
            from: head, hiding: log.tip, under: String(prefix.dropLast()),
            accept: { commit, name in
                name.isEmpty || old(enough: name, for: commit)
            }
        ) { commit, changes in
            for change in changes where change.kind == .modified {
                let location = UpdatePath(String(change.path.dropFirst(prefix.count - "updates/".count)))
                guard let week = location.week, let person = location.author else { continue }
                if SubmissionStatus.isRewrite(commit.committer.time, offset: commit.committer.offsetMinutes, week: week)
                {
                    log.rewrites.append(
                        Rewrite(
                            person: person, week: week, commit: commit.id.short,
                            when: SubmissionStatus.localTime(commit.committer.time, commit.committer.offsetMinutes)))
                }
            }
        }
        log.tip = head
        log.write(file, prefix: prefix)
        return log.rewrites
    }

    /// The log, when it is whole: its last line is a checksum of the rest, so a
    /// truncated or edited log is walked again rather than trusted.
    static func read(_ file: String, prefix: String) -> RewriteLog? {
        guard case .success(let bytes) = FileSystem.read(file, limit: 256 << 20) else { return nil }
        guard bytes.count > 1, bytes.last == 0x0A, let cut = bytes.dropLast().lastIndex(of: 0x0A) else { return nil }
        let body = Array(bytes[...cut])
        guard String(decoding: bytes[(cut + 1)...].dropLast(), as: UTF8.self) == checkLine(body) else { return nil }
        let lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == header, lines[1] == "prefix \(prefix)", lines[2].hasPrefix("tip ") else {
            return nil
        }
        guard let tip = ObjectID(hex: String(lines[2].dropFirst(4))) else { return nil }
        var log = RewriteLog(tip: tip)
        for line in lines.dropFirst(3) where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let week = Week(f[0]) else { return nil }
            log.rewrites.append(Rewrite(person: f[1], week: week, commit: f[2], when: f[3]))
        }
        return log
    }

    static func checkLine(_ body: [UInt8]) -> String {
        "check " + String(ContentHash.of(body), radix: 16)
    }

    /// Written to a temporary file and renamed: a reader never sees half a log. A log
    /// that cannot be written is only a cache: the next run walks again.
    func write(_ file: String, prefix: String) {
        var text = "\(Self.header)\nprefix \(prefix)\ntip \(tip?.hex ?? "")\n"
        for r in rewrites { text += "\(r.week)\t\(r.person)\t\(r.commit)\t\(r.when)\n" }
        text += Self.checkLine(Array(text.utf8)) + "\n"
        try? OutputFile.replace(file, Array(text.utf8))
    }
}
