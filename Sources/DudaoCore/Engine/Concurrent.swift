import Dispatch

/// Work spread over all cores in blocks of indices, with results in index order, so the
/// outcome is the same however many cores there are.
enum Concurrent {
    /// `transform(i)` for every `i` in `0..<count`, in order.
    static func map<T>(count: Int, block: Int = 4096, _ transform: (Int) -> T) -> [T] {
        withoutActuallyEscaping(transform) { transform in
            let work = UnsafeSendable(transform)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let out = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: (count + block - 1) / block) { b in
                    for i in b * block..<min(count, (b + 1) * block) { (out.value.baseAddress! + i).initialize(to: work.value(i)) }
                }
                initialized = count
            }
        }
    }

    /// The indices `0..<count` sorted by `areInIncreasingOrder`, which must be a strict total
    /// order (ties broken), so the result does not depend on how the work was split: two
    /// halves are sorted at once, then merged.
    static func sortedIndices(count: Int, by areInIncreasingOrder: (Int, Int) -> Bool) -> [Int] {
        guard count > 8192 else { return (0..<count).sorted(by: areInIncreasingOrder) }
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
