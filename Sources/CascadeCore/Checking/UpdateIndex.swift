/// What the cross-file rules need to know about one update.
public struct UpdateSummary: Sendable {
    public struct DealRef: Sendable {
        public var id: String
        public var position: Position
        public var closed: Bool
    }

    public var path: String
    public var week: Week?
    public var author: String?
    public var deals: [DealRef]
    public var highlights: [Located<String>]

    public init(_ parsed: ParsedUpdate, org: Org?) {
        path = parsed.path
        week = parsed.week
        author = parsed.author
        highlights = parsed.update?.highlights ?? []
        deals = (parsed.update?.deals ?? []).compactMap { deal in
            guard let id = deal.id else { return nil }
            let kind = deal.stage.flatMap { org?.stages.kind(of: $0.value) }
            return DealRef(id: id.value, position: id.position, closed: kind == .won || kind == .lost)
        }
    }
}

/// Every update of the repository that a check looked at, indexed by week
/// and by author, built once for all cross-file rules.
public struct UpdateIndex: Sendable {
    public struct Listing: Sendable {
        public var path: String
        public var author: String?
    }

    /// Week -> deal id -> the files listing it, in path order.
    public private(set) var dealsByWeek: [Week: [String: [Listing]]] = [:]
    /// Author -> deal id -> the earliest week it was listed closed.
    public private(set) var closedByAuthor: [String: [String: Week]] = [:]

    public init(_ summaries: [UpdateSummary]) {
        for s in summaries.sorted(by: { $0.path < $1.path }) {
            guard let week = s.week else { continue }
            var seenInFile: Set<String> = []
            for deal in s.deals where seenInFile.insert(deal.id).inserted {
                dealsByWeek[week, default: [:]][deal.id, default: []].append(Listing(path: s.path, author: s.author))
                if deal.closed, let author = s.author {
                    if let known = closedByAuthor[author]?[deal.id], known <= week { continue }
                    closedByAuthor[author, default: [:]][deal.id] = week
                }
            }
        }
    }

    public func listings(of deal: String, in week: Week) -> [Listing] { dealsByWeek[week]?[deal] ?? [] }
}
