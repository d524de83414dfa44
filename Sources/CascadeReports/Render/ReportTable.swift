import CascadeCore

/// A report's result: tables for people, and the same data as JSON.
public struct Report: Sendable {
    public var title: String
    public var tables: [ReportTable]
    /// Lines printed under the tables (medians, trends).
    public var notes: [String]
    /// The table the CSV holds: the first one, unless the kind has one row per deal for spreadsheets.
    public var csvTable: ReportTable?
    /// The JSON form, a typed document written with sorted keys; built only when asked for.
    public var json: any ReportDocument { makeJSON() }
    private let makeJSON: @Sendable () -> any ReportDocument

    public init(
        title: String, tables: [ReportTable], notes: [String] = [],
        json: @autoclosure @escaping @Sendable () -> any ReportDocument
    ) {
        self.title = title
        self.tables = tables
        self.notes = notes
        self.csvTable = tables.first
        self.makeJSON = json
    }
}

/// A table cell: text, a count, an amount of money or a share; tables show
/// amounts as $120k, CSV writes the plain number a spreadsheet can sum.
public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String), number(Double), money(Money), percent(Double)

    public init(stringLiteral value: String) { self = .text(value) }

    public func shown(currency: String) -> String {
        switch self {
        case .text(let s): return ControlText.escaped(s)
        case .number(let v): return fmt(v)
        case .money(let v): return v.formatted(currency: currency)
        case .percent(let v): return "\((v * 100).rounded().clampedInt)%"
        }
    }

    public var raw: String {
        switch self {
        case .text(let s): return ControlText.escaped(s, keepLines: true)
        case .number(let v): return fmt(v)
        case .money(let v): return v.decimal
        case .percent(let v): return String(format: "%.4f", v)
        }
    }

    var isNumeric: Bool { if case .text = self { return false }; return true }
}

public struct ReportTable: Sendable {
    public var title: String
    public var columns: [String]
    /// Whether each column is numeric (right-aligned).
    public var numeric: [Bool]
    public var cells: [[Cell]]
    public var currency: String

    /// The rows as a reader sees them.
    public var rows: [[String]] { cells.map { $0.map { $0.shown(currency: currency) } } }

    public init(title: String, columns: [String], cells: [[Cell]], currency: String) {
        self.title = title
        self.columns = columns
        self.cells = cells
        self.currency = currency
        numeric = columns.indices.map { i in !cells.isEmpty && cells.allSatisfy { $0[i].isNumeric } }
    }

    /// Fits `width` columns (a terminal's): the widest text columns are shortened when needed; with
    /// no width (output to a pipe or a file) nothing is cut.
    public func text(width: Int? = nil) -> String {
        var widths = columns.indices.map { i in max(columns[i].count, rows.map { $0[i].count }.max() ?? 0) }
        // Shrink the widest text column, one character at a time, until the table fits.
        while let width, widths.reduce(0, +) + 2 * (widths.count - 1) > width {
            guard
                let i = widths.indices.filter({ !numeric[$0] && widths[$0] > 6 }).max(by: {
                    (widths[$0], $1) < (widths[$1], $0)
                })
            else { break }
            widths[i] -= 1
        }
        func cell(_ s: String, _ i: Int) -> String {
            var v = s
            if v.count > widths[i] { v = String(v.prefix(widths[i] - 1)) + "…" }
            let pad = String(repeating: " ", count: widths[i] - v.count)
            return numeric[i] ? pad + v : v + pad
        }
        func line(_ cells: [String]) -> String {
            var s = cells.indices.map { cell(cells[$0], $0) }.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        var out = title.isEmpty ? "" : title + "\n"
        out += line(columns)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }

    /// RFC 4180, CRLF line ends; a cell that starts with '=', '+', '-' or '@' is
    /// prefixed with a quote so a spreadsheet never runs it as a formula.
    public func csv() -> String {
        func field(_ s: String) -> String {
            var v = s
            if let first = v.first, "=+-@\t\r".contains(first) {
                if Double(v) == nil { v = "'" + v }
            }
            if v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") {
                return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return v
        }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in cells { out += row.map { field($0.raw) }.joined(separator: ",") + "\r\n" }
        return out
    }
}

/// Wraps text at word boundaries to `width` columns.
public func wrap(_ text: String, width: Int = 80) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, line.count + 1 + word.count > width {
            lines.append(line)
            line = String(word)
        } else {
            line += (line.isEmpty ? "" : " ") + word
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}
