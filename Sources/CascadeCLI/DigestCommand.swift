import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeDigest
import CascadeHTML
import CascadeGit
import CascadeHistory
import Foundation
import Mustache

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "The five-minute digest of a leader's organisation or of a function.",
        discussion: """
            For a person: their whole subtree (numbers, wins, losses and lessons, asks, risks, \
            product gaps, notes from the team, missing updates). For a function: the asks \
            addressed to it. It always fits digest.minutes of reading and says what it left out.

            Examples:
              cascade digest --for dana-cho --week 2026-W47
              cascade digest --for product --format json
              cascade digest --all --week 2026-W47 --commit
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("A person (their subtree) or a function (the asks to it).", valueName: "id"),
        completion: IDCompletion.peopleAndFunctions)
    var forID: String?
    @Option(help: ArgumentHelp("The ISO week, YYYY-Www (default: this week).", valueName: "week"))
    var week: String?
    @Option(help: "md, html or json.")
    var format: Format = .md
    @Option(
        help: ArgumentHelp(
            "Write to this file ('-' for standard output; with --all, into this folder).", valueName: "path"))
    var out: String?
    @Flag(help: "Every leader's and every function's digest, into digests/<week>/.")
    var all = false
    @Flag(help: "With --all: commit the digests through libgit2.")
    var commit = false
    @Option(help: ArgumentHelp("Fix today's date, YYYY-MM-DD.", valueName: "date"))
    var today: String?
    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all == (forID != nil) { throw ValidationError("give either --for ID or --all") }
        if commit && !all { throw ValidationError("--commit goes with --all") }
        if let week, Week(week) == nil { throw ValidationError("--week must be a real ISO week written YYYY-Www") }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        let session = try Session(repository, needsGit: commit)
        if commit { try refuseUncommittedInput(session) }
        let org = session.org
        let week = self.week.flatMap(Week.init) ?? Week(containing: today.flatMap(Day.init) ?? Clock.today())
        if let forID, org.person(forID) == nil, org.function(forID) == nil {
            let hint =
                Suggestion.closest(to: forID, in: org.personIDs + org.functionIDs).map { "; did you mean '\($0)'?" }
                ?? ""
            throw UsageFailure("no person or function '\(forID)' in org.yaml\(hint)")
        }
        Console.progress("reading the updates…")
        let history = History.load(
            root: session.root, org: org, orgBytes: session.orgBytes, through: week,
            full: DigestBuilder.readsInFull(week, fiscalYearStartMonth: org.fiscalYearStartMonth))
        history.keepUntilExit()
        Console.clearProgress()
        try refuseWeekBeforeHistory(week, history, root: session.root)
        let renderer = try DigestRenderer(org: org, template: try template(session.root))
        let builder = DigestBuilder(history: history)
        guard let forID else { return try writeAll(session, builder, renderer, week: week) }
        let started = Date()
        let (readerID, note) = Self.reader(forID, org)
        var digest = builder.build(for: readerID, week: week)!
        digest.readerNote = note
        Console.timing("build the digest", since: started)
        let rendered = Date()
        let text = render(digest, renderer, org)
        Console.timing("render it", since: rendered)
        try OutputFile.write(text, to: out)
    }

    /// The digest a reader gets: their own, or, for someone who leads a function but no sales team
    /// (a VP of Product), the function's, with a line that says so.
    static func reader(_ id: String, _ org: Org) -> (id: String, note: String?) {
        guard let person = org.person(id), org.hierarchy.directs(of: id).isEmpty,
            let function = org.functions.first(where: { $0.lead?.value == id })
        else { return (id, nil) }
        return (
            function.id.value,
            "\(person.name) leads \(function.name) and no sales team, so this is \(function.name)'s digest"
        )
    }

    /// A week before every update is a digest of nothing: exit 2, saying which weeks the history holds.
    func refuseWeekBeforeHistory(_ week: Week, _ history: History, root: String) throws {
        guard !history.weeks.contains(where: { $0 <= week }) else { return }
        let weeks = Workspace.weeks(root)
        guard let first = weeks.first, let last = weeks.last else {
            throw UsageFailure(
                "there are no updates yet, so there is no digest to compile; write one with `cascade new`")
        }
        throw UsageFailure(
            "no update in or before \(week): the history holds \(first) to \(last); give a --week in that range")
    }

    /// `--all`: every leader's and function's digest into `<folder>/<week>/`, and with `--commit` one commit of them.
    func writeAll(_ session: Session, _ builder: DigestBuilder, _ renderer: DigestRenderer, week: Week) throws {
        let org = session.org
        let ids = org.hierarchy.leaders + org.functionIDs
        if out == "-" {
            throw UsageFailure(
                "--all writes one file per digest into a folder; give --out a folder, or use --for ID with --out -")
        }
        let folder = out.map(Paths.absolute) ?? session.root + "/digests"
        try OutputFile.makeFolder(folder)
        if case .symlink(let target) = OutputFile.kind(folder + "/\(week)") {
            throw UsageFailure(
                "\(folder)/\(week) is a symbolic link (to \(target)); Cascade does not write through links: remove it")
        }
        var written: [(String, [UInt8])] = []
        let texts = parallelMap(ids.count, chunk: 1) { i in
            render(builder.build(for: ids[i], week: week)!, renderer, org)
        }
        for (id, text) in zip(ids, texts) {
            let relative = "\(week)/\(id).\(format.rawValue)"
            try OutputFile.replace(folder + "/" + relative, Array(text.utf8))
            written.append((relative, Array(text.utf8)))
        }
        print("wrote \(written.count) digests into \(folder)/\(week)/")
        if commit, let git = session.git { try commitDigests(written, in: folder, git: git, week: week) }
    }

    func commitDigests(_ written: [(String, [UInt8])], in folder: String, git: Repository, week: Week) throws {
        guard let prefix = Paths.relative(folder, to: git.path) else {
            throw UsageFailure("--commit needs the digests inside the repository; drop --out")
        }
        let now = Int64(Date().timeIntervalSince1970)
        let identity = git.identity ?? (name: "Cascade", email: "cascade@localhost")
        let offset = TimeZone.current.secondsFromGMT() / 60
        let signature = Signature(name: identity.name, email: identity.email, time: now, offsetMinutes: offset)
        do {
            let result = try git.commit(
                written.map { FileChange(path: prefix + "/" + $0.0, bytes: $0.1) }, author: signature,
                committer: signature, message: "digests(\(week)): \(written.count) digests\n")
            if case .committed(let id) = result {
                print("[\(id.short)] digests(\(week)): \(written.count) digests")
            } else {
                print("digests unchanged: nothing to commit")
            }
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
    }

    /// Committed digests must come from committed updates: an edit in the working tree
    /// (a changed pipeline, a deleted update shown as missing) would be committed as history.
    func refuseUncommittedInput(_ session: Session) throws {
        guard let git = session.git else { return }
        let changed: [String]
        do {
            changed = try git.uncommittedChanges(under: [session.gitPath("updates"), session.gitPath("org.yaml")])
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
        guard !changed.isEmpty else { return }
        let shown =
            changed.prefix(20).map { "  " + $0 }.joined(separator: "\n")
            + (changed.count > 20 ? "\n  and \(changed.count - 20) more" : "")
        throw UsageFailure(
            "--commit builds digests only from committed updates, and \(changed.count) "
                + "file\(changed.count == 1 ? " has" : "s have") "
                + "uncommitted changes:\n\(shown)\ncommit or stash them (cascade submit, git stash), or run without "
                + "--commit"
        )
    }

    /// The digest in its format; Markdown and HTML with every control character from the updates shown escaped.
    func render(_ digest: Digest, _ renderer: DigestRenderer, _ org: Org) -> String {
        let text = rawRender(digest, renderer, org)
        return format == .json ? text : ControlText.escaped(text, keepLines: true)
    }

    func rawRender(_ digest: Digest, _ renderer: DigestRenderer, _ org: Org) -> String {
        let output = renderer.render(digest)
        switch format {
        case .json: return DigestJSON.render(digest, output, org: org)
        case .html:
            let terms = Dictionary(
                uniqueKeysWithValues: org.stages.all.compactMap { s in org.meaning(of: s).map { (s, $0) } })
            return HTMLPage.page(
                markdown: output.markdown,
                title: digest.isFunction
                    ? "\(digest.forName): asks for help, \(digest.week)"
                    : "Digest for \(digest.forName), \(digest.week)",
                terms: terms)
        case .md: return output.markdown
        }
    }

    func template(_ root: String) throws -> MustacheTemplate? {
        guard case .success(let bytes) = FileSystem.read(root + "/templates/digest.md") else { return nil }
        return try TemplateFile.compile(String(decoding: bytes, as: UTF8.self), path: "templates/digest.md")
    }
}
