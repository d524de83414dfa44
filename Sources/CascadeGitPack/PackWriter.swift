import CascadePlatform
@_spi(Pack) import CascadeGit
import CZlib
import Foundation

/// Writes objects into one new packfile and its index (pack format version 2,
/// index version 2: the files `git gc` and `git fast-import` write). Each
/// object is written once; an object can be stored as a delta against one
/// written earlier (an offset delta), which keeps a long history of trees
/// that differ by one entry small. Only `cascade demo` uses it.
final class PackWriter {
    enum Kind: Int { case commit = 1, tree = 2, blob = 3 }

    /// The longest chain of deltas before an object is stored whole again (git's default).
    static let maxDepth = 50

    private struct Stored { var offset: Int; var crc: UInt32; var depth: Int }

    private let directory: String
    private let temporaryPath: String
    private let file: UnsafeMutablePointer<FILE>
    private var offset = 0
    private var objects: [RawObjectID: Stored] = [:]
    private var order: [RawObjectID] = []
    private var hasher = SHA1()
    private var stream = z_stream()
    private var output: [UInt8] = []
    private var outputCount = 0
    private var closed = false
    private var finished = false

    /// `objectsDirectory` is the repository's `.git/objects`.
    init(objectsDirectory: String) throws {
        directory = objectsDirectory + "/pack"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        temporaryPath = directory + "/tmp_pack_cascade_\(getpid())"
        guard let f = fopen(temporaryPath, "w+b") else {
            throw GitError(
                repository: objectsDirectory, operation: "creating a pack", message: String(cString: strerror(errno)))
        }
        file = f
        setvbuf(file, nil, _IOFBF, 1 << 20)
        write([UInt8]("PACK".utf8) + Self.be32(2) + Self.be32(0))
        deflateInit_(&stream, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    }

    deinit {
        deflateEnd(&stream)
        hasher.free()
        // A pack never finished (an error, no commits) leaves nothing behind.
        if !closed { fclose(file) }
        if !finished { unlink(temporaryPath) }
    }

    var count: Int { order.count }

    /// Whether the pack holds the object.
    func contains(_ id: RawObjectID) -> Bool { objects[id] != nil }

    /// Hashes an object and writes it whole unless the pack already has it.
    @discardableResult
    func add(_ kind: Kind, _ body: UnsafeRawBufferPointer) -> RawObjectID {
        let id = hasher.objectID(Self.typeName(kind), body)
        if objects[id] == nil { store(id, kind: kind, size: body.count, base: nil, data: body, depth: 0) }
        return id
    }

    /// Hashes an object and writes it as `delta` against `base` (an object of
    /// this pack, whose bytes the delta turns into `body`), or whole when the
    /// base's chain is already long.
    @discardableResult
    func add(_ kind: Kind, _ body: UnsafeRawBufferPointer, base: RawObjectID, delta: [UInt8]) -> RawObjectID {
        let id = hasher.objectID(Self.typeName(kind), body)
        guard objects[id] == nil else { return id }
        if let b = objects[base], b.depth < Self.maxDepth {
            delta.withUnsafeBytes {
                store(id, kind: kind, size: delta.count, base: b.offset, data: $0, depth: b.depth + 1)
            }
        } else {
            store(id, kind: kind, size: body.count, base: nil, data: body, depth: 0)
        }
        return id
    }

    private func store(_ id: RawObjectID, kind: Kind, size: Int, base: Int?, data: UnsafeRawBufferPointer, depth: Int) {
        var header: [UInt8] = []
        var n = size
        var first = UInt8((base == nil ? kind.rawValue : 6) << 4) | UInt8(n & 15)
        n >>= 4
        while n > 0 { header.append(first | 0x80); first = UInt8(n & 0x7F); n >>= 7 }
        header.append(first)
        if let base {
            var distance = offset - base
            var encoded = [UInt8(distance & 0x7F)]
            distance >>= 7
            while distance > 0 { distance -= 1; encoded.append(0x80 | UInt8(distance & 0x7F)); distance >>= 7 }
            header += encoded.reversed()
        }
        deflate(data)
        var crc = header.withUnsafeBytes { crc32(0, $0.baseAddress, UInt32($0.count)) }
        crc = output.withUnsafeBytes { crc32(crc, $0.baseAddress, UInt32(outputCount)) }
        objects[id] = Stored(offset: offset, crc: UInt32(crc), depth: depth)
        order.append(id)
        write(header)
        output.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<outputCount])) }
    }

    /// Compresses `data` into `output[0..<outputCount]` (the buffer only grows).
    private func deflate(_ data: UnsafeRawBufferPointer) {
        deflateReset(&stream)
        let bound = Int(deflateBound(&stream, UInt(data.count)))
        if output.count < bound { output = [UInt8](repeating: 0, count: max(bound, output.count * 2)) }
        output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: data.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(data.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            let status = CZlib.deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "zlib could not finish within deflateBound")
        }
        outputCount = output.count - Int(stream.avail_out)
    }

    private func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
        offset += bytes.count
    }

    /// Completes the pack (object count, checksum) and writes its index; returns the pack's name.
    func finish() throws -> String {
        fflush(file)
        fseek(file, 8, SEEK_SET)
        Self.be32(UInt32(order.count)).withUnsafeBytes { _ = fwrite($0.baseAddress, 1, 4, file) }
        fflush(file)
        // The checksum covers the whole file: read it back once.
        fseek(file, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        let checksum = hasher.finish()
        fseek(file, 0, SEEK_END)
        checksum.array.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, 20, file) }
        guard fflush(file) == 0, ferror(file) == 0, fsync(fileno(file)) == 0 else {
            throw GitError(
                repository: temporaryPath, operation: "writing the pack", message: String(cString: strerror(errno)))
        }
        fclose(file)
        closed = true
        let name = "pack-" + checksum.hex
        let index = indexFile(checksum: checksum)
        let packPath = directory + "/\(name).pack"
        let indexPath = directory + "/\(name).idx"
        guard FileManager.default.createFile(atPath: indexPath + ".tmp", contents: Data(index)) else {
            throw GitError(
                repository: indexPath, operation: "writing the pack index", message: "the file could not be created")
        }
        // The pack first, then its index: git only looks at a pack that has an index.
        guard rename(temporaryPath, packPath) == 0, rename(indexPath + ".tmp", indexPath) == 0 else {
            throw GitError(
                repository: packPath, operation: "putting the pack in place", message: String(cString: strerror(errno)))
        }
        finished = true
        return name
    }

    /// The pack index (version 2): fan-out table, sorted ids, CRCs, offsets, checksums.
    private func indexFile(checksum: RawObjectID) -> [UInt8] {
        let sorted = order.sorted()
        var out: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + Self.be32(2)
        out.reserveCapacity(8 + 1024 + sorted.count * 28 + 40)
        var fanout = [UInt32](repeating: 0, count: 256)
        for id in sorted { fanout[Int(id.firstByte)] += 1 }
        var total: UInt32 = 0
        for i in 0..<256 { total += fanout[i]; out += Self.be32(total) }
        for id in sorted { out += id.array }
        for id in sorted { out += Self.be32(objects[id]!.crc) }
        var large: [UInt8] = []
        for id in sorted {
            let at = objects[id]!.offset
            if at < 0x8000_0000 {
                out += Self.be32(UInt32(at))
            } else {
                out += Self.be32(0x8000_0000 | UInt32(large.count / 8))
                large += Self.be32(UInt32(truncatingIfNeeded: at >> 32)) + Self.be32(UInt32(truncatingIfNeeded: at))
            }
        }
        out += large
        out += checksum.array
        out += out.withUnsafeBytes { SHA1.digest($0) }
        return out
    }

    static func typeName(_ kind: Kind) -> String {
        switch kind {
        case .commit: "commit";
        case .tree: "tree";
        case .blob: "blob"
        }
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [
            UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8),
            UInt8(truncatingIfNeeded: v),
        ]
    }
}
