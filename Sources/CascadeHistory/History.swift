import CascadeCore
import CascadeWorkspace
import Foundation

/// One deal as one update lists it.
public struct DealSnapshot: Sendable {
    public var id: String
    public var account: String
    public var stage: String
    public var kind: Org.Stages.Kind
    public var amount: Money
    public var close: Day?
    /// The next step; empty when the history was read for states only (see `nextHash`).
    public var next: String { didSet { nextHash = HistoryCache.hash(next.utf8) } }
    /// A hash of the next step, kept even when its text was not read: "unchanged" compares it.
    public var nextHash: UInt64
    /// The deal's own forecast category (`forecast:`), part of its state; nil when it has none.
    public var forecast: ForecastCategory?
    /// Whom this listing asks for help (the `to` of its asks), part of its state: "never lose alone"
    /// looks at every listing of a deal, whichever weeks were read in full.
    public var askedTo: [String] = []
    /// The texts few readers need, shared between copies: copying a snapshot stays cheap.
    private var texts: Texts

    struct Fields {
        var reason: String?, lesson: String?, why: String?, competitor: String?, vertical: String?, persona: String?
        var source: String?
        var gaps: [String] = [], objections: [String] = [], asks: [(to: String, ask: String)] = []
    }

    final class Texts: @unchecked Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
        static let none = Texts(Fields())
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var f = texts.fields
        body(&f)
        texts = Texts(f)
    }

    public var reason: String? {
        get { texts.fields.reason }
        set { change { $0.reason = newValue } }
    }
    public var lesson: String? {
        get { texts.fields.lesson }
        set { change { $0.lesson = newValue } }
    }
    public var why: String? {
        get { texts.fields.why }
        set { change { $0.why = newValue } }
    }
    public var competitor: String? {
        get { texts.fields.competitor }
        set { change { $0.competitor = newValue } }
    }
    public var vertical: String? {
        get { texts.fields.vertical }
        set { change { $0.vertical = newValue } }
    }
    public var persona: String? {
        get { texts.fields.persona }
        set { change { $0.persona = newValue } }
    }
    public var source: String? {
        get { texts.fields.source }
        set { change { $0.source = newValue } }
    }
    public var gaps: [String] {
        get { texts.fields.gaps }
        set { change { $0.gaps = newValue } }
    }
    public var objections: [String] {
        get { texts.fields.objections }
        set { change { $0.objections = newValue } }
    }
    public var asks: [(to: String, ask: String)] {
        get { texts.fields.asks }
        set { change { $0.asks = newValue } }
    }

    public init(
        id: String, account: String, stage: String, kind: Org.Stages.Kind, amount: Money, close: Day?, next: String,
        reason: String?, lesson: String?, why: String?, competitor: String?, vertical: String?, persona: String?,
        gaps: [String], objections: [String], asks: [(to: String, ask: String)], source: String? = nil,
        forecast: ForecastCategory? = nil
    ) {
        self.id = id; self.account = account; self.stage = stage; self.kind = kind; self.amount = amount;
        self.close = close; self.next = next
        self.forecast = forecast
        var seen: Set<String> = []
        askedTo = asks.map(\.to).filter { seen.insert($0).inserted }
        nextHash = HistoryCache.hash(next.utf8)
        let fields = Fields(
            reason: reason, lesson: lesson, why: why, competitor: competitor, vertical: vertical, persona: persona,
            source: source, gaps: gaps, objections: objections, asks: asks)
        let empty =
            reason == nil && lesson == nil && why == nil && competitor == nil && vertical == nil && persona == nil
            && source == nil && gaps.isEmpty && objections.isEmpty && asks.isEmpty
        texts = empty ? Texts.none : Texts(fields)
    }

    /// A snapshot of the deal's state only (what `History.load` reads of weeks it does not need in full).
    init(
        id: String, account: String, stage: String, kind: Org.Stages.Kind, amount: Money, close: Day?, nextHash: UInt64,
        forecast: ForecastCategory? = nil, askedTo: [String] = []
    ) {
        self.id = id; self.account = account; self.stage = stage; self.kind = kind; self.amount = amount;
        self.close = close
        self.forecast = forecast
        self.askedTo = askedTo
        next = ""
        self.nextHash = nextHash
        texts = Texts.none
    }

    public init?(_ deal: Deal, org: Org) {
        guard let id = deal.id?.value, let stage = deal.stage?.value, let kind = org.stages.kind(of: stage) else {
            return nil
        }
        self.init(
            id: id, account: deal.account?.value ?? id, stage: stage, kind: kind,
            amount: deal.amount?.value.value ?? .zero,
            close: deal.close.flatMap { Day($0.value) }, next: deal.next?.value ?? "",
            reason: deal.reason?.value, lesson: deal.lesson?.value, why: deal.why?.value,
            competitor: deal.competitor?.value,
            vertical: deal.vertical?.value, persona: deal.persona?.value, gaps: deal.gaps.map(\.value),
            objections: deal.objections.map(\.value),
            asks: deal.asks.compactMap { a in a.to.map { ($0.value, a.ask?.value ?? "") } },
            source: deal.source?.value, forecast: deal.forecast.flatMap { ForecastCategory(rawValue: $0.value) })
    }

    /// Stage, amount, close and next: what "unchanged" compares.
    func sameState(as other: DealSnapshot) -> Bool {
        stage == other.stage && amount == other.amount && close == other.close && nextHash == other.nextHash
    }
}

