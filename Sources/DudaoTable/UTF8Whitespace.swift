/// Trimming of Unicode `White_Space` (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) matched on UTF-8 bytes.
///
/// The text is valid UTF-8, so a lead byte seen at a sequence's expected start really is one.
public enum UTF8Whitespace {
    /// The range `start..<end` of `p` without white space at either end.
    @inline(__always)
    public static func trim(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var s = start
        var e = end
        while s < e {
            let length = leadingLength(p, s, e)
            if length == 0 { break }
            s &+= length
        }
        while s < e {
            let length = trailingLength(p, s, e)
            if length == 0 { break }
            e &-= length
        }
        return (s, e)
    }

    /// Whether `start..<end` certainly neither starts nor ends with white space, judged by two
    /// bytes: a printable ASCII byte, or a lead (first) / a sequence whose lead (last) is
    /// E4 or above, which no white-space scalar uses. An empty range has none too.
    @inline(__always)
    static func hasNone(atEndsOf p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return true }
        let first = p[start], last = p[end &- 1]
        let firstPlain = first > 0x20 && (first < 0x80 || first >= 0xE4)
        let lastPlain = last > 0x20 && (last < 0x80 || (end &- start >= 3 && p[end &- 3] >= 0xE4))
        return firstPlain && lastPlain
    }

    /// Byte length of a white-space scalar starting at `i`, or 0.
    @inline(__always)
    private static func leadingLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        if b == 0xC2 {
            return i &+ 1 < end && (p[i &+ 1] == 0x85 || p[i &+ 1] == 0xA0) ? 2 : 0
        }
        guard b >= 0xE1, b <= 0xE3, i &+ 2 < end else { return 0 }
        return isThreeByteSpace(b, p[i &+ 1], p[i &+ 2]) ? 3 : 0
    }

    /// Byte length of a white-space scalar ending just before `end`, or 0.
    @inline(__always)
    private static func trailingLength(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let b = p[end &- 1]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 || b > 0xBF { return 0 }
        if (b == 0x85 || b == 0xA0), end &- 2 >= start, p[end &- 2] == 0xC2 { return 2 }
        guard end &- 3 >= start else { return 0 }
        return isThreeByteSpace(p[end &- 3], p[end &- 2], b) ? 3 : 0
    }

    @inline(__always)
    private static func isThreeByteSpace(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80                      // U+1680
        case (0xE2, 0x80): return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF
                                                                 // U+2000–U+200A, U+2028, U+2029, U+202F
        case (0xE2, 0x81): return b2 == 0x9F                      // U+205F
        case (0xE3, 0x80): return b2 == 0x80                      // U+3000
        default: return false
        }
    }
}
