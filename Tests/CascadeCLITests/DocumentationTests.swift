import CascadeTestSupport
import Foundation
import Testing

/// The repository explains itself after a clone: every relative link of every Markdown file
/// leads to a file of the repository (and its heading, for `#anchor` links), and the documents
/// people read link nowhere outside it.
@Suite("documentation links")
struct DocumentationTests {
    /// Every Markdown file git tracks, but the golden outputs and the sample's updates (data, not documents).
    static func markdownFiles() throws -> [String] {
        try CLI.shell("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.md"], in: CLI.packageRoot.path).split(separator: "\n").map(String.init)
            .filter { !$0.contains("/Golden/") && !$0.hasPrefix("updates/") && !$0.contains("/Fixtures/") }
    }

    /// `[text](target)` links outside code spans and fenced blocks.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced else { continue }
            let prose = line.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
            let regex = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
            for match in regex.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)) {
                links.append(String(prose[Range(match.range(at: 1), in: prose)!]))
            }
        }
        return links
    }

    /// GitHub's anchor of a heading: lower case, spaces to '-', punctuation dropped.
    static func anchors(in text: String) -> Set<String> {
        Set(text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
            heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
                .replacingOccurrences(of: " ", with: "-")
        })
    }

    @Test func everyRelativeLinkLeadsIntoTheRepository() throws {
        let files = try Self.markdownFiles()
        #expect(files.contains("README.md") && files.contains("docs/format.md") && files.contains("docs/rules.md"))
        let root = URL(fileURLWithPath: CLI.packageRoot.path).standardizedFileURL.path
        var checked = 0
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for link in Self.links(in: text) {
                #expect(!link.hasPrefix("http:") && !link.hasPrefix("https:"), "\(file) links outside: \(link)")
                guard !link.hasPrefix("mailto:"), !link.contains("://") else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
                let folder = (file as NSString).deletingLastPathComponent
                let target = path.isEmpty
                    ? root + "/" + file
                    : URL(fileURLWithPath: root + "/" + (folder.isEmpty ? "" : folder + "/") + path).standardizedFileURL.path
                #expect(target.hasPrefix(root + "/"), "\(file): \(link) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: target), "\(file): \(link) leads nowhere")
                if let anchor, target.hasSuffix(".md"), let linked = try? String(contentsOfFile: target, encoding: .utf8) {
                    #expect(Self.anchors(in: linked).contains(anchor), "\(file): no heading for #\(anchor)")
                }
                checked += 1
            }
        }
        #expect(checked >= 5, "the documents link to each other")
    }

    @Test func theLinkCheckCatchesABrokenLink() {
        #expect(Self.links(in: "See [the format](docs/format.md) and `[not](a-link)`.\n```\n[no](link)\n```\n")
            == ["docs/format.md"])
        #expect(Self.anchors(in: "# The file formats\n## `org.yaml`\n").contains("orgyaml"))
    }
}