/// One person's update of one week, as the digest and reports read it.
public struct WeeklyUpdate: Sendable {
    public var person: String
    public var week: Week
    public var deals: [DealSnapshot]
    public var body: String
    public var highlights: [String]
    /// Set when the file was submitted but cannot be read for figures (a YAML error, an
    /// amount that is not a number, a deal without a known stage): the first error,
    /// `line:column: message`. Such an update holds no deals: its figures are unknown,
    /// never guessed (no $0 amount, no stale fallback, no vanished deals).
    public var unreadable: String?

    public init(
        person: String, week: Week, deals: [DealSnapshot], body: String, highlights: [String], unreadable: String? = nil
    ) {
        self.person = person
        self.week = week
        self.deals = deals
        self.body = body
        self.highlights = highlights
        self.unreadable = unreadable
    }

    /// The path of its file, relative to the repository.
    public var path: String { "updates/\(week)/\(person).md" }
}

/// Every update of the repository, read once and indexed by week and
/// person, with each deal followed across weeks.
public final class History: @unchecked Sendable {
    public let org: Org
    public let weeks: [Week]
    /// Week folders that could not be listed (permissions): their updates are unknown, and a digest says so.
    public internal(set) var unreadableFolders: [(folder: String, reason: String)] = []
    private var byWeek: [Week: [String: WeeklyUpdate]] = [:]
    /// Person -> their update weeks, ascending.
    private var weeksOf: [String: [Week]] = [:]
    /// The same without the weeks whose update cannot be read: what earlier listings of a deal compare against.
    private var readableWeeksOf: [String: [Week]] = [:]
    /// Deal id -> the first week any update lists it.
    public private(set) var firstSeen: [String: Week] = [:]
    /// Deal id -> whom its listings asked for help and in which week, in week order (any owner).
    private var helpAsked: [String: [(to: String, week: Week)]] = [:]
    /// Person -> deal id -> the first week their updates list it closed.
    private var firstClosed: [String: [String: Week]] = [:]
    /// Week -> deal id -> who lists it that week (the first in id order), built when first asked for.
    private var owners: [Week: [String: String]] = [:]
    private let ownersLock = NSLock()

