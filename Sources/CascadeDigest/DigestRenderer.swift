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
        public var leftOut: [Digest.SlotKey: (count: Int, amount: Double)]
    }

    struct Slot {
        var key: Digest.SlotKey
        var items: [Digest.Item]
        var weight: Double
    }

    func slots(_ d: Digest) -> [Slot] {
        var s: [Slot] = [Slot(key: .highlights, items: d.highlights, weight: 6), Slot(key: .wins, items: d.wins, weight: 4),
                         Slot(key: .losses, items: d.losses, weight: 5)]
        for g in d.asks { s.append(Slot(key: Digest.SlotKey(.asks, group: g.key), items: g.items, weight: 4)) }
        let flagWeights: [String: Double] = ["vanished": 4, "slipped": 3, "regressed": 3, "unchanged": 1.5, "handed-over": 1]
        for g in d.flags { s.append(Slot(key: Digest.SlotKey(.flags, group: g.key), items: g.items, weight: flagWeights[g.key] ?? 2)) }
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
        var leftOut: [Digest.SlotKey: (count: Int, amount: Double)] = [:]
        for slot in slots {
            let hidden = slot.items.dropFirst(layout.shown[slot.key] ?? 0)
            leftOut[slot.key] = (hidden.count, hidden.reduce(0) { $0 + $1.amount })
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
            let best = bestSlot.map { (key: $0.slot.key, score: $0.score, words: WordCount.count(line($0.slot.items[$0.shown - 1], key: $0.slot.key)) + 1) }
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

    // MARK: Markdown

    func money(_ amount: Double) -> String { Money.format(amount, currency: org.currency) }
    func name(_ id: String) -> String { org.person(id)?.name ?? org.function(id)?.name ?? id }

    func line(_ i: Digest.Item, key: Digest.SlotKey) -> String {
        let text = wording.text(i)
        if key == .gaps { return "**\(i.deal)**: \(text)" }
        let who = i.author.isEmpty ? "" : ", \(name(i.author))"
        let detail = text.isEmpty ? "" : ": \(text)"
        return "**\(i.account)** (\(i.deal), \(money(i.amount))\(who))\(detail)"
    }

    func more(_ hidden: ArraySlice<Digest.Item>, _ noun: String, withAmount: Bool = true) -> [String] {
        guard !hidden.isEmpty else { return [] }
        let amount = hidden.reduce(0) { $0 + $1.amount }
        return ["+\(hidden.count) more \(noun)" + (withAmount ? ", \(money(amount))" : "")]
    }

    func section(_ items: [Digest.Item], key: Digest.SlotKey, noun: String, _ layout: Layout) -> [String: Any] {
        let shown = layout.shown[key] ?? items.count
        return ["show": !items.isEmpty, "items": items.prefix(shown).map { ["line": line($0, key: key)] },
                "more": more(items.dropFirst(shown), noun, withAmount: true)]
    }

    func trimmed(_ text: String, words limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        let tokens = flat.split(separator: " ", omittingEmptySubsequences: true)
        var kept: [Substring] = []
        var count = 0
        for t in tokens {
            if t.contains(where: { $0.isLetter || $0.isNumber }) {
                if count == limit { return kept.joined(separator: " ") + " …" }
                count += 1
            }
            kept.append(t)
        }
        return kept.joined(separator: " ")
    }

    /// Updates submitted but unreadable: said at the top, with the file, its first error and the fix.
    func unreadableLines(_ d: Digest) -> [String] {
        guard !d.unreadable.isEmpty else { return [] }
        let count = d.unreadable.count
        let files = d.unreadable.filter { !$0.author.isEmpty }.count
        let folders = count - files
        var what: [String] = []
        if files > 0 { what.append("\(files) update\(files == 1 ? " was" : "s were") submitted but cannot be read") }
        if folders > 0 { what.append("\(folders) week folder\(folders == 1 ? "" : "s") cannot be listed") }
        var lines = [what.joined(separator: " and ") + ", so \(count == 1 ? "its" : "their") figures are left out of this digest; "
            + "run `cascade check` and fix:"]
        for u in d.unreadable.prefix(10) { lines.append("\(u.file):\(u.error)") }
        if count > 10 { lines.append("+\(count - 10) more unreadable updates") }
        return lines
    }

    public func context(_ d: Digest, _ layout: Layout, minutes: Int) -> [String: Any] {
        var c: [String: Any] = [:]
        c["title"] = d.isFunction ? "\(d.forName): asks for help, \(d.week)" : "Digest for \(d.forName), \(d.week)"
        c["for"] = d.forID
        c["for_name"] = d.forName
        c["week"] = d.week.description
        c["company"] = d.company.isEmpty ? "15-5" : d.company
        c["reading_time"] = "\(minutes) min read"
        c["scope_line"] = d.isFunction ? "asks from \(d.updates) updates" : "\(d.updates) of \(d.people) people wrote an update"
        c["unreadable"] = unreadableLines(d)
        let t = d.totals
        func signed(_ v: Double) -> String { v == 0 ? "±0" : (v > 0 ? "+" : "") + money(v) }
        func signedInt(_ v: Int) -> String { v == 0 ? "±0" : (v > 0 ? "+\(v)" : "\(v)") }
        var headline: String
        var lines: [String] = []
        if d.isFunction {
            headline = "\(t.openDeals) deals worth \(money(t.openAmount)) ask \(d.forName) for help this week."
        } else {
            let change = d.stages.reduce(0) { $0 + $1.amountChange }
            headline = "Open pipeline **\(money(t.openAmount))** in \(t.openDeals) deals (\(signed(change)) vs last week). "
                + "Won **\(money(t.wonAmount))** (\(t.wonDeals)), lost **\(money(t.lostAmount))** (\(t.lostDeals)) this week."
            var bookings = "Bookings \(d.quarter) to date: \(money(d.quarterBookings))"
            if let goal = d.goal, goal > 0 { bookings += " of a \(money(goal)) goal (\((d.quarterBookings / goal * 100).rounded().clampedInt)%)" }
            lines.append(bookings + ".")
            if let last = d.lastQuarter, let w = d.lastQuarterWeek {
                lines.append("Same week last quarter (\(w)): open \(money(last.openAmount)) in \(last.openDeals) deals, won \(money(last.wonAmount)) that week, bookings to date \(money(d.lastQuarterBookings)).")
            }
            if t.disqualifiedDeals > 0 { lines.append("Disqualified this week: \(t.disqualifiedDeals) (\(money(t.disqualifiedAmount))), counted in lost.") }
            if !d.stale.isEmpty {
                lines.append("\(d.stale.count == 1 ? "1 person's" : "\(d.stale.count) people's") pipeline comes from an older update (up to four weeks old, marked stale): \(d.stale.prefix(5).map(name).joined(separator: ", "))\(d.stale.count > 5 ? " and \(d.stale.count - 5) more" : "").")
            }
        }
        c["numbers"] = ["headline": headline, "lines": lines]
        c["stages"] = d.isFunction ? [] : d.stages.map { ["stage": $0.stage, "amount": money($0.amount), "deals": "\($0.deals)", "change": signed($0.amountChange) + " / " + signedInt($0.dealsChange)] }
        c["has_stages"] = !d.isFunction
        c["highlights"] = section(d.highlights, key: .highlights, noun: "highlights", layout)
        c["wins"] = section(d.wins, key: .wins, noun: "wins", layout)
        var losses = section(d.losses, key: .losses, noun: "losses", layout)
        losses["show"] = !d.losses.isEmpty || d.lossOfTheWeek != nil
        c["losses"] = losses
        if let top = d.lossOfTheWeek { c["loss_of_the_week"] = ["line": line(top, key: .losses)] }
        c["loss_reasons"] = d.lossReasons.map { "\($0.reason) \($0.count) (\(money($0.amount)))" }.joined(separator: ", ")
        if d.medianDaysToLose != nil || d.medianDaysToWin != nil {
            func days(_ v: Double?) -> String { v.map { "\($0.rounded().clampedInt) days" } ?? "none yet" }
            c["days_line"] = "Median time to lose: \(days(d.medianDaysToLose)); to win: \(days(d.medianDaysToWin)) (deals closed in \(d.quarter))."
        }
        func groups(_ gs: [Digest.Group], section: Digest.SectionID, noun: String) -> [String: Any] {
            var shownGroups: [[String: Any]] = []
            var hiddenGroups: [Digest.Item] = []
            for g in gs {
                let key = Digest.SlotKey(section, group: g.key)
                let shown = layout.shown[key] ?? g.items.count
                if shown == 0 { hiddenGroups += g.items; continue }
                shownGroups.append(["title": g.title, "items": g.items.prefix(shown).map { ["line": line($0, key: key)] },
                                    "more": more(g.items.dropFirst(shown), noun)])
            }
            return ["show": !gs.isEmpty, "groups": shownGroups, "more": more(hiddenGroups[...], noun + " in other groups", withAmount: true)]
        }
        c["asks"] = groups(d.asks, section: .asks, noun: "asks")
        c["flags"] = groups(d.flags, section: .flags, noun: "risks")
        c["gaps"] = section(d.gaps, key: .gaps, noun: "tickets", layout)
        let notesShown = layout.shown[.notes] ?? d.notes.count
        c["notes"] = ["show": !d.notes.isEmpty,
                      "items": d.notes.prefix(notesShown).map { n -> [String: Any] in
                          let heading = n.kind == "leader" ? "From \(n.name.split(separator: " ").first.map(String.init) ?? n.name)" : n.kind == "own" ? "Your note" : n.name
                          return ["heading": heading, "name": n.name, "author": n.author, "kind": n.kind, "text": trimmed(n.text, words: layout.noteWords)]
                      },
                      "more": d.notes.count > notesShown ? ["+\(d.notes.count - notesShown) more notes (\(d.notes.dropFirst(notesShown).map(\.name).count) people)"] : []]
        let missingShown = layout.shown[.missing] ?? d.missing.count
        var missingLine = d.missing.prefix(missingShown).map(name).joined(separator: ", ")
        if d.missing.count > missingShown { missingLine += (missingLine.isEmpty ? "" : ", ") + "+\(d.missing.count - missingShown) more" }
        c["missing"] = ["show": !d.missing.isEmpty, "line": "\(d.missing.count) without an update for \(d.week): " + missingLine, "count": d.missing.count]
        return c
    }

    func renderMarkdown(_ d: Digest, _ layout: Layout, minutes: Int) -> String {
        var text = DigestMarkdown.neutralised(template.render(context(d, layout, minutes: minutes)))
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
