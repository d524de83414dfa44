import CascadeCore
import CascadeHistory

/// Everything a digest says, before the five-minute budget and rendering:
/// plain values, so Markdown, HTML and JSON all show the same content.
public struct Digest: Sendable {
    public struct Item: Sendable {
        public var deal: String
        public var account: String
        public var author: String
        public var amount: Money
        /// What the item says, as values (worded by `DigestWording` for Markdown, HTML and JSON).
        public var detail: Detail
        public var severity: Int = 0
        /// For a closed deal: whom it asked for help in its life, and the first week it asked each.
        public var asked: [(to: String, week: Week)] = []
    }

    /// Lost deals (stage lost, not disqualified) that asked nobody, out of all such losses.
    public struct LostAlone: Sendable {
        public var deals = 0, amount = Money.zero, losses = 0
    }

    /// The facts behind an item, typed: amounts, dates, stages and counts, never prose.
    public enum Detail: Sendable {
        case win(why: String?)
        case loss(stage: String, reason: String?, lesson: String?, disqualified: Bool)
        case ask(String)
        case risk(RiskFlag)
        /// A ticket: the open deals and amount it blocks, and the lost and won amounts tied to it.
        case gap(openDeals: Int, lost: Money?, won: Money?, link: String?)
        /// A deal a leader passed up: its stage, close date and next step.
        case highlight(stage: String, close: Day?, next: String)
    }

    /// The sections of a person's digest that the reading budget shares out.
    public enum SectionID: String, Sendable, CaseIterable {
        case highlights, wins, losses, asks, flags, gaps, notes, missing
    }

    /// A list the budget trims: a section, or one group of it (the asks to one function, one kind of risk).
    public struct SlotKey: Hashable, Sendable {
        public var section: SectionID
        public var group: String?

        public init(_ section: SectionID, group: String? = nil) {
            self.section = section
            self.group = group
        }

        public static let highlights = SlotKey(.highlights), wins = SlotKey(.wins), losses = SlotKey(.losses)
        public static let gaps = SlotKey(.gaps), notes = SlotKey(.notes), missing = SlotKey(.missing)
    }

    public struct Group: Sendable {
        public var title: String
        public var key: String
        public var items: [Item]
    }

    public struct StageLine: Sendable {
        public var stage: String
        public var amount: Money
        public var deals: Int
        public var amountChange: Money
        public var dealsChange: Int
    }

    public struct Totals: Sendable {
        public var openAmount = Money.zero, openDeals = 0
        public var wonAmount = Money.zero, wonDeals = 0
        public var lostAmount = Money.zero, lostDeals = 0
        public var disqualifiedAmount = Money.zero, disqualifiedDeals = 0
    }

    public struct Note: Sendable {
        public var author: String
        public var name: String
        public var text: String
        /// "team" for a report's note cascading up, "leader" for a note cascading down, "highlight".
        public var kind: String
    }

    public var forID: String
    public var forName: String
    public var isFunction: Bool
    public var week: Week
    public var company: String
    public var currency: String
    public var people: Int
    public var updates: Int
    public var stale: [String]
    public var missing: [String]
    /// Updates submitted but unreadable (their figures are left out), with the first error of each.
    public var unreadable: [(file: String, author: String, error: String)] = []
    public var totals = Totals()
    public var stages: [StageLine] = []
    public var quarter: String = ""
    public var quarterBookings = Money.zero
    public var goal: Money?
    /// The first week the history holds, and the first week of this quarter: a figure summed from a
    /// quarter's start is only whole when the history reaches back that far.
    public var historyStart: Week?
    public var quarterFirstWeek: Week?
    /// The quarters the team has goals for in org.yaml, said when this quarter has none.
    public var goalQuarters: [String] = []
    /// A line for the reader about what this digest is (a function lead without a team reads the function's).
    public var readerNote: String?
    public var medianDaysToWin: Double?
    public var medianDaysToLose: Double?
    public var wins: [Item] = []
    public var lossOfTheWeek: Item?
    public var losses: [Item] = []
    public var lossReasons: [(reason: String, count: Int, amount: Money)] = []
    public var asks: [Group] = []
    public var flags: [Group] = []
    public var gaps: [Item] = []
    public var highlights: [Item] = []
    public var notes: [Note] = []
    /// Pace, coverage, forecast, win rate, comparisons, movement and the headline's deals (leaders' digests).
    public var frame: Frame?
    public var lostAlone = LostAlone()
    /// A function's digest: the stages it mentions and what they mean, for readers outside sales.
    public var glossary: [(stage: String, meaning: String)] = []
    /// Marketing's digest: objections of the week and of the quarter, and the win rate by source.
    public var objections: [ObjectionLine] = []
    public var sources: [SourceLine] = []

    public struct ObjectionLine: Sendable {
        public var objection: String
        public var weekDeals = 0, weekAmount = Money.zero, quarterDeals = 0, quarterAmount = Money.zero
    }

    public struct SourceLine: Sendable {
        public var source: String
        public var won = 0, lost = 0
        public var rate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }
    }
}
