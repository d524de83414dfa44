import CascadeCore
import Foundation
import Mustache

/// Renders a digest within its reading budget: the most important items of
/// each section are kept (they are sorted by amount, then severity), and what
/// is left out is said with its count and amount, never dropped silently.
public struct DigestRenderer {
    public let template: MustacheTemplate
    public let budget: Int
    public let wordsPerMinute: Double
    let org: Org
    let wording: DigestWording

    public init(org: Org, template: MustacheTemplate? = nil) throws {
        self.org = org
        wording = DigestWording(org: org)
        self.template = try template ?? MustacheTemplate(string: DefaultDigestTemplate.markdown)
        budget = org.digest.wordBudget
        wordsPerMinute = org.digest.wordsPerMinute
    }

    /// How much of each section the Markdown shows.
    public struct Layout: Sendable {
        public var shown: [Digest.SlotKey: Int] = [:]
        public var noteWords = 60
    }

    public struct Output: Sendable {
        public var markdown: String
        public var words: Int
        public var minutes: Int
        public var layout: Layout
        /// Per section: items left out of the Markdown, and their amount.
        public var leftOut: [Digest.SlotKey: (count: Int, amount: Money)]
    }

    struct Slot {
        var key: Digest.SlotKey
        var items: [Digest.Item]
        var weight: Double
    }

    func slots(_ d: Digest) -> [Slot] {
        var s: [Slot] = [
            Slot(key: .highlights, items: d.highlights, weight: 6), Slot(key: .wins, items: d.wins, weight: 4),
            Slot(key: .losses, items: d.losses, weight: 5),
        ]
        for g in d.asks { s.append(Slot(key: Digest.SlotKey(.asks, group: g.key), items: g.items, weight: 4)) }
        let flagWeights: [String: Double] = [
            "vanished": 4, "slipped": 3, "regressed": 3, "unchanged": 1.5, "handed-over": 1,
        ]
        for g in d.flags {
            s.append(Slot(key: Digest.SlotKey(.flags, group: g.key), items: g.items, weight: flagWeights[g.key] ?? 2))
        }
        s.append(Slot(key: .gaps, items: d.gaps, weight: 2.5))
        return s
    }

    public func render(_ d: Digest) -> Output {
        let slots = self.slots(d)
        var layout = Layout()
        // An item's line runs to five words or more (id, account, author, amount), so no
        // section can show more than a fifth of the budget: start there rather than
        // render thousands of lines first.
        let most = max(20, budget / 5)
        for slot in slots { layout.shown[slot.key] = min(slot.items.count, most) }
        layout.shown[.notes] = d.notes.count
        layout.shown[.missing] = min(d.missing.count, 40)
        var markdown = ""
        var words = 0
        for _ in 0..<200 {
            markdown = renderMarkdown(d, layout, minutes: 0)
            words = WordCount.count(markdown)
            if words <= budget { break }
            guard shrink(&layout, slots: slots, d: d, by: words - budget) else { break }
        }
        let minutes = max(1, (Double(words) / wordsPerMinute).rounded(.up).clampedInt)
        markdown = renderMarkdown(d, layout, minutes: minutes)
        var leftOut: [Digest.SlotKey: (count: Int, amount: Money)] = [:]
        for slot in slots {
            let hidden = slot.items.dropFirst(layout.shown[slot.key] ?? 0)
            leftOut[slot.key] = (hidden.count, hidden.sum(\.amount))
        }
        leftOut[.notes] = (d.notes.count - (layout.shown[.notes] ?? 0), 0)
        leftOut[.missing] = (d.missing.count - (layout.shown[.missing] ?? 0), 0)
        return Output(markdown: markdown, words: words, minutes: minutes, layout: layout, leftOut: leftOut)
    }

    /// Removes about `excess` words, least important first; false when nothing is left to remove.
    func shrink(_ layout: inout Layout, slots: [Slot], d: Digest, by excess: Int) -> Bool {
        var remaining = excess
        var changed = false
        while remaining > 0 {
            let notes = layout.shown[.notes] ?? 0
            if notes > 0, layout.noteWords > 25 {
                layout.noteWords -= 5
                remaining -= 5 * notes
                changed = true
                continue
            }
            // The slot most over its share: shown items per unit of importance.
            var bestSlot: (slot: Slot, shown: Int, score: Double)?
            for slot in slots {
                let shown = layout.shown[slot.key] ?? 0
                guard shown > 0 else { continue }
                let score = Double(shown) / slot.weight
                if bestSlot == nil || score > bestSlot!.score { bestSlot = (slot, shown, score) }
            }
            // Only the chosen slot's last line is measured.
            let best = bestSlot.map {
                (
                    key: $0.slot.key, score: $0.score,
                    words: WordCount.count(line($0.slot.items[$0.shown - 1], key: $0.slot.key)) + 1
                )
            }
            let missingShown = layout.shown[.missing] ?? 0
            if notes > 0, best == nil || Double(notes) / 2 > best!.score {
                layout.shown[.notes] = notes - 1
                remaining -= layout.noteWords + 3
            } else if let best {
                layout.shown[best.key]! -= 1
                remaining -= best.words
            } else if missingShown > 0 {
                layout.shown[.missing] = missingShown - 1
                remaining -= 2
            } else {
                return changed
            }
            changed = true
        }
        return true
    }
}
