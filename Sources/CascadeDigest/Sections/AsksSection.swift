import CascadeCore
import CascadeHistory

/// Asks for help, grouped by who is asked: never lose alone.
enum AsksSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        d.asks = b.askGroups(c.thisWeek)
    }
}

/// Risks: slipped close dates, stages going backwards, vanished deals, unchanged deals, handovers.
enum RisksSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        d.flags = b.flagGroups(c.scope, c.week)
    }
}

/// Product gaps: tickets blocking deals, ranked by the open amount they block.
enum GapsSection: DigestSection {
    static func build(_ b: DigestBuilder, _ c: SectionContext, into d: inout Digest) {
        d.gaps = b.gapItems(c.thisWeek, closed: c.closed)
    }
}
