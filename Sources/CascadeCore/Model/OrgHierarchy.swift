/// Who reports to whom, indexed once: a leader's direct reports and whole
/// team without scanning everyone for each leader (`digest --all` asks for
/// every leader's team; scanning would grow with the square of the organisation).
public struct OrgHierarchy: Sendable {
    /// Person id -> their direct reports' positions in `people`, in org.yaml order.
    private let reports: [String: [Int]]
    private let ids: [String]

    public init(_ org: Org) {
        ids = org.people.map(\.id.value)
        var reports: [String: [Int]] = [:]
        for (i, p) in org.people.enumerated() {
            if let boss = p.reportsTo?.value, boss != p.id.value { reports[boss, default: []].append(i) }
        }
        self.reports = reports
    }

    /// The people with someone reporting to them, in org.yaml order.
    public var leaders: [String] { ids.filter { reports[$0] != nil } }

    public func directs(of id: String) -> [String] { (reports[id] ?? []).map { ids[$0] } }

    /// Everyone below `id` (not `id` itself), in org.yaml order; a cycle ends where it closes.
    public func subtree(of id: String) -> [String] {
        var found: Set<Int> = []
        var stack = reports[id] ?? []
        while let i = stack.popLast() {
            guard ids[i] != id, found.insert(i).inserted else { continue }
            stack += reports[ids[i]] ?? []
        }
        return found.sorted().map { ids[$0] }
    }
}
