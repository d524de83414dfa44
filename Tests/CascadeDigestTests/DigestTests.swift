import CascadeCore
import CascadeDemo
import CascadeDigest
import CascadeHistory
import Foundation
import CascadeTestSupport
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The bundled sample organisation, read once.
let sample: History = {
    let org = Checker.checkOrg(SourceText(Array(FileManager.default.contents(atPath: packageRoot + "/org.yaml")!))).org!
    return History.load(root: packageRoot, org: org)
}()

let w47 = Week("2026-W47")!

@Suite("risk signals on the sample organisation")
struct SignalTests {
    func flags(_ person: String, _ week: String) -> [RiskFlag] { sample.flags(of: person, in: Week(week)!) }

    @Test func aCloseDateThatSlippedThreeTimes() {
        let slip = flags("ana-lima", "2026-W47").first { $0.deal == "NW-1042" && $0.kind == .slipped }
        #expect(slip?.days == 21)
        #expect(slip?.times == 3)
        #expect(slip?.outOfQuarter == false)
    }

    @Test func aSlipOutOfTheQuarter() {
        let slip = flags("jake-miller", "2026-W47").first { $0.deal == "NW-1212" }
        #expect(slip?.kind == .slipped)
        #expect(slip?.outOfQuarter == true)
        #expect(slip?.pastNineMonths == false)
    }

    @Test func aStageThatWentBackwards() {
        let regression = flags("lukas-meyer", "2026-W44").first { $0.kind == .regressed }
        #expect(regression?.deal == "NW-1108")
        #expect(regression?.from == "negotiate")
        #expect(regression?.to == "discover")
        #expect(regression?.toFirstStage == false)
    }

    @Test func aDealUnchangedForFourUpdates() {
        #expect(flags("claire-dubois", "2026-W45").contains { $0.kind == .unchanged } == false)
        let unchanged = flags("claire-dubois", "2026-W46").first { $0.kind == .unchanged }
        #expect(unchanged?.deal == "NW-1152")
        #expect(unchanged?.times == 4)
    }

    @Test func aHandoverIsNotAVanishedDeal() {
        let f = flags("ben-carter", "2026-W44")
        #expect(f.contains { $0.kind == .handedOver && $0.deal == "NW-1230" && $0.to == "aisha-khan" })
        #expect(!f.contains { $0.kind == .vanished })
    }

    @Test func aMissingOwnerHasNoVanishedDeals() {
        #expect(flags("noah-brooks", "2026-W47").isEmpty)
        let cro = DigestBuilder(history: sample).build(for: "dana-cho", week: w47)!
        #expect(!cro.flags.contains { $0.key == "vanished" })
        #expect(cro.stale == ["noah-brooks"])
    }

    @Test func aDealThatVanished() {
        var updates = sample.updates(in: Week("2026-W46")!) + sample.updates(in: w47)
        let i = updates.firstIndex { $0.person == "ana-lima" && $0.week == w47 }!
        updates[i].deals.removeAll { $0.id == "NW-1042" }
        let history = History(org: sample.org, updates: updates)
        let f = history.flags(of: "ana-lima", in: w47)
        #expect(f.contains { $0.kind == .vanished && $0.deal == "NW-1042" && $0.amount == 140_000 })
    }
}

@Suite("digests of the sample organisation")
struct SampleDigestTests {
    let builder = DigestBuilder(history: sample)

    func markdown(_ id: String) throws -> (Digest, DigestRenderer.Output) {
        let digest = builder.build(for: id, week: w47)!
        return (digest, try DigestRenderer(org: sample.org).render(digest))
    }

    @Test("golden digests at every level", arguments: ["dana-cho", "raj-patel", "sofia-berg", "product", "marketing"])
    func golden(_ id: String) throws {
        let (_, out) = try markdown(id)
        try assertGolden(out.markdown, "digest-\(id)-2026-W47.md")
    }

    @Test func goldenJSON() throws {
        let (digest, out) = try markdown("raj-patel")
        try assertGolden(DigestJSON.render(digest, out, org: sample.org), "digest-raj-patel-2026-W47.json")
    }

    @Test func theCROsNumbers() throws {
        let (d, out) = try markdown("dana-cho")
        #expect(d.totals.wonDeals == 2 && d.totals.wonAmount == 352_000)
        #expect(d.totals.lostDeals == 1 && d.totals.lostAmount == 150_000)
        #expect(d.quarterBookings == 979_000)
        #expect(d.goal == 2_200_000)
        #expect(d.missing == ["noah-brooks"])
        #expect(d.lossOfTheWeek?.deal == "NW-1146")
        #expect(out.words <= 1_190)
        #expect(out.markdown.contains("\(out.minutes) min read"))
    }

    @Test func notesCascadeUpAndDown() throws {
        let (d, out) = try markdown("sofia-berg")
        #expect(d.notes.contains { $0.kind == "leader" && $0.author == "raj-patel" })
        #expect(d.notes.contains { $0.kind == "leader" && $0.author == "dana-cho" })
        #expect(out.markdown.contains("**From Raj:**"))
        #expect(d.notes.contains { $0.kind == "team" && $0.author == "ana-lima" })
    }

