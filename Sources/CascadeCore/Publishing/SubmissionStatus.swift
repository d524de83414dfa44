/// What the history says about one update file.
public struct FileHistory: Sendable {
    /// Committer time (seconds since 1970) and offset (minutes) of the commit that first added it.
    public var firstCommit: (time: Int64, offset: Int)?
    /// Committer times of later commits that changed it.
    public var changes: [(time: Int64, offset: Int)] = []

    public init() {}
}

/// Who in scope has submitted their update for a week, who has not, who was
/// late and who rewrote an update after its week was over (SPEC section 11).
public struct SubmissionStatus: Sendable {
    public struct Entry: Sendable {
        public var person: String
        public var name: String
        public var submitted: Bool
        public var late: Bool
        public var rewritten: Bool
        /// Local committer time of the first commit, `YYYY-MM-DD HH:MM±HH:MM`.
        public var submittedAt: String?
    }

    public var week: Week
    public var scope: String
    public var entries: [Entry]
    /// False in a shallow clone: who submitted is known (the files in HEAD), when and whether late or rewritten is not.
    public var historyKnown = true

    public var submitted: [Entry] { entries.filter(\.submitted) }
    public var missing: [Entry] { entries.filter { !$0.submitted } }
    public var late: [Entry] { entries.filter(\.late) }
    public var rewritten: [Entry] { entries.filter(\.rewritten) }

    /// Late: first committed after 23:59:59 on the Friday of the week, in the committer's zone.
    public static func isLate(_ time: Int64, offset: Int, week: Week) -> Bool {
        let deadline = Int64(week.friday.ordinal + 1) * 86_400  // Saturday 00:00 local
        return time + Int64(offset) * 60 >= deadline
    }

    /// Rewritten: changed by a commit more than seven days after the week ended (Sunday 23:59:59 local).
    public static func isRewrite(_ time: Int64, offset: Int, week: Week) -> Bool {
        let end = Int64(week.sunday.ordinal + 1) * 86_400
        return time + Int64(offset) * 60 > end + 7 * 86_400
    }

    public init(week: Week, scope: String, people: [Org.Person], history: [String: FileHistory]) {
        self.week = week
        self.scope = scope
        entries = people.map { person in
            let h = history[person.id.value]
            let first = h?.firstCommit
            return Entry(
                person: person.id.value, name: person.name, submitted: first != nil,
                late: first.map { Self.isLate($0.time, offset: $0.offset, week: week) } ?? false,
                rewritten: h?.changes.contains { Self.isRewrite($0.time, offset: $0.offset, week: week) } ?? false,
                submittedAt: first.map { Self.local($0.time, $0.offset) })
        }
    }

    /// From the files of HEAD alone (a shallow clone): submitted or not; times unknown.
    public init(week: Week, scope: String, people: [Org.Person], committed: Set<String>) {
        self.week = week
        self.scope = scope
        historyKnown = false
        entries = people.map { person in
            Entry(
                person: person.id.value, name: person.name, submitted: committed.contains(person.id.value),
                late: false, rewritten: false, submittedAt: nil)
        }
    }

    public static func localTime(_ time: Int64, _ offset: Int) -> String { local(time, offset) }

    static func local(_ time: Int64, _ offset: Int) -> String {
        let local = time + Int64(offset) * 60
        let day = Day(ordinal: Int(floorDiv(local, 86_400)))
        let seconds = Int(local - floorDiv(local, 86_400) * 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = offset < 0 ? "-" : "+"
        return
            "\(day) "
            + "\(two(seconds / 3600)):\(two(seconds / 60 % 60))"
            + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

extension Org {
    /// Everyone below `id` (not `id` itself), in org.yaml order.
    public func subtree(of id: String) -> [Person] {
        let team = Set(hierarchy.subtree(of: id))
        return people.filter { team.contains($0.id.value) }
    }

    /// The person whose email is `email` (case-insensitive).
    public func person(withEmail email: String) -> Person? {
        let e = email.lowercased()
        return people.first { $0.email?.lowercased() == e }
    }
}

/// One person's record over a quarter so far: each week's update, submitted or not, on time or late.
public struct RepRecord: Sendable {
    public var quarter: Quarter
    public var weeks: [Week]
    /// One entry a week, in the order of `weeks`; the last is this week.
    public var entries: [SubmissionStatus.Entry]
    public var historyKnown: Bool

    public init(quarter: Quarter, weeks: [Week], entries: [SubmissionStatus.Entry], historyKnown: Bool) {
        self.quarter = quarter
        self.weeks = weeks
        self.entries = entries
        self.historyKnown = historyKnown
    }

    public var thisWeek: SubmissionStatus.Entry { entries[entries.count - 1] }
    public var submitted: Int { entries.filter(\.submitted).count }
    /// Submitted by the Friday of their week; nil when a shallow clone cannot tell.
    public var onTime: Int? { historyKnown ? entries.filter { $0.submitted && !$0.late }.count : nil }
}
