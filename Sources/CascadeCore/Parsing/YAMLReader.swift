import CYAML

/// Reads one YAML document from UTF-8 bytes through libyaml's event API into
/// positioned `YAMLNode`s. Constructs no legitimate Cascade file needs
/// (anchors, aliases, tags, directives, several documents) and duplicate keys
/// are reported as findings; nesting is capped so no input can exhaust memory
/// or the stack (the composition uses an explicit stack, no recursion).
public struct YAMLReader {
    public static let maxDepth = 32

    public struct Result {
        public var root: YAMLNode?
        public var findings: [Finding]
        /// False when the text is not YAML at all (syntax error, too deep):
        /// `root` is then nil and the file can be judged no further.
        public var isComplete: Bool
    }

    /// Parses `bytes`, whose first line is line `firstLine` of the file.
    /// What is being read, for the messages: an update's front matter or org.yaml.
    public enum Subject: Sendable { case update, org }

    public static func read(_ bytes: UnsafeRawBufferPointer, firstLine: Int = 1, subject: Subject = .update) -> Result {
        var reader = EventReader(lineOffset: firstLine - 1, subject: subject)
        return reader.run(bytes)
    }
}

private struct EventReader {
    let lineOffset: Int
    let subject: YAMLReader.Subject
    var findings: [Finding] = []

    init(lineOffset: Int, subject: YAMLReader.Subject) {
        self.lineOffset = lineOffset
        self.subject = subject
    }

    /// A collection being composed; mutated in place on top of the stack.
    private struct Frame {
        var isMapping: Bool
        var position: Position
        var pairs: [YAMLPair] = []
        var items: [YAMLNode] = []
        var pendingKey: (String, Position)?
        var skipValue = false
    }

    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var documents = 0

    func position(_ mark: yaml_mark_t) -> Position {
        Position(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    mutating func run(_ bytes: UnsafeRawBufferPointer) -> YAMLReader.Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            return .init(
                root: nil,
                findings: [
                    YAMLSyntaxRule.cannotStart()
                ], isComplete: false)
        }
        defer { yaml_parser_delete(&parser) }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let empty: [UInt8] = [0]
        empty.withUnsafeBufferPointer { e in
            yaml_parser_set_input_string(&parser, base ?? e.baseAddress!, bytes.count)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                findings.append(syntaxFinding(parser, bytes))
                return .init(root: nil, findings: findings, isComplete: false)
            }
            defer { yaml_event_delete(&event) }
            if let result = handle(event) { return result }
        }
    }

    /// One event of the stream: a node begun, a node completed, a document, the end; a result
    /// once reading stops (the end, a second document, too deep), nil to read on.
    private mutating func handle(_ event: yaml_event_t) -> YAMLReader.Result? {
        let at = position(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return .init(root: root, findings: findings, isComplete: true)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                findings.append(YAMLMultipleDocumentsRule.second(at: at, subject: subject))
                return .init(root: root, findings: findings, isComplete: true)
            }
            if event.data.document_start.version_directive != nil
                || event.data.document_start.tag_directives.start != nil
            {
                findings.append(YAMLTagRule.directive(at: at))
            }
        case YAML_ALIAS_EVENT:
            findings.append(YAMLAnchorRule.alias(at: at))
            guard complete(YAMLNode(.scalar("", .plain), at: at)) else { return tooDeep(at) }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            checkAnchorAndTag(anchor: s.anchor, tag: s.tag, at: at)
            guard complete(Self.scalar(s, at: at)) else { return tooDeep(at) }
        case YAML_SEQUENCE_START_EVENT:
            checkAnchorAndTag(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, at: at)
            guard stack.count < YAMLReader.maxDepth else { return tooDeep(at) }
            stack.append(Frame(isMapping: false, position: at))
        case YAML_MAPPING_START_EVENT:
            checkAnchorAndTag(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: at)
            guard stack.count < YAMLReader.maxDepth else { return tooDeep(at) }
            stack.append(Frame(isMapping: true, position: at))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            let node =
                frame.isMapping
                ? YAMLNode(.mapping(frame.pairs), at: frame.position)
                : YAMLNode(.sequence(frame.items), at: frame.position)
            guard complete(node) else { return tooDeep(at) }
        default:
            break
        }
        return nil
    }

    /// A scalar's text as written and its style (what a field's type is read from).
    private static func scalar(_ s: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, at: Position) -> YAMLNode
    {
        let text =
            s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
        let style: YAMLNode.Style
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        return YAMLNode(.scalar(text, style), at: at)
    }

    private mutating func tooDeep(_ at: Position) -> YAMLReader.Result {
        findings.append(YAMLTooDeepRule.tooDeep(at: at, subject: subject))
        return .init(root: nil, findings: findings, isComplete: false)
    }

    private mutating func checkAnchorAndTag(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at: Position
    ) {
        if let anchor {
            let name = String(cString: anchor)
            findings.append(YAMLAnchorRule.anchor(name, at: at))
        }
        if let tag {
            let name = String(cString: tag)
            findings.append(YAMLTagRule.tag(name, at: at))
        }
    }

    /// Attaches a finished node to its parent (or makes it the root).
    private mutating func complete(_ node: YAMLNode) -> Bool {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return true
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let (key, keyPosition) = stack[top].pendingKey {
            if !stack[top].skipValue {
                stack[top].pairs.append(YAMLPair(key: key, keyPosition: keyPosition, value: node))
            }
            stack[top].pendingKey = nil
            stack[top].skipValue = false
        } else {
            let key: String
            if let text = node.scalarText {
                key = text
            } else {
                findings.append(YAMLSyntaxRule.complexKey(at: node.position, kind: node.kindName))
                key = "\u{0}complex"
            }
            if stack[top].pairs.contains(where: { $0.key == key }) {
                stack[top].skipValue = true
                findings.append(YAMLDuplicateKeyRule.duplicate(key, at: node.position))
            }
            stack[top].pendingKey = (key, node.position)
        }
        return true
    }

    private func syntaxFinding(_ parser: yaml_parser_t, _ bytes: UnsafeRawBufferPointer) -> Finding {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        let tabIndent = Self.lineHasTabIndent(bytes, line: Int(parser.problem_mark.line))
        return YAMLSyntaxRule.parserProblem(
            at: position(parser.problem_mark), problem: problem, context: context, tabIndent: tabIndent,
            opened: context == nil ? nil : position(parser.context_mark),
            line: Self.line(bytes, Int(parser.problem_mark.line)))
    }

    /// The text of the 0-based `line` of `bytes`, without its line break.
    static func line(_ bytes: UnsafeRawBufferPointer, _ line: Int) -> String? {
        var current = 0
        var start = 0
        while start < bytes.count, current < line {
            if bytes[start] == 0x0A { current += 1 }
            start += 1
        }
        guard current == line else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Whether the 0-based `line` of `bytes` has a tab in its leading whitespace.
    static func lineHasTabIndent(_ bytes: UnsafeRawBufferPointer, line: Int) -> Bool {
        var current = 0
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == 0x0A { current += 1 }
            i += 1
        }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x2D {
            if bytes[i] == 0x09 { return true }
            i += 1
        }
        return false
    }
}
