/// Reads typed fields out of YAML nodes, recording type and unknown-field
/// findings under the given rule ids. Shared by the update and org decoders.
struct NodeReader {
    var findings: [Finding] = []
    /// The rules whose findings these are: wrong shapes, unknown keys (each format has its own ids).
    let typeRule: any FieldShapeRule.Type
    let unknownRule: any UnknownKeyRule.Type

    /// Text from a scalar of any style; nil (and a finding) for a collection.
    /// A plain empty value (`key:`) reads as nil without a finding.
    mutating func text(_ node: YAMLNode, field: String) -> Located<String>? {
        switch node.kind {
        case .scalar(let text, _):
            return node.isNull ? nil : Located(text, at: node.position)
        case .mapping, .sequence:
            findings.append(typeRule.notText(field, node))
            return nil
        }
    }

    /// Items of a list; an empty value is an empty list.
    mutating func list(_ node: YAMLNode, field: String, example: String) -> [YAMLNode] {
        switch node.kind {
        case .sequence(let items): return items
        case .scalar where node.isNull: return []
        default:
            findings.append(typeRule.notList(field, node, example: example))
            return []
        }
    }

    /// Text items of a list (`gaps: [PROD-1, PROD-2]`).
    mutating func textList(_ node: YAMLNode, field: String, example: String) -> [Located<String>] {
        list(node, field: field, example: example).compactMap { item in
            if item.isNull {
                findings.append(typeRule.emptyItem(field, at: item.position))
                return nil
            }
            return text(item, field: field)
        }
    }

    /// The pairs of a mapping, or nil (and a finding) for anything else.
    mutating func mapping(_ node: YAMLNode, what: String) -> [YAMLPair]? {
        if let pairs = node.pairs { return pairs }
        findings.append(typeRule.notMapping(what, node))
        return nil
    }

    /// Records every key that is neither known nor an `x-` extension.
    mutating func checkKeys(_ pairs: [YAMLPair], known: [String], in what: String) {
        for pair in pairs where !known.contains(pair.key) && !pair.key.hasPrefix("x-") {
            findings.append(unknownRule.unknown(pair.key, in: what, known: known, at: pair.keyPosition))
        }
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, when it is near enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = distance(w, c)
            let limit = max(1, min(3, max(w.count, c.count) / 3))
            let prefix =
                c.count >= 3 && w.count >= 3
                && (candidate.lowercased().hasPrefix(word.lowercased())
                    || word.lowercased().hasPrefix(candidate.lowercased()))
            guard d <= limit || prefix else { continue }
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
