import ArgumentParser
import CascadeCore
import CascadeHistory
import CascadeReports
import CascadeWorkspace
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The agenda of the closed-lost review of a leader's team.",
        discussion: """
            Every deal the team lost in the range, largest first, with its story (reason, \
            competitor, lesson, days to lose against the median days to win, its life in the \
            updates, whom it asked for help or that it was lost alone), the questions for the \
            conversation, the patterns that recur, the deals qualified out (apart, and \
            celebrated), then the wins. It fits the digest's reading budget and says what it left out.

            Examples:
              cascade review --for sofia-berg
              cascade review --for dana-cho --since 2026-W40 --until 2026-W52 --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json }

    @Option(
        name: .customLong("for"), help: ArgumentHelp("The leader whose team's losses to review.", valueName: "id"),
        completion: IDCompletion.people)
    var forID: String
    @Option(help: ArgumentHelp("One week (default: the latest week with updates).", valueName: "week"))
    var week: String?
    @Option(help: ArgumentHelp("First week of a range, YYYY-Www.", valueName: "week"))
    var since: String?
    @Option(help: ArgumentHelp("Last week of a range, YYYY-Www.", valueName: "week"))
    var until: String?
    @Option(help: "md or json.")
    var format: Format = .md
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for (name, value) in [("--week", week), ("--since", since), ("--until", until)] {
            if let value, Week(value) == nil {
                throw ValidationError("\(name) must be a real ISO week written YYYY-Www")
            }
        }
        if week != nil, since != nil || until != nil { throw ValidationError("give --week, or --since and --until") }
    }

    func run() throws {
        let session = try Session(repository, needsGit: false)
        let org = session.org
        guard let leader = org.person(forID) else {
            let hint = Suggestion.closest(to: forID, in: org.personIDs).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageFailure("no person '\(forID)' in org.yaml\(hint)")
        }
        let weeks = Workspace.weeks(session.root)
        guard let latest = weeks.last else { throw UsageFailure("there are no updates yet, so nothing to review") }
        let until = (self.week ?? self.until).flatMap(Week.init) ?? latest
        let since = (self.week ?? self.since).flatMap(Week.init) ?? until
        guard since <= until else { throw UsageFailure("--since must not be after --until") }
        let history = History.load(root: session.root, org: org, orgBytes: session.orgBytes, through: until)
        history.keepUntilExit()
        let scope = [forID] + org.subtree(of: forID).map(\.id.value)
        let review = Review(ReportContext(history: history, scope: scope, since: since, until: until))
        let range = since == until ? "\(since)" : "\(since) to \(until)"
        let rendered = ReviewMarkdown(review, org: org, title: "Closed-lost review, \(leader.name)'s team, \(range)")
            .render()
        switch format {
        case .md: Console.write(ControlText.escaped(rendered.markdown, keepLines: true))
        case .json:
            let document = ReviewDocument(review, for: forID, shown: rendered.shown)
            Console.write((try? ReportJSON.render(document)) ?? "{}\n")
        }
    }
}
