import Foundation

/// The organisation of `org.yaml`: people, reporting lines, functions,
/// stages, goals and settings.
public struct Org: Sendable {
    public var company: String = ""
    public var currency: String = "USD"
    public var fiscalYearStartMonth: Int = 1
    public var digest = DigestSettings()
    public var stages = Stages()
    public var lossReasons: [String] = Org.defaultLossReasons
    public var tickets = TicketSettings()
    public var functions: [Function] = []
    public var people: [Person] = []
    public var goals: [Goal] = []
    public var admins: [Located<String>] = []
    /// `glossary:` as written: what a stage means, for readers outside sales.
    public var glossaryEntries: [StageEntry] = []
    /// `forecast:` as written: the forecast category of an open stage.
    public var forecastEntries: [StageEntry] = []

    public struct StageEntry: Sendable {
        public var stage: Located<String>
        public var value: Located<String>
    }

    /// The built-in meanings of the default stages; `glossary:` adds to and overrides them.
    public static let defaultGlossary: [String: String] = [
        "suspect": "A possible buyer we have not yet spoken with about a need.",
        "qualify": "We are finding out whether there is a real need, a budget and a decision to make.",
        "discover": "We have met the buyer, agree on the problem and know who decides.",
        "propose": "The buyer has our proposal: scope, price and plan.",
        "negotiate": "Terms and price are being agreed; the buyer intends to buy.",
        "commit": "The buyer has said yes; the signature is expected by the close date.",
        "won": "Signed.",
        "lost": "The buyer chose someone else or nothing; the update says why and what we learned.",
        "disqualified": "We decided not to pursue it: no fit, no budget or no decision to be made.",
    ]

    /// What `stage` means: org.yaml's glossary, else the built-in meaning of a default stage.
    public func meaning(of stage: String) -> String? {
        glossaryEntries.last { $0.stage.value == stage }?.value.value ?? Org.defaultGlossary[stage]
    }

    /// The forecast category of an open deal: its own, else its stage's, else pipeline.
    public func forecastCategory(stage: String, own: ForecastCategory?) -> ForecastCategory {
        if let own { return own }
        let entry = forecastEntries.last { $0.stage.value == stage }
        return entry.flatMap { ForecastCategory(rawValue: $0.value.value) } ?? .pipeline
    }

    public static let defaultLossReasons = [
        "price", "product-gap", "competitor", "no-decision", "budget", "timing", "champion-left", "no-fit", "other",
    ]

    public init() {}

    public struct DigestSettings: Sendable {
        public var minutes: Double = 5
        public var wordsPerMinute: Double = 238
        public var noteWords: Int = 200
        public var wordBudget: Int { (minutes * wordsPerMinute).rounded(.down).clampedInt }
    }

    public struct Stages: Sendable {
        public var open: [String] = ["suspect", "qualify", "discover", "propose", "negotiate", "commit"]
        public var won: [String] = ["won"]
        public var lost: [String] = ["lost", "disqualified"]
        public var all: [String] { open + won + lost }

        /// The lost stage that means qualifying out (SPEC section 11): it needs no lesson, is counted in the
        /// losses and also apart, and stays out of days to lose.
        public static let disqualified = "disqualified"

        public func isDisqualified(_ stage: String) -> Bool { stage == Self.disqualified && lost.contains(stage) }

        /// Whether a deal at `stage` must say what we would do differently.
        public func needsLesson(_ stage: String) -> Bool { lost.contains(stage) && !isDisqualified(stage) }

        public enum Kind: Sendable { case open, won, lost }

        public func kind(of stage: String) -> Kind? {
            if open.contains(stage) { return .open }
            if won.contains(stage) { return .won }
            if lost.contains(stage) { return .lost }
            return nil
        }

        /// The kind a stage most likely means: its own, else that of the stage it is a typo of
        /// ('propsal' is open), else open (most stages are). So an unknown stage, already an
        /// error of its own, hides no finding that does not depend on it.
        public func likelyKind(of stage: String) -> Kind {
            if let kind = kind(of: stage) { return kind }
            return Suggestion.closest(to: stage, in: all).flatMap { kind(of: $0) } ?? .open
        }

        /// The index of an open stage in the pipeline order.
        public func rank(of stage: String) -> Int? { open.firstIndex(of: stage) }
    }

    public struct TicketSettings: Sendable {
        public var pattern: String = "^[A-Z][A-Z0-9]+-[0-9]+$"
        public var url: String?
        public var regex: TicketRegex? = TicketRegex("^[A-Z][A-Z0-9]+-[0-9]+$")

        public func matches(_ ticket: String) -> Bool { regex?.matches(ticket) ?? true }
        public func link(for ticket: String) -> String? { url?.replacingOccurrences(of: "{id}", with: ticket) }
    }

