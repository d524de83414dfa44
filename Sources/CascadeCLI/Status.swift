import ArgumentParser
import CascadeCore
import CascadeGit
import CascadeHistory
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who has submitted this week's update, who has not, who was late.",
        discussion: """
            Reads the commit history once: an update counts when it is committed; it is late \
            when its first commit came after 23:59:59 on the Friday of its week (committer's \
            time zone); it is rewritten when a commit changed it more than seven days after its \
            week ended. The leader is left out, as in the digest. Exit status 0.

            Examples:
              cascade status
              cascade status --for raj-patel --week 2026-W47 --format json
            """)

    @Option(help: ArgumentHelp("The ISO week, YYYY-Www (default: this week).", valueName: "week"))
    var week: String?
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("The leader whose team to list (default: you, from git's user.email).", valueName: "id"))
    var leader: String?
    @Option(help: ArgumentHelp("Fix today's date, YYYY-MM-DD.", valueName: "date"))
    var today: String?
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @OptionGroup var repository: RepositoryOptions

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if let week, Week(week) == nil { throw ValidationError("--week must be a real ISO week written YYYY-Www") }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        let session = try Session(repository, needsGit: true)
        let git = session.git!
        let lead = try session.person(leader, option: "--for")
        let week = self.week.flatMap(Week.init) ?? Week(containing: today.flatMap(Day.init) ?? Clock.today())
        let folder = session.gitPath("updates/\(week)") + "/"
        let people = session.org.subtree(of: lead.id.value)
        if git.isShallow {
            return Console.write(try shallowStatus(git, folder: folder, week: week, lead: lead, people: people))
        }
        let history = try Timeline.submissions(git, folder: folder)
        let status = SubmissionStatus(week: week, scope: lead.id.value, people: people, history: history)
        Console.write(format == .json ? Self.json(status) : Self.text(status, leader: lead))
    }

    /// In a shallow clone only HEAD's files are known: who submitted, not when.
    func shallowStatus(
        _ git: Repository, folder: String, week: Week, lead: Org.Person, people: [Org.Person]
    ) throws -> String {
        let committed = try Timeline.committed(git, folder: folder, people: people.map(\.id.value))
        let status = SubmissionStatus(week: week, scope: lead.id.value, people: people, committed: committed)
        return format == .json ? Self.json(status) : Self.text(status, leader: lead)
    }

    static func text(_ s: SubmissionStatus, leader: Org.Person) -> String {
        var out =
            "\(s.week), team of \(ControlText.escaped(leader.name)): \(s.submitted.count) of \(s.entries.count) "
                + "submitted, \(s.missing.count) missing, "
        out +=
            s.historyKnown
            ? "\(s.late.count) late, \(s.rewritten.count) rewritten\n"
            : "late and rewritten unknown:\n\(Repository.unshallowHint)\n"
        func list(
            _ title: String, _ entries: [SubmissionStatus.Entry],
            detail: (SubmissionStatus.Entry) -> String = { _ in "" }
        ) {
            guard !entries.isEmpty else { return }
            out += "\n\(title):\n"
            for e in entries { out += "  \(e.person) (\(ControlText.escaped(e.name)))\(detail(e))\n" }
        }
        list("missing", s.missing)
        list("late", s.late) { " submitted \($0.submittedAt ?? "")" }
        list("rewritten after the week", s.rewritten)
        list("submitted", s.submitted) { $0.submittedAt.map { " " + $0 } ?? "" }
        return out
    }

    /// `status --format json`, through Codable; what a shallow clone cannot tell is null.
    static func json(_ s: SubmissionStatus) -> String {
        struct Entry: Encodable {
            var person: String, name: String, submitted: Bool, late: Bool?, rewritten: Bool?, submitted_at: String?
        }
        struct Document: Encodable {
            var week: String, `for`: String, people: Int, submitted: [String], missing: [String], late: [String]?,
                rewritten: [String]?
            var history: String
            var entries: [Entry]
        }
        let known = s.historyKnown
        let document = Document(
            week: s.week.description, for: s.scope, people: s.entries.count, submitted: s.submitted.map(\.person),
            missing: s.missing.map(\.person), late: known ? s.late.map(\.person) : nil,
            rewritten: known ? s.rewritten.map(\.person) : nil, history: known ? "complete" : "shallow",
            entries: s.entries.map {
                Entry(
                    person: $0.person, name: $0.name, submitted: $0.submitted, late: known ? $0.late : nil,
                    rewritten: known ? $0.rewritten : nil, submitted_at: $0.submittedAt)
            })
        return ((try? JSONTreeEncoder.encode(document)) ?? .null).document(itemLists: ["entries"])
    }
}
