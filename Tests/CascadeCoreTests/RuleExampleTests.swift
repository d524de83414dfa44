import CascadeCore
import Foundation
import Testing

/// Runs every rule's examples through the real check: each triggering example
/// must be reported exactly at its markers, each non-triggering one must be
/// clean. Variants with a byte-order mark and CRLF line endings catch
/// position bugs.
@Suite("Rule examples")
struct RuleExampleTests {
    enum Variant: String, CaseIterable { case plain, bom, crlf }

    static let ruleIDs = Checker.descriptions.map(\.id)
    /// Rules whose examples are files (commit rules are tested against real git histories).
    static let fileRuleIDs = Checker.descriptions.filter { $0.scope != .commit }.map(\.id)

    @Test("every rule has examples both ways", arguments: ruleIDs)
    func hasExamples(_ id: String) {
        let rule = Checker.description(of: id)!
        #expect(!rule.triggering.isEmpty, "\(id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        #expect(!rule.summary.isEmpty && !rule.title.isEmpty)
    }

    @Test("triggering examples are reported at their markers", arguments: fileRuleIDs)
    func triggering(_ id: String) throws {
        let rule = Checker.description(of: id)!
        for example in rule.triggering {
            for variant in variants(example) {
                let (diagnostics, markers) = try run(example, variant: variant, unreadable: id == "file-unreadable")
                let found = Set(diagnostics.filter { $0.rule == id }.map(\.position))
                if let words = example.message {
                    for d in diagnostics where d.rule == id {
                        #expect(d.message.contains(words), "\(id) [\(variant)]: '\(d.message)' does not say '\(words)'",
                                sourceLocation: location(example))
                    }
                }
                #expect(found == Set(markers), "\(id) [\(variant)]: expected at \(markers), got \(diagnostics.map { "\($0.position) \($0.rule): \($0.message)" })",
                        sourceLocation: location(example))
            }
        }
    }

    @Test("non-triggering examples are clean", arguments: fileRuleIDs)
    func nonTriggering(_ id: String) throws {
        let rule = Checker.description(of: id)!
        for example in rule.nonTriggering {
            for variant in variants(example) {
                let (diagnostics, _) = try run(example, variant: variant, unreadable: false)
                #expect(diagnostics.isEmpty, "\(id) [\(variant)]: \(diagnostics.map { "\($0.position) \($0.rule): \($0.message)" })",
                        sourceLocation: location(example))
            }
        }
    }

    /// A comment line of accented letters, CJK and an emoji (1 to 4 bytes each, an emoji two UTF-16 units)
    /// put just before the finding's line moves the finding one line down and changes nothing else: no
    /// position may be counted in bytes or carried across lines.
    @Test("a multibyte line before the finding moves it one line down", arguments: fileRuleIDs)
    func multibyteLineBefore(_ id: String) throws {
        let rule = Checker.description(of: id)!
        for example in rule.triggering where example.positionVariants {
            let (text, markers) = example.unmarked
            guard let first = markers.map(\.line).min(), let shifted = Self.insertingMultibyte(text, before: first)
            else { continue }
            var files: [String: [UInt8]] = [:]
            for (path, other) in example.otherFiles { files[path] = exampleBytes(other) }
            files[example.path] = exampleBytes(text)
            let plain = try checkFiles(files, target: example.path).filter { $0.file == example.path }
            files[example.path] = exampleBytes(shifted)
            let moved = try checkFiles(files, target: example.path).filter { $0.file == example.path }
            let expected = plain.map { d -> String in
                "\(d.rule) \(d.position.line >= first ? d.position.line + 1 : d.position.line):\(d.position.column)"
            }
            #expect(moved.map { "\($0.rule) \($0.position.line):\($0.position.column)" } == expected,
                    "\(id): the comment before line \(first) moved more than the line", sourceLocation: location(example))
        }
    }

    /// `text` with a multibyte YAML comment before line `line` (indented as that line), when that line is
    /// inside YAML (an update's front matter or `org.yaml`) and not inside a block scalar; nil otherwise.
    static func insertingMultibyte(_ text: String, before line: Int) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard line >= 2, line <= lines.count, !text.contains("⟨") else { return nil }
        let front = lines.first == "---"
        if front {
            guard let close = lines.dropFirst().firstIndex(where: { $0.hasPrefix("---") }), line - 1 < close
            else { return nil }
        }
        let before = lines[..<(line - 1)]
        if before.contains(where: { $0.hasSuffix("|") || $0.hasSuffix(">") || $0.hasSuffix("|-") }) { return nil }
        let target = lines[line - 1]
        let indent = target.prefix { $0 == " " }
        lines.insert("\(indent)# Zoë Müller, 東京, 🚀 über", at: line - 1)
        return lines.joined(separator: "\n")
    }

    func variants(_ example: RuleExample) -> [Variant] {
        example.positionVariants ? Variant.allCases : [.plain]
    }

    func location(_ example: RuleExample) -> SourceLocation {
        SourceLocation(fileID: "CascadeCore/\((example.sourceFile as NSString).lastPathComponent)", filePath: example.sourceFile, line: example.sourceLine, column: 1)
    }

    func run(_ example: RuleExample, variant: Variant, unreadable: Bool) throws -> ([Diagnostic], [Position]) {
        let (text, markers) = example.unmarked
        func transform(_ s: String) -> [UInt8] {
            switch variant {
            case .plain: return exampleBytes(s)
            case .bom: return [0xEF, 0xBB, 0xBF] + exampleBytes(s)
            case .crlf: return exampleBytes(s.replacingOccurrences(of: "\n", with: "\r\n"))
            }
        }
        var files: [String: [UInt8]] = [:]
        for (path, other) in example.otherFiles { files[path] = exampleBytes(other) }
        var folders: [String] = []
        if unreadable {
            folders.append(example.path)
        } else {
            files[example.path] = transform(text)
        }
        let diagnostics = try checkFiles(files, target: example.path, folders: folders)
        return (diagnostics.filter { $0.file == example.path }, markers)
    }
}
