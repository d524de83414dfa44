// The POSIX calls whose names or fields differ between Linux (glibc) and macOS (Darwin): this
// file for Linux, Darwin.swift for macOS. Everything else uses the calls both share.
#if os(Linux)
    @_exported import Glibc

    public enum Platform {
        /// A file's last modification, as `stat` reports it.
        public static func modified(_ info: stat) -> timespec { info.st_mtim }
        /// A file's last status change (its inode), as `stat` reports it.
        public static func changed(_ info: stat) -> timespec { info.st_ctim }
        /// `mmap` flags for a file read whole, once: pages read ahead in one go.
        public static let mapWholeFile: Int32 = MAP_PRIVATE | MAP_POPULATE

        public static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
            Glibc.write(fd, bytes, count)
        }

        public static func read(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
            Glibc.read(fd, bytes, count)
        }
    }
#endif
