/// The single-line text fields: `next`, each ask's `ask`, `lesson`.
private func lineFields(_ update: Update) -> [(String, Located<String>)] {
    var fields: [(String, Located<String>)] = []
    for deal in update.deals {
        if let next = deal.next { fields.append(("next", next)) }
        if let lesson = deal.lesson { fields.append(("lesson", lesson)) }
        for ask in deal.asks { if let text = ask.ask { fields.append(("ask", text)) } }
    }
    return fields
}

public struct TextMultilineRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "text-multiline", title: "Line break in next, ask or lesson",
        summary: "next, ask and lesson are single lines, so digests and reports can show them whole.",
        triggering: [
            RuleExample(
                ExampleOrg.update(deals: ExampleOrg.deal(next: "↓|\n      Call the CFO.\n      Then the CISO."))),
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: "↓\"Call the CFO.\\nThen the CISO.\""))),
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: ">\n      Call the CFO,\n      then the CISO.")))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        lineFields(update).compactMap { name, text in
            var value = text.value
            while value.hasSuffix("\n") { value.removeLast() }
            guard
                value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
                    || (!value.utf8.allSatisfy { $0 < 0x80 } && value.contains(where: \.isNewline))
            else { return nil }
            return finding(
                at: text.position,
                "'\(name)' must be one line; join the lines, or move the detail into the update's body")
        }
    }
}

public struct TextTooLongRule: UpdateRule {
    public init() {}
    public static let limit = 200
    public static let description = RuleDescription(
        id: "text-too-long", title: "Long next, ask or lesson",
        summary: "next, ask and lesson over 200 characters are hard to read in a digest; a warning.",
        severity: .warning,
        triggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: "↓" + String(repeating: "é", count: 201))))
        ],
        nonTriggering: [
            RuleExample(ExampleOrg.update(deals: ExampleOrg.deal(next: String(repeating: "é", count: 200))))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        lineFields(update).compactMap { name, text in
            guard text.value.utf8.count > Self.limit else { return nil }  // characters never outnumber bytes
            let count = text.value.count
            guard count > Self.limit else { return nil }
            return finding(
                at: text.position,
                "'\(name)' is \(count) characters; keep it under \(Self.limit) so it reads in a digest (put the "
                    + "detail in the body)"
            )
        }
    }
}

public struct BodyTooLongRule: UpdateRule {
    public init() {}
    public static let description = RuleDescription(
        id: "body-too-long", title: "Long note",
        summary:
            "The body (the note after the front matter) over digest.note_words words is a warning: fifteen minutes "
                + "to write, five to read.",
        severity: .warning,
        triggering: [RuleExample(ExampleOrg.update(body: "↓" + String(repeating: "word ", count: 201) + "\n"))],
        nonTriggering: [
            RuleExample(
                ExampleOrg.update(
                    body: String(repeating: "word ", count: 200) + String(repeating: "- ", count: 50) + "\n"))
        ])

    public func check(_ file: ParsedUpdate, _ update: Update, org: Org) -> [Finding] {
        let words = WordCount.count(update.body)
        guard words > org.digest.noteWords else { return [] }
        let at = firstNonBlank(update)
        return [
            finding(
                at: at,
                "the note is \(words) words, over the \(org.digest.noteWords) words a leader can read in the digest; "
                    + "trim it to what changed and what you need"
            )
        ]
    }

    private func firstNonBlank(_ update: Update) -> Position {
        var line = update.bodyLine
        for l in update.body.split(separator: "\n", omittingEmptySubsequences: false) {
            if !l.allSatisfy(\.isWhitespace) {
                let column = l.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count + 1
                return Position(line: line, column: column)
            }
            line += 1
        }
        return Position(line: update.bodyLine, column: 1)
    }
}

/// Words as SPEC section 11 counts them: whitespace-separated tokens that
/// contain a letter or a digit.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var count = 0
        var inToken = false
        var tokenHasAlnum = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace: Bool
            let isAlnum: Bool
            if v < 0x80 {
                isSpace = v == 0x20 || (v >= 0x09 && v <= 0x0D)
                isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                isSpace = scalar.properties.isWhitespace
                isAlnum = !isSpace && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            }
            if isSpace {
                if inToken, tokenHasAlnum { count += 1 }
                inToken = false
                tokenHasAlnum = false
            } else {
                inToken = true
                if isAlnum { tokenHasAlnum = true }
            }
        }
        if inToken, tokenHasAlnum { count += 1 }
        return count
    }
}
