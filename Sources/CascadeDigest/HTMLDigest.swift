import CCmark
import Foundation

/// The digest as one self-contained HTML page (inline CSS, no script, no
/// external asset), readable in a browser and in an email client. The
/// Markdown renders through cmark-gfm in its safe mode: raw HTML in any
/// update becomes a comment and `javascript:` links are emptied, so no
/// update can inject markup.
public enum HTMLDigest {
    static let style = """
    body{font:16px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:46em;margin:2em auto;padding:0 1em}
    h1{font-size:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.3em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #d8dee4}
    table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d0d7de;padding:.3em .7em}th{background:#f6f8fa}td:nth-child(n+2){text-align:right}
    li{margin:.2em 0}a{color:#0969da}code{background:#f6f8fa;padding:.1em .3em;border-radius:4px}
    """

    /// Markdown to an HTML fragment through cmark-gfm (tables, autolinks, strikethrough, tag filter; no raw HTML).
    public static func fragment(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    public static func page(markdown: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(fragment(markdown))</body>
        </html>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
