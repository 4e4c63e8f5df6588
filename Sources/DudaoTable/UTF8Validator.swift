/// Strict UTF-8 validation over raw bytes (Unicode Table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF), fast on ASCII because it checks eight bytes at a time.
enum UTF8Validator {
    static func isValid(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        let p = base.assumingMemoryBound(to: UInt8.self)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
            // ASCII fast path: skip whole words, then the ASCII bytes before the first high bit.
            while i &+ 8 <= n {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let high = word & highBits
                if high != 0 {
                    i &+= high.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            guard i < n else { return true }
            let lead = p[i]
            if lead < 0x80 { i &+= 1; continue }
            guard let length = sequenceLength(p, i, n) else { return false }
            i &+= length
        }
        return true
    }

    /// The length of the well-formed multi-byte sequence at `i`, or nil.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        @inline(__always) func continuation(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        @inline(__always) func inRange(_ k: Int, _ low: UInt8, _ high: UInt8) -> Bool {
            k < n && p[k] >= low && p[k] <= high
        }
        let lead = p[i]
        switch lead {
        case 0xC2...0xDF:
            return continuation(i + 1) ? 2 : nil
        case 0xE0:
            return inRange(i + 1, 0xA0, 0xBF) && continuation(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(i + 1) && continuation(i + 2) ? 3 : nil
        case 0xED:
            return inRange(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : nil
        case 0xF0:
            return inRange(i + 1, 0x90, 0xBF) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF4:
            return inRange(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        default:
            return nil
        }
    }
}
