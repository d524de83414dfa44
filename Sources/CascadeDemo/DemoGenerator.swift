import CascadeCore

/// One file of a commit the demo makes.
public struct DemoCommit: Sendable {
    public var author: String
    public var authorName: String
    public var email: String
    /// Seconds since 1970 (UTC) and the committer's offset in minutes.
    public var time: Int
    public var timezone: Int
    public var path: String
    public var text: String
    public var message: String
}

/// Generates a synthetic organisation's weeks of updates: deals that are
/// created, advance, slip, regress, are won, lost and disqualified, handed
/// over and (rarely) vanish; asks, gaps and objections; a few missing and
/// late updates; leaders' notes and highlights. Deterministic for a seed.
public struct DemoGenerator {
    public let organisation: DemoOrganisation
    public let weeks: [Week]
    private var random: SeededRandom
    private var deals: [Int: [DemoDeal]] = [:]  // rep member index -> open deals
    private var targetOpen: [Int: Int] = [:]
    private var nextDealNumber = 100_000
    private var weekIndex = 0
    private var pendingRewrites: [(due: Week, commit: DemoCommit)] = []

    public init(reps: Int, weeks count: Int, endWeek: Week, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        organisation = DemoOrganisation(reps: reps, random: &random)
        weeks = (0..<count).map { endWeek.adding(weeks: $0 - (count - 1)) }
        self.random = random
        for r in organisation.reps { targetOpen[r] = self.random.int(3...7) }
    }

    public var orgYAML: String {
        let quarters = Set(weeks.map { Quarter(of: $0, fiscalYearStartMonth: 1) }).sorted()
        return organisation.orgYAML(goalQuarters: quarters, bookingsPerRep: 180_000)
    }

    /// The commits of the next week (in time order), or nil after the last week.
    /// The order of the random draws is the generator's contract: the same seed, the same organisation.
    public mutating func nextWeek() -> (week: Week, commits: [DemoCommit])? {
        guard weekIndex < weeks.count else { return nil }
        let week = weeks[weekIndex]
        weekIndex += 1
        let first = weekIndex == 1
        var listedBy = moveDeals(in: week, first: first)
        var commits: [DemoCommit] = []
        var listedThisWeek: [String: [DemoDeal]] = [:]  // leader id -> open deals of their subtree
        for rep in organisation.reps {
            guard let listed = listedBy.removeValue(forKey: rep) else { continue }
            var ancestor = organisation.members[rep].manager
            while let a = ancestor {
                listedThisWeek[a, default: []] += listed.filter(\.isOpen)
                ancestor = organisation.index(of: a).flatMap { organisation.members[$0].manager }
            }
            commits.append(commit(for: rep, week: week, deals: listed, body: repNote(listed)))
        }
        for leader in organisation.leaders {
            if !first && random.chance(0.03) { continue }
            let team = listedThisWeek[organisation.members[leader].id] ?? []
            var highlights: [String] = []
            if let big = team.max(by: { $0.amount < $1.amount }), random.chance(0.5) { highlights.append(big.id) }
            commits.append(
                commit(
                    for: leader, week: week, deals: [], body: random.pick(Vocabulary.leaderNotes) + "\n",
                    highlights: highlights))
        }
        commits += rewrites(due: week, among: commits)
        commits.sort { ($0.time, $0.path) < ($1.time, $1.path) }
        return (week, commits)
    }

    /// Each rep's deals moved on by a week (won, lost, slipped, vanished, handed over, new ones found):
    /// what each rep who writes this week lists, by rep.
    private mutating func moveDeals(in week: Week, first: Bool) -> [Int: [DemoDeal]] {
        var listedBy: [Int: [DemoDeal]] = [:]
        var handovers: [Int: [DemoDeal]] = [:]
        for rep in organisation.reps {
            if !first && random.chance(0.015) { continue }  // a missing update: the deals wait for next week
            var listed: [DemoDeal] = []
            var kept: [DemoDeal] = []
            for var deal in deals[rep] ?? [] {
                switch evolve(&deal, in: week) {
                case .open:
                    listed.append(deal)
                    kept.append(deal)
                case .closed:
                    listed.append(deal)
                case .vanished:
                    break
                case .handedOver:
                    let manager = organisation.members[rep].manager
                    let team = organisation.reps.filter { organisation.members[$0].manager == manager && $0 != rep }
                    if team.isEmpty {
                        listed.append(deal)
                        kept.append(deal)
                    } else {
                        handovers[random.pick(team), default: []].append(deal)
                    }
                }
            }
            let target = targetOpen[rep] ?? 4
            while kept.count < target, first || kept.count < 3 || random.chance(0.45) {
                let deal = newDeal(for: rep, in: week)
                listed.append(deal)
                kept.append(deal)
            }
            deals[rep] = kept
            listedBy[rep] = listed
        }
        // A deal handed over appears in its new owner's update the same week
        // (or the next one, when the new owner has no update this week).
        for (to, received) in handovers.sorted(by: { $0.key < $1.key }) {
            deals[to, default: []] += received
            if listedBy[to] != nil { listedBy[to]! += received }
        }
        return listedBy
    }

