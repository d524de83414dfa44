import ArgumentParser
import CascadeCore
import CascadeWorkspace
import CascadeDemo
import CascadeGit
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic synthetic 15-5 repository.",
        discussion: """
            Writes an organisation of N reps under managers, directors, VPs and a CRO, with \
            weeks of updates: deals created, advancing, slipping, regressing, won, lost with \
            lessons, disqualified and handed over; asks, gaps and objections; a few missing \
            and late updates. The same seed gives the same repository.

            Examples:
              cascade demo --out /tmp/northwind
              cascade demo --reps 2000 --weeks 52 --out /tmp/big --seed 7 --history week
            """)

    @Option(help: "Number of reps.")
    var reps = 40

    /// A year and a quarter by default, so a digest compares with the same week last quarter and last year.
    @Option(help: "Number of weeks of history, ending with the last full week.")
    var weeks = 60

    @Option(help: ArgumentHelp("Folder to create (must not exist or be empty).", valueName: "dir"))
    var out = "cascade-demo"

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "'update': one commit per update, by its author at its time (default); 'week': one commit per week, much "
                + "faster for very large organisations, without per-update authors and times.",
            valueName: "mode"))
    var history: DemoWriter.History = .update

    @Option(help: ArgumentHelp("Fix today's date (YYYY-MM-DD) for reproducible runs.", valueName: "date"))
    var today: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...100_000).contains(reps) else { throw ValidationError("--reps must be between 1 and 100000") }
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 520") }
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        let root = Paths.absolute(out)
        switch OutputFile.kind(root) {
        case .none, .folder: break
        default: throw UsageFailure("\(out) exists and is not a folder; choose another --out")
        }
        try OutputFile.makeFolder(root)
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: root), !existing.isEmpty {
            throw UsageFailure("\(out) already exists and is not empty; choose another --out")
        }
        let now = today.flatMap(Day.init) ?? Clock.today()
        let end = Week(containing: now).previous
        var generator = DemoGenerator(reps: reps, weeks: weeks, endWeek: end, seed: seed)
        let writer: DemoWriter
        do {
            writer = try DemoWriter(root: root, history: history)
            let cro = generator.organisation.members[generator.organisation.leaders[0]]
            try writer.begin(
                orgYAML: generator.orgYAML, admin: cro,
                at: generator.weeks[0].monday.ordinal * 86_400 + 8 * 3600 - cro.timezone * 60)
        } catch let error as GitError {
            throw UsageFailure(error.description)
        }
        var n = 0
        // Files, not commits: a rewrite commits a file written before.
        var paths: Set<String> = []
        while let (week, commits) = generator.nextWeek() {
            n += 1
            Console.progress("[\(n)/\(weeks)] \(week): \(Noun.update(commits.count))")
            do { try writer.write(week: week, commits: commits) } catch let error as GitError {
                throw UsageFailure(error.description)
            }
            for commit in commits { paths.insert(commit.path) }
        }
        Console.progress("writing the index…")
        do { try writer.finish() } catch let error as GitError { throw UsageFailure(error.description) }
        Console.clearProgress()
        print(
            "wrote \(root): \(Noun.person(generator.organisation.members.count)), \(Noun.week(weeks)) "
                + "(\(generator.weeks.first!) to \(end)), \(paths.count) update files, \(Noun.commit(writer.commits))"
        )
    }
}

enum Clock {
    static func today() -> Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: seconds / 86_400)
    }
}

extension DemoWriter.History: ExpressibleByArgument {}
