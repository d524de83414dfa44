/// The three output formats of `cascade check`, all printing the same values.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github
}

public struct CheckSummary: Sendable {
    public var filesChecked: Int
    public var errors: Int
    public var warnings: Int
    public var syntaxOnly: Bool
    /// What was checked: "files", or "commits" for `check --authors`.
    public var unit = Noun.file

    public init(filesChecked: Int, errors: Int, warnings: Int, syntaxOnly: Bool = false) {
        self.filesChecked = filesChecked
        self.errors = errors
        self.warnings = warnings
        self.syntaxOnly = syntaxOnly
    }

    public var line: String {
        var s = "checked \(unit(filesChecked)): \(Noun.error(errors)), \(Noun.warning(warnings))"
        if syntaxOnly {
            s += " (org.yaml could not be read as an organisation, so updates were checked for syntax only)"
        }
        return s
    }
}

public enum Reporter {
    public static func render(
        _ diagnostics: [Diagnostic], summary: CheckSummary, format: DiagnosticFormat, color: Bool = false
    ) -> String {
        switch format {
        case .text: return text(diagnostics, summary: summary, color: color)
        case .json: return json(diagnostics, summary: summary)
        case .github: return github(diagnostics, summary: summary)
        }
    }

    /// `path:line:col: error: message [rule]`, then the summary line.
    public static func text(_ diagnostics: [Diagnostic], summary: CheckSummary, color: Bool) -> String {
        var out = ""
        for d in diagnostics {
            let severity = d.severity.rawValue
            let styled =
                color
                ? (d.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m")
                : severity
            let location = "\(ControlText.escaped(d.file)):\(d.position.line):\(d.position.column):"
            out +=
                "\(color ? "\u{1B}[1m\(location)\u{1B}[0m" : location) \(styled): \(ControlText.escaped(d.message)) "
                    + "[\(d.rule)]\n"
        }
        out += summary.line + "\n"
        return out
    }

    /// `check --format json`, through Codable.
    public static func json(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, rule: String, message: String
        }
        struct Document: Encodable {
            var files_checked: Int, errors: Int, warnings: Int, syntax_only: Bool
            var diagnostics: [Entry]
        }
        let document = Document(
            files_checked: summary.filesChecked, errors: summary.errors, warnings: summary.warnings,
            syntax_only: summary.syntaxOnly,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.file, line: $0.position.line, column: $0.position.column, severity: $0.severity.rawValue,
                    rule: $0.rule, message: $0.message)
            })
        return ((try? JSONTreeEncoder.encode(document)) ?? .null).document(itemLists: ["diagnostics"])
    }

    /// GitHub Actions workflow commands, escaped as the runner requires.
    public static func github(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        var out = ""
        for d in diagnostics {
            out +=
                "::\(d.severity.rawValue) "
                    + "file=\(property(d.file)),line=\(d.position.line),col=\(d.position.column),"
                    + "title=\(property(d.rule))::\(data(d.message))\n"
        }
        out += summary.line + "\n"
        return out
    }

    /// GitHub's escapes for %, CR and LF, and every other control character shown escaped (the log is a terminal too).
    static func data(_ s: String) -> String {
        let github = s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        return ControlText.escaped(github)
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Minimal JSON writing with stable key order.
public enum JSON {
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ControlText.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
