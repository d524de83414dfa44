import ArgumentParser
import CascadeCore
import CascadeWorkspace
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
        help: ArgumentHelp("The leader whose team to list (default: you, from git's user.email).", valueName: "id"),
        completion: IDCompletion.people)
    var leader: String?
    @Option(help: ArgumentHelp("Fix today's date, YYYY-MM-DD.", valueName: "date"))
    var today: String?
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @OptionGroup var repository: RepositoryOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var output: OutputOptions

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
        if people.isEmpty { return Console.write(try repStatus(session, git, lead, week: week)) }
        if git.isShallow {
            return Console.write(try shallowStatus(git, folder: folder, week: week, lead: lead, people: people))
        }
        let history = try Timeline.submissions(git, folder: folder)
        let status = SubmissionStatus(week: week, scope: lead.id.value, people: people, history: history)
        Console.write(format == .json ? Self.json(status) : Self.text(status, leader: lead))
    }

    /// Someone nobody reports to: their own update of the week, and their record over the quarter so far
    /// (from its first week, or the first week the repository has updates, through this week).
    func repStatus(_ session: Session, _ git: Repository, _ rep: Org.Person, week: Week) throws -> String {
        let fiscal = session.org.fiscalYearStartMonth
        let quarter = Quarter(of: week, fiscalYearStartMonth: fiscal)
        var first = quarter.firstWeek(fiscalYearStartMonth: fiscal)
        if let start = Workspace.weeks(session.root).first, start > first { first = min(start, week) }
        var weeks: [Week] = []
        var w = first
        while w <= week { weeks.append(w); w = w.next }
        let id = rep.id.value
        let files = Dictionary(uniqueKeysWithValues: weeks.map { ($0, session.gitPath("updates/\($0)/\(id).md")) })
        let known = !git.isShallow
        let history = known ? try Timeline.submissions(git, files: files) : [:]
        let entries: [SubmissionStatus.Entry] = try weeks.map { w in
            if known {
                return SubmissionStatus(week: w, scope: id, people: [rep], history: [id: history[w] ?? FileHistory()])
                    .entries[0]
            }
            let committed = try Timeline.committed(git, folder: session.gitPath("updates/\(w)") + "/", people: [id])
            return SubmissionStatus(week: w, scope: id, people: [rep], committed: committed).entries[0]
        }
        let record = RepRecord(quarter: quarter, weeks: weeks, entries: entries, historyKnown: known)
        return format == .json ? Self.json(record) : Self.text(record, rep: rep)
    }

    /// In a shallow clone only HEAD's files are known: who submitted, not when.
    func shallowStatus(
        _ git: Repository, folder: String, week: Week, lead: Org.Person, people: [Org.Person]
    ) throws -> String {
        let committed = try Timeline.committed(git, folder: folder, people: people.map(\.id.value))
        let status = SubmissionStatus(week: week, scope: lead.id.value, people: people, committed: committed)
        return format == .json ? Self.json(status) : Self.text(status, leader: lead)
    }

    static func text(_ r: RepRecord, rep: Org.Person) -> String {
        let week = r.weeks[r.weeks.count - 1], e = r.thisWeek
        var out = "\(week), \(ControlText.escaped(rep.name)): "
        if !e.submitted {
            out += "no update yet (due Friday \(week.friday)); write it with `cascade new`, then `cascade submit`\n"
        } else if !r.historyKnown {
            out += "submitted (when is unknown: \(Repository.unshallowHint))\n"
        } else {
            let when = e.late ? ", late" : ", on time"
            out += "submitted \(e.submittedAt ?? "")\(when)\(e.rewritten ? ", rewritten" : "")\n"
        }
        out += "\(r.quarter) so far (\(r.weeks[0]) to \(week)): \(r.submitted) of \(Noun.week(r.weeks.count)) submitted"
        out += r.onTime.map { ", \($0) on time\n" } ?? "; on time unknown in a shallow clone\n"
        let missed = zip(r.weeks, r.entries).filter { !$0.1.submitted && $0.0 != week }.map(\.0.description)
        if !missed.isEmpty { out += "missing: \(missed.joined(separator: ", "))\n" }
        return out
    }

    /// A rep's `status --format json`: this week and the quarter's record.
    static func json(_ r: RepRecord) -> String {
        struct WeekEntry: Encodable { var week: String, submitted: Bool, late: Bool?, submitted_at: String? }
        struct Document: Encodable {
            var week: String, `for`: String, submitted: Bool, late: Bool?, submitted_at: String?
            var quarter: String, weeks: Int, weeks_submitted: Int, weeks_on_time: Int?, history: String
            var record: [WeekEntry]
        }
        let e = r.thisWeek
        let known = r.historyKnown
        let document = Document(
            week: r.weeks[r.weeks.count - 1].description, for: e.person, submitted: e.submitted,
            late: known ? e.late : nil, submitted_at: e.submittedAt, quarter: r.quarter.description,
            weeks: r.weeks.count, weeks_submitted: r.submitted, weeks_on_time: r.onTime,
            history: known ? "complete" : "shallow",
            record: zip(r.weeks, r.entries).map {
                WeekEntry(
                    week: $0.0.description, submitted: $0.1.submitted, late: known ? $0.1.late : nil,
                    submitted_at: $0.1.submittedAt)
            })
        return ((try? JSONTreeEncoder.encode(document)) ?? .null).document(itemLists: ["record"])
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
