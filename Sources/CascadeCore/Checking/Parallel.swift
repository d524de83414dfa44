import Foundation

/// Runs `body` over `0..<count` on every core, in chunks.
public func parallelMap<T>(_ count: Int, chunk: Int = 32, _ body: (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { out in
        let buffer = out
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            for i in start..<min(start + chunk, count) { buffer[i] = body(i) }
        }
    }
    return results.map { $0! }
}
