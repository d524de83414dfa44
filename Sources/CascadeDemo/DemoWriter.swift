import CascadeCore
import Foundation

/// Writes the generated organisation to a folder.
public struct DemoWriter {
    public let root: String

    public init(root: String) { self.root = root }

    public func begin(orgYAML: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/updates", withIntermediateDirectories: true)
        try orgYAML.write(toFile: root + "/org.yaml", atomically: true, encoding: .utf8)
    }

    public func write(week: Week, commits: [DemoCommit]) throws {
        try FileManager.default.createDirectory(atPath: root + "/updates/\(week)", withIntermediateDirectories: true)
        for commit in commits {
            try commit.text.write(toFile: root + "/" + commit.path, atomically: false, encoding: .utf8)
        }
    }
}
