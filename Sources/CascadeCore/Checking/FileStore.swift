/// Why a file or a folder cannot be read.
public enum FileReadError: Error, Sendable, Equatable {
    case missing, isFolder, notRegular(String), unreadable(String)

    public var reason: String {
        switch self {
        case .missing: return "no such file"
        case .isFolder: return "it is a folder, not a file"
        case .notRegular(let what) where what.contains("link"):
            return "it is \(what), not a regular file; an update is never followed through a link: "
                + "put the file itself here"
        case .notRegular(let what):
            return "it is \(what), not a regular file; an update is a plain text file: put one here"
        case .unreadable(let why): return why
        }
    }
}

/// An entry of a folder.
public struct FileEntry: Sendable, Equatable {
    public var name: String
    public var isFolder: Bool
    /// A symbolic link (never followed under updates/: `isFolder` is false for it).
    public var isLink: Bool = false

    public init(name: String, isFolder: Bool, isLink: Bool = false) {
        self.name = name
        self.isFolder = isFolder
        self.isLink = isLink
    }
}

/// Where the files of a check come from: the working tree, git's index
/// (`check --staged`), or memory (an editor's unsaved buffer). Paths are
/// relative to the repository root (`org.yaml`, `updates/2026-W48/ana-lima.md`).
public protocol FileStore: Sendable {
    /// At most `limit` bytes of the file; an update is never read through a link.
    func read(_ path: String, limit: Int) -> Result<[UInt8], FileReadError>
    /// The entries of a folder, sorted by name.
    func list(_ folder: String) -> Result<[FileEntry], FileReadError>
}

/// Files held in memory, or read on demand (git's index: a blob only when it is asked for).
/// A symbolic link is listed as one and never read.
public struct MemoryStore: FileStore {
    private let children: [String: [FileEntry]]
    private let files: Set<String>
    private let links: Set<String>
    private let load: @Sendable (String) -> [UInt8]?

    /// Path -> bytes, or nil for a symbolic link.
    public init(files: [String: [UInt8]?]) {
        let contents = files
        self.init(paths: Array(files.keys), links: Set(files.filter { $0.value == nil }.keys)) { contents[$0] ?? nil }
    }

    public init(paths: [String], links: Set<String>, load: @escaping @Sendable (String) -> [UInt8]?) {
        var children: [String: [String: FileEntry]] = [:]
        for path in paths {
            var parts = path.split(separator: "/").map(String.init)
            let name = parts.removeLast()
            children[parts.joined(separator: "/"), default: [:]][name] = FileEntry(
                name: name, isFolder: false, isLink: links.contains(path))
            while let folder = parts.popLast() {
                children[parts.joined(separator: "/"), default: [:]][folder] = FileEntry(name: folder, isFolder: true)
            }
        }
        self.children = children.mapValues { $0.values.sorted { $0.name < $1.name } }
        self.files = Set(paths)
        self.links = links
        self.load = load
    }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileReadError> {
        guard files.contains(path) else { return .failure(children[path] == nil ? .missing : .isFolder) }
        if links.contains(path) { return .failure(.notRegular("a symbolic link")) }
        guard let bytes = load(path) else { return .failure(.unreadable("its contents cannot be read")) }
        return .success(bytes.count > limit ? Array(bytes.prefix(limit)) : bytes)
    }

    public func list(_ folder: String) -> Result<[FileEntry], FileReadError> {
        if let entries = children[folder] { return .success(entries) }
        return .failure(files.contains(folder) ? .notRegular("a file") : .missing)
    }
}
