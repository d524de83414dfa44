import CCmark
import Foundation

/// A self-contained HTML page (inline CSS, no script, no external asset), readable in a
/// browser and in an email client: the page shell, its CSS and the cmark-gfm wrapper that the
/// digest, and later the site and email, share. The page
/// loads nothing from outside itself: a Content-Security-Policy forbids
/// scripts and remote loads, images from update text are shown as their alt
/// text, and links keep only http:, https: and mailto: (with
/// rel="noopener noreferrer"). Raw HTML a rep typed is shown as text (the
/// Markdown escapes it, see `DigestMarkdown.neutralised`).
public enum HTMLPage {
    static let style = """
        body{font:16px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,\
        sans-serif;color:#1f2328;max-width:46em;margin:2em auto;padding:0 1em}
        h1{font-size:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.3em}\
        h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #d8dee4}
        table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d0d7de;padding:.3em .7em}\
        th{background:#f6f8fa}td:nth-child(n+2){text-align:right}
        li{margin:.2em 0}a{color:#0969da}code{background:#f6f8fa;padding:.1em .3em;border-radius:4px}
        """

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
    static let allowedSchemes = ["http:", "https:", "mailto:"]

    /// cmark-gfm's extension registry is global and not safe to fill from several
    /// threads at once (`digest --all` renders on every core): it is filled once, and
    /// parsing and rendering are serialised, so the same Markdown gives the same HTML.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    private static let lock = NSLock()

    /// Markdown to an HTML fragment through cmark-gfm (tables, autolinks, strikethrough, tag filter; no raw HTML).
    public static func fragment(_ markdown: String) -> String {
        _ = registered
        lock.lock()
        defer { lock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        defuse(document)
        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(html) }
        return String(cString: html).replacingOccurrences(
            of: "<a href=\"", with: "<a rel=\"noopener noreferrer\" href=\"")
    }

    /// Images become their alt text; links to anything but http, https and mailto become their text.
    static func defuse(_ document: OpaquePointer) {
        var images: [OpaquePointer] = [], links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator)
            else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
            if cmark_node_get_type(node) == CMARK_NODE_LINK {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !allowedSchemes.contains(where: { url.lowercased().hasPrefix($0) }) { links.append(node) }
            }
        }
        cmark_iter_free(iterator)
        for node in links + images {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            if isImage, let open = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(open, "[image: ")
                cmark_node_insert_before(node, open)
            }
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            if isImage, let close = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(close, "]")
                cmark_node_insert_before(node, close)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// A page whose table cells that are exactly one of `terms` (the stages of the stage table) carry
    /// the term's meaning as an `abbr` title: a reader from product or finance learns what a stage is.
    public static func page(markdown: String, title: String, terms: [String: String]) -> String {
        var html = page(markdown: markdown, title: title)
        for (term, meaning) in terms.sorted(by: { $0.key < $1.key }) {
            let cell = "<td>\(escape(term))</td>"
            html = html.replacingOccurrences(
                of: cell, with: "<td><abbr title=\"\(escape(meaning))\">\(escape(term))</abbr></td>")
        }
        return html
    }

    public static func page(markdown: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(fragment(markdown))</body>
        </html>

        """
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        ).replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// What a rep typed, safe in a Markdown digest that git hosts and editors render:
/// raw HTML (`<b>`, `<img …>`, `<!-- -->`) is escaped so it shows as typed, and an
/// image (`![t](url)`) shows as text, so opening a digest loads nothing.
public enum DigestMarkdown {
    public static func neutralised(_ markdown: String) -> String {
        guard markdown.contains("<") || markdown.contains("![") else { return markdown }
        var out = ""
        out.reserveCapacity(markdown.utf8.count)
        var previous: Character = " "
        var iterator = markdown.makeIterator()
        var next = iterator.next()
        while let c = next {
            let following = iterator.next()
            if c == "<", let f = following, f.isLetter || f == "/" || f == "!" || f == "?" {
                out += "&lt;"
            } else if c == "!", following == "[", previous != "\\" {
                out += "\\!"
            } else {
                out.append(c)
            }
            previous = c
            next = following
        }
        return out
    }
}
