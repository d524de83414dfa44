import CascadeCore
import CascadeHistory

/// The review's agenda as Markdown, within the reading budget of a digest: the wins go first when
/// something must be left out, then the disqualified deals, then the smallest losses, and what is
/// left out is counted with its amount.
public struct ReviewMarkdown {
    let review: Review
    let org: Org
    let title: String

    public init(_ review: Review, org: Org, title: String) {
        self.review = review
        self.org = org
        self.title = title
    }

    func money(_ m: Money) -> String { m.formatted(currency: org.currency) }
    func name(_ id: String) -> String { org.person(id)?.name ?? org.function(id)?.name ?? id }

    public func render() -> (markdown: String, shown: (losses: Int, disqualified: Int, wins: Int)) {
        var shown = (losses: review.losses.count, disqualified: review.disqualified.count, wins: review.wins.count)
        // Each entry's words are counted once; entries are taken off the end, wins first, until the
        // whole fits (the "+N more" lines are counted by rendering the result, and trimmed again if needed).
        let words = (
            losses: review.losses.map { WordCount.count(loss($0)) }, disqualified: review.disqualified.map {
                WordCount.count(disqualifiedLine($0))
            }, wins: review.wins.map { WordCount.count(winLine($0)) })
        var text = document(shown)
        var total = WordCount.count(text)
        while total > org.digest.wordBudget {
            if shown.wins > 0 {
                shown.wins -= 1; total -= words.wins[shown.wins]
            } else if shown.disqualified > 0 {
                shown.disqualified -= 1; total -= words.disqualified[shown.disqualified]
            } else if shown.losses > 1 {
                shown.losses -= 1; total -= words.losses[shown.losses]
            } else {
                break
            }
            if total <= org.digest.wordBudget {
                text = document(shown)
                total = WordCount.count(text)
            }
        }
        return (document(shown), shown)
    }

    func document(_ shown: (losses: Int, disqualified: Int, wins: Int)) -> String {
        var out = "# \(title)\n\n"
        let lossesTotal = review.losses.map(\.closed.deal.amount).sum { $0 }
        out += "\(review.since) to \(review.until) · \(Noun.loss(review.losses.count)) (\(money(lossesTotal)))"
        out += " · \(review.disqualified.count) disqualified · \(Noun.win(review.wins.count))\n\n"
        out += "We go through every loss to learn from it, not to blame. For each one:\n\n"
        out += Review.questions.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        if !review.patterns.isEmpty {
            out += "## Patterns\n\n"
            out +=
                review.patterns.prefix(10).map { "- \($0.dimension.rawValue) **\($0.value)**: \(Noun.loss($0.deals))" }
                .joined(separator: "\n") + "\n\n"
            if review.patterns.count > 10 { out += "+\(review.patterns.count - 10) more patterns\n\n" }
        }
        out += section("Losses", review.losses, shown.losses, Noun.loss, entry: loss)
        out += section(
            "Qualified out, and well done", review.disqualified, shown.disqualified, Noun.deal, entry: disqualifiedLine)
        out += section("Wins", review.wins, shown.wins, Noun.win, entry: winLine)
        return out
    }

    func disqualifiedLine(_ e: Review.Entry) -> String {
        let days = e.closed.days.map { " in \(Noun.day($0))" } ?? ""
        return "- **\(e.closed.deal.account)** (\(e.closed.deal.id), \(money(e.closed.deal.amount)), "
            + "\(name(e.closed.person))): qualified out\(days), \(e.closed.deal.reason ?? "no reason given")"
    }

    func winLine(_ e: Review.Entry) -> String {
        let help = e.asked.isEmpty ? "" : " Won with help from \(e.asked.map { name($0.to) }.joined(separator: ", "))."
        return "- **\(e.closed.deal.account)** (\(e.closed.deal.id), \(money(e.closed.deal.amount)), "
            + "\(name(e.closed.person))): \(e.closed.deal.why ?? "no why written")\(help)"
    }

    func section(
        _ title: String, _ entries: [Review.Entry], _ shown: Int, _ noun: Noun, entry: (Review.Entry) -> String
    ) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "## \(title)\n\n" + entries.prefix(shown).map(entry).joined(separator: "\n\n") + "\n\n"
        let left = entries.dropFirst(shown)
        if !left.isEmpty {
            out +=
                "+\(left.count) more \(noun.word(left.count)), \(money(left.map(\.closed.deal.amount).sum { $0 }))"
                + " (the review's JSON has every one)\n\n"
        }
        return out
    }

    /// A loss and its story: who, why, the lesson, how long it took, its life, whom it asked.
    func loss(_ e: Review.Entry) -> String {
        let d = e.closed.deal
        var lines = ["### \(d.account) (\(d.id)), \(money(d.amount)), \(name(e.closed.person))"]
        let facts = [
            ("reason", d.reason), ("competitor", d.competitor), ("vertical", d.vertical), ("persona", d.persona),
        ].compactMap { k, v in v.map { "\(k) \($0)" } }
        lines.append("- " + facts.joined(separator: ", "))
        lines.append("- Lesson: \(d.lesson ?? "none written")")
        let win = review.medianDaysToWin.map { " against a median of \(Int($0.rounded())) to win" } ?? ""
        if let days = e.closed.days { lines.append("- Lost in \(Noun.day(days))\(win)") }
        lines.append("- Life: " + life(e))
        lines.append(
            e.asked.isEmpty
                ? "- Lost alone: it asked nobody for help"
                : "- Asked " + e.asked.map { "\(name($0.to)) in \($0.week)" }.joined(separator: ", "))
        let tied = [("gaps", d.gaps), ("objections", d.objections)].filter { !$0.1.isEmpty }
        if !tied.isEmpty {
            lines.append("- " + tied.map { "\($0.0) \($0.1.joined(separator: ", "))" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    /// First week, the stages it went through, slips with the old and new date, amount changes.
    func life(_ e: Review.Entry) -> String {
        guard let first = e.life.first else { return "not found in earlier updates" }
        var parts = ["first listed \(first.week) at \(first.stage)"]
        for (a, b) in zip(e.life, e.life.dropFirst()) {
            if a.stage != b.stage { parts.append("\(b.week) \(a.stage) -> \(b.stage)") }
            if let x = a.close, let y = b.close, y > x, b.stage == a.stage || org.stages.kind(of: b.stage) == .open {
                parts.append("\(b.week) close \(x) -> \(y)")
            }
            if a.amount != b.amount { parts.append("\(b.week) amount \(money(a.amount)) -> \(money(b.amount))") }
            if a.owner != b.owner { parts.append("\(b.week) handed from \(name(a.owner)) to \(name(b.owner))") }
        }
        return parts.joined(separator: "; ")
    }
}
