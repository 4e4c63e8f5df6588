/// Dense numbers for fixed-width keys of `Int64` words: the first key seen is group 0, the
/// next new one group 1, and so on. An open-addressing table over plain memory this value
/// owns, with a multiply-xorshift hash of the words: a statistic's group lookup on every
/// ledger row costs no `Hasher`, no reference counting and no exclusivity check.
///
/// Owned by one thread. Not copyable: its memory is freed when it goes.
public struct GroupIndex: ~Copyable {
    /// Words per key (0: every row is group 0).
    public let width: Int
    /// Number of groups so far.
    public private(set) var count = 0
    /// Group + 1 per table slot; 0 is an empty slot.
    private var table: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// The keys by group, `width` words each.
    private var keys: UnsafeMutablePointer<Int64>
    private var keyCapacity: Int

    public init(width: Int) {
        self.width = width
        mask = 63
        table = .allocate(capacity: mask + 1)
        table.initialize(repeating: 0, count: mask + 1)
        keyCapacity = 32
        keys = .allocate(capacity: keyCapacity * max(width, 1))
    }

    deinit {
        table.deallocate()
        keys.deallocate()
    }

    /// The words of group `g`'s key.
    public func key(_ g: Int) -> UnsafeBufferPointer<Int64> {
        UnsafeBufferPointer(start: keys + g * width, count: width)
    }

    /// The group of `key` (`width` words), added when new; `added` says whether it was.
    @inline(__always)
    public mutating func group(of key: UnsafePointer<Int64>) -> (group: Int, added: Bool) {
        if width == 0 {
            if count == 0 { count = 1; return (0, true) }
            return (0, false)
        }
        var i = Self.hash(key, width) & mask
        while true {
            let entry = Int(table[i])
            if entry == 0 { break }
            if equal(keys + (entry - 1) * width, key) { return (entry - 1, false) }
            i = (i + 1) & mask
        }
        let g = count
        if g == keyCapacity { growKeys() }
        (keys + g * width).update(from: key, count: width)
        count += 1
        table[i] = Int32(truncatingIfNeeded: count)
        if count * 4 > (mask + 1) * 3 { growTable() }
        return (g, true)
    }

    @inline(__always)
    private func equal(_ a: UnsafePointer<Int64>, _ b: UnsafePointer<Int64>) -> Bool {
        for k in 0..<width where a[k] != b[k] { return false }
        return true
    }

    @inline(__always)
    private static func hash(_ key: UnsafePointer<Int64>, _ width: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in 0..<width { h = (h ^ UInt64(bitPattern: key[k])) &* 0xBF58_476D_1CE4_E5B9 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    private mutating func growKeys() {
        let bigger = UnsafeMutablePointer<Int64>.allocate(capacity: keyCapacity * 2 * width)
        bigger.moveInitialize(from: keys, count: count * width)
        keys.deallocate()
        keys = bigger
        keyCapacity *= 2
    }

    private mutating func growTable() {
        let size = (mask + 1) * 2
        table.deallocate()
        table = .allocate(capacity: size)
        table.initialize(repeating: 0, count: size)
        mask = size - 1
        for g in 0..<count {
            var i = Self.hash(keys + g * width, width) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = Int32(truncatingIfNeeded: g + 1)
        }
    }
}
