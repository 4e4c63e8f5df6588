/// Lines written as the differences from the line before, zigzag-coded, seven bits a byte:
/// rows logged in file order differ by a few hundred lines, so a line takes one or two bytes
/// instead of four (any order still reads back exactly; a jump just takes more bytes).
///
/// Plain memory, owned by whoever holds the stream: `free()` gives it back. Not copyable in
/// spirit: a copy shares the bytes (the duplicate log keeps one per partition, in place).
struct LineStream {
    private var bytes: UnsafeMutablePointer<UInt8>?
    private var used = 0
    private var capacity = 0
    private var last: Int64 = 0

    /// Reserves room for about `lines` lines written in order.
    mutating func reserve(lines: Int) {
        if lines * 2 + 16 > capacity { grow(to: lines * 2 + 16) }
    }

    @inline(__always)
    mutating func append(_ line: Int32) {
        if used &+ 10 > capacity { grow(to: max(64, capacity * 2)) }
        let delta = Int64(line) &- last
        last = Int64(line)
        var zigzag = UInt64(bitPattern: (delta << 1) ^ (delta >> 63))
        while zigzag >= 0x80 {
            bytes![used] = UInt8(truncatingIfNeeded: zigzag) | 0x80  // unwrap: grow() above allocated it
            used &+= 1
            zigzag >>= 7
        }
        bytes![used] = UInt8(zigzag)  // unwrap: as above
        used &+= 1
    }

    /// Reads the lines back in the order they were written.
    struct Reader {
        fileprivate let bytes: UnsafeMutablePointer<UInt8>?
        fileprivate var at = 0
        fileprivate var line: Int64 = 0

        /// The next line; only as many times as lines were written.
        @inline(__always)
        mutating func next() -> Int32 {
            guard let bytes else { return 0 }
            var zigzag: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = bytes[at]
                at &+= 1
                zigzag |= UInt64(b & 0x7f) << shift
                if b < 0x80 { break }
                shift &+= 7
            }
            line &+= Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            return Int32(truncatingIfNeeded: line)
        }
    }

    var reader: Reader { Reader(bytes: bytes) }

    /// The bytes the lines take.
    var byteCount: Int { used }

    /// Gives back the memory; the stream is empty afterwards.
    mutating func free() {
        bytes?.deallocate()
        self = LineStream()
    }

    private mutating func grow(to size: Int) {
        bytes = .regrow(bytes, count: used, to: size)
        capacity = size
    }
}
