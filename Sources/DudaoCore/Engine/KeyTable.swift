/// An open-addressing set of 96-bit keys with a line each, one 16-byte slot per key.
final class KeyTable {
    struct Slot {
        var k1: UInt64
        /// Never zero in a used slot.
        var k2: UInt32
        var line: Int32
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let capacity: Int

    /// A table that holds `count` keys at a load below 70%.
    init(capacity count: Int) {
        var c = 16
        while c * 7 < count * 10 { c *= 2 }
        capacity = c
        slots = .allocate(capacity: c)
        slots.initialize(repeating: Slot(k1: 0, k2: 0, line: 0), count: c)
    }

    deinit { slots.deallocate() }

    /// The stored line when the key is present; otherwise stores it and returns nil.
    @inline(__always)
    func insertOrFind(_ k1: UInt64, _ k2: UInt32, line: Int32) -> Int32? {
        var i = Int(truncatingIfNeeded: k1) & (capacity - 1)
        while true {
            let s = slots[i]
            if s.k2 == 0 {
                slots[i] = Slot(k1: k1, k2: k2, line: line)
                return nil
            }
            if s.k2 == k2 && s.k1 == k1 { return s.line }
            i = (i + 1) & (capacity - 1)
        }
    }
}
