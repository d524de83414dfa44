/// Reads `org.yaml` into an `Org`, with findings for what cannot be read.
/// The semantic checks (cycles, references, ids) are rules of their own.
public enum OrgDecoder {
    public static let byteLimit = 16 * 1_048_576

    public struct Result: Sendable {
        /// Nil when the file cannot be read as an organisation at all.
        public var org: Org?
        public var findings: [Finding]
    }

    static let topKeys = [
        "company", "currency", "fiscal_year_start_month", "digest", "stages", "loss_reasons", "tickets", "functions",
        "people", "goals", "admins", "glossary", "forecast",
    ]
    static let personKeys = ["id", "name", "email", "title", "reports_to", "region", "segment", "delegates"]
    static let functionKeys = ["id", "name", "lead"]
    static let goalKeys = ["team", "quarter", "bookings"]

    public static func decode(_ source: SourceText) -> Result {
        if source.bytes.count > byteLimit {
            return Result(
                org: nil,
                findings: [
                    FileTooLargeRule.org(limit: byteLimit)
                ])
        }
        let encoding = source.encodingFindings()
        if !encoding.isEmpty { return Result(org: nil, findings: encoding) }
        let yaml = source.bytes.withUnsafeBytes { raw in
            YAMLReader.read(UnsafeRawBufferPointer(rebasing: raw[source.bomLength...]), firstLine: 1, subject: .org)
        }
        guard yaml.isComplete, let root = yaml.root, let pairs = root.pairs else {
            var findings = yaml.findings
            if yaml.isComplete {
                findings.append(OrgFieldTypeRule.notOrganisation(at: yaml.root?.position ?? .start))
            }
            return Result(org: nil, findings: findings)
        }
        var reader = NodeReader(
            findings: yaml.findings, typeRule: OrgFieldTypeRule.self, unknownRule: OrgFieldUnknownRule.self)
        reader.checkKeys(pairs, known: topKeys, in: "org.yaml")
        var org = Org()
        for pair in pairs { decodeTopLevel(pair, into: &org, &reader) }
        org.index()
        return Result(org: org, findings: reader.findings)
    }

    /// One top-level key of org.yaml.
    private static func decodeTopLevel(_ pair: YAMLPair, into org: inout Org, _ reader: inout NodeReader) {
        let v = pair.value
        switch pair.key {
        case "company": org.company = reader.text(v, field: "company")?.value ?? ""
        case "currency": org.currency = reader.text(v, field: "currency")?.value ?? "USD"
        case "fiscal_year_start_month":
            guard let t = reader.text(v, field: pair.key) else { break }
            if let m = Int(t.value), (1...12).contains(m) {
                org.fiscalYearStartMonth = m
            } else {
                reader.findings.append(OrgFieldTypeRule.notAMonth(at: t.position))
            }
        case "digest": decodeDigest(v, into: &org, &reader)
        case "stages": decodeStages(v, into: &org, &reader)
        case "loss_reasons":
            org.lossReasons = reader.textList(v, field: pair.key, example: "[price, competitor]").map(\.value)
        case "tickets": decodeTickets(v, into: &org, &reader)
        case "functions": decodeFunctions(v, into: &org, &reader)
        case "people": decodePeople(v, into: &org, &reader)
        case "goals": decodeGoals(v, into: &org, &reader)
        case "admins": org.admins = reader.textList(v, field: "admins", example: "[dana-cho]")
        case "glossary", "forecast": decodeStageMap(pair, into: &org, &reader)
        default: break
        }
    }

    /// `glossary` (stage: what it means) and `forecast` (open stage: category); the stages and
    /// categories are checked by `org-stage-map`, which sees the stages however they are ordered.
    private static func decodeStageMap(_ pair: YAMLPair, into org: inout Org, _ reader: inout NodeReader) {
        guard let pairs = reader.mapping(pair.value, what: pair.key) else { return }
        for p in pairs {
            guard let text = reader.text(p.value, field: "\(pair.key).\(p.key)") else { continue }
            let entry = Org.StageEntry(stage: Located(p.key, at: p.keyPosition), value: text)
            if pair.key == "glossary" { org.glossaryEntries.append(entry) } else { org.forecastEntries.append(entry) }
        }
    }

    private static func decodeTickets(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        guard let tp = reader.mapping(v, what: "tickets") else { return }
        reader.checkKeys(tp, known: ["pattern", "url"], in: "tickets")
        for p in tp {
            if p.key == "pattern", let t = reader.text(p.value, field: "pattern") {
                org.tickets.pattern = t.value
                org.tickets.regex = TicketRegex(t.value)
                if org.tickets.regex == nil {
                    reader.findings.append(OrgFieldTypeRule.badTicketPattern(at: t.position))
                }
            }
            if p.key == "url", let url = reader.text(p.value, field: "url") {
                if isWebAddress(url.value) {
                    org.tickets.url = url.value
                } else {
                    reader.findings.append(OrgFieldTypeRule.badTicketURL(at: url.position))
                }
            }
        }
    }

    /// A link in every digest: only a web address, never javascript: or data:.
    static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && url.count > 8
            && !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    private static func decodeFunctions(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        for item in reader.list(v, field: "functions", example: "a list of '- { id: product, name: Product }'") {
            guard let fp = reader.mapping(item, what: "a function") else { continue }
            reader.checkKeys(fp, known: functionKeys, in: "a function")
            guard let id = required("id", fp, item, &reader) else { continue }
            let name = fp.first { $0.key == "name" }.flatMap { reader.text($0.value, field: "name")?.value }
            let lead = fp.first { $0.key == "lead" }.flatMap { reader.text($0.value, field: "lead") }
            org.functions.append(Org.Function(id: id, name: name ?? id.value, lead: lead))
        }
    }

