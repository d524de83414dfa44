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

    static let defaultTemplate = """
        ---
        author: {{author}}
        week: {{week}}
        deals:
        {{{deals}}}---
        {{! Your note for the week: what changed, what you need, what you learned. Under 200 words. }}

        """

    func run() throws {
        let session = try Session(repository, needsGit: false)
        let author = try session.person(person.author).id.value
        let week = person.resolvedWeek
        let relative = "updates/\(week)/\(author).md"
        let path = session.root + "/" + relative
        if FileSystem.exists(path) {
            Console.error("\(relative) already exists; edit it, then run `cascade submit`")
            throw ExitCode(1)
        }
        let previous = Self.latestUpdate(of: author, before: week, root: session.root)
        let open =
            previous?.update.deals.filter { deal in
                deal.stage.flatMap { session.org.stages.kind(of: $0.value) } == .open
            } ?? []
        let text = try Self.render(
            root: session.root, author: author, name: session.org.person(author)?.name ?? author, week: week,
            deals: DealWriter.yaml(open), previous: previous?.week)
        guard try OutputFile.createNew(path, Array(text.utf8)) else {
            Console.error("\(relative) already exists; edit it, then run `cascade submit`")
            throw ExitCode(1)
        }
        let carried =
            previous.map { " (\(open.count) open deal\(open.count == 1 ? "" : "s") carried from \($0.week))" } ?? ""
        print("created \(relative)\(carried)")
        guard !noEdit, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        try Editor.open(path)
        let report = try Workspace.check(session.root).run(targets: [relative])
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
        root: String, author: String, name: String, week: Week, deals: String, previous: Week?
    ) throws -> String {
        let source: String
        if case .success(let bytes) = FileSystem.read(root + "/templates/update.md") {
            source = String(decoding: bytes, as: UTF8.self)
        } else {
            source = defaultTemplate
        }
        let template = try TemplateFile.compile(source, path: "templates/update.md")
        let context: [String: Any] = [
            "author": author, "name": name, "week": week.description, "deals": deals,
            "previous_week": previous?.description ?? "", "monday": week.monday.description,
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
