import CascadeCore
import CascadeHistory

/// The frame in words (SPEC section 6, items 0 and 1): the headline a leader reads first, the lines
/// that say whether the numbers are good or bad, and the movement table that adds up.
extension DigestWording {
    func percent(_ ratio: Double) -> String { "\((ratio * 100).rounded().clampedInt)%" }

    /// Up to three lines: the pace, the largest deal closed this week, the largest at risk.
    public func headline(_ d: Digest) -> [(label: String, text: String)] {
        guard let f = d.frame else { return [] }
        var lines = [(label: "Pace", text: pace(d, f.quarter))]
        if let c = f.largestClosed {
            let won = d.wins.contains { $0.deal == c.deal }
            lines.append(
                (
                    "Largest close",
                    "\(c.account) (\(c.deal)) \(won ? "won" : "lost"), \(money(c.amount)), \(name(c.author))."
                ))
        }
        if let r = f.largestRisk {
            lines.append(
                ("Largest risk", "\(r.account) (\(r.deal)), \(money(r.amount)): \(text(r)), \(name(r.author))."))
        }
        return lines
    }

    func pace(_ d: Digest, _ q: Digest.QuarterFrame) -> String {
        let weeks =
            "\(q.weeksGone) of \(Noun.week(q.weeks)) gone (\(percent(Double(q.weeksGone) / Double(max(q.weeks, 1)))))"
        var from = ""
        if let start = d.historyStart, let first = d.quarterFirstWeek, start > first {
            from = ", counted from \(start), where the history starts"
        }
        guard let goal = q.goal, goal > .zero else {
            var text =
                "\(money(q.bookings)) booked in \(q.name)\(from.isEmpty ? "" : " (" + from.dropFirst(2) + ")"), "
                + "\(weeks); no goal for \(q.name) in org.yaml"
            if !d.goalQuarters.isEmpty { text += " (goals are set for \(d.goalQuarters.joined(separator: ", ")))" }
            return text + "."
        }
        var text = "\(money(q.bookings)) of \(money(goal)) (\(percent(q.pace ?? 0))\(from)), \(weeks)"
        if let still = q.stillToBook, let coverage = q.coverage {
            text += "; coverage \(String(format: "%.1f", coverage))x of the \(money(still)) still to book"
        } else {
            text += "; the goal is met"
        }
        return text + "."
    }

    /// The lines under the stage table: forecast, win rate, last quarter and last year.
    public func frameLines(_ d: Digest) -> [String] {
        guard let f = d.frame else { return [] }
        let q = f.quarter, fc = q.forecast
        var forecast =
            "Forecast \(q.name): closed \(money(fc.closed)) + commit \(money(fc.commit)) + best case "
            + "\(money(fc.bestCase)) = \(money(fc.closed + fc.commit + fc.bestCase))"
        if let goal = q.goal { forecast += " of the \(money(goal)) goal" }
        forecast += "; pipeline \(money(fc.pipeline)) more closing in the quarter."
        return [
            forecast, winRate(f), comparison("last quarter", f.lastQuarter, d), comparison("last year", f.lastYear, d),
        ]
    }

    func winRate(_ f: Digest.Frame) -> String {
        func rate(_ r: Digest.WinRate) -> String {
            r.rate.map { "\(percent($0)) (\(r.won) won, \(r.lost) lost)" } ?? "no deal won or lost"
        }
        return "Win rate \(f.quarter.name) to date: \(rate(f.winRate)), disqualified deals apart; "
            + "last quarter: \(rate(f.lastQuarterWinRate))."
    }

    func comparison(_ what: String, _ c: Digest.Comparison, _ d: Digest) -> String {
        let week = c.week?.description ?? "?"
        guard c.reached else {
            let start = d.historyStart.map { " (it starts in \($0))" } ?? ""
            return "Same week \(what) (\(week)): the history does not reach back to \(week)\(start)."
        }
        var line = "Same week \(what) (\(week)): open \(money(c.openAmount)) in \(Noun.deal(c.openDeals)), "
        let fiscal = org.fiscalYearStartMonth
        if let w = c.week, let start = d.historyStart,
            start > Quarter(of: w, fiscalYearStartMonth: fiscal).firstWeek(fiscalYearStartMonth: fiscal)
        {
            line += "bookings to date unknown (the history starts in \(start), after that quarter began)."
        } else {
            line += "bookings to date \(money(c.bookings))."
        }
        return line
    }

    /// The movement as rows that add up: last week's open pipeline, what came and went, this week's.
    public func movementRows(_ d: Digest) -> [(label: String, amount: String, deals: String)] {
        guard let m = d.frame?.movement else { return [] }
        func row(_ label: String, _ l: Digest.Movement.Line, _ sign: String) -> (String, String, String) {
            (label, l.amount == .zero ? "±0" : sign + money(l.amount), "\(l.deals)")
        }
        let other = m.other == .zero ? "±0" : (m.other > .zero ? "+" : "") + money(m.other)
        return [
            ("open last week (\(d.week.previous))", money(m.opening), ""),
            row("new", m.new, "+"), row("amount up", m.amountUp, "+"), row("amount down", m.amountDown, "-"),
            row("won", m.won, "-"), row("lost", m.lost, "-"), row("vanished", m.vanished, "-"),
            ("other (updates entering or leaving the four-week window)", other, ""),
            ("open this week", money(m.closing), ""),
        ]
    }

    /// Close dates moved (they change no amount) and the largest amount cuts, under the table.
    public func movementDates(_ d: Digest) -> [String] {
        guard let m = d.frame?.movement else { return [] }
        var lines: [String] = []
        if m.pulledIn.deals + m.pushedOut.deals > 0 {
            lines.append(
                "Close dates: \(Noun.deal(m.pulledIn.deals)) pulled in (\(money(m.pulledIn.amount))), "
                    + "\(Noun.deal(m.pushedOut.deals)) pushed out (\(money(m.pushedOut.amount))).")
        }
        if !m.cuts.isEmpty {
            let shown = m.cuts.prefix(3).map { "\($0.account) (\($0.deal)) \(money($0.from)) -> \(money($0.to))" }
            let more = m.cuts.count > 3 ? " and \(m.cuts.count - 3) more" : ""
            lines.append("Amounts cut: \(shown.joined(separator: "; "))\(more).")
        }
        return lines
    }
}
