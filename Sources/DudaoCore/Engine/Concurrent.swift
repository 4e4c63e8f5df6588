import Dispatch
import Foundation

/// Work spread over up to `threads` cores, with results in index order, so the outcome is
/// the same however many cores do it.
enum Concurrent {
    /// `transform(i)` for every `i` in `0..<count`, in order; indices are handed out in blocks
    /// of `block`, to at most `threads` threads at once.
    static func map<T>(count: Int, threads: Int, block: Int = 4096, _ transform: (Int) -> T) -> [T] {
        let blocks = (count + block - 1) / block
        // With every core allowed, Dispatch hands out blocks as cores come free (blocks of
        // uneven cost balance); with fewer, each thread takes every `threads`-th block.
        let everyCore = threads >= min(blocks, ProcessInfo.processInfo.activeProcessorCount)
        let workers = everyCore ? blocks : max(1, threads)
        return withoutActuallyEscaping(transform) { transform in
            let work = UnsafeSendable(transform)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let out = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    for b in stride(from: w, to: blocks, by: workers) {
                        for i in b * block..<min(count, (b + 1) * block) { (out.value.baseAddress! + i).initialize(to: work.value(i)) }  // unwrap: the loop runs only for i < count, so the buffer is not empty
                    }
                }
                initialized = count
            }
        }
    }

    /// The indices `0..<count` sorted by `areInIncreasingOrder`, which must be a strict total
    /// order (ties broken), so the result does not depend on how the work was split: with two
    /// threads or more, two halves are sorted at once, then merged.
    static func sortedIndices(count: Int, threads: Int, by areInIncreasingOrder: (Int, Int) -> Bool) -> [Int] {
        guard count > 8192, threads > 1 else { return (0..<count).sorted(by: areInIncreasingOrder) }
        return withoutActuallyEscaping(areInIncreasingOrder) { less in
            let order = UnsafeSendable(less)
            let middle = count / 2
            var halves: [[Int]] = [Array(0..<middle), Array(middle..<count)]
            halves.withUnsafeMutableBufferPointer { h in
                let sink = UnsafeSendable(h)
                DispatchQueue.concurrentPerform(iterations: 2) { sink.value[$0].sort(by: order.value) }
            }
            let a = halves[0], b = halves[1]
            var merged: [Int] = []
            merged.reserveCapacity(count)
            var i = 0, j = 0
            while i < a.count && j < b.count {
                if less(b[j], a[i]) { merged.append(b[j]); j += 1 } else { merged.append(a[i]); i += 1 }
            }
            merged += a[i...]
            merged += b[j...]
            return merged
        }
    }
}

/// Hands a value to concurrent workers that touch disjoint parts of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
