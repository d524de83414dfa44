// The POSIX calls whose names or fields differ between Linux and macOS: this file for macOS
// (Darwin), Linux.swift for Linux.
#if canImport(Darwin)
    @_exported import Darwin

    public enum Platform {
        public static func modified(_ info: stat) -> timespec { info.st_mtimespec }
        public static func changed(_ info: stat) -> timespec { info.st_ctimespec }
        /// macOS has no MAP_POPULATE; the pages are read as they are touched.
        public static let mapWholeFile: Int32 = MAP_PRIVATE

        public static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
            Darwin.write(fd, bytes, count)
        }

        public static func read(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
            Darwin.read(fd, bytes, count)
        }
    }
#endif
