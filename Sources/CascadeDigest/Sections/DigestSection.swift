import CascadeCore
import CascadeHistory

/// What every section of a person's digest builds from: the leader, their scope, the week,
/// the scope's updates of the week and the deals that closed in it.
struct SectionContext {
    let leader: Org.Person
    let scope: [String]
    let week: Week
    let thisWeek: [WeeklyUpdate]
    let closed: [(person: String, deal: DealSnapshot)]
    /// The week's quarter, and the deals closed in it so far (bookings, days to win and to lose).
    let quarter: Quarter
    let quarterClosed: [(person: String, deal: DealSnapshot)]
    var lead: String { leader.id.value }
}

/// One section of a person's digest: it fills its part of the `Digest` from the history.
protocol DigestSection {
    static func build(_ builder: DigestBuilder, _ context: SectionContext, into digest: inout Digest)
}
