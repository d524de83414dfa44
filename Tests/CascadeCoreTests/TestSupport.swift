import CascadeCore
import Foundation
import Testing

/// Text with `⟨XX⟩` escapes turned into raw bytes (for invalid UTF-8 and NUL).
func exampleBytes(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var scalars = Array(text.unicodeScalars)[...]
    while let s = scalars.first {
        if s == "⟨", scalars.count >= 4, scalars[scalars.startIndex + 3] == "⟩",
           let byte = UInt8(String(String.UnicodeScalarView(scalars[(scalars.startIndex + 1)...(scalars.startIndex + 2)])), radix: 16) {
            out.append(byte)
            scalars = scalars.dropFirst(4)
            continue
        }
        out += Array(String(s).utf8)
        scalars = scalars.dropFirst()
    }
    return out
}

/// Checks `path` in a repository made of `files` (org.yaml defaults to the example org).
/// Checks `target` among `files`, all in memory (no repository is written): `folders` are
/// paths that are folders (a file inside each stands for their contents).
func checkFiles(_ files: [String: [UInt8]], target: String, folders: [String] = []) throws -> [Diagnostic] {
    var all: [String: [UInt8]?] = files.mapValues { $0 }
    if all["org.yaml"] == nil { all["org.yaml"] = Array(ExampleOrg.yaml.utf8) }
    for folder in folders { all[folder + "/contents"] = [] }
    return try RepositoryCheck(root: "/example", store: MemoryStore(files: all)).run(targets: [target]).diagnostics
}
