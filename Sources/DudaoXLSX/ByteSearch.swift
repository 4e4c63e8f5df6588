#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in a buffer (`memmem` is a GNU extension that Swift's Glibc module leaves out).
enum ByteSearch {
    /// The offset of the first `pattern` in `p[from..<n]`.
    static func find(_ pattern: StaticString, _ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int) -> Int? {
        let count = pattern.utf8CodeUnitCount
        let first = Int32(pattern.utf8Start[0])
        var i = from
        while n - i >= count, let hit = memchr(p + i, first, n - i - count + 1) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
            if memcmp(p + at, pattern.utf8Start, count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    static func find(_ pattern: StaticString, in bytes: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        return find(pattern, base.assumingMemoryBound(to: UInt8.self), from, bytes.count)
    }
}
