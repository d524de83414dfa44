import CascadeCore
import CascadeHistory

extension Digest {
    /// What frames the numbers (SPEC sections 6 and 16): pace and coverage against the goal, the
    /// forecast, the win rate, the same week last quarter and last year, and how last week's pipeline
    /// became this week's. Typed values; the wording is the renderers'.
    public struct Frame: Sendable {
        public var quarter = QuarterFrame()
        public var winRate = WinRate(), lastQuarterWinRate = WinRate()
        /// The week 13 weeks back and the same week of last year; `reached` false when no update exists
        /// at or before it (the history does not reach back).
        public var lastQuarter = Comparison(), lastYear = Comparison()
        public var movement = Movement()
        /// The largest deal closed this week (won or lost), and the largest at risk: the headline.
        public var largestClosed: Item?
        public var largestRisk: Item?
    }

    public struct QuarterFrame: Sendable {
        public var name = ""
        public var weeks = 0, weeksGone = 0
        public var bookings = Money.zero
        public var goal: Money?
        /// bookings / goal; nil without a goal.
        public var pace: Double?
        /// What is left of the goal, and the open pipeline closing in the quarter over it; nil without
        /// a goal or once it is met.
        public var stillToBook: Money?
        public var coverage: Double?
        public var forecast = Forecast()
    }

    public struct Forecast: Sendable {
        public var closed = Money.zero, commit = Money.zero, bestCase = Money.zero, pipeline = Money.zero
    }

    public struct WinRate: Sendable {
        public var won = 0, lost = 0
        public var rate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }
    }

    public struct Comparison: Sendable {
        public var week: Week?
        public var reached = false
        public var openAmount = Money.zero, openDeals = 0
        public var bookings = Money.zero
    }

    /// `opening + new + amountUp - amountDown - won - lost - vanished + other = closing`.
    public struct Movement: Sendable {
        public struct Line: Sendable {
            public var amount = Money.zero, deals = 0
            mutating func add(_ m: Money) { amount += m; deals += 1 }
        }
        public var opening = Money.zero, closing = Money.zero, other = Money.zero
        public var new = Line(), pulledIn = Line(), pushedOut = Line(), amountUp = Line(), amountDown = Line()
        public var won = Line(), lost = Line(), vanished = Line()
        /// The deals whose amount went down, largest cut first: a cut is news, not noise.
        public var cuts: [(deal: String, account: String, from: Money, to: Money)] = []
    }
}
