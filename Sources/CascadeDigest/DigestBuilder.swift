import Foundation
import CascadeCore
import CascadeHistory

/// Builds the digest of a person (their subtree) or a function (the asks
/// addressed to it) for a week, from a History: a pure function.
public struct DigestBuilder {
    public let history: History
    var org: Org { history.org }

    /// Each person's risk signals of a week, computed once however many leaders' digests include them (`--all`).
    private let flagMemo = FlagMemo()

    let hierarchy: OrgHierarchy

    public init(history: History) {
        self.history = history
        hierarchy = history.org.hierarchy
    }

    /// The weeks whose texts (notes, highlights, asks, gaps, reasons and lessons, next steps,
    /// objections, sources) a digest of `week` reads: that week, and the weeks of its quarter
    /// before it (marketing's objections and win rate by source cover the quarter so far). Of
    /// every other week it reads the deals' states (`History.load(full:)`).
    public static func readsInFull(_ week: Week, fiscalYearStartMonth: Int) -> (Week) -> Bool {
        let quarter = Quarter(of: week, fiscalYearStartMonth: fiscalYearStartMonth)
        return { $0 == week || ($0 < week && Quarter(of: $0, fiscalYearStartMonth: fiscalYearStartMonth) == quarter) }
    }

    public func build(for id: String, week: Week) -> Digest? {
        if let function = org.function(id) { return buildFunction(function, week: week) }
        guard let person = org.person(id) else { return nil }
        return buildPerson(person, week: week)
    }

    func name(_ id: String) -> String { org.person(id)?.name ?? org.function(id)?.name ?? id }

    // MARK: A person's digest

    func buildPerson(_ leader: Org.Person, week: Week) -> Digest {
        let lead = leader.id.value
        let team = hierarchy.subtree(of: lead)
        let scope = [lead] + team
        let thisWeek = scope.compactMap { history.update(of: $0, in: week) }
        // The leader is left out of the count, as of "Missing updates" (SPEC section 6).
        let teamUpdates = team.filter { history.update(of: $0, in: week) != nil }.count
        var d = Digest(
            forID: lead, forName: leader.name, isFunction: false, week: week, company: org.company,
            currency: org.currency,
            people: team.count, updates: teamUpdates, stale: [],
            missing: team.filter { history.update(of: $0, in: week) == nil })
        d.unreadable =
            unreadableFolders(through: week) + thisWeek.compactMap { u in u.unreadable.map { (u.path, u.person, $0) } }
        let quarter = Quarter(of: week, fiscalYearStartMonth: org.fiscalYearStartMonth)
        let context = SectionContext(
            leader: leader, scope: scope, week: week, thisWeek: thisWeek, closed: newlyClosed(scope, week),
            quarter: quarter, quarterClosed: weeks(of: quarter, through: week).flatMap { newlyClosed(scope, $0) })
        for section in Self.personSections { section.build(self, context, into: &d) }
        return d
    }

    /// The sections of a person's digest, in the order they are built: adding a section is a
    /// file with its type and a line here (and its place in the template).
    static let personSections: [any DigestSection.Type] = [
        NumbersSection.self, OutcomesSection.self, AsksSection.self, RisksSection.self, GapsSection.self,
        NotesSection.self, FrameSection.self,
    ]

    // MARK: A function's digest

    func buildFunction(_ function: Org.Function, week: Week) -> Digest {
        let all = history.updates(in: week)
        var d = Digest(
            forID: function.id.value, forName: function.name, isFunction: true, week: week, company: org.company,
            currency: org.currency,
            people: org.people.count, updates: all.count, stale: [], missing: [])
        d.unreadable =
            unreadableFolders(through: week) + all.compactMap { u in u.unreadable.map { (u.path, u.person, $0) } }
        let askedUpdates = all.map { u in
            WeeklyUpdate(
                person: u.person, week: u.week,
                deals: u.deals.filter { $0.asks.contains { $0.to == function.id.value } }, body: "", highlights: [])
        }
        let items = askedUpdates.flatMap { u in
            u.deals.flatMap { deal in
                deal.asks.filter { $0.to == function.id.value }.map { item(deal, u.person, .ask($0.ask)) }
            }
        }.sorted(by: byAmount)
        // Group the asks by the region (or top leader) of whoever asks.
        var groups: [String: [Digest.Item]] = [:]
        for i in items { groups[region(of: i.author), default: []].append(i) }
        d.asks = groups.keys.sorted().map { Digest.Group(title: $0, key: $0, items: groups[$0]!) }
        var asked: [String: Money] = [:]
        for i in items { asked[i.deal] = i.amount }
        d.totals.openDeals = asked.count
        d.totals.openAmount = asked.values.sum { $0 }
        if function.id.value == "product" || function.lead != nil {
            d.gaps = gapItems(
                all, closed: all.flatMap { u in u.deals.filter { $0.kind != .open }.map { (u.person, $0) } })
        }
        addFunctionSections(function, week: week, asked: askedUpdates, into: &d)
        if let lead = function.lead?.value, let u = history.update(of: lead, in: week), !u.body.isEmpty {
            d.notes.append(Digest.Note(author: lead, name: name(lead), text: u.body, kind: "leader"))
        }
        return d
    }

    /// Week folders that could not be listed, of this week and of the four before (whose pipelines it reads).
    func unreadableFolders(through week: Week) -> [(file: String, author: String, error: String)] {
        history.unreadableFolders.filter { f in
            guard let w = Week(String(f.folder.dropFirst("updates/".count))) else { return false }
            return w <= week && w >= week.adding(weeks: -4)
        }.map {
            (
                $0.folder, "",
                "1:1: the folder cannot be listed (\($0.reason)); its updates are missing from this digest: make it "
                    + "readable"
            )
        }
    }