    /// A few rewrites of updates whose week is long over (for report flags): those due this week,
    /// and one of this week's commits sometimes chosen to be rewritten two weeks on.
    private mutating func rewrites(due week: Week, among commits: [DemoCommit]) -> [DemoCommit] {
        let due = pendingRewrites.filter { $0.due == week }
        pendingRewrites.removeAll { $0.due == week }
        var out: [DemoCommit] = []
        for var rewrite in due.map(\.commit) {
            rewrite.time = week.monday.ordinal * 86_400 + 10 * 3600 - rewrite.timezone * 60
            rewrite.text = rewrite.text.replacingOccurrences(
                of: "\n---\n", with: "\n---\nCorrection: amounts updated after the forecast call.\n")
            rewrite.message = "update(\(rewrite.path.split(separator: "/")[1])): \(rewrite.author), corrected"
            out.append(rewrite)
        }
        let all = commits + out
        if let sample = all.first(where: { _ in random.chance(0.002 * Double(all.count)) }),
            weekIndex + 2 <= weeks.count
        {
            pendingRewrites.append((weeks[weekIndex + 1], sample))
        }
        return out
    }

    // MARK: Deals

    enum Outcome { case open, closed, vanished, handedOver }

    private mutating func evolve(_ deal: inout DemoDeal, in week: Week) -> Outcome {
        let monday = week.monday
        deal.asks = deal.asks.filter { _ in random.chance(0.5) }
        if deal.stage >= 4 && random.chance(deal.stage == 5 ? 0.28 : 0.08) {
            deal.close(.won, on: closeDay(deal, week), random: &random)
            return .closed
        }
        if deal.stage >= 1 && random.chance(0.035) {
            deal.close(.lost, on: closeDay(deal, week), random: &random)
            return .closed
        }
        if deal.stage <= 1 && random.chance(0.06) {
            deal.close(.disqualified, on: closeDay(deal, week), random: &random)
            return .closed
        }
        if random.chance(0.22) && deal.stage < 5 {
            deal.stage += 1
        } else if random.chance(0.03) && deal.stage > 0 {
            deal.stage = random.chance(0.3) ? 0 : deal.stage - 1
        }
        if deal.close < monday || random.chance(0.07) {
            deal.close = max(deal.close, monday).adding(days: random.int(7...42))
        }
        if random.chance(0.002) { return .vanished }
        if random.chance(0.004) { return .handedOver }
        if random.chance(0.05) { deal.amount = max(5_000, deal.amount + random.int(-4...6) * 5_000) }
        if random.chance(0.3) { deal.next = nextStep(deal, week) }
        if random.chance(0.1) { deal.asks.append(ask(deal, week)) }
        if random.chance(0.04), deal.gaps.count < 2 {
            deal.gaps.append("\(random.pick(Vocabulary.ticketPrefixes))-\(random.int(100...160))")
        }
        if random.chance(0.06), deal.objections.count < 3 { deal.objections.append(random.pick(Vocabulary.objections)) }
        return .open
    }

    private mutating func closeDay(_ deal: DemoDeal, _ week: Week) -> Day {
        let earliest = max(deal.created.monday.ordinal, week.monday.ordinal - 3)
        return Day(ordinal: random.int(earliest...(week.monday.ordinal + 4)))
    }

