import CascadeCore
import CascadeHistory

/// Wins, largest first; losses and lessons (the loss of the week, reasons counted); the median
/// days to win and to lose of the quarter.
enum OutcomesSection: DigestSection {
    static func isDisqualified(_ item: Digest.Item) -> Bool {
        if case .loss(_, _, _, let disqualified) = item.detail { return disqualified }
        return false
    }

    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        let stages = b.org.stages
        let quarterClosed = c.quarterClosed
        d.medianDaysToWin = b.median(quarterClosed.filter { $0.deal.kind == .won }.compactMap(b.daysToClose))
        d.medianDaysToLose = b.median(
            quarterClosed.filter { $0.deal.kind == .lost && !stages.isDisqualified($0.deal.stage) }
                .compactMap(b.daysToClose))
        // Never lose alone (SPEC section 16): whom each closed deal asked, over its whole life.
        func asked(_ deal: DealSnapshot) -> [(to: String, week: Week)] {
            b.history.helpAsked(by: deal.id, through: c.week)
        }
        d.wins = c.closed.filter { $0.deal.kind == .won }.map { w -> Digest.Item in
            var item = b.item(w.deal, w.person, .win(why: w.deal.why))
            item.asked = asked(w.deal)
            return item
        }.sorted(by: b.byAmount)
        let lost = c.closed.filter { $0.deal.kind == .lost }
        let losses = lost.map { l -> Digest.Item in
            var item = b.item(
                l.deal, l.person,
                .loss(
                    stage: l.deal.stage, reason: l.deal.reason, lesson: l.deal.lesson,
                    disqualified: stages.isDisqualified(l.deal.stage)))
            item.asked = asked(l.deal)
            return item
        }.sorted(by: b.byAmount)
        for l in losses where !isDisqualified(l) {
            d.lostAlone.losses += 1
            if l.asked.isEmpty { d.lostAlone.deals += 1; d.lostAlone.amount += l.amount }
        }
        // The loss of the week: the largest loss with a lesson.
        let withLessons = lost.filter { $0.deal.lesson != nil && !stages.isDisqualified($0.deal.stage) }
        if let top = withLessons.max(by: { ($0.deal.amount, $1.deal.id) < ($1.deal.amount, $0.deal.id) }) {
            d.lossOfTheWeek = losses.first { $0.deal == top.deal.id }
            d.losses = losses.filter { $0.deal != top.deal.id }
        } else {
            d.losses = losses
        }
        var reasons: [String: (Int, Money)] = [:]
        for l in lost {
            reasons[l.deal.reason ?? "none", default: (0, .zero)].0 += 1
            reasons[l.deal.reason ?? "none", default: (0, .zero)].1 += l.deal.amount
        }
        d.lossReasons = reasons.map { ($0.key, $0.value.0, $0.value.1) }
            .sorted { ($0.count, $0.amount, $1.reason) > ($1.count, $1.amount, $0.reason) }
    }
}
