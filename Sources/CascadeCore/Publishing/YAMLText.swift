/// Writes scalars so any YAML reader reads back exactly the same text.
public enum YAMLText {
    /// `text` as a plain scalar when that is unambiguous, else double-quoted.
    public static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) && !(first == "-" && s.count > 1 && s.unicodeScalars.dropFirst().first != " ") { return true }
        if first == " " || last == " " || last == ":" { return true }
        if s.contains(": ") || s.contains(" #") || s.contains("\t") { return true }
        return s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A flow list of scalars: `[PROD-311, DATA-7]`.
    public static func list(_ items: [String]) -> String {
        "[" + items.map { s in needsQuotes(s) || s.contains(",") || s.contains("]") || s.contains("[") ? quoted(s) : s }.joined(separator: ", ") + "]"
    }
}

/// The deals of an update as YAML lines under `deals:`, every field kept,
/// for `cascade new` to carry open deals forward.
public enum DealWriter {
    public static func yaml(_ deals: [Deal]) -> String {
        var s = ""
        for deal in deals {
            var lines: [String] = []
            func add(_ key: String, _ value: Located<String>?) {
                if let value { lines.append("\(key): \(YAMLText.scalar(value.value))") }
            }
            add("id", deal.id)
            add("account", deal.account)
            add("stage", deal.stage)
            if let amount = deal.amount { lines.append("amount: \(amount.value.quoted ? YAMLText.quoted(amount.value.text) : amount.value.text)") }
            add("close", deal.close)
            add("next", deal.next)
            add("competitor", deal.competitor)
            add("vertical", deal.vertical)
            add("persona", deal.persona)
            if !deal.gaps.isEmpty { lines.append("gaps: \(YAMLText.list(deal.gaps.map(\.value)))") }
            if !deal.objections.isEmpty { lines.append("objections: \(YAMLText.list(deal.objections.map(\.value)))") }
            add("reason", deal.reason)
            add("lesson", deal.lesson)
            add("why", deal.why)
            if !deal.asks.isEmpty {
                lines.append("asks:")
                for ask in deal.asks {
                    lines.append("  - to: \(YAMLText.scalar(ask.to?.value ?? ""))")
                    lines.append("    ask: \(YAMLText.scalar(ask.ask?.value ?? ""))")
                }
            }
            for (i, line) in lines.enumerated() { s += (i == 0 ? "  - " : "    ") + line + "\n" }
        }
        return s
    }
}