    private static func decodePeople(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        let example = "a list of '- { id: ana-lima, name: Ana Lima, email: ana@example.com }'"
        for item in reader.list(v, field: "people", example: example) {
            guard let pp = reader.mapping(item, what: "a person") else { continue }
            reader.checkKeys(pp, known: personKeys, in: "a person")
            guard let id = required("id", pp, item, &reader) else { continue }
            var person = Org.Person(id: id, name: id.value)
            for p in pp {
                switch p.key {
                case "name": person.name = reader.text(p.value, field: "name")?.value ?? id.value
                case "email": person.email = reader.text(p.value, field: "email")?.value
                case "title": person.title = reader.text(p.value, field: "title")?.value
                case "reports_to": person.reportsTo = reader.text(p.value, field: "reports_to")
                case "region": person.region = reader.text(p.value, field: "region")?.value
                case "segment": person.segment = reader.text(p.value, field: "segment")?.value
                case "delegates": person.delegates = reader.textList(p.value, field: "delegates", example: "[sam-lee]")
                default: break
                }
            }
            org.people.append(person)
        }
    }

    private static func decodeGoals(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        let example = "a list of '- { team: raj-patel, quarter: 2026-Q4, bookings: 1500000 }'"
        for item in reader.list(v, field: "goals", example: example) {
            guard let gp = reader.mapping(item, what: "a goal") else { continue }
            reader.checkKeys(gp, known: goalKeys, in: "a goal")
            guard let team = required("team", gp, item, &reader), let quarter = required("quarter", gp, item, &reader),
                let bookings = required("bookings", gp, item, &reader)
            else { continue }
            guard Amount.isPlainNumber(bookings.value) else {
                reader.findings.append(OrgFieldTypeRule.bookingsNotPlain(at: bookings.position))
                continue
            }
            guard let amount = Money(decimal: bookings.value, limit: NumberLimits.maxAmount) else {
                reader.findings.append(OrgFieldRangeRule.bookings(at: bookings.position))
                continue
            }
            org.goals.append(Org.Goal(team: team, quarter: quarter, bookings: amount))
        }
    }

    private static func required(
        _ key: String, _ pairs: [YAMLPair], _ node: YAMLNode, _ reader: inout NodeReader
    ) -> Located<String>? {
        if let pair = pairs.first(where: { $0.key == key }), let value = reader.text(pair.value, field: key) {
            return value
        }
        reader.findings.append(OrgFieldRequiredRule.missing(key, at: pairs.first?.keyPosition ?? node.position))
        return nil
    }

    private static func decodeDigest(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        guard let pairs = reader.mapping(v, what: "digest") else { return }
        reader.checkKeys(pairs, known: ["minutes", "words_per_minute", "note_words"], in: "digest")
        for p in pairs {
            guard let t = reader.text(p.value, field: p.key) else { continue }
            switch p.key {
            case "minutes":
                if let v = number(t, "digest.minutes", in: digestMinutes, &reader) { org.digest.minutes = v }
            case "words_per_minute":
                if let v = number(t, "digest.words_per_minute", in: digestWordsPerMinute, &reader) {
                    org.digest.wordsPerMinute = v
                }
            case "note_words":
                if let v = NumberLimits.whole(t.value, in: digestNoteWords) {
                    org.digest.noteWords = v
                } else {
                    reader.findings.append(
                        OrgFieldRangeRule.wholeNumber(
                            "digest.note_words", in: digestNoteWords, example: 200, at: t.position))
                }
            default: break
            }
        }
    }

    static let digestMinutes: ClosedRange<Double> = 1...120
    static let digestWordsPerMinute: ClosedRange<Double> = 50...1000
    static let digestNoteWords: ClosedRange<Int> = 1...100_000

    /// A plain decimal number within `range`, or a finding naming the range.
    private static func number(
        _ t: Located<String>, _ field: String, in range: ClosedRange<Double>,
        _ reader: inout NodeReader
    ) -> Double? {
        if let v = NumberLimits.plain(t.value, in: range) { return v }
        reader.findings.append(OrgFieldRangeRule.number(field, in: range, not: t.value, at: t.position))
        return nil
    }

    private static func decodeStages(_ v: YAMLNode, into org: inout Org, _ reader: inout NodeReader) {
        guard let pairs = reader.mapping(v, what: "stages") else { return }
        reader.checkKeys(pairs, known: ["open", "won", "lost"], in: "stages")
        var seen: Set<String> = []
        for p in pairs {
            let located = reader.textList(p.value, field: "stages.\(p.key)", example: "[won]")
            if located.isEmpty, ["open", "won", "lost"].contains(p.key) {
                reader.findings.append(OrgStagesRule.empty(p.key, at: p.value.position))
            }
            for stage in located {
                if !Identifier.isValidPersonID(stage.value) {
                    reader.findings.append(OrgStagesRule.invalidName(stage.value, at: stage.position))
                }
                if !seen.insert(stage.value).inserted {
                    reader.findings.append(OrgStagesRule.listedTwice(stage.value, at: stage.position))
                }
            }
            let names = located.map(\.value)
            switch p.key {
            case "open": org.stages.open = names
            case "won": org.stages.won = names
            case "lost": org.stages.lost = names
            default: break
            }
        }
    }
}
