/// The growing byte buffer behind the report writers (`JSONWriter`, `HTMLWriter`): bytes
/// appended at the end, room reserved for a run of bytes written through a pointer, decimal
/// digits without a `String`. It owns its memory, so it cannot be copied.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes so far; valid until the buffer is written again or ends.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the bytes so far, keeping their storage.
    mutating func clear() { count = 0 }

    /// Text that is written as it is.
    mutating func raw(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n).initialize(from: text.utf8Start, count: n)
        count += n
    }

    mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// Decimal digits, written from the last one back (as `"\(n)"` writes them).
    mutating func int(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var digits = 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var to = reserve(digits) + digits
        rest = value.magnitude
        repeat {
            to -= 1
            to.pointee = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        count += digits
    }

    /// Room for `n` more bytes, where they go; `commit` says how many were written there.
    mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < n { grow(toHold: n) }
        return base + count
    }

    /// Takes `n` bytes written at `reserve`'s pointer into the buffer.
    mutating func commit(_ n: Int) { count += n }

    /// Kept out of line, so that `reserve` is small enough to inline into every write.
    @inline(never)
    private mutating func grow(toHold n: Int) {
        capacity = max(2 * capacity, count + n)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
}
