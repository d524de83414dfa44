import CascadeCore
import CascadeHistory

/// `review --format json`: every entry (the budget trims only the Markdown), and what the Markdown left out.
public struct ReviewDocument: ReportDocument {
    public struct Step: Encodable, Sendable {
        var week: String, owner: String, stage: String, amount: Money, close: String?
    }
    public struct Asked: Encodable, Sendable { var to: String, week: String }
    public struct Entry: Encodable, Sendable {
        var deal: String, account: String, amount: Money, owner: String, week: String, stage: String
        var reason: String?, competitor: String?, vertical: String?, persona: String?, lesson: String?, why: String?
        var days: Int?, lost_alone: Bool, asked: [Asked], gaps: [String], objections: [String], life: [Step]
    }
    public struct Pattern: Encodable, Sendable { var dimension: String, value: String, deals: Int }
    public struct LeftOut: Encodable, Sendable { var losses: Int, disqualified: Int, wins: Int }

    var kind = "review"
    var `for`: String, since: String, until: String
    var median_days_to_win: Double?
    var questions: [String]
    var patterns: [Pattern]
    var losses: [Entry], disqualified: [Entry], wins: [Entry]
    var left_out: LeftOut

    public init(_ r: Review, for id: String, shown: (losses: Int, disqualified: Int, wins: Int)) {
        func entry(_ e: Review.Entry) -> Entry {
            let d = e.closed.deal
            return Entry(
                deal: d.id, account: d.account, amount: d.amount, owner: e.closed.person,
                week: e.closed.week.description,
                stage: d.stage, reason: d.reason, competitor: d.competitor, vertical: d.vertical, persona: d.persona,
                lesson: d.lesson, why: d.why, days: e.closed.days, lost_alone: e.asked.isEmpty,
                asked: e.asked.map { Asked(to: $0.to, week: $0.week.description) }, gaps: d.gaps,
                objections: d.objections,
                life: e.life.map {
                    Step(
                        week: $0.week.description, owner: $0.owner, stage: $0.stage, amount: $0.amount,
                        close: $0.close?.description)
                })
        }
        self.for = id
        since = r.since.description
        until = r.until.description
        median_days_to_win = r.medianDaysToWin
        questions = Review.questions
        patterns = r.patterns.map { Pattern(dimension: $0.dimension.rawValue, value: $0.value, deals: $0.deals) }
        losses = r.losses.map(entry)
        disqualified = r.disqualified.map(entry)
        wins = r.wins.map(entry)
        left_out = LeftOut(
            losses: r.losses.count - shown.losses, disqualified: r.disqualified.count - shown.disqualified,
            wins: r.wins.count - shown.wins)
    }
}
