import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import CascadeHistory
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate updates and org.yaml.",
        discussion: """
            Checks the given files (or folders), or the whole repository: org.yaml and every \
            file under updates/. Exit status: 0 no errors, 1 errors found (or warnings with \
            --strict), 2 usage error or a repository that cannot be read.

            Examples:
              cascade check
              cascade check updates/2026-W48/ana-lima.md
              cascade check --changed-since origin/main --format github
              cascade check --format json > findings.json
              cascade check --explain amount-invalid
            """)

    @Argument(help: ArgumentHelp("Files or folders to check (default: the whole repository).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Flag(
        help: ArgumentHelp(
            "Check the files as git's index holds them (what the next commit will contain): the given paths, or the "
                + "staged updates and org.yaml."))
    var staged = false

    @Option(
        name: .customLong("changed-since"),
        help: ArgumentHelp(
            "Check only updates added or modified since this git revision, plus org.yaml if it changed.",
            valueName: "rev"))
    var changedSince: String?

    @Option(
        help: ArgumentHelp(
            "Instead of the files, verify that every commit since this revision was written by someone allowed to: "
                + "an update by its author or a delegate, org.yaml by an admin.",
            valueName: "rev"))
    var authors: String?

    @Option(
        help: ArgumentHelp(
            "Fix today's date, YYYY-MM-DD, as every command does (no rule of check depends on it today).",
            valueName: "date"))
    var today: String?

    @Option(help: ArgumentHelp("Show what a rule checks, with examples, and exit.", valueName: "rule"))
    var explain: String?

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if changedSince != nil, !paths.isEmpty {
            throw ValidationError("give either paths or --changed-since, not both")
        }
        if authors != nil, changedSince != nil || !paths.isEmpty || staged {
            throw ValidationError("--authors checks commits, not files; run it on its own")
        }
        if staged, changedSince != nil { throw ValidationError("give either --staged or --changed-since, not both") }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        if let explain {
            guard let rule = Checker.description(of: explain) else {
                let ids = Checker.descriptions.map(\.id)
                let hint =
                    Suggestion.closest(to: explain, in: ids).map { "; did you mean '\($0)'?" }
                    ?? "; run `cascade rules` for the list"
                throw UsageFailure("no rule '\(explain)'\(hint)")
            }
            Console.write(RuleDocs.explain(rule))
            return
        }
        let root = repository.resolvedRoot()
        if let authors { return try checkAuthors(since: authors, root: root) }
        var targets = try self.targets(root: root)
        var store: FileStore?
        if staged { (store, targets) = try stagedFiles(root: root, paths: targets) }
        if targets == nil { Console.progress("checking the repository…") }
        let report: RepositoryCheck.Report
        do {
            report = try RepositoryCheck(root: root, store: store ?? DiskStore(root: root)).run(targets: targets)
        } catch let failure as RepositoryCheck.Failure {
            Console.clearProgress()
            throw UsageFailure(failure.description)
        }
        Console.clearProgress()
        let summary = CheckSummary(
            filesChecked: report.filesChecked, errors: report.errors, warnings: report.warnings,
            syntaxOnly: !report.orgReadable)
        Console.write(
            Reporter.render(
                report.diagnostics, summary: summary, format: format, color: format == .text && Console.useColor))
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }

    /// `--authors REV`: each commit in REV..HEAD judged by its first parent's org.yaml.
    private func checkAuthors(since revision: String, root: String) throws {
        let git: Repository
        do { git = try Repository(discovering: root) } catch let error as GitError {
            throw UsageFailure("--authors needs a git repository: \(error.description)")
        }
        let prefix = Paths.relative(root, to: git.path).map { $0.isEmpty ? "" : $0 + "/" } ?? ""
        let commits: Int
        let diagnostics: [Diagnostic]
        do {
            (commits, diagnostics) = try Timeline.authorship(
                git, from: try git.resolve(revision), to: try git.resolve("HEAD"), prefix: prefix)
        } catch let error as GitError {
            if git.isShallow { throw UsageFailure("\(error.description): \(Repository.unshallowHint)") }
            throw UsageFailure(error.description + "; pass a commit, branch or tag that exists")
        }
        var summary = CheckSummary(filesChecked: 0, errors: diagnostics.count, warnings: 0)
        summary.unit = .commit
        summary.filesChecked = commits
        Console.write(
            Reporter.render(diagnostics, summary: summary, format: format, color: format == .text && Console.useColor))
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }

    /// `--staged`: the files as git's index holds them (blobs read when asked for), and the
    /// targets: the given paths, else the staged updates and org.yaml.
    private func stagedFiles(root: String, paths: [String]?) throws -> (FileStore, [String]) {
        let git: Repository
        do { git = try Repository(discovering: root) } catch let error as GitError {
            throw UsageFailure("--staged needs a git repository: \(error.description)")
        }
        let prefix = Paths.relative(root, to: git.path).map { $0.isEmpty ? "" : $0 + "/" } ?? ""
        do {
            let entries = try git.indexEntries(under: [prefix + "updates/", prefix + "org.yaml"])
                .filter { $0.path == prefix + "org.yaml" || $0.path.hasPrefix(prefix + "updates/") }
            var ids: [String: ObjectID] = [:]
            var links: Set<String> = []
            for entry in entries {
                let rel = String(entry.path.dropFirst(prefix.count))
                ids[rel] = entry.id
                if entry.isLink { links.insert(rel) }
            }
            let lock = NSLock()
            let known = ids
            nonisolated(unsafe) let repository = git
            let store = MemoryStore(paths: Array(ids.keys), links: links) { rel in
                lock.lock()
                defer { lock.unlock() }
                return known[rel].flatMap { try? repository.blob($0) }
            }
            if let paths { return (store, paths) }  // a path git's index lacks is reported as such
            let changed = try git.stagedChanges().compactMap { path -> String? in
                guard path.hasPrefix(prefix) else { return nil }
                let rel = String(path.dropFirst(prefix.count))
                return rel == "org.yaml" || rel.hasPrefix("updates/") ? rel : nil
            }
            return (store, Array(Set(changed + ["org.yaml"])).sorted())
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
    }

    /// Repository-relative paths to check; nil for the whole repository.
    private func targets(root: String) throws -> [String]? {
        if let changedSince {
            let repo: Repository
            do { repo = try Repository(discovering: root) } catch let error as GitError {
                throw UsageFailure("--changed-since needs a git repository: \(error.description)")
            }
            let changed: [String]
            do { changed = try repo.changedPaths(since: changedSince) } catch let error as GitError {
                throw UsageFailure(error.description + "; pass a commit, branch or tag that exists")
            }
            let prefix = Paths.relative(root, to: repo.path).map { $0.isEmpty ? "" : $0 + "/" } ?? ""
            return changed.compactMap { path -> String? in
                guard path.hasPrefix(prefix) else { return nil }
                let rel = String(path.dropFirst(prefix.count))
                return rel == "org.yaml" || rel.hasPrefix("updates/") ? rel : nil
            }
        }
        guard !paths.isEmpty else { return nil }
        var targets: [String] = []
        for path in paths {
            guard let rel = Paths.relative(path, to: root) else {
                throw UsageFailure("\(path) is outside the repository \(root); pass files inside it, or --root")
            }
            let full = root + (rel.isEmpty ? "" : "/" + rel)
            if rel.isEmpty {
                return nil
            }
            if OutputFile.kind(full) == .folder {
                targets += walk(full, rel)
            } else {
                targets.append(rel)
            }
        }
        return targets
    }

    private func walk(_ full: String, _ rel: String) -> [String] {
        var out: [String] = []
        for entry in FileSystem.list(full) ?? [] {
            if entry.isLink, entry.name.hasSuffix(".md") {
                out.append(rel + "/" + entry.name)  // reported as not a regular file, never followed
            } else if entry.isFolder {
                out += walk(full + "/" + entry.name, rel + "/" + entry.name)
            } else if entry.name.hasSuffix(".md") || entry.name == "org.yaml" {
                out.append(rel + "/" + entry.name)
            }
        }
        return out
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
