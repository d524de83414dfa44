import Foundation

/// A fresh path under the temporary folder, not created (for a test that makes it itself).
public func temporaryPath(_ prefix: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
}

/// A temporary copy of a fixture repository (or an empty folder).
public final class Workspace {
    public let path: String

    public init(copying fixture: String? = nil) throws {
        path = temporaryPath("cascade-cli")
        if let fixture {
            try FileManager.default.copyItem(atPath: CLI.fixtures + "/" + fixture, toPath: path)
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    public init(copyingPath source: String) throws {
        path = temporaryPath("cascade-cli")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for item in ["org.yaml", "updates", "templates"] where FileManager.default.fileExists(atPath: source + "/" + item) {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: path + "/" + item)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of the bundled sample with its org.yaml edited by `edit`.
    public static func sample(editingOrg edit: (String) -> String = { $0 }) throws -> Workspace {
        let ws = try Workspace(copyingPath: CLI.packageRoot.path)
        let org = try String(contentsOfFile: ws.path + "/org.yaml", encoding: .utf8)
        try ws.write("org.yaml", edit(org))
        return ws
    }

    /// Bytes as they are, for invalid UTF-8, NUL and byte-order marks.
    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    public func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    public func git(_ arguments: String...) throws {
        try CLI.shell("git", arguments, in: path, environment: ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com"])
    }
}
