/// Builds an `Update` from its front matter's YAML tree, recording unknown
/// fields, wrong types and missing required fields.
enum UpdateDecoder {
    static let topKeys = ["author", "week", "deals", "highlights"]

    static func decode(_ root: YAMLNode?, into update: inout Update, findings: inout [Finding], frontMatterLine: Int) {
        var reader = NodeReader(typeRule: FieldTypeRule.self, unknownRule: FieldUnknownRule.self)
        defer { findings += reader.findings }
        update.firstKey = Position(line: frontMatterLine, column: 1)
        guard let root, !root.isNull else { return }
        guard let pairs = reader.mapping(root, what: "the front matter") else { return }
        update.firstKey = pairs.first?.keyPosition ?? root.position
        reader.checkKeys(pairs, known: topKeys, in: "the update")
        for pair in pairs {
            update.valuePositions[pair.key] = pair.value.position
            switch pair.key {
            case "author": update.author = reader.text(pair.value, field: "author")
            case "week": update.week = reader.text(pair.value, field: "week")
            case "highlights":
                update.highlights = reader.textList(pair.value, field: "highlights", example: "[NW-1042]")
            case "deals":
                for item in reader.list(
                    pair.value, field: "deals", example: "a list of '- id: ...' entries, or 'deals: []'")
                {
                    if let deal = decodeDeal(item, &reader) { update.deals.append(deal) }
                }
            default: break
            }
        }
    }

    private static func decodeDeal(_ node: YAMLNode, _ reader: inout NodeReader) -> Deal? {
        guard let pairs = reader.mapping(node, what: "each deal") else { return nil }
        var deal = Deal(firstKey: pairs.first?.keyPosition ?? node.position)
        deal.node = node
        reader.checkKeys(pairs, known: Deal.fields, in: "a deal")
        for pair in pairs {
            let v = pair.value
            deal.valuePositions[pair.key] = v.position
            switch pair.key {
            case "id": deal.id = reader.text(v, field: "id")
            case "account": deal.account = reader.text(v, field: "account")
            case "stage": deal.stage = reader.text(v, field: "stage")
            case "amount":
                if case .scalar(let text, let style) = v.kind {
                    if !(text.isEmpty && style == .plain) {
                        deal.amount = Located(Amount(text: text, quoted: style != .plain), at: v.position)
                    }
                } else {
                    _ = reader.text(v, field: "amount")
                }
            case "close": deal.close = reader.text(v, field: "close")
            case "next": deal.next = reader.text(v, field: "next")
            case "reason": deal.reason = reader.text(v, field: "reason")
            case "lesson": deal.lesson = reader.text(v, field: "lesson")
            case "why": deal.why = reader.text(v, field: "why")
            case "competitor": deal.competitor = reader.text(v, field: "competitor")
            case "vertical": deal.vertical = reader.text(v, field: "vertical")
            case "persona": deal.persona = reader.text(v, field: "persona")
            case "forecast": deal.forecast = reader.text(v, field: "forecast")
            case "source": deal.source = reader.text(v, field: "source")
            case "gaps": deal.gaps = reader.textList(v, field: "gaps", example: "[PROD-311]")
            case "objections": deal.objections = reader.textList(v, field: "objections", example: "[security-review]")
            case "asks":
                for item in reader.list(v, field: "asks", example: "a list of '- { to: product, ask: ... }'") {
                    guard let ap = reader.mapping(item, what: "each ask") else { continue }
                    var ask = Ask(firstKey: ap.first?.keyPosition ?? item.position)
                    reader.checkKeys(ap, known: Ask.fields, in: "an ask")
                    for p in ap {
                        ask.valuePositions[p.key] = p.value.position
                        if p.key == "to" { ask.to = reader.text(p.value, field: "to") }
                        if p.key == "ask" { ask.ask = reader.text(p.value, field: "ask") }
                    }
                    deal.asks.append(ask)
                }
            default: break
            }
        }
        return deal
    }
}
