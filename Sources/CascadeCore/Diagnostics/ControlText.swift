/// Text from updates and `org.yaml` made safe to print: a terminal acts on
/// control characters (`\e]0;…\a` retitles the window, `\e[2J` clears it, a CR
/// overwrites the line), so every control character, and the bidirectional
/// overrides that reorder what a reader sees, is shown escaped as `\u{1B}`.
public enum ControlText {
    /// Whether a scalar must not reach a terminal raw (line breaks and tabs are judged by the caller).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029
    }

    /// `s` with unsafe scalars escaped. With `keepLines`, line feeds and tabs stay (a note, a whole digest);
    /// without, they are escaped too (one line of a diagnostic or a table cell).
    public static func escaped(_ s: String, keepLines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isUnsafe(scalar), !(keepLines && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
