import CascadeCore
import Foundation
import CascadePlatform

/// Plain POSIX file access for the hot paths: reading many small files and
/// listing folders without a stat per entry.
public enum FileSystem {
    public typealias ReadError = FileReadError
    public typealias Entry = FileEntry

    /// Reads at most `limit` bytes of the file (one more shows it is larger).
    /// With `followLinks` false, a symbolic link is refused (`notRegular`), as is
    /// anything but a regular file: updates are never read through a link.
    public static func read(_ path: String, limit: Int = .max, followLinks: Bool = true) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP, !followLinks { return .failure(.notRegular("a symbolic link")) }
            return .failure(code == ENOENT ? .missing : .unreadable(String(cString: strerror(code))))
        }
        defer { close(fd) }
        return read(opened: fd, limit: limit)
    }

    /// Reads at most `limit` bytes of a file already open (from its folder, say): refused unless a regular file.
    public static func read(opened fd: Int32, limit: Int = .max) -> Result<[UInt8], ReadError> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isFolder) }
        if (info.st_mode & S_IFMT) != S_IFREG { return .failure(.notRegular("a device, a FIFO or a socket")) }
        let wanted = limit == .max ? Int(info.st_size) : min(Int(info.st_size), limit)
        var bytes = [UInt8](repeating: 0, count: max(wanted, 0))
        var done = 0
        while done < wanted {
            let n = bytes.withUnsafeMutableBytes { buf in Platform.read(fd, buf.baseAddress! + done, wanted - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            done += n
        }
        if done < bytes.count { bytes.removeSubrange(done...) }
        return .success(bytes)
    }

    /// The entries of a folder, without "." and "..", sorted by name; nil if it cannot be listed.
    public static func list(_ path: String) -> [Entry]? {
        if case .success(let entries) = listing(path) { return entries }
        return nil
    }

    /// The entries of a folder, or why it cannot be listed. Links are reported as
    /// links (`isLink`), not followed.
    public static func listing(_ path: String) -> Result<[Entry], ReadError> {
        guard let dir = opendir(path) else {
            let code = errno
            if code == ENOENT { return .failure(.missing) }
            if code == ENOTDIR { return .failure(.notRegular("a file")) }
            return .failure(.unreadable(String(cString: strerror(code))))
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            var isLink = entry.pointee.d_type == UInt8(DT_LNK)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var s = stat()
                if lstat(path + "/" + name, &s) == 0 {
                    isFolder = (s.st_mode & S_IFMT) == S_IFDIR
                    isLink = (s.st_mode & S_IFMT) == S_IFLNK
                }
            }
            entries.append(Entry(name: name, isFolder: isFolder, isLink: isLink))
        }
        return .success(entries.sorted { $0.name < $1.name })
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Writes a file in place, without the fsync and extended attributes
    /// Foundation adds: for generated files that are written in bulk
    /// (`cascade demo`), where a crash means starting again anyway.
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Platform.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}

/// The working tree as a `FileStore`.
public struct DiskStore: FileStore {
    public let root: String

    public init(root: String) { self.root = root }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileReadError> {
        FileSystem.read(root + "/" + path, limit: limit, followLinks: !path.hasPrefix("updates/"))
    }

    public func list(_ folder: String) -> Result<[FileEntry], FileReadError> {
        FileSystem.listing(folder.isEmpty ? root : root + "/" + folder)
    }
}
