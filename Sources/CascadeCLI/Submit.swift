import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import Foundation

struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate updates and commit exactly those files.",
        discussion: """
            Checks the files, and commits nothing if any has an error. Each author's files \
            become one commit whose author is the person in org.yaml (the committer is git's \
            identity); other staged and unstaged changes are left as they were. Submits \
            running at the same time all land. A file identical to HEAD is nothing to submit.

            Examples:
              cascade submit
              cascade submit updates/2026-W48/ana-lima.md
            """)

    @Argument(help: ArgumentHelp("Update files (default: your update for this week).", valueName: "path"))
    var paths: [String] = []
    @OptionGroup var person: PersonWeekOptions
    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try Session(repository, needsGit: true)
        let git = session.git!
        if case .detached = try git.head() {
            throw UsageFailure(
                "HEAD is detached in \(git.path); check out a branch first (git switch main), then submit")
        }
        let targets = try self.targets(session)
        try refuseMissing(targets, session)
        // The checks run on one core while the commit is prepared on the other;
        // nothing is committed unless they find no error.
        let validation = Validation(root: session.root, targets: targets, org: session.loaded)
        let now = Int64(Date().timeIntervalSince1970)
        for group in try groups(targets, session: session, validation: validation) {
            try commit(group, session: session, git: git, validation: validation, now: now)
        }
        _ = try validation.passed()
        if let (commits, upstream) = git.unpushed(), commits > 0 {
            print(
                "\(Noun.commit(commits)) on this branch not pushed to \(upstream) yet: "
                    + "`git push` publishes \(commits == 1 ? "it" : "them")")
        }
    }

    /// An update not written yet is said as such (with what to run), not as an unreadable file.
    func refuseMissing(_ targets: [String], _ session: Session) throws {
        let missing = targets.filter { OutputFile.kind(session.root + "/" + $0) == .none }
        guard !missing.isEmpty else { return }
        for path in missing {
            let parts = path.split(separator: "/")
            let week = parts.count == 3 ? String(parts[1]) : "this week"
            // `cascade new` is told what `submit` was told; its defaults are the same.
            var new = "cascade new"
            if paths.isEmpty {
                if let author = person.author { new += " --author \(author)" }
                if let week = person.week { new += " --week \(week)" }
            } else if parts.count == 3 {
                new += " --author \(parts[2].dropLast(3)) --week \(week)"
            }
            Console.error("there is no update for \(week) yet (\(path)); write it with `\(new)`, then `cascade submit`")
        }
        throw ExitCode(1)
    }

    typealias Group = (author: Org.Person, files: [(path: String, bytes: [UInt8], update: Update)])

    /// The files to submit, repository-relative and in path order: the given ones, or your update of the week.
    func targets(_ session: Session) throws -> [String] {
        guard !paths.isEmpty else {
            return ["updates/\(person.resolvedWeek)/\(try session.person(person.author).id.value).md"]
        }
        var targets: [String] = []
        for path in paths {
            guard let rel = Paths.relative(path, to: session.root), rel.hasPrefix("updates/"), rel.hasSuffix(".md")
            else {
                throw UsageFailure("\(path) is not an update file (updates/<week>/<person>.md) of \(session.root)")
            }
            targets.append(rel)
        }
        return Array(Set(targets)).sorted()
    }

    /// One group per author, in path order; a file that cannot be read as an update stops everything.
    func groups(_ targets: [String], session: Session, validation: Validation) throws -> [Group] {
        var groups: [Group] = []
        for target in targets {
            guard
                case .success(let bytes) = FileSystem.read(
                    session.root + "/" + target, limit: SourceText.updateByteLimit + 1, followLinks: false),
                let update = UpdateParser.parse(path: target, source: SourceText(bytes)).update,
                let id = update.author?.value, let author = session.org.person(id)
            else {
                if try !validation.passed() {
                    Console.error("nothing committed: fix the errors above, then run `cascade submit` again")
                    throw ExitCode(1)
                }
                throw UsageFailure("\(target) cannot be read as an update; run `cascade check \(target)`")
            }
            if let i = groups.firstIndex(where: { $0.author.id.value == id }) {
                groups[i].files.append((target, bytes, update))
            } else {
                groups.append((author, [(target, bytes, update)]))
            }
        }
        return groups
    }

    /// One author's commit, made only if the checks pass (the gate), with the author's identity.
    func commit(_ group: Group, session: Session, git: Repository, validation: Validation, now: Int64) throws {
        let offset = TimeZone.current.secondsFromGMT() / 60
        guard let email = group.author.email else {
            throw UsageFailure(
                "\(group.author.id.value) has no email in org.yaml; add one so the commit can name its author")
        }
        let author = Signature(name: group.author.name, email: email, time: now, offsetMinutes: offset)
        var committer = author
        if let identity = git.identity {
            committer = Signature(name: identity.name, email: identity.email, time: now, offsetMinutes: offset)
        } else {
            print(
                "git has no user.name/user.email here, so the committer is the author, \(group.author.name) <\(email)>")
        }
        let message = Self.message(group.author.id.value, group.files.map { ($0.path, $0.update) }, org: session.org)
        let changes = group.files.map { FileChange(path: session.gitPath($0.path), bytes: $0.bytes) }
        let result: Repository.CommitResult
        do {
            result = try git.commit(
                changes, author: author, committer: committer, message: message,
                gate: { (try? validation.passed()) ?? false })
        } catch let error as GitError {
            _ = try? validation.passed()
            throw UsageFailure(error.description)
        }
        switch result {
        case .refused:
            Console.error("nothing committed: fix the errors above, then run `cascade submit` again")
            throw ExitCode(1)
        case .unchanged:
            let files = group.files.map(\.path).joined(separator: ", ")
            print("nothing to submit: \(files) \(group.files.count == 1 ? "is" : "are") identical to HEAD")
        case .committed(let id):
            print("[\(id.short)] \(message.split(separator: "\n").first!)")
        }
    }

    /// `cascade check` of the targets, on a background thread; its diagnostics
    /// are printed once, the first time the result is asked for.
    final class Validation: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var report: RepositoryCheck.Report?
        private var failure: Error?
        private var printed = false

        init(root: String, targets: [String], org: (org: Org?, findings: [Finding])) {
            DispatchQueue.global().async {
                do { self.report = try Workspace.check(root).run(targets: targets, org: org) } catch {
                    self.failure = error
                }
                self.done.signal()
            }
        }

        /// Waits for the checks, prints their findings once, and says whether there was no error.
        func passed() throws -> Bool {
            if !printed {
                done.wait()
                printed = true
                if let failure { throw failure }
                if let report, !report.diagnostics.isEmpty {
                    let summary = CheckSummary(
                        filesChecked: report.filesChecked, errors: report.errors, warnings: report.warnings)
                    Console.write(Reporter.text(report.diagnostics, summary: summary, color: Console.useColor))
                }
            }
            if let failure { throw failure }
            return (report?.errors ?? 1) == 0
        }
    }

    /// `update(2026-W48): ana-lima, 6 open, 1 won, 1 lost`.
    static func message(_ author: String, _ files: [(String, Update)], org: Org) -> String {
        func line(_ update: Update) -> String {
            let kinds = update.deals.compactMap { $0.stage.flatMap { org.stages.kind(of: $0.value) } }
            return
                "\(kinds.filter { $0 == .open }.count) open, \(kinds.filter { $0 == .won }.count) won, "
                + "\(kinds.filter { $0 == .lost }.count) lost"
        }
        let weeks = files.map { $0.1.week?.value ?? UpdatePath($0.0).week?.description ?? "?" }
        if files.count == 1 { return "update(\(weeks[0])): \(author), \(line(files[0].1))\n" }
        var message = "update(\(weeks.joined(separator: ", "))): \(author), \(files.count) updates\n\n"
        for (week, file) in zip(weeks, files) { message += "\(week): \(line(file.1))\n" }
        return message
    }
}