    public init(org: Org, updates: [WeeklyUpdate]) {
        self.org = org
        weeks = Set(updates.map(\.week)).sorted()
        // Two independent indexes, one per core: who wrote what when, and when each deal was first seen and closed.
        nonisolated(unsafe) var byWeek: [Week: [String: WeeklyUpdate]] = [:]
        nonisolated(unsafe) var weeksOf: [String: [Week]] = [:]
        nonisolated(unsafe) var firstSeen: [String: Week] = [:]
        nonisolated(unsafe) var firstClosed: [String: [String: Week]] = [:]
        nonisolated(unsafe) var helpAsked: [String: [(to: String, week: Week)]] = [:]
        let weeks = self.weeks
        _ = parallelMap(2, chunk: 1) { part -> Bool in
            if part == 0 {
                for u in updates {
                    byWeek[u.week, default: [:]][u.person] = u
                    weeksOf[u.person, default: []].append(u.week)
                }
                for person in weeksOf.keys { weeksOf[person]!.sort() }
            } else {
                let order = weeks.enumerated().reduce(into: [Week: Int]()) { $0[$1.element] = $1.offset }
                var inWeek = [[Int]](repeating: [], count: weeks.count)
                for (i, u) in updates.enumerated() { inWeek[order[u.week]!].append(i) }
                for (w, list) in inWeek.enumerated() {
                    let week = weeks[w]
                    for i in list {
                        let u = updates[i]
                        for d in u.deals {
                            if firstSeen[d.id] == nil { firstSeen[d.id] = week }
                            for to in d.askedTo { helpAsked[d.id, default: []].append((to, week)) }
                            if d.kind != .open, firstClosed[u.person]?[d.id] == nil {
                                firstClosed[u.person, default: [:]][d.id] = week
                            }
                        }
                    }
                }
            }
            return true
        }
        self.byWeek = byWeek
        self.weeksOf = weeksOf
        var readable = weeksOf
        for u in updates where u.unreadable != nil { readable[u.person]?.removeAll { $0 == u.week } }
        readableWeeksOf = readable
        self.firstSeen = firstSeen
        self.firstClosed = firstClosed
        self.helpAsked = helpAsked
    }

    /// Whom a deal asked for help, by any owner, in any week up to `week` (SPEC section 16), each with
    /// the first week it asked them, in that order; empty when it asked nobody.
    public func helpAsked(by deal: String, through week: Week) -> [(to: String, week: Week)] {
        var seen: Set<String> = []
        return (helpAsked[deal] ?? []).filter { $0.week <= week && seen.insert($0.to).inserted }
    }

    /// Keeps a history alive until the process exits: freeing millions of small
    /// values just before exit costs a noticeable part of a run.
    public func keepUntilExit() { History.kept.append(self) }
    nonisolated(unsafe) private static var kept: [History] = []

    /// Called with each phase of `load` and when it started (for CASCADE_TIMING).
    nonisolated(unsafe) public static var timing: ((String, Date) -> Void)?

    public func update(of person: String, in week: Week) -> WeeklyUpdate? { byWeek[week]?[person] }

    /// Who lists `deal` in `week`, if anyone (the first person in id order).
    public func owner(of deal: String, in week: Week) -> String? {
        ownersLock.lock()
        defer { ownersLock.unlock() }
        if let map = owners[week] { return map[deal] }
        var map: [String: String] = [:]
        for u in (byWeek[week] ?? [:]).values {
            for d in u.deals { if let known = map[d.id], known < u.person { continue }; map[d.id] = u.person }
        }
        owners[week] = map
        return map[deal]
    }

    public func updates(in week: Week) -> [WeeklyUpdate] {
        (byWeek[week] ?? [:]).values.sorted { $0.person < $1.person }
    }

    /// The person's latest update at or before `week`, no more than `maxAge` weeks older.
    public func latest(of person: String, atOrBefore week: Week, maxAge: Int = 4) -> WeeklyUpdate? {
        guard let list = weeksOf[person] else { return nil }
        let oldest = week.adding(weeks: -maxAge)
        guard let w = list.last(where: { $0 <= week && $0 >= oldest }) else { return nil }
        return byWeek[w]?[person]
    }

    /// The person's updates before `week`, latest first.
    /// The deals of the person's updates before `week`, latest first (cheaper than whole updates).
    public func earlierDeals(
        of person: String, before week: Week
    ) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, [DealSnapshot]> {
        let weeks = readableWeeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]!.deals }
    }

    public func earlier(
        of person: String, before week: Week
    ) -> LazyMapSequence<ReversedCollection<ArraySlice<Week>>, WeeklyUpdate> {
        let weeks = readableWeeksOf[person] ?? []
        let end = weeks.firstIndex { $0 >= week } ?? weeks.count
        return weeks[..<end].reversed().lazy.map { self.byWeek[$0]![person]! }
    }

    /// Deals listed closed in an earlier update of the same person (so not a new close now).
    public func closedBefore(_ deal: String, by person: String, before week: Week) -> Bool {
        guard let first = firstClosed[person]?[deal] else { return false }
        return first < week
    }
}
