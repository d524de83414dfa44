import CascadeCore
import CascadeGit
import CascadeHistory
import Foundation
import CascadeTestSupport
import Testing

/// A deal as an update lists it.
func snapshot(_ id: String, _ stage: String, _ amount: Money, close: String = "2026-12-18") -> DealSnapshot {
    let kind = ExampleOrg.org.stages.kind(of: stage)!
    return DealSnapshot(
        id: id, account: "Account \(id)", stage: stage, kind: kind, amount: amount, close: Day(close), next: "next",
        reason: kind == .lost ? "price" : nil, lesson: nil, why: nil, competitor: nil, vertical: nil, persona: nil,
        gaps: [], objections: [], asks: [])
}

func update(_ person: String, _ week: String, _ deals: [DealSnapshot], unreadable: String? = nil) -> WeeklyUpdate {
    WeeklyUpdate(person: person, week: Week(week)!, deals: deals, body: "", highlights: [], unreadable: unreadable)
}

@Suite("the history's shared facts")
struct HistoryQueryTests {
    let history = History(org: ExampleOrg.org, updates: [
        update("ana-lima", "2026-W44", [snapshot("A", "propose", 100), snapshot("B", "qualify", 50)]),
        update("ana-lima", "2026-W46", [snapshot("A", "negotiate", 120), snapshot("B", "won", 50, close: "2026-11-12")]),
        update("ana-lima", "2026-W47", [snapshot("A", "negotiate", 120), snapshot("B", "won", 50, close: "2026-11-12")]),
        update("ben-okafor", "2026-W43", [snapshot("C", "discover", 30)]),
        update("ben-okafor", "2026-W47", [], unreadable: "7:3: a YAML syntax error"),
    ])

    @Test func aPipelineTakesEachPersonsLatestUpdateOfTheLastFourWeeks() {
        let w46 = history.pipeline(["ana-lima", "ben-okafor"], Week("2026-W46")!)
        #expect(w46.deals.map(\.id) == ["A", "C"], "A from W46, C from ben's W43 (stale), B closed")
        #expect(w46.stale == ["ben-okafor"])
        #expect(w46.byStage["negotiate"]?.amount == 120 && w46.amount == 150)
        let w48 = history.pipeline(["ben-okafor"], Week("2026-W48")!)
        #expect(w48.deals.isEmpty, "an unreadable update adds no deal, and an older one is not used instead")
    }

    @Test func aDealClosesOnceHoweverOftenItIsListedClosed() {
        #expect(history.newlyClosed(["ana-lima"], in: Week("2026-W46")!).map(\.deal.id) == ["B"])
        #expect(history.newlyClosed(["ana-lima"], in: Week("2026-W47")!).isEmpty)
        #expect(history.daysToClose(snapshot("B", "won", 50, close: "2026-11-12")) == 17, "from Monday 2026-10-26 of W44")
    }

    @Test func signalsSkipAnUnreadableUpdate() {
        #expect(history.flags(of: "ben-okafor", in: Week("2026-W47")!).isEmpty, "C did not vanish: ben's update is unreadable")
    }
}

/// What git's history says, read from a real repository made with the git CLI.
@Suite("the timeline from git")
struct TimelineTests {
    let dir = temporaryPath("cascade-timeline")

    func git(_ args: [String], date: String? = nil, author: String = "Ana Lima <ana@northwind.example>") throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        let parts = author.split(separator: "<")
        env["GIT_AUTHOR_NAME"] = parts[0].trimmingCharacters(in: .whitespaces)
        env["GIT_AUTHOR_EMAIL"] = String(parts[1].dropLast())
        env["GIT_COMMITTER_NAME"] = "Sam"
        env["GIT_COMMITTER_EMAIL"] = "sam@northwind.example"
        if let date { env["GIT_COMMITTER_DATE"] = date; env["GIT_AUTHOR_DATE"] = date }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "git \(args)")
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: dir + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func submissionsAndAuthorship() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try git(["init", "-q", "-b", "main"])
        try write("org.yaml", ExampleOrg.yaml)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "org"], date: "2026-11-20T09:00:00+01:00", author: "Dana Cho <dana@northwind.example>")
        let repo = try Repository(discovering: dir)
        let base = try repo.resolve("HEAD")
        try write("updates/2026-W48/ana-lima.md", "---\nauthor: ana-lima\nweek: 2026-W48\n---\n")
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "ana"], date: "2026-11-28T10:00:00+01:00")
        try write("updates/2026-W48/ana-lima.md", "---\nauthor: ana-lima\nweek: 2026-W48\n---\nLater.\n")
        try git(["commit", "-q", "-am", "ana again"], date: "2026-12-10T10:00:00+01:00", author: "Ben Okafor <ben@northwind.example>")
        let history = try Timeline.submissions(repo, folder: "updates/2026-W48/")
        #expect(history["ana-lima"]?.firstCommit?.time == 1_795_856_400, "2026-11-28 10:00 +01:00")
        #expect(history["ana-lima"]?.changes.count == 1)
        let status = SubmissionStatus(week: Week("2026-W48")!, scope: "raj-patel", people: ExampleOrg.org.people, history: history)
        #expect(status.late.map(\.person) == ["ana-lima"] && status.rewritten.map(\.person) == ["ana-lima"])
        let judged = try Timeline.authorship(repo, from: base, to: try repo.resolve("HEAD"), prefix: "")
        #expect(judged.commits == 2)
        #expect(judged.diagnostics.count == 1 && judged.diagnostics[0].message.contains("by Ben Okafor <ben@northwind.example>"),
                "\(judged.diagnostics.map(\.message))")
    }
}
