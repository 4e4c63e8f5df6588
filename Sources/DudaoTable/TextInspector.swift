import CTextInspect

/// One pass over a stretch of text that checks it is strict UTF-8 and counts the physical
/// lines it ends (LF, CRLF and a lone CR each end one): 32 bytes a step with AVX2 where the CPU
/// has it, else eight bytes a step on ASCII.
///
/// The parallel ledger scan runs it on each chunk first, so every chunk knows the line it
/// starts on, and the file's encoding is checked without a separate sequential pass.
public enum TextInspector {
    public struct Result: Equatable, Sendable {
        public var validUTF8: Bool
        public var lineEnds: Int

        public init(validUTF8: Bool, lineEnds: Int) {
            self.validUTF8 = validUTF8
            self.lineEnds = lineEnds
        }
    }

    /// Inspects `bytes`; a CR as the last byte counts as a line end only when `nextByte` (the
    /// byte after the stretch, if any) is not LF, so adjacent stretches add up exactly.
    ///
    /// Uses the vector kernel where the CPU has one (32 bytes a step), else `scalar`.
    public static func inspect(_ bytes: UnsafeRawBufferPointer, nextByte: UInt8? = nil) -> Result {
        vector(bytes, nextByte: nextByte) ?? scalar(bytes, nextByte: nextByte)
    }

    /// Inspects `bytes[range]` in blocks of 32 MB (never splitting a UTF-8 sequence), handing
    /// each block's range to `inspected` once done with it (so a mapped file can give its pages
    /// back and stay small in memory however large), and stops at the first invalid block.
    public static func inspect(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                               inspected: (Range<Int>) -> Void) -> Result {
        var result = Result(validUTF8: true, lineEnds: 0)
        var start = range.lowerBound
        while start < range.upperBound {
            var end = min(start + (32 << 20), range.upperBound)
            while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let r = inspect(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), nextByte: end < bytes.count ? bytes[end] : nil)
            result.lineEnds += r.lineEnds
            if !r.validUTF8 { return Result(validUTF8: false, lineEnds: result.lineEnds) }
            inspected(start..<end)
            start = end
        }
        return result
    }

    /// The offset of the first byte of `bytes` that does not belong to a strict UTF-8
    /// sequence, or nil when all do. Looks for the first invalid block of 64 KiB with
    /// `inspect`, then goes through it a character at a time.
    public static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var start = 0
        while start < n {
            var end = min(start + (64 << 10), n)
            while end < n, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if !inspect(UnsafeRawBufferPointer(rebasing: bytes[start..<end])).validUTF8 { break }
            start = end
        }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var i = start
        while i < n {
            if p[i] < 0x80 {
                i += 1
            } else if let length = UTF8Validator.sequenceLength(p, i, n) {
                i += length
            } else {
                return i
            }
        }
        return nil
    }

    /// The vector kernel's answer, or nil where this CPU has none.
    static func vector(_ bytes: UnsafeRawBufferPointer, nextByte: UInt8?) -> Result? {
        guard let base = bytes.baseAddress else { return Result(validUTF8: true, lineEnds: 0) }
        var lines = 0
        let valid = dudao_inspect_text(base.assumingMemoryBound(to: UInt8.self), bytes.count, &lines)
        guard valid >= 0 else { return nil }
        // The kernel counts a final CR as a line end; the next stretch's LF makes it a CRLF.
        if valid == 1, bytes.count > 0, bytes[bytes.count - 1] == 0x0D, nextByte == 0x0A { lines -= 1 }
        return Result(validUTF8: valid == 1, lineEnds: lines)
    }

    /// The portable path. ASCII goes eight bytes at a time (also the ASCII bytes before the
    /// first non-ASCII byte of a word), and a three-byte sequence with an unrestricted lead
    /// (most CJK) is checked in one step; other sequences go through
    /// `UTF8Validator.sequenceLength`.
    static func scalar(_ bytes: UnsafeRawBufferPointer, nextByte: UInt8?) -> Result {
        guard let base = bytes.baseAddress else { return Result(validUTF8: true, lineEnds: 0) }
        let n = bytes.count
        let p = base.assumingMemoryBound(to: UInt8.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var lines = 0
        var i = 0
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        @inline(__always) func byteAt(_ j: Int) -> UInt8? { j < n ? p[j] : nextByte }
        /// Line ends among the bytes of `w` (at `i`) that `mask` keeps.
        @inline(__always) func lineEnds(_ w: UInt64, _ mask: UInt64) -> Int {
            var count = (zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) & mask).nonzeroBitCount
            var cr = zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D) & mask
            while cr != 0 {
                if byteAt(i &+ (cr.trailingZeroBitCount >> 3) &+ 1) != 0x0A { count &+= 1 }
                cr &= cr &- 1
            }
            return count
        }
        while i < n {
            if i &+ 8 <= n {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let h = w & high
                if h == 0 {
                    lines &+= lineEnds(w, high)
                    i &+= 8
                    continue
                }
                // The ASCII bytes before the first non-ASCII one.
                let ascii = h.trailingZeroBitCount >> 3
                if ascii > 0 {
                    lines &+= lineEnds(w, high & ((1 << UInt64(ascii * 8)) &- 1))
                    i &+= ascii
                }
            }
            let b = p[i]
            if b < 0x80 {
                if b == 0x0A { lines &+= 1 } else if b == 0x0D, byteAt(i &+ 1) != 0x0A { lines &+= 1 }
                i &+= 1
                continue
            }
            // E1–EC and EE–EF take any two continuation bytes (E0 and ED restrict the second).
            if b >= 0xE1, b != 0xED, b <= 0xEF, i &+ 2 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80 {
                i &+= 3
                continue
            }
            guard let length = UTF8Validator.sequenceLength(p, i, n) else { return Result(validUTF8: false, lineEnds: lines) }
            i &+= length
        }
        return Result(validUTF8: true, lineEnds: lines)
    }
}
