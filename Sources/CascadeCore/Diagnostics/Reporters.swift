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
    public var unit = "files"

    public init(filesChecked: Int, errors: Int, warnings: Int, syntaxOnly: Bool = false) {
        self.filesChecked = filesChecked
        self.errors = errors
        self.warnings = warnings
        self.syntaxOnly = syntaxOnly
    }

    public var line: String {
        var s = "checked \(filesChecked) \(unit): \(errors) errors, \(warnings) warnings"
        if syntaxOnly { s += " (org.yaml could not be read as an organisation, so updates were checked for syntax only)" }
        return s
    }
}

public enum Reporter {
    public static func render(_ diagnostics: [Diagnostic], summary: CheckSummary, format: DiagnosticFormat, color: Bool = false) -> String {
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
            let styled = color ? (d.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
            let location = "\(ControlText.escaped(d.file)):\(d.position.line):\(d.position.column):"
            out += "\(color ? "\u{1B}[1m\(location)\u{1B}[0m" : location) \(styled): \(ControlText.escaped(d.message)) [\(d.rule)]\n"
        }
        out += summary.line + "\n"
        return out
    }

    public static func json(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        var out = "{\n  \"files_checked\": \(summary.filesChecked),\n  \"errors\": \(summary.errors),\n  \"warnings\": \(summary.warnings),\n"
        out += "  \"syntax_only\": \(summary.syntaxOnly),\n  \"diagnostics\": ["
        for (i, d) in diagnostics.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"file\": \(JSON.string(d.file)), \"line\": \(d.position.line), \"column\": \(d.position.column), "
            out += "\"severity\": \(JSON.string(d.severity.rawValue)), \"rule\": \(JSON.string(d.rule)), \"message\": \(JSON.string(d.message))}"
        }
        out += diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// GitHub Actions workflow commands, escaped as the runner requires.
    public static func github(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        var out = ""
        for d in diagnostics {
            out += "::\(d.severity.rawValue) file=\(property(d.file)),line=\(d.position.line),col=\(d.position.column),title=\(property(d.rule))::\(data(d.message))\n"
        }
        out += summary.line + "\n"
        return out
    }

    /// GitHub's escapes for %, CR and LF, and every other control character shown escaped (the log is a terminal too).
    static func data(_ s: String) -> String {
        let github = s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
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
