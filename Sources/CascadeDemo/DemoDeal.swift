import CascadeCore

/// A deal of the synthetic organisation, as it stands this week.
struct DemoDeal: Sendable {
    enum Outcome: String { case won, lost, disqualified }

    struct Ask: Sendable {
        var to: String
        var text: String
    }

    static let openStages = ["suspect", "qualify", "discover", "propose", "negotiate", "commit"]
    static let sources = ["inbound", "outbound", "partner", "event", "referral"]

    var id: String
    var account: String
    /// Index into the open stages while open.
    var stage: Int
    var amount: Int
    var close: Day
    var next: String
    var created: Week
    var competitor: String?
    var vertical: String
    var persona: String
    var gaps: [String] = []
    var objections: [String] = []
    var asks: [Ask] = []
    var outcome: Outcome?
    var reason: String?
    var lesson: String?
    var why: String?

    init(
        id: String, account: String, stage: Int, amount: Int, close: Day, next: String, created: Week,
        competitor: String?, vertical: String, persona: String
    ) {
        self.id = id
        self.account = account
        self.stage = stage
        self.amount = amount
        self.close = close
        self.next = next
        self.created = created
        self.competitor = competitor
        self.vertical = vertical
        self.persona = persona
    }

    var isOpen: Bool { outcome == nil }

    mutating func close(_ outcome: Outcome, on day: Day, random: inout SeededRandom) {
        self.outcome = outcome
        close = day
        asks = []
        switch outcome {
        case .won:
            why = random.pick(Vocabulary.whys)
        case .lost:
            reason =
                gaps.isEmpty
                ? random.pick(["price", "competitor", "no-decision", "budget", "timing", "champion-left", "other"])
                : "product-gap"
            if reason == "competitor", competitor == nil { competitor = random.pick(Vocabulary.competitors) }
            lesson = random.pick(Vocabulary.lessons)
        case .disqualified:
            reason = random.pick(["no-fit", "budget", "no-decision"])
        }
    }

    var stageName: String { outcome?.rawValue ?? Self.openStages[stage] }

    var yaml: String {
        var s =
            "  - id: \(id)\n    account: \(account)\n    stage: \(stageName)\n    amount: \(amount)\n    close: "
                + "\(close)\n"
        if isOpen { s += "    next: \(next)\n" }
        if let competitor { s += "    competitor: \(competitor)\n" }
        s += "    vertical: \(vertical)\n    persona: \(persona)\n"
        // Source and forecast follow from the deal's number, not from the random stream, so adding
        // them left every other figure of a seed's organisation as it was.
        let number = Int(id.drop { !$0.isNumber }) ?? 0
        if number % 10 != 0 { s += "    source: \(Self.sources[number % Self.sources.count])\n" }
        if isOpen, stage >= 3, number % 6 == 0 { s += "    forecast: \(number % 12 == 0 ? "omitted" : "best-case")\n" }
        if !gaps.isEmpty { s += "    gaps: [\(gaps.joined(separator: ", "))]\n" }
        if !objections.isEmpty { s += "    objections: [\(objections.joined(separator: ", "))]\n" }
        if let reason { s += "    reason: \(reason)\n" }
        if let lesson { s += "    lesson: \(lesson)\n" }
        if let why { s += "    why: \(why)\n" }
        if !asks.isEmpty {
            s += "    asks:\n"
            for ask in asks { s += "      - to: \(ask.to)\n        ask: \(ask.text)\n" }
        }
        return s
    }
}
