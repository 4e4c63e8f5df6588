import Foundation

/// A small set of declared values (an enum column's values, 是/否) matched against a cell's
/// bytes: the length and the first eight bytes, compared as integers, decide almost always,
/// and the rest is compared only for a candidate. Plain memory, so matching costs no
/// reference counting; a class, so copies share it.
public final class ValueSet: @unchecked Sendable {
    @usableFromInline
    struct Entry {
        @usableFromInline var length: Int
        @usableFromInline var head: UInt64
        @usableFromInline var rest: Int
    }

    @usableFromInline let entries: UnsafeMutableBufferPointer<Entry>
    @usableFromInline let bytes: UnsafeMutableBufferPointer<UInt8>

    /// The values in order; `index(of:)` gives their positions.
    public init(_ values: [[UInt8]]) {
        entries = .allocate(capacity: max(values.count, 1))
        bytes = .allocate(capacity: max(values.reduce(0) { $0 + $1.count }, 1))
        var offset = 0
        for (i, v) in values.enumerated() {
            let head = v.withUnsafeBytes { $0.paddedWord(at: 0) }
            entries.baseAddress!.advanced(by: i).initialize(to: Entry(length: v.count, head: head, rest: offset))  // unwrap: allocated with one entry per value, i < count
            for b in v {
                bytes[offset] = b
                offset += 1
            }
        }
        count = values.count
    }

    deinit {
        entries.deallocate()
        bytes.deallocate()
    }

    public let count: Int

    /// The position of the value equal to `field`, or nil.
    @inlinable
    public func index(of field: UnsafeRawBufferPointer) -> Int? {
        let head = field.paddedWord(at: 0)
        let n = field.count
        for i in 0..<count {
            let e = entries[i]
            guard e.length == n, e.head == head else { continue }
            if n <= 8 || memcmp(field.baseAddress! + 8, bytes.baseAddress! + e.rest + 8, n - 8) == 0 { return i }  // unwrap: n > 8 bytes in both
        }
        return nil
    }
}
