import CascadeCore
import CascadeHTML
import Foundation

/// The Markdown digest's values, section by section, as the template (`DefaultTemplate` or the
/// repository's `templates/digest.md`) reads them; the wording of items is `DigestWording`'s.
extension DigestRenderer {
    func money(_ amount: Money) -> String { amount.formatted(currency: org.currency) }
    func name(_ id: String) -> String { org.person(id)?.name ?? org.function(id)?.name ?? id }

    func line(_ i: Digest.Item, key: Digest.SlotKey) -> String {
        let text = wording.text(i)
        if key == .gaps { return "**\(i.deal)**: \(text)" }
        let who = i.author.isEmpty ? "" : ", \(name(i.author))"
        let detail = text.isEmpty ? "" : ": \(text)"
        return "**\(i.account)** (\(i.deal), \(money(i.amount))\(who))\(detail)"
    }

    func more(
        _ hidden: ArraySlice<Digest.Item>, _ noun: Noun, elsewhere: String = "", withAmount: Bool = true
    )
        -> [String]
    {
        guard !hidden.isEmpty else { return [] }
        let amount = hidden.sum(\.amount)
        return [
            "+\(hidden.count) more \(noun.word(hidden.count))\(elsewhere)" + (withAmount ? ", \(money(amount))" : "")
        ]
    }

    func section(_ items: [Digest.Item], key: Digest.SlotKey, noun: Noun, _ layout: Layout) -> [String: Any] {
        let shown = layout.shown[key] ?? items.count
        return [
            "show": !items.isEmpty, "items": items.prefix(shown).map { ["line": line($0, key: key)] },
            "more": more(items.dropFirst(shown), noun, withAmount: true),
        ]
    }

