import CascadePlatform
import Foundation

/// Every file a command writes goes through here. Only regular files are
/// written: a symlink, a FIFO, a device or a folder in the way is refused
/// (writing through a link or over `/dev/stdout` would damage what it points
/// at), and a regular file is replaced atomically, by a temporary file in the
/// same folder renamed over it, so no reader ever sees half of it.
public enum OutputFile {
    /// What is at `path`, seen without following a link.
    public enum Kind: Equatable, Sendable {
        case none, regular, folder, symlink(String), other(String)
    }

    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return .symlink(target)
        case S_IFIFO: return .other("a FIFO (named pipe)")
        case S_IFCHR, S_IFBLK: return .other("a device")
        case S_IFSOCK: return .other("a socket")
        default: return .other("not a regular file")
        }
    }

    /// Why `path` cannot be written as a regular file, or nil when it can.
    public static func refusal(_ path: String) -> String? {
        switch kind(path) {
        case .none, .regular: return nil
        case .folder: return "\(path) is a folder; give the path of a file to write"
        case .symlink(let target):
            return "\(path) is a symbolic link (to \(target)); Cascade does not write through links: "
                + "remove the link or give another path"
        case .other(let what):
            return "\(path) is \(what), not a regular file; Cascade writes only regular files "
                + "(use `--out -` for standard output)"
        }
    }

    /// Creates `dir` and its parents as real folders; a file or a link in the way is a clear error.
    public static func makeFolder(_ dir: String) throws {
        switch kind(dir) {
        case .folder: return
        case .none:
            let parent = (dir as NSString).deletingLastPathComponent
            if parent != dir, !parent.isEmpty { try makeFolder(parent) }
            if mkdir(dir, 0o777) != 0, errno != EEXIST {
                throw WorkspaceError("cannot create the folder \(dir): \(String(cString: strerror(errno)))")
            }
        case .symlink(let target):
            var info = stat()
            if stat(dir, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }  // a link to a folder the user made
            throw WorkspaceError(
                "\(dir) is a symbolic link to \(target), which is not an existing folder; "
                    + "create \(target) or remove the link")
        case .regular, .other:
            throw WorkspaceError("\(dir) is a file, not a folder; move it away or choose another path")
        }
    }

    /// Writes `bytes` to `path` atomically, refusing anything but a regular file.
    public static func replace(_ path: String, _ bytes: [UInt8]) throws {
        if let refusal = refusal(path) { throw WorkspaceError(refusal) }
        let dir = (path as NSString).deletingLastPathComponent
        try makeFolder(dir)
        let temp = try temporary(in: dir, bytes)
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            throw WorkspaceError("cannot write \(path): \(why)")
        }
    }

    /// Writes `bytes` to `path` atomically and never over anything that exists:
    /// a temporary file is linked into place, which fails if `path` exists.
    /// False when something is already there.
    public static func createNew(_ path: String, _ bytes: [UInt8]) throws -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        try makeFolder(dir)
        let temp = try temporary(in: dir, bytes)
        defer { unlink(temp) }
        if link(temp, path) == 0 { return true }
        if errno == EEXIST { return false }
        throw WorkspaceError("cannot create \(path): \(String(cString: strerror(errno)))")
    }

    private static func temporary(in dir: String, _ bytes: [UInt8]) throws -> String {
        let temp = dir + "/.cascade-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError("cannot write in \(dir): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Platform.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let why = String(cString: strerror(errno))
                unlink(temp)
                throw WorkspaceError("cannot write in \(dir): \(why)")
            }
            done += n
        }
        return temp
    }
}

/// A path that cannot be written or read as asked: the message names it and says what to do (exit status 2).
public struct WorkspaceError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
