import ArgumentParser
import Foundation

/// `cascade manual`: the man page cascade(1), generated from the argument parser's own description
/// of every command and option (`--experimental-dump-help`), so it cannot drift from `--help`.
/// `make docs` writes it to docs/cascade.1; a test checks that file is current.
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the man page cascade(1) in roff (man(7)).", shouldDisplay: false)

    func run() throws {
        let data = Data(Cascade._dumpHelp().utf8)
        guard let dump = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let root = dump["command"] as? [String: Any]
        else { throw UsageFailure("the argument parser's description of the commands cannot be read") }
        Console.write(ManualPage(root: root).roff())
    }
}

/// The man page of a command tree in the argument parser's dump format.
struct ManualPage {
    let root: [String: Any]

    func roff() -> String {
        let name = root["commandName"] as? String ?? "cascade"
        var out = ".TH \(name.uppercased()) 1 \"\" \"\(name) \(Cascade.configuration.version)\" \"User Commands\"\n"
        out += ".SH NAME\n\(name) \\- \(Self.escape(root["abstract"] as? String ?? ""))\n"
        out += ".SH SYNOPSIS\n.B \(name)\n.I command\n.RI [ options ]\n"
        out += ".SH DESCRIPTION\n" + Self.paragraphs(root["discussion"] as? String ?? "")
        out += ".SH COMMANDS\n"
        for command in Self.visible(root["subcommands"]) { out += section(command, parents: [name]) }
        out += Self.epilogue
        return out
    }

    /// One command: its usage, what it does, its options; then its own subcommands.
    func section(_ command: [String: Any], parents: [String]) -> String {
        let name = command["commandName"] as? String ?? ""
        let path = parents + [name]
        var out = ".SS \(path.joined(separator: " "))\n"
        out += Self.paragraphs(command["abstract"] as? String ?? "")
        out += Self.paragraphs(command["discussion"] as? String ?? "")
        for argument in Self.visible(command["arguments"]) { out += option(argument) }
        for sub in Self.visible(command["subcommands"]) { out += section(sub, parents: path) }
        return out
    }

    func option(_ argument: [String: Any]) -> String {
        let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { n -> String? in
            guard let name = n["name"] as? String else { return nil }
            return (n["kind"] as? String == "short" ? "-" : "--") + name
        }
        let value = argument["valueName"] as? String ?? ""
        let kind = argument["kind"] as? String
        var term: String
        switch kind {
        case "positional": term = "\\fI\(value)\\fR" + (argument["isRepeating"] as? Bool == true ? " ..." : "")
        case "option": term = names.map { "\\fB\(Self.escape($0))\\fR \\fI\(value)\\fR" }.joined(separator: ", ")
        default: term = names.map { "\\fB\(Self.escape($0))\\fR" }.joined(separator: ", ")
        }
        if term.isEmpty { term = value }
        var text = Self.escape(argument["abstract"] as? String ?? "")
        if let values = argument["allValues"] as? [String], !values.isEmpty {
            text += " Values: \(values.joined(separator: ", "))."
        }
        if let fallback = argument["defaultValue"] as? String, !fallback.isEmpty {
            text += " Default: \(Self.escape(fallback))."
        }
        return ".TP\n\(term)\n\(text)\n"
    }

    static func visible(_ list: Any?) -> [[String: Any]] {
        (list as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
    }

    /// Text as roff paragraphs; the indented example lines of a discussion stay as they are (.nf).
    static func paragraphs(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var out = ""
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.contains(where: { $0.hasPrefix("  ") }) {
                let head = lines.prefix { !$0.hasPrefix("  ") }
                if !head.isEmpty { out += ".PP\n" + escape(head.joined(separator: " ")) + "\n" }
                let body = lines.dropFirst(head.count).map { escape($0.trimmingCharacters(in: .whitespaces)) }
                out += ".PP\n.nf\n.RS 4\n" + body.joined(separator: "\n") + "\n.RE\n.fi\n"
            } else {
                out += ".PP\n" + escape(lines.joined(separator: " ")) + "\n"
            }
        }
        return out
    }

    /// roff's special characters: backslashes, and a dot or quote that would start a request.
    static func escape(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
        return s.replacingOccurrences(of: "\n.", with: "\n\\&.")
    }

    static let epilogue = """
        .SH EXIT STATUS
        .TP
        0
        Success.
        .TP
        1
        The command worked and found problems (errors in \\fBcheck\\fR, an update refused by \\fBsubmit\\fR).
        .TP
        2
        A usage error, or an input that cannot be used at all; the message names the file and what to do.
        .SH ENVIRONMENT
        .TP
        .B NO_COLOR
        When set and not empty, no colour (unless \\fB\\-\\-color always\\fR).
        .TP
        .B TERM
        \\fBdumb\\fR: no colour and no cursor control in progress lines.
        .TP
        .BR VISUAL ", " EDITOR
        The editor \\fBcascade new\\fR opens in a terminal.
        .TP
        .B CASCADE_LOCK_TIMEOUT
        Seconds to wait for git's index lock (default 30).
        .TP
        .B CASCADE_TIMING
        When set, how long each phase took, on standard error.
        .SH FILES
        .TP
        .I org.yaml
        People, reporting lines, functions, goals and settings.
        .TP
        .I updates/<week>/<person>.md
        One weekly update per person, Markdown with YAML front matter.
        .TP
        .I templates/update.md, templates/digest.md
        Mustache templates for new updates and digests.
        .SH SEE ALSO
        .BR git (1)
        and docs/format.md in the repository.

        """
}