    func trimmed(_ text: String, words limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }.joined(separator: " ")
        let tokens = flat.split(separator: " ", omittingEmptySubsequences: true)
        var kept: [Substring] = []
        var count = 0
        for t in tokens {
            if t.contains(where: { $0.isLetter || $0.isNumber }) {
                if count == limit { return Self.atSentenceEnd(kept) }
                count += 1
            }
            kept.append(t)
        }
        return kept.joined(separator: " ")
    }

    /// A note cut to `kept` words ends where its last whole sentence ends; only a first sentence
    /// longer than the limit is cut mid-sentence, marked with "…".
    static func atSentenceEnd(_ kept: [Substring]) -> String {
        let ends = kept.lastIndex { token in
            let trimmed = token.reversed().drop { "\"')]*_”’".contains($0) }
            return trimmed.first.map { ".!?".contains($0) } ?? false
        }
        guard let end = ends else { return kept.joined(separator: " ") + " …" }
        return kept[...end].joined(separator: " ") + " …"
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
        var lines = [
            what.joined(separator: " and ")
                + ", so \(count == 1 ? "its" : "their") figures are left out of this digest; "
                + "run `cascade check` and fix:"
        ]
        for u in d.unreadable.prefix(10) { lines.append("\(u.file):\(u.error)") }
        if count > 10 { lines.append("+\(count - 10) more unreadable \(Noun.update.word(count - 10))") }
        return lines
    }

    /// The Mustache context of the Markdown template: every section's values as text, within the layout.
    public func context(_ d: Digest, _ layout: Layout, minutes: Int) -> [String: Any] {
        var c = header(d, minutes: minutes)
        c["numbers"] = numbers(d)
        c["stages"] =
            d.isFunction
            ? []
            : d.stages.map {
                [
                    "stage": $0.stage, "amount": money($0.amount), "deals": "\($0.deals)",
                    "change": signed($0.amountChange) + " / " + signedInt($0.dealsChange),
                ]
            }
        c["has_stages"] = !d.isFunction
        let headline = wording.headline(d)
        c["has_headline"] = !headline.isEmpty
        c["headline"] = headline.map { ["label": $0.label, "text": $0.text] }
        let movement = wording.movementRows(d)
        c["has_movement"] = !movement.isEmpty
        c["movement"] = movement.map { ["label": $0.label, "amount": $0.amount, "deals": $0.deals] }
        c["movement_dates"] = wording.movementDates(d)
        c["highlights"] = section(d.highlights, key: .highlights, noun: .highlight, layout)
        c.merge(outcomes(d, layout)) { $1 }
        c["asks"] = groups(d.asks, section: .asks, noun: .ask, layout)
        c["flags"] = groups(d.flags, section: .flags, noun: .risk, layout)
        c["gaps"] = section(d.gaps, key: .gaps, noun: .ticket, layout)
        c["notes"] = notes(d, layout)
        c.merge(functionContext(d)) { $1 }
        c["missing"] = missing(d, layout)
        return c
    }

    /// A function's own sections: objections and sources (marketing), and the glossary of its stages.
    func functionContext(_ d: Digest) -> [String: Any] {
        [
            "has_objections": !d.objections.isEmpty,
            // The ten most frequent; the rest counted, never dropped silently.
            "objections_more": d.objections.count > 10
                ? ["+\(d.objections.count - 10) more \(Noun("objection").word(d.objections.count - 10))"] : [],
            "objections": d.objections.prefix(10).map {
                [
                    "objection": $0.objection, "week": "\($0.weekDeals) (\(money($0.weekAmount)))",
                    "quarter": "\($0.quarterDeals) (\(money($0.quarterAmount)))",
                ]
            },
            "has_sources": !d.sources.isEmpty,
            "sources": d.sources.map {
                [
                    "source": $0.source, "won": "\($0.won)", "lost": "\($0.lost)",
                    "rate": $0.rate.map { wording.percent($0) } ?? "",
                ]
            },
            "has_glossary": !d.glossary.isEmpty,
            "glossary": d.glossary.map { ["stage": $0.stage, "meaning": $0.meaning] },
        ]
    }

    func signed(_ v: Money) -> String { v == .zero ? "±0" : (v > .zero ? "+" : "") + money(v) }
    func signedInt(_ v: Int) -> String { v == 0 ? "±0" : (v > 0 ? "+\(v)" : "\(v)") }

    func header(_ d: Digest, minutes: Int) -> [String: Any] {
        [
            "title": d.isFunction ? "\(d.forName): asks for help, \(d.week)" : "Digest for \(d.forName), \(d.week)",
            "for": d.forID, "for_name": d.forName, "week": d.week.description,
            "company": d.company.isEmpty ? "15-5" : d.company,
            "reading_time": "\(minutes) min read",
            "scope_line":
                (d.isFunction
                ? "asks from \(Noun.update(d.updates))" : "\(d.updates) of \(Noun.person(d.people)) wrote an update")
                + (d.readerNote.map { " · " + $0 } ?? ""),
            "unreadable": unreadableLines(d),
        ]
    }

    /// The headline figures and the lines under the stage table.
    func numbers(_ d: Digest) -> [String: Any] {
        let t = d.totals
        guard !d.isFunction else {
            return [
                "headline": t.openDeals == 0
                    ? "No deal asks \(d.forName) for help this week."
                    : "\(Noun.deal(t.openDeals)) worth \(money(t.openAmount)) "
                        + "\(t.openDeals == 1 ? "asks" : "ask") \(d.forName) for help this week.",
                "lines": [String](),
            ]
        }
        let change = d.stages.sum(\.amountChange)
        let headline =
            "Open pipeline **\(money(t.openAmount))** in \(Noun.deal(t.openDeals)) (\(signed(change)) vs last week). "
            + "Won **\(money(t.wonAmount))** (\(t.wonDeals)), lost **\(money(t.lostAmount))** (\(t.lostDeals)) this "
            + "week."
        var lines = wording.frameLines(d)
        if t.disqualifiedDeals > 0 {
            lines.append(
                "Disqualified this week: \(t.disqualifiedDeals) (\(money(t.disqualifiedAmount))), counted in lost.")
        }
        if !d.stale.isEmpty {
            let who =
                d.stale.prefix(5).map(name).joined(separator: ", ")
                + (d.stale.count > 5 ? " and \(d.stale.count - 5) more" : "")
            lines.append(
                "\(d.stale.count == 1 ? "1 person's" : "\(d.stale.count) people's") pipeline comes from an older "
                    + "update "
                    + "(up to four weeks old, marked stale): \(who).")
        }
        return ["headline": headline, "lines": lines]
    }

    /// Wins, losses with the loss of the week, reasons counted, median days.
    func outcomes(_ d: Digest, _ layout: Layout) -> [String: Any] {
        var c: [String: Any] = [:]
        c["wins"] = section(d.wins, key: .wins, noun: .win, layout)
        var losses = section(d.losses, key: .losses, noun: .loss, layout)
        losses["show"] = !d.losses.isEmpty || d.lossOfTheWeek != nil
        c["losses"] = losses
        if let top = d.lossOfTheWeek { c["loss_of_the_week"] = ["line": line(top, key: .losses)] }
        let alone = d.lostAlone
        let aloneLine = "Lost alone: \(alone.deals) of \(Noun.loss(alone.losses)) (\(money(alone.amount))) asked nobody"
        c["lost_alone"] = alone.losses == 0 ? [] : [aloneLine + " for help."]
        c["loss_reasons"] = d.lossReasons.map { "\($0.reason) \($0.count) (\(money($0.amount)))" }.joined(
            separator: ", ")
        if d.medianDaysToLose != nil || d.medianDaysToWin != nil {
            func days(_ v: Double?) -> String { v.map { "\($0.rounded().clampedInt) days" } ?? "none yet" }
            c["days_line"] =
                "Median time to lose: \(days(d.medianDaysToLose)); to win: \(days(d.medianDaysToWin)) (deals closed "
                + "in \(d.quarter))."
        }
        return c
    }

    /// A grouped section (asks by whom they ask, risks by kind), each group trimmed by the layout.
    func groups(_ gs: [Digest.Group], section: Digest.SectionID, noun: Noun, _ layout: Layout) -> [String: Any] {
        var shownGroups: [[String: Any]] = []
        var hiddenGroups: [Digest.Item] = []
        for g in gs {
            let key = Digest.SlotKey(section, group: g.key)
            let shown = layout.shown[key] ?? g.items.count
            if shown == 0 { hiddenGroups += g.items; continue }
            shownGroups.append([
                "title": g.title, "items": g.items.prefix(shown).map { ["line": line($0, key: key)] },
                "more": more(g.items.dropFirst(shown), noun),
            ])
        }
        return [
            "show": !gs.isEmpty, "groups": shownGroups,
            "more": more(hiddenGroups[...], noun, elsewhere: " in other groups", withAmount: true),
        ]
    }

    func notes(_ d: Digest, _ layout: Layout) -> [String: Any] {
        let shown = layout.shown[.notes] ?? d.notes.count
        let items = d.notes.prefix(shown).map { n -> [String: Any] in
            let first = n.name.split(separator: " ").first.map(String.init) ?? n.name
            let heading = n.kind == "leader" ? "From \(first)" : n.name
            return [
                "heading": heading, "name": n.name, "author": n.author, "kind": n.kind,
                "text": trimmed(n.text, words: layout.noteWords),
            ]
        }
        let more =
            d.notes.count > shown
            ? ["+\(d.notes.count - shown) more \(Noun.note.word(d.notes.count - shown))"] : []
        return ["show": !d.notes.isEmpty, "items": items, "more": more]
    }

    func missing(_ d: Digest, _ layout: Layout) -> [String: Any] {
        let shown = layout.shown[.missing] ?? d.missing.count
        var line = d.missing.prefix(shown).map(name).joined(separator: ", ")
        if d.missing.count > shown { line += (line.isEmpty ? "" : ", ") + "+\(d.missing.count - shown) more" }
        return [
            "show": !d.missing.isEmpty, "line": "\(d.missing.count) without an update for \(d.week): " + line,
            "count": d.missing.count,
        ]
    }

    func renderMarkdown(_ d: Digest, _ layout: Layout, minutes: Int) -> String {
        var text = DigestMarkdown.neutralised(template.render(context(d, layout, minutes: minutes)))
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
