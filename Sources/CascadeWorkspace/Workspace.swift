import CascadeCore
import Foundation

/// Paths as the user gave them, made absolute without resolving links.
public enum Paths {
    /// `path` made absolute and normalised lexically ("." and ".." removed).
    /// Links are not resolved (Foundation's standardizingPath does): a path
    /// that names a symbolic link must still name the link.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `root` when inside it, else nil.
    public static func relative(_ path: String, to root: String) -> String? {
        let full = absolute(path)
        if full == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
    }
}

/// A 15-5 repository on disk: where it is, its org.yaml, its week folders.
public enum Workspace {
    /// The nearest folder upwards from `start` holding org.yaml, or `start` itself.
    public static func findRoot(from start: String) -> String {
        var dir = start
        while true {
            if FileSystem.exists(dir + "/org.yaml") { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return start }
            dir = parent
        }
    }

    /// The real ISO weeks that have a folder under `root/updates`, ascending (links are not followed).
    public static func weeks(_ root: String) -> [Week] {
        (FileSystem.list(root + "/updates") ?? []).filter { $0.isFolder && !$0.isLink }.compactMap { Week($0.name) }
            .sorted()
    }

    /// A repository's check, reading the working tree.
    public static func check(_ root: String) -> RepositoryCheck {
        RepositoryCheck(root: root, store: DiskStore(root: root))
    }
}
