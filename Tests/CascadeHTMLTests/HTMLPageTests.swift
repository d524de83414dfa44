import CascadeHTML
import CascadeTestSupport
import Foundation
import Testing

/// The page shell, the cmark-gfm wrapper and the Markdown neutraliser that the digest, the site and
/// email share: a page loads nothing from outside itself and runs nothing.
@Suite("HTML pages") struct HTMLPageTests {
    @Test func aPageIsSelfContained() {
        let page = HTMLPage.page(markdown: "# Digest\n\nOpen pipeline **$1.2M**.\n", title: "Week <47> & \"more\"")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(page.contains("<title>Week &lt;47&gt; &amp; &quot;more&quot;</title>"))
        #expect(page.contains("<strong>$1.2M</strong>"))
        #expect(!page.contains("<script") && !page.contains("src=\"http"))
    }

    @Test func rawHTMLNeverReachesThePage() {
        let html = HTMLPage.fragment("Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n")
        #expect(!html.contains("<script") && !html.contains("<img"))
    }

    @Test func onlyWebAndMailLinksStayLinks() {
        let html = HTMLPage.fragment("[ok](https://example.com) [bad](javascript:alert(1)) [mail](mailto:a@b.example)\n")
        #expect(html.contains("<a rel=\"noopener noreferrer\" href=\"https://example.com\">ok</a>"))
        #expect(html.contains("<a rel=\"noopener noreferrer\" href=\"mailto:a@b.example\">mail</a>"))
        #expect(!html.contains("javascript:") && html.contains("bad"))
    }

    @Test func imagesAreShownAsTheirText() {
        let html = HTMLPage.fragment("See ![the chart](https://tracker.example/pixel.gif) here\n")
        #expect(html.contains("[image: the chart]"))
        #expect(!html.contains("<img"))
    }

    @Test func tablesRender() {
        let html = HTMLPage.fragment("| stage | amount |\n|---|---:|\n| propose | $120k |\n")
        #expect(html.contains("<table>") && html.contains("<td align=\"right\">$120k</td>"))
    }

    @Test func whatARepTypedShowsAsTyped() {
        #expect(DigestMarkdown.neutralised("use <b>bold</b> and ![x](y)") == "use &lt;b>bold&lt;/b> and \\![x](y)")
        #expect(DigestMarkdown.neutralised("a < b, 3<4") == "a < b, 3<4")
        let html = HTMLPage.fragment(DigestMarkdown.neutralised("<b>hi</b>\n"))
        #expect(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
    }

    /// `digest --all` renders on every core: the same Markdown gives the same HTML from any thread.
    @Test func renderingFromManyThreadsIsDeterministic() {
        let markdown = "# T\n\n| a | b |\n|---|---|\n| 1 | [x](https://e.example) |\n"
        let expected = HTMLPage.fragment(markdown)
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 64)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 64) { results[$0] = HTMLPage.fragment(markdown) == expected }
        #expect(results.allSatisfy { $0 })
    }
}
