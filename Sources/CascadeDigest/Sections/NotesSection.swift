import CascadeCore
import CascadeHistory

/// From the team: direct reports' notes up, leaders' notes down ("From Raj"), and the deals a
/// direct report passed up in `highlights`. The reader's own note is not shown back to them: it
/// cascades down into the digests below them (SPEC section 6).
enum NotesSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        for direct in b.hierarchy.directs(of: c.lead) {
            guard let u = b.history.update(of: direct, in: c.week) else { continue }
            if !u.body.isEmpty {
                d.notes.append(Digest.Note(author: direct, name: b.name(direct), text: u.body, kind: "team"))
            }
            for h in u.highlights {
                if let owner = c.thisWeek.first(where: { $0.deals.contains { $0.id == h } }),
                    let deal = owner.deals.first(where: { $0.id == h })
                {
                    d.highlights.append(
                        b.item(deal, owner.person, .highlight(stage: deal.stage, close: deal.close, next: deal.next)))
                }
            }
        }
        var ancestor = c.leader.reportsTo?.value
        var seen: Set<String> = [c.lead]
        while let a = ancestor, seen.insert(a).inserted {
            if let u = b.history.update(of: a, in: c.week), !u.body.isEmpty {
                d.notes.append(Digest.Note(author: a, name: b.name(a), text: u.body, kind: "leader"))
            }
            ancestor = b.org.person(a)?.reportsTo?.value
        }
    }
}
