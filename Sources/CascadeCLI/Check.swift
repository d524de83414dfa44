import ArgumentParser
import CascadeCore
import CascadeGit
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

    @Option(name: .customLong("changed-since"), help: ArgumentHelp("Check only updates added or modified since this git revision, plus org.yaml if it changed.", valueName: "rev"))
    var changedSince: String?

    @Option(help: ArgumentHelp("Show what a rule checks, with examples, and exit.", valueName: "rule"))
    var explain: String?

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if changedSince != nil, !paths.isEmpty {
            throw ValidationError("give either paths or --changed-since, not both")
        }
    }

    func run() throws {
        if let explain {
            guard let rule = Checker.description(of: explain) else {
                let ids = Checker.descriptions.map(\.id)
                let hint = Suggestion.closest(to: explain, in: ids).map { "; did you mean '\($0)'?" } ?? "; run `cascade rules` for the list"
                throw UsageFailure("no rule '\(explain)'\(hint)")
            }
            Console.write(RuleDocs.explain(rule))
            return
        }
        let root = repository.resolvedRoot()
        let targets = try self.targets(root: root)
        if targets == nil { Console.progress("checking the repository…") }
        let report: RepositoryCheck.Report
        do {
            report = try RepositoryCheck(root: root).run(targets: targets)
        } catch let failure as RepositoryCheck.Failure {
            Console.clearProgress()
            throw UsageFailure(failure.description)
        }
        Console.clearProgress()
        let summary = CheckSummary(filesChecked: report.filesChecked, errors: report.errors, warnings: report.warnings, syntaxOnly: !report.orgReadable)
        Console.write(Reporter.render(report.diagnostics, summary: summary, format: format, color: format == .text && Console.useColor))
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
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
            if FileSystem.list(full) != nil {
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
            if entry.isFolder {
                out += walk(full + "/" + entry.name, rel + "/" + entry.name)
            } else if entry.name.hasSuffix(".md") || entry.name == "org.yaml" {
                out.append(rel + "/" + entry.name)
            }
        }
        return out
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