    private mutating func newDeal(for rep: Int, in week: Week) -> DemoDeal {
        nextDealNumber += 1
        let segment = segmentOf(rep)
        let scale = segment == "Enterprise" ? 60_000 : segment == "Mid-Market" ? 20_000 : 8_000
        let account = "\(random.pick(Vocabulary.accountStems)) \(random.pick(Vocabulary.accountKinds))"
        var deal = DemoDeal(
            id: "NW-\(nextDealNumber)", account: account, stage: random.int(0...2),
            amount: scale * random.int(1...12) / 1000 * 1000 + 5_000,
            close: week.monday.adding(days: random.int(28...150)), next: "", created: week,
            competitor: random.chance(0.6) ? random.pick(Vocabulary.competitors) : nil,
            vertical: random.pick(Vocabulary.verticals), persona: random.pick(Vocabulary.personas))
        deal.next = nextStep(deal, week)
        return deal
    }

    private func segmentOf(_ rep: Int) -> String {
        var current: String? = organisation.members[rep].manager
        while let c = current, let i = organisation.index(of: c) {
            if let s = organisation.members[i].segment { return s }
            current = organisation.members[i].manager
        }
        return "Commercial"
    }

    private mutating func nextStep(_ deal: DemoDeal, _ week: Week) -> String {
        fill(random.pick(Vocabulary.nextSteps), deal, week.monday.adding(days: random.int(2...16)))
    }

    private mutating func ask(_ deal: DemoDeal, _ week: Week) -> DemoDeal.Ask {
        let to =
            random.chance(0.8)
            ? random.pick(DemoOrganisation.functions).0 : organisation.members[organisation.leaders[0]].id
        return DemoDeal.Ask(
            to: to, text: fill(random.pick(Vocabulary.asks), deal, week.monday.adding(days: random.int(3...14))))
    }

    private func fill(_ template: String, _ deal: DemoDeal, _ day: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return template.replacingOccurrences(of: "{p}", with: deal.persona).replacingOccurrences(
            of: "{d}", with: "\(months[day.month - 1]) \(day.day)"
        )
        .replacingOccurrences(of: "{v}", with: deal.vertical)
    }

    private mutating func repNote(_ listed: [DemoDeal]) -> String {
        guard let top = listed.filter(\.isOpen).max(by: { $0.amount < $1.amount }) else {
            return "No open deals this week; prospecting.\n"
        }
        var note = random.pick(Vocabulary.repNotes).replacingOccurrences(of: "{a}", with: top.account)
            .replacingOccurrences(of: "{n}", with: top.next)
            .replacingOccurrences(of: "{p}", with: top.persona).replacingOccurrences(of: "{v}", with: top.vertical)
            .replacingOccurrences(of: "{f}", with: random.pick(DemoOrganisation.functions).1)
        if let lost = listed.first(where: { $0.outcome == .lost }) {
            note += " Lost \(lost.account): \(lost.lesson ?? "")"
        }
        if let won = listed.first(where: { $0.outcome == .won }) { note += " Won \(won.account)!" }
        return note + "\n"
    }

    // MARK: Files and commits

    private mutating func commit(
        for member: Int, week: Week, deals listed: [DemoDeal], body: String, highlights: [String] = [], time: Int? = nil
    ) -> DemoCommit {
        let m = organisation.members[member]
        var text = "---\nauthor: \(m.id)\nweek: \(week)\n"
        if !highlights.isEmpty { text += "highlights: [\(highlights.joined(separator: ", "))]\n" }
        text += listed.isEmpty ? "deals: []\n" : "deals:\n" + listed.map(\.yaml).joined()
        text += "---\n" + body
        let late = random.chance(0.04)
        let day = late ? week.monday.adding(days: 7 + random.int(0...1)) : week.monday.adding(days: random.int(3...4))
        let localSeconds = day.ordinal * 86_400 + random.int(9 * 3600...18 * 3600)
        let open = listed.filter(\.isOpen).count
        let won = listed.filter { $0.outcome == .won }.count
        let lost = listed.filter { $0.outcome == .lost || $0.outcome == .disqualified }.count
        return DemoCommit(
            author: m.id, authorName: m.name, email: m.email, time: time ?? (localSeconds - m.timezone * 60),
            timezone: m.timezone,
            path: "updates/\(week)/\(m.id).md", text: text,
            message: "update(\(week)): \(m.id), \(open) open, \(won) won, \(lost) lost")
    }
}