    public struct Function: Sendable {
        public var id: Located<String>
        public var name: String
        public var lead: Located<String>?
    }

    public struct Person: Sendable {
        public var id: Located<String>
        public var name: String
        public var email: String?
        public var title: String?
        public var reportsTo: Located<String>?
        public var region: String?
        public var segment: String?
        public var delegates: [Located<String>] = []
    }

    public struct Goal: Sendable {
        public var team: Located<String>
        public var quarter: Located<String>
        public var bookings: Money
    }

    // MARK: Lookups

    public func person(_ id: String) -> Person? { peopleIndex[id].map { people[$0] } }
    public func function(_ id: String) -> Function? { functions.first { $0.id.value == id } }
    public var personIDs: [String] { people.map(\.id.value) }
    public var functionIDs: [String] { functions.map(\.id.value) }

    var peopleIndex: [String: Int] {
        get {
            _peopleIndex.value
                ?? Dictionary(people.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }
    private var _peopleIndex = IndexBox()

    /// Builds the lookup tables once the people are final.
    public mutating func index() {
        _peopleIndex = IndexBox(
            Dictionary(people.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a }))
        _inherited = InheritedBox(region: inheritance(\.region), segment: inheritance(\.segment))
        _hierarchy = HierarchyBox(OrgHierarchy(self))
    }

    private var _hierarchy: HierarchyBox?

    /// Who reports to whom, indexed once per organisation (built on the spot for an org not yet indexed).
    public var hierarchy: OrgHierarchy { _hierarchy?.value ?? OrgHierarchy(self) }

    private var _inherited: InheritedBox?

    /// `region` or `segment` of everyone, inherited from the nearest ancestor that sets it: each
    /// person resolved once (a walk up stops at someone already resolved), so a deep chain costs its length.
    func inheritance(_ field: KeyPath<Person, String?>) -> [String: String] {
        var resolved: [String: String?] = [:]
        for person in people {
            var path: [String] = []
            var seen: Set<String> = []
            var current: String? = person.id.value
            var value: String?
            while let c = current, seen.insert(c).inserted {
                if let known = resolved[c] { value = known; break }
                guard let p = self.person(c) else { break }
                if let v = p[keyPath: field] { value = v; path.append(c); break }
                path.append(c)
                current = p.reportsTo?.value
            }
            for id in path where resolved[id] == nil { resolved[id] = .some(value) }
        }
        return resolved.compactMapValues { $0 }
    }

    /// `region` or `segment`, inherited from the nearest ancestor that sets it (SPEC section 2).
    public func inherited(_ field: KeyPath<Person, String?>, of id: String) -> String? {
        if let box = _inherited, field == \Person.region || field == \Person.segment {
            return field == \Person.region ? box.region[id] : box.segment[id]
        }
        return inheritance(field)[id]
    }

    /// Whether `id` is `ancestor` or below them (following `reports_to`; safe on cycles).
    public func isInSubtree(_ id: String, of ancestor: String) -> Bool {
        var current: String? = id
        var steps = 0
        while let c = current, steps <= people.count {
            if c == ancestor { return true }
            current = person(c)?.reportsTo?.value
            steps += 1
        }
        return false
    }
}

/// The reporting index, boxed so `Org` stays a cheap value.
final class HierarchyBox: @unchecked Sendable {
    let value: OrgHierarchy
    init(_ value: OrgHierarchy) { self.value = value }
}

/// Inherited regions and segments, boxed so `Org` stays a cheap value.
final class InheritedBox: @unchecked Sendable {
    let region: [String: String]
    let segment: [String: String]
    init(region: [String: String], segment: [String: String]) { self.region = region; self.segment = segment }
}

/// An immutable index, boxed so `Org` stays a cheap value.
final class IndexBox: @unchecked Sendable {
    let value: [String: Int]?
    init(_ value: [String: Int]? = nil) { self.value = value }
}

/// A compiled `tickets.pattern`; NSRegularExpression is thread-safe.
public final class TicketRegex: @unchecked Sendable {
    let regex: NSRegularExpression

    public init?(_ pattern: String) {
        guard let r = try? NSRegularExpression(pattern: pattern) else { return nil }
        regex = r
    }

    public func matches(_ s: String) -> Bool {
        let ns = s as NSString
        return regex.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) != nil
    }
}

/// The forecast category of an open deal (SPEC section 16): its own `forecast`, else its stage's in
/// `org.yaml`, else `pipeline`; `omitted` deals are left out of the forecast.
public enum ForecastCategory: String, Sendable, CaseIterable, Hashable {
    case commit
    case bestCase = "best-case"
    case pipeline
    case omitted
}