    @Test func highlightsReachTheManager() throws {
        let (d, _) = try markdown("raj-patel")
        #expect(d.highlights.map(\.deal).contains("NW-1042"))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = try markdown("dana-cho").1.markdown
        let b = try DigestRenderer(org: sample.org).render(DigestBuilder(history: History.load(root: packageRoot, org: sample.org)).build(for: "dana-cho", week: w47)!).markdown
        #expect(a == b)
    }
}

@Suite("the five-minute budget")
struct BudgetTests {
    /// Random organisations from the demo generator, read back through the parser.
    static func history(reps: Int, weeks: Int, seed: UInt64) -> (History, Week) {
        let end = Week("2026-W47")!
        var generator = DemoGenerator(reps: reps, weeks: weeks, endWeek: end, seed: seed)
        let org = Checker.checkOrg(SourceText(generator.orgYAML)).org!
        var latest: [String: String] = [:]
        while let (_, commits) = generator.nextWeek() { for c in commits { latest[c.path] = c.text } }
        let updates = latest.compactMap { path, text -> WeeklyUpdate? in
            let parsed = UpdateParser.parse(path: path, source: SourceText(text))
            guard let u = parsed.update, let w = parsed.folderWeek, let p = parsed.fileAuthor else { return nil }
            return WeeklyUpdate(person: p, week: w, deals: u.deals.compactMap { DealSnapshot($0, org: org) }, body: u.body, highlights: u.highlights.map(\.value))
        }
        return (History(org: org, updates: updates), end)
    }

    @Test("never over budget, totals equal the sum over the scope", arguments: [(5, 1, 6), (40, 2, 6), (300, 3, 6), (1200, 4, 5), (5000, 5, 3)])
    func budget(_ size: (reps: Int, seed: Int, weeks: Int)) throws {
        let (history, week) = Self.history(reps: size.reps, weeks: size.weeks, seed: UInt64(size.seed))
        let org = history.org
        let renderer = try DigestRenderer(org: org)
        let builder = DigestBuilder(history: history)
        let leaders = org.people.filter { p in org.people.contains { $0.reportsTo?.value == p.id.value } }.map(\.id.value)
        for id in leaders + org.functionIDs {
            let digest = builder.build(for: id, week: week)!
            let out = renderer.render(digest)
            #expect(out.words <= org.digest.wordBudget, "\(id): \(out.words) words")
            #expect(WordCount.count(out.markdown) == out.words)
            // The headline and the frame come first and are never trimmed to make room.
            if !digest.isFunction {
                #expect(out.markdown.contains("\n**Pace:** ") && out.markdown.contains("\n- Forecast "), "\(id)")
                #expect(out.markdown.contains("| open this week |") && out.markdown.contains("\n- Win rate "), "\(id)")
                let m = digest.frame!.movement
                #expect(m.opening + m.new.amount + m.amountUp.amount - m.amountDown.amount - m.won.amount
                    - m.lost.amount - m.vanished.amount + m.other == m.closing)
            }
            // Every win, loss, ask, risk, gap and highlight is shown or counted in "left out", with its amount.
            var lists: [(Digest.SlotKey, [Digest.Item])] = [(.highlights, digest.highlights), (.wins, digest.wins), (.losses, digest.losses), (.gaps, digest.gaps)]
            lists += digest.asks.map { (Digest.SlotKey(.asks, group: $0.key), $0.items) } + digest.flags.map { (Digest.SlotKey(.flags, group: $0.key), $0.items) }
            for (key, items) in lists {
                let shown = out.layout.shown[key] ?? 0
                let left = out.leftOut[key] ?? (0, 0)
                #expect(shown + left.count == items.count, "\(id) \(key)")
                #expect(left.amount == items.dropFirst(shown).sum(\.amount), "\(id) \(key)")
            }
            guard !digest.isFunction else { continue }
            // Totals count every deal in scope: recompute them independently.
            let scope = [id] + org.subtree(of: id).map(\.id.value)
            var open: [String: Money] = [:]
            var won = Money.zero, lost = Money.zero
            for person in scope {
                if let u = history.latest(of: person, atOrBefore: week) {
                    for d in u.deals where d.kind == .open { open[d.id] = d.amount }
                }
                if let u = history.update(of: person, in: week) {
                    for d in u.deals where d.kind == .won { won += d.amount }
                    for d in u.deals where d.kind == .lost { lost += d.amount }
                }
            }
            #expect(digest.totals.openAmount == open.values.sum { $0 }, "\(id)")
            #expect(digest.totals.openDeals == open.count)
            #expect(digest.totals.wonAmount == won && digest.totals.lostAmount == lost, "\(id)")
            // What is not shown is counted: shown + left out = all, per list.
            let shownWins = out.layout.shown[.wins] ?? 0
            #expect(shownWins + (out.leftOut[.wins]?.count ?? 0) == digest.wins.count)
            if (out.leftOut[.wins]?.count ?? 0) > 0 { #expect(out.markdown.contains("more win")) }
        }
    }
}

