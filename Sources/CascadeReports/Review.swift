import CascadeCore
import CascadeHistory

/// The agenda of the closed-lost review (SPEC section 15): every deal lost in the range, largest
/// first, with its story; the questions for the conversation; the patterns that recur; the deals
/// qualified out, apart; then the wins. Typed values, worded by `ReviewMarkdown`.
public struct Review: Sendable {
    public struct Listing: Sendable {
        public var week: Week, owner: String, stage: String, amount: Money, close: Day?
    }

    public struct Entry: Sendable {
        public var closed: ReportContext.Closed
        /// Every listing of the deal, by any owner, in week order up to the one that closed it.
        public var life: [Listing]
        public var asked: [(to: String, week: Week)]
    }

    public var since: Week, until: Week
    public var losses: [Entry] = []
    public var disqualified: [Entry] = []
    public var wins: [Entry] = []
    /// The team's median days to win over the range, to set days to lose against.
    public var medianDaysToWin: Double?
    /// Reasons, competitors, verticals and personas shared by two losses or more, most frequent first.
    public var patterns: [(dimension: Dimension, value: String, deals: Int)] = []

    public static let questions = [
        "What about their situation, or our approach, did not fit?",
        "If we could turn the clock back, what would we do differently?",
        "Should we have qualified out sooner, and what would have told us?",
    ]

    public init(_ ctx: ReportContext) {
        since = ctx.weeks.first!
        until = ctx.weeks.last!
        let closed = ctx.closed()
        let lives = Self.lives(of: Set(closed.map(\.deal.id)), in: ctx.history, through: until)
        func entry(_ c: ReportContext.Closed) -> Entry {
            Entry(
                closed: c, life: (lives[c.deal.id] ?? []).filter { $0.week <= c.week },
                asked: ctx.history.helpAsked(by: c.deal.id, through: c.week))
        }
        let largest = { (a: ReportContext.Closed, b: ReportContext.Closed) in
            (a.deal.amount, b.deal.id) > (b.deal.amount, a.deal.id)
        }
        let stages = ctx.org.stages
        losses = closed.filter { $0.deal.kind == .lost && !stages.isDisqualified($0.deal.stage) }.sorted(by: largest)
            .map(entry)
        disqualified = closed.filter { stages.isDisqualified($0.deal.stage) }.sorted(by: largest).map(entry)
        wins = closed.filter { $0.deal.kind == .won }.sorted(by: largest).map(entry)
        medianDaysToWin = Spread(wins.compactMap(\.closed.days))?.median
        for dimension in [Dimension.reason, .competitor, .vertical, .persona] {
            let counts = Dictionary(grouping: losses.map { ctx.value(dimension, $0.closed) }, by: { $0 })
            for (value, list) in counts where list.count >= 2 && value != "(none)" {
                patterns.append((dimension, value, list.count))
            }
        }
        patterns.sort { ($0.deals, $1.dimension.rawValue, $1.value) > ($1.deals, $0.dimension.rawValue, $0.value) }
    }

    /// One pass over the history for every listing of the given deals.
    static func lives(of deals: Set<String>, in history: History, through week: Week) -> [String: [Listing]] {
        var lives: [String: [Listing]] = [:]
        for w in history.weeks where w <= week {
            for u in history.updates(in: w).sorted(by: { $0.person < $1.person }) {
                for d in u.deals where deals.contains(d.id) {
                    lives[d.id, default: []].append(
                        Listing(week: w, owner: u.person, stage: d.stage, amount: d.amount, close: d.close))
                }
            }
        }
        return lives
    }
}
