/// Writes scalars so any YAML reader reads back exactly the same text.
public enum YAMLText {
    /// `text` as a plain scalar when that is unambiguous, else double-quoted.
    public static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first)
            && !(first == "-" && s.count > 1 && s.unicodeScalars.dropFirst().first != " ")
        {
            return true
        }
        if first == " " || last == " " || last == ":" { return true }
        if s.contains(": ") || s.contains(" #") || s.contains("\t") { return true }
        return s.unicodeScalars.contains {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
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
        "["
            + items.map { s in needsQuotes(s) || s.contains(",") || s.contains("]") || s.contains("[") ? quoted(s) : s }
            .joined(separator: ", ") + "]"
    }
}

/// The deals of an update as YAML lines under `deals:`, every field kept,
/// for `cascade new` to carry open deals forward.
public enum DealWriter {
    public static func yaml(_ deals: [Deal]) -> String {
        var s = ""
        for deal in deals {
            if let node = deal.node, node.pairs != nil {
                // Every key as written, in its order: x- keys and their values at any depth included.
                for (i, line) in YAMLEmitter.lines(node).enumerated() { s += (i == 0 ? "  - " : "    ") + line + "\n" }
                continue
            }
            var lines: [String] = []
            func add(_ key: String, _ value: Located<String>?) {
                if let value { lines.append("\(key): \(YAMLText.scalar(value.value))") }
            }
            add("id", deal.id)
            add("account", deal.account)
            add("stage", deal.stage)
            if let amount = deal.amount {
                lines.append("amount: \(amount.value.quoted ? YAMLText.quoted(amount.value.text) : amount.value.text)")
            }
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

/// Writes a YAML tree back as block YAML that reads back to the same values:
/// mappings in source order, lists of scalars in flow style, scalars quoted
/// only when they must be (a scalar quoted in the source stays quoted).
enum YAMLEmitter {
    /// The lines of `node`, unindented (a caller indents them under its key or `- `).
    static func lines(_ node: YAMLNode) -> [String] {
        switch node.kind {
        case .scalar: return [scalar(node)]
        case .mapping(let pairs):
            return pairs.flatMap { pair -> [String] in
                let key = YAMLText.scalar(pair.key)
                switch pair.value.kind {
                case .scalar: return ["\(key):" + (pair.value.isNull ? "" : " " + scalar(pair.value))]
                case .sequence(let items) where items.allSatisfy({ $0.scalarText != nil }):
                    return ["\(key): [" + items.map(flowScalar).joined(separator: ", ") + "]"]
                case .sequence, .mapping:
                    let body = lines(pair.value)
                    if body.isEmpty { return ["\(key): " + (pair.value.pairs != nil ? "{}" : "[]")] }
                    return ["\(key):"] + body.map { "  " + $0 }
                }
            }
        case .sequence(let items):
            return items.flatMap { item -> [String] in
                let body = lines(item)
                if case .sequence = item.kind { return ["-"] + body.map { "  " + $0 } }
                return body.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }
            }
        }
    }

    static func scalar(_ node: YAMLNode) -> String {
        guard case .scalar(let text, let style) = node.kind else { return "" }
        if style == .plain, !YAMLText.needsQuotes(text) { return text }
        return YAMLText.quoted(text)
    }

    static func flowScalar(_ node: YAMLNode) -> String {
        let text = scalar(node)
        guard case .scalar(let raw, .plain) = node.kind, text == raw else { return text }
        return raw.contains(",") || raw.contains("[") || raw.contains("]") || raw.contains("{") || raw.contains("}")
            ? YAMLText.quoted(raw) : raw
    }
}
