import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeGit
import CascadeHistory
import CascadeReports
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Learn from losses and from the pipeline's history.",
        discussion: """
            Kinds: losses, wins (by reason, competitor, vertical, persona, region, segment or \
            author; lessons; days to lose against days to win; disqualified apart), gaps \
            (tickets by the deals and dollars they block), objections (by quarter and segment), \
            asks (by whom they ask, and how long they stay open), flags (slips, regressions, \
            vanished and stale deals, rewritten updates from git), pipeline (a weekly waterfall). \
            The range defaults to the last 13 weeks with updates. CSV holds the report's main table.

            Examples:
              cascade report losses --by competitor
              cascade report gaps --since 2026-W27 --format csv > gaps.csv
              cascade report flags --for raj-patel --format json
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case losses, wins, gaps, objections, asks, flags, pipeline
    }
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: ArgumentHelp("losses, wins, gaps, objections, asks, flags or pipeline.", valueName: "kind"))
    var kind: Kind
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("A person (their subtree) or a function (asks to it); default everyone.", valueName: "id"),
        completion: IDCompletion.peopleAndFunctions)
    var forID: String?
    @Option(help: ArgumentHelp("First week, YYYY-Www.", valueName: "week"))
    var since: String?
    @Option(help: ArgumentHelp("Last week, YYYY-Www.", valueName: "week"))
    var until: String?
    @Option(
        help: ArgumentHelp(
            "For losses and wins: reason, competitor, vertical, persona, region, segment, author, source or help "
                + "(whom the deal asked, with the win rate of each against asking nobody).",
            valueName: "dimension"))
    var by: CascadeReports.Dimension?
    @Option(help: "table, csv or json.")
    var format: Format = .table
    @Option(help: ArgumentHelp("Fix today's date, YYYY-MM-DD.", valueName: "date"))
    var today: String?
    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Week(value) == nil {
                throw ValidationError("\(name) must be a real ISO week written YYYY-Www")
            }
        }
        if let s = since.flatMap(Week.init), let u = until.flatMap(Week.init), s > u {
            throw ValidationError("--since must not be after --until")
        }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
        if by != nil, let type = Reports.kind(named: kind.rawValue), !type.usesDimension {
            throw ValidationError("--by is for losses and wins; report \(kind.rawValue) has no dimension to split by")
        }
    }

    func run() throws {
        let session = try Session(repository, needsGit: false)
        let org = session.org
        let now = Week(containing: today.flatMap(Day.init) ?? Clock.today())
        let available = Workspace.weeks(session.root).filter { $0 <= now }
        let until = self.until.flatMap(Week.init) ?? available.last ?? now
        var since = self.since.flatMap(Week.init) ?? max(until.adding(weeks: -12), available.first ?? until)
        // Weeks before the first update would be rows of nothing: the report starts where the history does.
        var startNote: String?
        if let first = available.first, since < first, first <= until {
            startNote = "No updates before \(first), so the report starts there (not at \(since))."
            since = first
        }
        let (scope, function) = try self.scope(org)
        Console.progress("reading the updates…")
        let started = Date()
        var history = History.load(root: session.root, org: org, orgBytes: session.orgBytes, through: until)
        Console.timing("read \(history.weeks.count) weeks of updates", since: started)
        if let function { history = history.narrowed(toDealsAsking: function) }
        history.keepUntilExit()
        let ctx = ReportContext(history: history, scope: scope, since: since, until: until)
        let type = Reports.kind(named: kind.rawValue)!
        var input = ReportInput(context: ctx, dimension: by ?? type.defaultDimension)
        if type.usesRewrites {
            let walked = Date()
            input.rewrites = try rewrites(session, since: since, until: until)
            Console.timing("find rewrites in git's history", since: walked)
        }
        let report = type.make(input)
        Console.clearProgress()
        Console.timing("\(kind.rawValue) report", since: started)
        if let startNote, format != .table { Console.error(startNote) }
        Console.write(output(report, org: org, since: since, until: until, note: startNote))
    }

    /// Everyone, a person's subtree, or (for a function) everyone with the function to narrow to.
    func scope(_ org: Org) throws -> (people: [String], function: String?) {
        guard let forID else { return (org.people.map(\.id.value), nil) }
        if org.person(forID) != nil { return ([forID] + org.subtree(of: forID).map(\.id.value), nil) }
        if org.function(forID) != nil { return (org.people.map(\.id.value), forID) }
        let hint =
            Suggestion.closest(to: forID, in: org.personIDs + org.functionIDs).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageFailure("no person or function '\(forID)' in org.yaml\(hint)")
    }

    /// The report in its format; the table with the range and scope it covers.
    func output(_ report: Report, org: Org, since: Week, until: Week, note: String? = nil) -> String {
        switch format {
        case .json:
            let range = [("since", since.description), ("until", until.description), ("for", forID ?? "everyone")]
            return (try? ReportJSON.render(report.json, extra: range)) ?? "{}\n"
        case .csv:
            return report.csvTable?.csv() ?? ""
        case .table:
            let who =
                forID.map { org.person($0)?.name ?? org.function($0).map { "deals that asked \($0.name)" } ?? $0 }
                ?? "everyone"
            var out = wrap("\(report.title), \(since) to \(until), \(who)") + "\n"
            if let note { out += wrap(note) + "\n" }
            out += "\n"
            for t in report.tables { out += t.text(width: Console.terminalWidth) + "\n" }
            for n in report.notes { out += wrap(n) + "\n" }
            return ControlText.escaped(out, keepLines: true)
        }
    }

    /// Updates of the range changed by a commit more than seven days after their week ended;
    /// nil in a shallow clone, whose history cannot tell (nothing is logged from it, so the
    /// first run after `git fetch --unshallow` walks the whole history).
    func rewrites(_ session: Session, since: Week, until: Week) throws -> [Rewrite]? {
        guard let git = session.git, case .branch(_, let tip) = try git.head() else { return [] }
        if git.isShallow { return nil }
        do {
            return try RewriteLog.load(git, head: tip, prefix: session.gitPath("updates") + "/").filter {
                $0.week >= since && $0.week <= until
            }
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
    }
}

extension CascadeReports.Dimension: ExpressibleByArgument {}
