/// The raw bytes of a file and the checks made before any YAML parser sees
/// them: size, encoding, NUL bytes, and where the front matter lies.
public struct SourceText: Sendable {
    public static let updateByteLimit = 65_536

    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// Number of bytes of a UTF-8 byte-order mark at the start (0 or 3).
    public var bomLength: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Encoding problems: invalid UTF-8 (UTF-16 included) and NUL bytes,
    /// each at its first bad byte.
    public func encodingFindings() -> [Finding] {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return [
                EncodingInvalidRule.utf16()
            ]
        }
        var findings: [Finding] = []
        var invalid: Int?
        var nul: Int?
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n, invalid == nil || nul == nil {
                let c = b[i]
                if c < 0x80 {
                    if c == 0, nul == nil { nul = i }
                    i += 1
                    continue
                }
                let length = Self.sequenceLength(b, at: i)
                if length == 0 {
                    if invalid == nil { invalid = i }
                    i += 1
                } else {
                    i += length
                }
            }
        }
        if let invalid {
            findings.append(
                EncodingInvalidRule.invalidByte(bytes[invalid], at: position(ofByte: invalid)))
        }
        if let nul {
            findings.append(
                EncodingNulByteRule.nul(at: position(ofByte: nul)))
        }
        return findings
    }

    /// Length of the valid UTF-8 sequence starting at `i`, 0 when invalid.
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        let n = b.count
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return cont(1) && b[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xED:
            return cont(1) && b[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return cont(1) && b[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return cont(1) && b[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// The 1-based line and column (in Unicode scalars, the BOM not counted)
    /// of the byte at `offset`.
    public func position(ofByte offset: Int) -> Position {
        var line = 1
        var column = 1
        var i = bomLength
        while i < offset, i < bytes.count {
            let c = bytes[i]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Position(line: line, column: column)
    }
}

/// Where the front matter and the body lie in a file's bytes.
public struct FrontMatter: Sendable {
    /// Byte range of the YAML between the two `---` lines.
    public var yaml: Range<Int>
    /// The file line on which the YAML starts (2 unless empty).
    public var yamlFirstLine: Int
    /// Byte range of the Markdown body after the closing line.
    public var body: Range<Int>
    public var bodyFirstLine: Int

    /// Splits `text`; a finding when there is no front matter or it never closes.
    public static func split(_ text: SourceText) -> Result<FrontMatter, FindingError> {
        let b = text.bytes
        var i = text.bomLength
        guard let first = lineEnd(b, from: i), isDelimiter(b, i, first.contentEnd) else {
            return .failure(
                FindingError(FrontMatterMissingRule.missing()))
        }
        i = first.next
        let yamlStart = i
        var line = 2
        while let l = lineEnd(b, from: i) {
            if isDelimiter(b, i, l.contentEnd) {
                return .success(
                    FrontMatter(yaml: yamlStart..<i, yamlFirstLine: 2, body: l.next..<b.count, bodyFirstLine: line + 1))
            }
            if l.next == i { break }
            i = l.next
            line += 1
        }
        return .failure(
            FindingError(FrontMatterUnterminatedRule.unterminated()))
    }

    private struct Line { var contentEnd: Int; var next: Int }

    private static func lineEnd(_ b: [UInt8], from start: Int) -> Line? {
        guard start < b.count else { return nil }
        var i = start
        while i < b.count, b[i] != 0x0A { i += 1 }
        var contentEnd = i
        if contentEnd > start, b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return Line(contentEnd: contentEnd, next: i < b.count ? i + 1 : i)
    }

    /// `---` followed only by spaces or tabs.
    private static func isDelimiter(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, b[start] == 0x2D, b[start + 1] == 0x2D, b[start + 2] == 0x2D else { return false }
        var i = start + 3
        while i < end {
            if b[i] != 0x20 && b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }
}

/// A finding carried through a `Result`.
public struct FindingError: Error, Sendable {
    public var finding: Finding
    public init(_ finding: Finding) { self.finding = finding }
}
