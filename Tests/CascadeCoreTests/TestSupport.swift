import CascadeCore
import Foundation
import Testing

/// A temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ bytes: [UInt8]) {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
    }

    func write(_ relative: String, _ text: String) { write(relative, Array(text.utf8)) }

    func mkdir(_ relative: String) {
        try! FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }
}

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
func checkFiles(_ files: [String: [UInt8]], target: String, folders: [String] = []) throws -> [Diagnostic] {
    let repo = TemporaryFolder()
    if files["org.yaml"] == nil { repo.write("org.yaml", ExampleOrg.yaml) }
    for (path, bytes) in files { repo.write(path, bytes) }
    for folder in folders { repo.mkdir(folder) }
    return try RepositoryCheck(root: repo.path).run(targets: [target]).diagnostics
}
