/// One weekly update as written, every field with its position.
public struct Update: Sendable {
    public var author: Located<String>?
    public var week: Located<String>?
    public var deals: [Deal] = []
    public var highlights: [Located<String>] = []
    /// The Markdown after the front matter.
    public var body: String = ""
    public var bodyLine: Int = 1
    /// Where the front matter's mapping starts (its first key).
    public var firstKey: Position = .start
    /// The position of each top-level key's value.
    public var valuePositions: [String: Position] = [:]

    public init() {}
}

public struct Deal: Sendable {
    /// The first key of the deal's mapping.
    public var firstKey: Position
    public var id: Located<String>?
    public var account: Located<String>?
    public var stage: Located<String>?
    public var amount: Located<Amount>?
    public var close: Located<String>?
    public var next: Located<String>?
    public var reason: Located<String>?
    public var lesson: Located<String>?
    public var why: Located<String>?
    public var competitor: Located<String>?
    public var vertical: Located<String>?
    public var persona: Located<String>?
    /// `commit`, `best-case`, `pipeline` or `omitted`: overrides the forecast category of the deal's stage.
    public var forecast: Located<String>?
    /// Where the deal came from: a short tag (`inbound`, `outbound`, `partner`, `event`, `referral`).
    public var source: Located<String>?
    public var gaps: [Located<String>] = []
    public var objections: [Located<String>] = []
    public var asks: [Ask] = []
    /// The position of each key's value (for "required" checks on empty values).
    public var valuePositions: [String: Position] = [:]
    /// The deal as written, every key in its order (`x-` keys included): what `cascade new` carries forward.
    public var node: YAMLNode?

    public init(firstKey: Position) { self.firstKey = firstKey }

    public static let fields = [
        "id", "account", "stage", "amount", "close", "next", "competitor", "vertical", "persona", "gaps", "objections",
        "asks", "reason", "lesson", "why", "forecast", "source",
    ]
}

public struct Ask: Sendable {
    public var firstKey: Position
    public var to: Located<String>?
    public var ask: Located<String>?
    public var valuePositions: [String: Position] = [:]

    public static let fields = ["to", "ask"]
}

/// An amount as written: the scalar's text and whether it was quoted.
public struct Amount: Sendable, Hashable {
    public var text: String
    public var quoted: Bool

    /// The number, when written as YAML 1.2 would read a plain non-negative number.
    public var value: Money? {
        guard !quoted, Amount.isPlainNumber(text) else { return nil }
        return Money(decimal: text, limit: NumberLimits.maxAmount)
    }

    /// `120000`, `120000.50`: digits, at most one decimal point, no sign.
    public static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0
        var dots = 0
        for c in s.utf8 {
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if c == 0x2E { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1 && s.utf8.first != 0x2E && s.utf8.last != 0x2E
    }
}
