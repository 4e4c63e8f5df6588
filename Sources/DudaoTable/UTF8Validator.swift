/// Strict UTF-8 sequences (Unicode Table 3-7: no overlong forms, no surrogates, nothing above
/// U+10FFFF), one at a time, for `TextInspector`'s scalar path.
enum UTF8Validator {
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
