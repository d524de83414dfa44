import CascadeCore
import Foundation
import Testing

/// Files no rep would write on purpose: each gets a diagnostic with a
/// position, never a crash, a hang or a stack trace.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    let checker = Checker(org: ExampleOrg.org)
    let path = "updates/2026-W48/ana-lima.md"

    func findings(_ bytes: [UInt8]) -> [Finding] { checker.check(path: path, source: SourceText(bytes)).findings }
    func findings(_ text: String) -> [Finding] { findings(Array(text.utf8)) }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    @Test func emptyFileHasNoFrontMatter() {
        #expect(rules("") == ["front-matter-missing"])
        #expect(findings("")[0].position == Position(line: 1, column: 1))
    }

    @Test func validUpdateIsClean() {
        #expect(findings(ExampleOrg.update()).isEmpty)
    }

    @Test func billionLaughsIsRefusedWithoutExpansion() {
        var text = "---\nauthor: ana-lima\nweek: 2026-W48\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { text += "x-a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        text += "---\n"
        let f = findings(text)
        #expect(f.allSatisfy { $0.rule == "yaml-anchor" })
        #expect(f.count == 10 + 81)
        #expect(f.first?.position == Position(line: 4, column: 7))
    }

    @Test func veryDeepNestingStopsAtTheLimit() {
        let text = "---\nauthor: ana-lima\nweek: 2026-W48\nx-deep: " + String(repeating: "[", count: 60_000) + "\n---\n"
        let f = findings(text)
        #expect(f.map(\.rule) == ["yaml-too-deep"])
        #expect(f[0].position.line == 4)
    }

    @Test func deepBlockNestingStopsAtTheLimit() {
        var text = "---\nauthor: ana-lima\nweek: 2026-W48\n"
        for depth in 0..<40 { text += String(repeating: "  ", count: depth) + "x-k\(depth):\n" }
        text += "---\n"
        #expect(rules(text).contains("yaml-too-deep"))
    }

    @Test func tenMegabyteFileIsRefusedBeforeParsing() {
        let bytes = Array("---\nauthor: ana-lima\n".utf8) + [UInt8](repeating: 0x61, count: 10 * 1_048_576)
        let clock = ContinuousClock()
        var f: [Finding] = []
        let elapsed = clock.measure { f = findings(bytes) }
        #expect(f.map(\.rule) == ["file-too-large"])
        #expect(f[0].position == .start)
        #expect(elapsed < .seconds(1))
    }

    @Test func limitIsExactly64KiB() {
        let head = ExampleOrg.update(body: "")
        let fits = Array(head.utf8) + [UInt8](repeating: 0x78, count: 65_536 - head.utf8.count)
        #expect(fits.count == 65_536)
        #expect(findings(fits).isEmpty)
        #expect(findings(fits + [0x78]).map(\.rule) == ["file-too-large"])
    }

    @Test func utf16IsReported() {
        let le: [UInt8] = [0xFF, 0xFE] + Array("---\n".utf8).flatMap { [$0, 0] }
        #expect(rules16(le) == ["encoding-invalid"])
        let be: [UInt8] = [0xFE, 0xFF] + Array("---\n".utf8).flatMap { [0, $0] }
        #expect(rules16(be) == ["encoding-invalid"])
        let noBOM: [UInt8] = Array("---\nauthor: a\n".utf8).flatMap { [$0, 0] }
        let f = findings(noBOM)
        #expect(f.map(\.rule) == ["encoding-nul-byte"])
        #expect(f[0].position == Position(line: 1, column: 2))
    }

    func rules16(_ bytes: [UInt8]) -> [String] { findings(bytes).map(\.rule) }

    @Test func invalidUTF8PointsAtTheFirstBadByte() {
        let bytes = Array("---\nauthor: ana-lima\nweek: 2026-W48\n---\nné ".utf8) + [0xC3, 0x28] + Array(" ok\n".utf8)
        let f = findings(bytes)
        #expect(f.map(\.rule) == ["encoding-invalid"])
        #expect(f[0].position == Position(line: 5, column: 4))
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bad in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]] {
            #expect(rules16(Array("---\n".utf8) + bad + Array("\n---\n".utf8)) == ["encoding-invalid"])
        }
    }

    @Test func bomWithCRLFIsValidAndPositionsIgnoreTheBOM() {
        let text = ExampleOrg.update(deals: ExampleOrg.deal(stage: "proposal")).replacingOccurrences(of: "\n", with: "\r\n")
        let f = findings([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(f.map(\.rule) == ["stage-unknown"])
        #expect(f[0].position == Position(line: 7, column: 12))
        #expect(f[0].message.contains("did you mean 'propose'?"))
        #expect(findings([0xEF, 0xBB, 0xBF] + Array(ExampleOrg.update().replacingOccurrences(of: "\n", with: "\r\n").utf8)).isEmpty)
    }

    @Test func multibyteCharactersCountAsOneColumn() {
        let text = ExampleOrg.update(deals: "  - { id: NW-1, account: Café Zürich 東京, stage: proposal, amount: 5, close: 2026-12-19, next: go }\n")
        let f = findings(text)
        #expect(f.map(\.rule) == ["stage-unknown"])
        #expect(f[0].position == Position(line: 5, column: 49))
    }

    @Test func duplicateKeysAtEveryDepthPointAtTheSecond() {
        let text = "---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n  - id: NW-1\n    account: A\n    stage: propose\n    amount: 5\n    close: 2026-12-19\n    next: go\n    asks:\n      - { to: product, ask: a, to: marketing }\n    account: B\nweek: 2026-W48\n---\n"
        let f = findings(text).filter { $0.rule == "yaml-duplicate-key" }
        #expect(f.map(\.position) == [Position(line: 12, column: 32), Position(line: 13, column: 5), Position(line: 14, column: 1)])
    }

    @Test func severalDocumentsAndTagsAreRefused() {
        #expect(rules("---\nauthor: ana-lima\nweek: 2026-W48\n--- # two\nx: 1\n---\n").contains("yaml-multiple-documents"))
        #expect(rules("---\nauthor: !!str ana-lima\nweek: 2026-W48\n---\n").contains("yaml-tag"))
        #expect(rules("---\nauthor: ana-lima\nweek: !<tag:yaml.org,2002:str> 2026-W48\n---\n").contains("yaml-tag"))
    }

    @Test func tabsGetAFriendlyMessage() {
        let f = findings("---\nauthor: ana-lima\nweek: 2026-W48\ndeals:\n\t- id: NW-1\n---\n")
        #expect(f.map(\.rule) == ["yaml-syntax"])
        #expect(f[0].message.contains("tab"))
        #expect(f[0].position.line == 5)
    }

    @Test func yaml11WordsAreText() {
        let text = ExampleOrg.update(deals: ExampleOrg.deal(id: "0981", stage: "no"))
        let f = findings(text)
        #expect(f.map(\.rule) == ["stage-unknown"])
        #expect(f[0].message.contains("'no'"))
    }

    @Test func idsWithSlashOrDotsAreRefused() {
        #expect(rules(ExampleOrg.update(deals: ExampleOrg.deal(id: "../../etc/passwd"))) == ["deal-id-invalid"])
        #expect(rules("---\nauthor: ../dana\nweek: 2026-W48\n---\n").contains("author-unknown"))
        let org = Checker.checkOrg(SourceText("people:\n  - { id: ../root }\n  - { id: a/b }\n"))
        #expect(org.findings.map(\.rule) == ["org-id-invalid", "org-id-invalid"])
    }

    @Test func dotsDoNotCloseTheFrontMatter() {
        #expect(rules("---\nauthor: ana-lima\nweek: 2026-W48\n...\n") == ["front-matter-unterminated"])
    }

    @Test func amountsSuggestThePlainNumber() {
        let cases = ["120k": "120000", "\"$120,000\"": "120000", "120_000": "120000", "'120000'": "120000", "1.5M": "1500000"]
        for (written, suggested) in cases {
            let f = findings(ExampleOrg.update(deals: ExampleOrg.deal(amount: written)))
            #expect(f.map(\.rule) == ["amount-invalid"], "\(written)")
            #expect(f.first?.message.contains("write it as \(suggested)") == true, "\(written): \(f)")
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        let seed = Array(ExampleOrg.update(deals: ExampleOrg.deal(extra: "    asks:\n      - { to: product, ask: \"a: b\" }\n")).utf8)
        for _ in 0..<2_000 {
            var bytes = seed
            for _ in 0..<Int(generator.next() % 6 + 1) {
                let i = Int(generator.next() % UInt64(bytes.count))
                let choices: [UInt8] = [0x3A, 0x2D, 0x20, 0x0A, 0x5B, 0x7B, 0x22, 0x27, 0x26, 0x2A, 0x21, 0x09, 0x7C, 0x3E, 0x23, 0xC3]
                bytes[i] = choices[Int(generator.next() % UInt64(choices.count))]
            }
            _ = findings(bytes)
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
