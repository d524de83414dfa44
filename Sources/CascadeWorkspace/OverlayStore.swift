import CascadeCore

/// Unsaved buffers over another store: an editor's open files take the place of the files on
/// disk (or are added, for a file not saved yet), so a buffer is checked against the other files
/// of its week and the author's earlier updates exactly as `check` would see it once saved.
public struct OverlayStore: FileStore {
    public let base: any FileStore
    /// Path relative to the root -> the buffer's bytes.
    public let buffers: [String: [UInt8]]

    public init(base: any FileStore, buffers: [String: [UInt8]]) {
        self.base = base
        self.buffers = buffers
    }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileReadError> {
        guard let bytes = buffers[path] else { return base.read(path, limit: limit) }
        return .success(bytes.count > limit ? Array(bytes.prefix(limit)) : bytes)
    }

    /// The folder's entries on the base, with the buffers in it (and the folders that lead to
    /// them) added; a buffer replaces a link or a file of the same name.
    public func list(_ folder: String) -> Result<[FileEntry], FileReadError> {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var added: [String: FileEntry] = [:]
        for path in buffers.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            guard let name = rest.split(separator: "/", omittingEmptySubsequences: false).first, !name.isEmpty
            else { continue }
            added[String(name)] = FileEntry(name: String(name), isFolder: name.count < rest.count)
        }
        let listed = base.list(folder)
        guard !added.isEmpty else { return listed }
        var entries: [String: FileEntry] = [:]
        if case .success(let found) = listed { for e in found { entries[e.name] = e } }
        for (name, entry) in added where !(entry.isFolder && entries[name]?.isFolder == true) {
            entries[name] = entry
        }
        return .success(entries.values.sorted { $0.name < $1.name })
    }
}
