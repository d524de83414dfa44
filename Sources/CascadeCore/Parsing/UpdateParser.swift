/// An update file after parsing: what could be read, and the findings of
/// every stage before the rules (limits, encoding, front matter, YAML, types).
public struct ParsedUpdate: Sendable {
    public var path: String
    /// The week named by the file's folder, when it is a real ISO week.
    public var folderWeek: Week?
    /// The person id named by the file, when the name is `<id>.md`.
    public var fileAuthor: String?
    /// The name of the file's folder under updates/, real ISO week or not.
    public var folderName: String?
    /// Nil when the file could not be read as an update at all.
    public var update: Update?
    public var findings: [Finding]

    /// The update's week: its `week` field when valid, else the folder's.
    public var week: Week? { update?.week.flatMap { Week($0.value) } ?? folderWeek }
    public var author: String? { update?.author?.value ?? fileAuthor }
}

public enum UpdateParser {
    /// Parses the file at repository-relative `path` with contents `source`.
    public static func parse(path: String, source: SourceText) -> ParsedUpdate {
        let location = UpdatePath(path)
        var parsed = ParsedUpdate(
            path: path, folderWeek: location.week, fileAuthor: location.author, folderName: location.folderName,
            update: nil, findings: location.findings)
        guard path.hasSuffix(".md") else { return parsed }  // not an update at all: the path finding says so
        if source.bytes.count > SourceText.updateByteLimit {
            parsed.findings.append(
                FileTooLargeRule.update(bytes: source.bytes.count))
            return parsed
        }
        let encoding = source.encodingFindings()
        if !encoding.isEmpty {
            parsed.findings += encoding
            return parsed
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .failure(let error):
            parsed.findings.append(error.finding)
            return parsed
        case .success(let fm): frontMatter = fm
        }
        let yaml = source.bytes.withUnsafeBytes { raw in
            YAMLReader.read(
                UnsafeRawBufferPointer(rebasing: raw[frontMatter.yaml]), firstLine: frontMatter.yamlFirstLine)
        }
        parsed.findings += yaml.findings
        guard yaml.isComplete else { return parsed }
        var update = Update()
        UpdateDecoder.decode(
            yaml.root, into: &update, findings: &parsed.findings, frontMatterLine: frontMatter.yamlFirstLine)
        update.body = String(decoding: source.bytes[frontMatter.body], as: UTF8.self)
        update.bodyLine = frontMatter.bodyFirstLine
        parsed.update = update
        return parsed
    }
}

/// What an update's path says: `updates/<week>/<person>.md`.
public struct UpdatePath: Sendable {
    public var week: Week?
    public var author: String?
    public var folderName: String?
    public var findings: [Finding] = []

    public init(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == "updates" else {
            findings.append(
                PathInvalidRule.notUnderAWeek())
            return
        }
        folderName = parts[1]
        if let week = Week(parts[1]) {
            self.week = week
        } else {
            findings.append(
                PathInvalidRule.notAWeek(parts[1]))
        }
        let name = parts[2]
        if name.hasSuffix(".md"), Identifier.isValidPersonID(String(name.dropLast(3))) {
            author = String(name.dropLast(3))
        } else {
            findings.append(
                PathInvalidRule.notAPerson(name))
        }
    }
}