    func region(of person: String) -> String { org.inherited(\.region, of: person) ?? "Everyone else" }

    // MARK: Pieces

    /// Open pipeline by stage (`History.pipeline`).
    func pipeline(
        _ scope: [String], _ week: Week
    ) -> (stages: [String: (amount: Money, deals: Int)], open: [DealSnapshot], stale: [String]) {
        let p = history.pipeline(scope, week)
        return (p.byStage, p.deals, p.stale)
    }

    func newlyClosed(_ scope: [String], _ week: Week) -> [(person: String, deal: DealSnapshot)] {
        history.newlyClosed(scope, in: week)
    }

    func totals(open: [DealSnapshot], closed: [(person: String, deal: DealSnapshot)]) -> Digest.Totals {
        var t = Digest.Totals()
        t.openAmount = open.sum(\.amount)
        t.openDeals = open.count
        for (_, deal) in closed {
            if deal.kind == .won { t.wonAmount += deal.amount; t.wonDeals += 1 }
            if deal.kind == .lost { t.lostAmount += deal.amount; t.lostDeals += 1 }
            if org.stages.isDisqualified(deal.stage) { t.disqualifiedAmount += deal.amount; t.disqualifiedDeals += 1 }
        }
        return t
    }

    func weeks(of quarter: Quarter, through week: Week) -> [Week] {
        history.weeks.filter {
            $0 <= week && Quarter(of: $0, fiscalYearStartMonth: org.fiscalYearStartMonth) == quarter
        }
    }

    func daysToClose(_ c: (person: String, deal: DealSnapshot)) -> Int? { history.daysToClose(c.deal) }

    func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func item(_ deal: DealSnapshot, _ person: String, _ detail: Digest.Detail, severity: Int = 0) -> Digest.Item {
        Digest.Item(
            deal: deal.id, account: deal.account, author: person, amount: deal.amount, detail: detail,
            severity: severity)
    }

    func byAmount(_ a: Digest.Item, _ b: Digest.Item) -> Bool {
        if a.amount != b.amount { return a.amount > b.amount }
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.deal, a.author) < (b.deal, b.author)
    }

    func askGroups(_ updates: [WeeklyUpdate]) -> [Digest.Group] {
        var groups: [String: [Digest.Item]] = [:]
        for u in updates {
            for deal in u.deals where deal.kind == .open {
                for ask in deal.asks { groups[ask.to, default: []].append(item(deal, u.person, .ask(ask.ask))) }
            }
        }
        return groups.map { Digest.Group(title: name($0.key), key: $0.key, items: $0.value.sorted(by: byAmount)) }
            .sorted {
                ($0.items.sum(\.amount), $1.key) > ($1.items.sum(\.amount), $0.key)
            }
    }

    func flagGroups(_ scope: [String], _ week: Week) -> [Digest.Group] {
        let flags = parallelMap(scope.count, chunk: 64) { i in
            flagMemo.flags(of: scope[i], in: week) { history.flags(of: $0, in: $1) }
        }.flatMap { $0 }
        let titles: [RiskFlag.Kind: String] = [
            .slipped: "Close dates slipped", .regressed: "Stages went backwards", .vanished: "Vanished without closing",
            .unchanged: "Unchanged for four updates or more", .handedOver: "Handed to another rep",
        ]
        return RiskFlag.Kind.allCases.compactMap { kind in
            let items = flags.filter { $0.kind == kind }.map { f in
                Digest.Item(
                    deal: f.deal, account: f.account, author: f.author, amount: f.amount, detail: .risk(f),
                    severity: f.severity)
            }.sorted(by: byAmount)
            return items.isEmpty ? nil : Digest.Group(title: titles[kind]!, key: kind.rawValue, items: items)
        }
    }

    func gapItems(_ updates: [WeeklyUpdate], closed: [(person: String, deal: DealSnapshot)]) -> [Digest.Item] {
        var open: [String: (amount: Money, deals: Set<String>)] = [:]
        var lost: [String: Money] = [:]
        var won: [String: Money] = [:]
        for u in updates {
            for deal in u.deals where deal.kind == .open {
                for gap in Set(deal.gaps) {
                    open[gap, default: (.zero, [])].amount += deal.amount
                    open[gap, default: (.zero, [])].deals.insert(deal.id)
                }
            }
        }
        for (_, deal) in closed {
            for gap in Set(deal.gaps) {
                if deal.kind == .won {
                    won[gap, default: 0] += deal.amount
                } else {
                    lost[gap, default: 0] += deal.amount
                }
            }
        }
        let tickets = Set(open.keys).union(lost.keys).union(won.keys)
        return tickets.map { t -> Digest.Item in
            let o = open[t] ?? (0, [])
            return Digest.Item(
                deal: t, account: "", author: "", amount: o.amount,
                detail: .gap(openDeals: o.deals.count, lost: lost[t], won: won[t], link: org.tickets.link(for: t)),
                severity: o.deals.count)
        }.sorted(by: byAmount)
    }
}

/// Risk signals by person and week, shared between the digests built from one history.
final class FlagMemo: @unchecked Sendable {
    private var known: [Week: [String: [RiskFlag]]] = [:]
    private let lock = NSLock()

    func flags(of person: String, in week: Week, compute: (String, Week) -> [RiskFlag]) -> [RiskFlag] {
        lock.lock()
        if let flags = known[week]?[person] { lock.unlock(); return flags }
        lock.unlock()
        let flags = compute(person, week)
        lock.lock()
        known[week, default: [:]][person] = flags
        lock.unlock()
        return flags
    }
}
