import CascadeCore
import CascadeHistory

/// How a digest says its facts in words: the one place the English of an item lives,
/// shared by the Markdown (and so the HTML) and the JSON's `text`.
public struct DigestWording: Sendable {
    let org: Org

    public init(org: Org) { self.org = org }

    func money(_ amount: Money) -> String { amount.formatted(currency: org.currency) }
    func name(_ id: String) -> String { org.person(id)?.name ?? org.function(id)?.name ?? id }

    /// "Value Engineering, Product": whom a deal asked, in the order it first asked them.
    func helpers(_ item: Digest.Item) -> String { item.asked.map { name($0.to) }.joined(separator: ", ") }

    /// 2nd, 3rd, 11th, 21st.
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd"][n % 10 < 4 ? n % 10 : 0]
        return "\(n)\(suffix)"
    }

    /// One line of detail: why we won, reason and lesson, the ask, the signal, what a ticket blocks.
    public func text(_ item: Digest.Item) -> String {
        switch item.detail {
        case .win(let why):
            guard !item.asked.isEmpty else { return why ?? "" }
            guard let why, !why.isEmpty else { return "won with help from \(helpers(item))" }
            return why + (why.hasSuffix(".") ? "" : ".") + " Won with help from \(helpers(item))."
        case .loss(_, let reason, let lesson, let disqualified):
            let reason = reason ?? "no reason"
            var text = (disqualified ? "disqualified, \(reason)" : reason) + (lesson.map { ": \($0)" } ?? "")
            if !disqualified {
                text +=
                    item.asked.isEmpty
                    ? " (lost alone: it asked nobody for help)"
                    : " (asked \(item.asked.map { "\(name($0.to)) in \($0.week)" }.joined(separator: ", ")))"
            }
            return text
        case .ask(let ask): return ask
        case .risk(let f): return risk(f)
        case .gap(let deals, let lost, let won, let link):
            var text = "blocks \(money(item.amount)) open in \(deals) deal\(deals == 1 ? "" : "s")"
            if let lost { text += "; lost \(money(lost))" }
            if let won { text += "; won \(money(won))" }
            if let link { text += " (\(link))" }
            return text
        case .highlight(let stage, let close, let next): return "\(stage), close \(close?.description ?? "?"): \(next)"
        }
    }

    func risk(_ f: RiskFlag) -> String {
        switch f.kind {
        case .slipped:
            var text = "close \(f.from) -> \(f.to) (+\(Noun.day(f.days)))"
            if f.times > 1 { text += ", \(Self.ordinal(f.times)) slip" }
            if f.pastNineMonths {
                text += ", now past 9 months"
            } else if f.outOfQuarter {
                text += ", out of the quarter"
            }
            return text
        case .regressed: return "\(f.from) -> \(f.to)" + (f.toFirstStage ? " (back to the start)" : "")
        case .vanished: return "open last update, gone this week"
        case .unchanged: return "same stage, amount, close and next step for \(Noun.update(f.times))"
        case .handedOver: return "now with \(name(f.to))"
        }
    }
}
