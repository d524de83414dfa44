import ArgumentParser
import CascadeCore
import CascadeWorkspace
import Foundation
import Mustache

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start this week's update, carrying your open deals forward.",
        discussion: """
            Creates updates/<week>/<author>.md from templates/update.md (or the built-in \
            template) with the open deals of your latest earlier update, every field kept; \
            closed deals are dropped. It never overwrites a file. In a terminal it opens \
            $VISUAL or $EDITOR, then checks what you wrote.

            Examples:
              cascade new
              cascade new --author ana-lima --week 2026-W48 --no-edit
            """)

    @OptionGroup var person: PersonWeekOptions
    @Flag(name: .customLong("no-edit"), help: "Do not open an editor.")
    var noEdit = false
    @OptionGroup var repository: RepositoryOptions

    /// Carried deals come as they were written; with none to carry, the guidance is YAML comments
    /// in the file (a commented example deal with every field), seen in any editor, ignored by the checks.
    static let defaultTemplate = """
        ---
        author: {{author}}
        week: {{week}}
        deals:
        {{{deals}}}{{^has_deals}}# No open deal to carry forward. List each deal like this one (delete the '# ' at the
        # start of its lines); a deal stays in every weekly update while it is open.
        #  - id: NW-1042            # the deal's id in your CRM: letters, digits, '.', '_' or '-'
        #    account: Acme Corp     # the customer
        #    stage: propose         # where the deal is: one of the stages below
        #    amount: 120000         # in {{currency}}, digits only (not 120k or $120,000)
        #    close: 2026-12-19      # when it will close, YYYY-MM-DD; for an open deal not before {{monday}}
        #    next: Security review with their CISO on Dec 2   # the next step and its date, one line
        #    competitor: Globex     # optional: who else the customer is looking at
        #    vertical: Manufacturing  # optional: the customer's industry
        #    persona: CFO           # optional: who decides
        #    source: inbound        # optional: where the deal came from (inbound, outbound, partner, event)
        #    forecast: best-case    # optional: commit, best-case, pipeline or omitted; overrides the stage's
        #    gaps: [PROD-311]       # optional: tickets for the product gaps that block the deal
        #    objections: [security-review]  # optional: short tags for what the customer pushes back on
        #    asks:                  # optional: the help you need; nobody loses alone
        #      - to: value-engineering  # a function ({{functions}}) or a person's id
        #        ask: ROI model for the CFO by Dec 1
        # Stages, earliest first: {{open_stages}}; won: {{won_stages}}; lost: {{lost_stages}}.
        # A lost deal also says 'reason', one of: {{loss_reasons}};
        # and 'lesson': what we would do differently, in a sentence or two. A won deal may say 'why'.
        # After the closing '---' below, write your note for the week: what changed, what you need,
        # what you learned, in under {{note_words}} words.
        {{/has_deals}}---


        """

    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try Session(repository, needsGit: false)
        let author = try session.person(person.author).id.value
        let week = person.resolvedWeek
        let relative = "updates/\(week)/\(author).md"
        let path = session.root + "/" + relative
        // This week's file already there: in a terminal it is opened again (as `git commit --amend`
        // reopens a message); scripts, and --no-edit, get the refusal they rely on.
        if FileSystem.exists(path) {
            guard canEdit else {
                Console.error("\(relative) already exists; edit it, then run `cascade submit`")
                throw ExitCode(1)
            }
            print("\(relative) already exists: opening it")
            return try editAndCheck(path, relative, root: session.root)
        }
        let previous = Self.latestUpdate(of: author, before: week, root: session.root)
        let open =
            previous?.update.deals.filter { deal in
                deal.stage.flatMap { session.org.stages.kind(of: $0.value) } == .open
            } ?? []
        let text = try Self.render(
            root: session.root, author: author, name: session.org.person(author)?.name ?? author, week: week,
            deals: DealWriter.yaml(open), previous: previous?.week, org: session.org)
        guard try OutputFile.createNew(path, Array(text.utf8)) else {
            Console.error("\(relative) already exists; edit it, then run `cascade submit`")
            throw ExitCode(1)
        }
        let carried =
            previous.map { " (\(open.count) open deal\(open.count == 1 ? "" : "s") carried from \($0.week))" } ?? ""
        print("created \(relative)\(carried)")
        guard canEdit else { return }
        try editAndCheck(path, relative, root: session.root)
    }

    /// An editor is opened only for a person at a terminal, never for a script or with --no-edit.
    var canEdit: Bool { !noEdit && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Opens the update in $VISUAL or $EDITOR, then shows what `check` finds in it.
    func editAndCheck(_ path: String, _ relative: String, root: String) throws {
        try Editor.open(path)
        let report = try Workspace.check(root).run(targets: [relative])
        let summary = CheckSummary(filesChecked: report.filesChecked, errors: report.errors, warnings: report.warnings)
        Console.write(Reporter.text(report.diagnostics, summary: summary, color: Console.useColor))
        if report.errors == 0 { print("next: cascade submit \(relative)") }
    }

    /// The author's latest update before `week`, parsed.
    static func latestUpdate(of author: String, before week: Week, root: String) -> (week: Week, update: Update)? {
        let weeks = Workspace.weeks(root).filter { $0 < week }.reversed()
        for w in weeks {
            let relative = "updates/\(w)/\(author).md"
            guard case .success(let bytes) = DiskStore(root: root).read(relative, limit: SourceText.updateByteLimit + 1)
            else { continue }
            if let update = UpdateParser.parse(path: relative, source: SourceText(bytes)).update { return (w, update) }
        }
        return nil
    }

    static func render(
        root: String, author: String, name: String, week: Week, deals: String, previous: Week?, org: Org
    ) throws -> String {
        let source: String
        if case .success(let bytes) = FileSystem.read(root + "/templates/update.md") {
            source = String(decoding: bytes, as: UTF8.self)
        } else {
            source = defaultTemplate
        }
        let template = try TemplateFile.compile(source, path: "templates/update.md")
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        let context: [String: Any] = [
            "author": author, "name": name, "week": week.description, "deals": deals, "has_deals": !deals.isEmpty,
            "previous_week": previous?.description ?? "", "monday": week.monday.description,
            "open_stages": list(org.stages.open), "won_stages": list(org.stages.won),
            "lost_stages": list(org.stages.lost), "loss_reasons": list(org.lossReasons), "currency": org.currency,
            "functions": list(org.functionIDs), "note_words": org.digest.noteWords,
        ]
        return template.render(context)
    }
}

enum Editor {
    /// Opens $VISUAL or $EDITOR (else vi) on `path` and waits for it.
    static func open(_ path: String) throws {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "cascade-editor", path]
        do { try process.run() } catch {
            throw UsageFailure("cannot start the editor '\(editor)': \(error); set $EDITOR")
        }
        process.waitUntilExit()
    }
}