func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let dir = packageRoot + "/Tests/CascadeDigestTests/Golden"
    let path = dir + "/" + name
    guard ProcessInfo.processInfo.environment["CASCADE_RECORD"] != "1", let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded golden file \(name); check it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "differs from golden file \(name)", sourceLocation: sourceLocation)
}

@Suite("the history cache")
struct HistoryCacheTests {
    func copySample() throws -> String {
        let dir = temporaryPath("cascade-cache")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for item in ["org.yaml", "updates"] { try FileManager.default.copyItem(atPath: packageRoot + "/" + item, toPath: dir + "/" + item) }
        return dir
    }

    func digest(_ dir: String, cache: Bool = true, statesOnly: Bool = false, for id: String = "dana-cho", week: Week = w47) throws -> String {
        let org = Checker.checkOrg(SourceText(Array(FileManager.default.contents(atPath: dir + "/org.yaml")!))).org!
        let history = History.load(root: dir, org: org, through: week, cache: cache, full: statesOnly ? DigestBuilder.readsInFull(week, fiscalYearStartMonth: org.fiscalYearStartMonth) : nil)
        return try DigestRenderer(org: org).render(DigestBuilder(history: history).build(for: id, week: week)!).markdown
    }

    @Test func readingOlderWeeksForStatesOnlyChangesNoDigest() throws {
        let dir = try copySample()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try digest(dir)  // fills the cache
        let org = Checker.checkOrg(SourceText(Array(FileManager.default.contents(atPath: dir + "/org.yaml")!))).org!
        let ids = org.people.filter { p in org.people.contains { $0.reportsTo?.value == p.id.value } }.map(\.id.value) + org.functionIDs
        var week = Week("2026-W41")!
        while week <= w47 {
            for id in ids {
                #expect(try digest(dir, statesOnly: true, for: id, week: week) == (try digest(dir, for: id, week: week)), "\(id) \(week)")
            }
            week = week.next
        }
    }

    @Test func aCachedReadGivesTheSameDigestAndNoticesChanges() throws {
        let dir = try copySample()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let uncached = try digest(dir, cache: false)
        #expect(try digest(dir) == uncached)
        #expect(FileManager.default.fileExists(atPath: dir + "/.cascade/history-cache"))
        #expect(try digest(dir) == uncached, "read back from the cache")
        // A changed update is read again.
        let path = dir + "/updates/2026-W47/claire-dubois.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "amount: 310000", with: "amount: 320000")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try digest(dir, statesOnly: true) == (try digest(dir, cache: false)), "a states-only read that rewrites the cache")
        let changed = try digest(dir)
        #expect(changed.contains("$320k"))
        // The entries it copied kept their texts: a full read from the cache sees them.
        #expect(try digest(dir, week: Week("2026-W46")!) == (try digest(dir, cache: false, week: Week("2026-W46")!)))
        #expect(changed == (try digest(dir, cache: false)))
        // A damaged cache is ignored and rebuilt.
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/.cascade/history-cache"))
        #expect(try digest(dir) == changed)
        // A changed org.yaml invalidates everything.
        let org = try String(contentsOfFile: dir + "/org.yaml", encoding: .utf8).replacingOccurrences(of: "lost: [lost, disqualified]", with: "lost: [lost, disqualified, no-go]")
        try org.write(toFile: dir + "/org.yaml", atomically: true, encoding: .utf8)
        #expect(try digest(dir) == (try digest(dir, cache: false)))
    }

    /// Flipping any bit of the cache never changes a figure: a damaged entry is parsed again from its file.
    @Test func aDamagedCacheNeverServesAWrongFigure() throws {
        let dir = try copySample()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let truth = try digest(dir, cache: false)
        let w46 = try digest(dir, cache: false, week: Week("2026-W46")!)
        _ = try digest(dir)
        let file = dir + "/.cascade/history-cache"
        let pristine = [UInt8](FileManager.default.contents(atPath: file)!)
        for round in 0..<150 {
            var damaged = pristine
            // Bits spread over the whole file, the same every run.
            let bit = (round * 104_729 + 7_919 * (round % 13)) % (damaged.count * 8)
            damaged[bit / 8] ^= UInt8(1 << (bit % 8))
            try Data(damaged).write(to: URL(fileURLWithPath: file))
            let week = round % 2 == 0 ? w47 : Week("2026-W46")!
            #expect(try digest(dir, week: week) == (round % 2 == 0 ? truth : w46), "bit \(bit) of \(damaged.count * 8)")
        }
    }

    /// An edit that keeps the size, with its modification time put back (`cp -p`, `tar`, `rsync -a`), is seen.
    @Test func anEditWithItsTimePutBackIsSeen() throws {
        let dir = try copySample()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        sleep(3)  // so that the files' stamps are not within the cache's own tick
        _ = try digest(dir)
        let path = dir + "/updates/2026-W47/claire-dubois.md"
        var before = stat()
        #expect(stat(path, &before) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "amount: 310000", with: "amount: 320000")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(after.st_size == before.st_size)
        let cached = try digest(dir)
        #expect(cached.contains("$320k"))
        #expect(cached == (try digest(dir, cache: false)))
    }
}

