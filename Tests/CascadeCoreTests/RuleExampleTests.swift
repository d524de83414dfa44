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
