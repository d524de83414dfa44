import CascadeCore
import CascadeGit
import Foundation

/// What git's history says about the updates: when each was submitted and changed
/// (`status`), and who wrote what (`check --authors`). The rewrites of `report flags`
/// are in `RewriteLog`, which keeps its walk.
public enum Timeline {
    /// The history of each update file of a week folder (`folder` ends with "/", relative to the git
    /// working tree): its first commit and later changes. Only files present in HEAD are returned.
    public static func submissions(_ git: Repository, folder: String) throws -> [String: FileHistory] {
        var history: [String: FileHistory] = [:]
        let tip: ObjectID
        switch try git.head() {
        case .unborn: return [:]
        case .branch(_, let id), .detached(let id): tip = id
        }
        // Files added before the folder last disappeared are not there now: start after that.
        let start = try git.newestCommit(without: String(folder.dropLast()), from: tip)
        try git.walk(from: tip, hiding: start, paths: [folder]) { commit, changes in
            for change in changes where change.path.hasPrefix(folder) && change.path.hasSuffix(".md") {
                let person = String(change.path.dropFirst(folder.count).dropLast(3))
                let when = (commit.committer.time, commit.committer.offsetMinutes)
                switch change.kind {
                case .added where history[person]?.firstCommit == nil:
                    history[person, default: FileHistory()].firstCommit = when
                case .deleted:
                    break
                default:
                    history[person, default: FileHistory()].changes.append(when)
                }
            }
        }
        for (person, _) in history where (try? git.blobID(of: folder + person + ".md", at: tip)) == nil {
            history[person] = nil
        }
        return history
    }

    /// One person's updates over several weeks, in one walk: `files` maps each week to the file's path
    /// (relative to the git working tree). Only files present in HEAD are returned.
    public static func submissions(_ git: Repository, files: [Week: String]) throws -> [Week: FileHistory] {
        guard case .branch(_, let tip) = try git.head() else { return [:] }
        let weekOf = Dictionary(uniqueKeysWithValues: files.map { ($0.value, $0.key) })
        var history: [Week: FileHistory] = [:]
        try git.walk(from: tip, paths: Array(files.values)) { commit, changes in
            for change in changes {
                guard let week = weekOf[change.path] else { continue }
                let when = (commit.committer.time, commit.committer.offsetMinutes)
                switch change.kind {
                case .added where history[week]?.firstCommit == nil:
                    history[week, default: FileHistory()].firstCommit = when
                case .deleted: break
                default: history[week, default: FileHistory()].changes.append(when)
                }
            }
        }
        for (week, path) in files where (try? git.blobID(of: path, at: tip)) == nil { history[week] = nil }
        return history
    }

    /// Of `people`, those whose update of the week folder HEAD holds (all a shallow clone can tell).
    public static func committed(_ git: Repository, folder: String, people: [String]) throws -> Set<String> {
        guard case .branch(_, let tip) = try git.head() else { return [] }
        return Set(people.filter { (try? git.blobID(of: folder + $0 + ".md", at: tip)) != nil })
    }

    /// `check --authors REV`: each commit in `base..head` judged by the org.yaml of its first parent.
    /// `prefix` is the 15-5 repository's folder inside the git working tree ("" or "sales/").
    public static func authorship(
        _ git: Repository, from base: ObjectID, to head: ObjectID, prefix: String
    ) throws
        -> (commits: Int, diagnostics: [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        var commits = 0
        var orgs: [String: Org?] = [:]
        try git.walk(from: head, hiding: base, paths: [prefix + "updates", prefix + "org.yaml"]) { commit, changes in
            commits += 1
            var changed = changes.filter { $0.kind != .deleted && $0.path.hasPrefix(prefix) }.map {
                String($0.path.dropFirst(prefix.count))
            }
            if commit.parents.count > 1 { changed = try mergesOwnChanges(git, commit, changed, prefix: prefix) }
            guard !changed.isEmpty else { return }
            let judge = commit.parents.first ?? commit.id
            let org: Org?
            if let cached = orgs[judge.hex] {
                org = cached
            } else {
                org = try git.file(prefix + "org.yaml", at: judge).flatMap { Checker.checkOrg(SourceText($0)).org }
                orgs[judge.hex] = org
            }
            guard let org else {
                diagnostics.append(
                    Diagnostic(
                        file: "org.yaml", position: .start, severity: .error, rule: AuthorsCheck.rule,
                        message:
                            "commit \(commit.id.short): the org.yaml of its parent cannot be read, so its author "
                            + "cannot be verified"
                    ))
                return
            }
            diagnostics += AuthorsCheck.check(
                commit: commit.id.short, authorName: commit.author.name,
                authorEmail: commit.author.email, changed: changed, org: org)
        }
        return (commits, diagnostics)
    }

    /// Of a merge's changes against its first parent, those that are the merge's own: a file whose
    /// result differs from every parent. The rest came in with the merged commits, which the walk
    /// judges one by one (who merged them did not write them).
    static func mergesOwnChanges(
        _ git: Repository, _ merge: CommitRecord, _ changed: [String], prefix: String
    ) throws -> [String] {
        try changed.filter { path in
            let result = try git.blobID(of: prefix + path, at: merge.id)
            return try merge.parents.allSatisfy { try git.blobID(of: prefix + path, at: $0) != result }
        }
    }
}
