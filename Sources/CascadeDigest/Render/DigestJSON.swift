import CascadeCore

/// The digest as data (`--format json`): the same content as the Markdown,
/// every item included, with what the Markdown left out counted per list.
public enum DigestJSON {
    public static func render(_ d: Digest, _ out: DigestRenderer.Output, org: Org) -> String {
        let wording = DigestWording(org: org)
        func num(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
        func item(_ i: Digest.Item, extra: [(String, String)] = []) -> String {
            var fields = [("deal", JSON.string(i.deal)), ("account", JSON.string(i.account)), ("author", JSON.string(i.author)), ("amount", num(i.amount)), ("text", JSON.string(wording.text(i)))]
            fields += extra
            return "{" + fields.map { "\(JSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]" }
        /// What the Markdown left out of a section, all its groups together.
        func left(_ section: Digest.SectionID) -> String {
            let parts = out.leftOut.filter { $0.key.section == section }.values
            let count = parts.reduce(0) { $0 + $1.count }
            let amount = parts.reduce(0.0) { $0 + $1.amount }
            return "{\"count\": \(count), \"amount\": \(num(amount))}"
        }
        let t = d.totals
        var s = "{\n"
        s += "  \"for\": \(JSON.string(d.forID)),\n  \"name\": \(JSON.string(d.forName)),\n  \"kind\": \(JSON.string(d.isFunction ? "function" : "person")),\n"
        s += "  \"week\": \(JSON.string(d.week.description)),\n  \"words\": \(out.words),\n  \"reading_minutes\": \(out.minutes),\n  \"word_budget\": \(org.digest.wordBudget),\n"
        s += "  \"scope\": {\"people\": \(d.people), \"updates\": \(d.updates), \"missing\": [\(d.missing.map(JSON.string).joined(separator: ", "))], \"stale\": [\(d.stale.map(JSON.string).joined(separator: ", "))]},\n"
        let unreadable = d.unreadable.map { "{\"file\": \(JSON.string($0.file)), \"author\": \(JSON.string($0.author)), \"error\": \(JSON.string($0.error))}" }
        s += "  \"unreadable\": [" + unreadable.joined(separator: ", ") + "],\n"
        s += "  \"totals\": {\"open_amount\": \(num(t.openAmount)), \"open_deals\": \(t.openDeals), \"won_amount\": \(num(t.wonAmount)), \"won_deals\": \(t.wonDeals), "
        s += "\"lost_amount\": \(num(t.lostAmount)), \"lost_deals\": \(t.lostDeals), \"disqualified_amount\": \(num(t.disqualifiedAmount)), \"disqualified_deals\": \(t.disqualifiedDeals)},\n"
        s += "  \"stages\": [" + d.stages.map { "{\"stage\": \(JSON.string($0.stage)), \"amount\": \(num($0.amount)), \"deals\": \($0.deals), \"amount_change\": \(num($0.amountChange)), \"deals_change\": \($0.dealsChange)}" }.joined(separator: ", ") + "],\n"
        s += "  \"quarter\": {\"quarter\": \(JSON.string(d.quarter)), \"bookings\": \(num(d.quarterBookings)), \"goal\": \(d.goal.map(num) ?? "null")"
        if let last = d.lastQuarter, let w = d.lastQuarterWeek {
            s += ", \"same_week_last_quarter\": {\"week\": \(JSON.string(w.description)), \"open_amount\": \(num(last.openAmount)), \"open_deals\": \(last.openDeals), \"won_amount\": \(num(last.wonAmount)), \"bookings\": \(num(d.lastQuarterBookings))}"
        }
        s += "},\n"
        s += "  \"median_days_to_win\": \(d.medianDaysToWin.map { String($0) } ?? "null"),\n  \"median_days_to_lose\": \(d.medianDaysToLose.map { String($0) } ?? "null"),\n"
        s += "  \"wins\": \(list(d.wins.map { item($0) })),\n"
        let losses = (d.lossOfTheWeek.map { [$0] } ?? []) + d.losses
        s += "  \"losses\": \(list(losses.map { item($0, extra: [("loss_of_the_week", d.lossOfTheWeek?.deal == $0.deal ? "true" : "false")]) })),\n"
        s += "  \"loss_reasons\": [" + d.lossReasons.map { "{\"reason\": \(JSON.string($0.reason)), \"deals\": \($0.count), \"amount\": \(num($0.amount))}" }.joined(separator: ", ") + "],\n"
        s += "  \"asks\": \(list(d.asks.flatMap { g in g.items.map { item($0, extra: [("to", JSON.string(g.key))]) } })),\n"
        s += "  \"flags\": \(list(d.flags.flatMap { g in g.items.map { item($0, extra: [("kind", JSON.string(g.key))]) } })),\n"
        s += "  \"gaps\": \(list(d.gaps.map { g in "{\"ticket\": \(JSON.string(g.deal)), \"amount\": \(num(g.amount)), \"deals\": \(g.severity), \"text\": \(JSON.string(wording.text(g))), \"link\": \(org.tickets.link(for: g.deal).map(JSON.string) ?? "null")}" })),\n"
        s += "  \"highlights\": \(list(d.highlights.map { item($0) })),\n"
        s += "  \"notes\": \(list(d.notes.map { "{\"author\": \(JSON.string($0.author)), \"name\": \(JSON.string($0.name)), \"kind\": \(JSON.string($0.kind)), \"text\": \(JSON.string($0.text))}" })),\n"
        s += "  \"left_out\": {\"wins\": \(left(.wins)), \"losses\": \(left(.losses)), \"asks\": \(left(.asks)), \"flags\": \(left(.flags)), "
        s += "\"gaps\": \(left(.gaps)), \"highlights\": \(left(.highlights)), \"notes\": \(left(.notes)), \"missing\": \(left(.missing))}\n"
        s += "}\n"
        return s
    }
}
