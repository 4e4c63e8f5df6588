/// An open-addressing set of 64-bit keys with a line each, one 16-byte slot per key.
final class KeyTable {
    private struct Slot {
        var key: UInt64
        var line: Int32
        var used: Bool
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let capacity: Int

    /// A table that holds `count` keys at a load below 70%.
    init(capacity count: Int) {
        var c = 16
        while c * 7 < count * 10 { c *= 2 }
        capacity = c
        slots = .allocate(capacity: c)
        slots.initialize(repeating: Slot(key: 0, line: 0, used: false), count: c)
    }

    deinit { slots.deallocate() }

    /// The stored line when the key is present; otherwise stores it and returns nil. Keys are
    /// hashes: their low bits place them.
    @inline(__always)
    func insertOrFind(_ key: UInt64, line: Int32) -> Int32? {
        var i = Int(truncatingIfNeeded: key) & (capacity - 1)
        while true {
            let s = slots[i]
            if !s.used {
                slots[i] = Slot(key: key, line: line, used: true)
                return nil
            }
            if s.key == key { return s.line }
            i = (i + 1) & (capacity - 1)
        }
    }
}
