/// Finds rows repeating an earlier row's values in the declared duplicate columns.
///
/// Each row is reduced to a 96-bit hash of its parsed date and the trimmed bytes of the
/// other columns (a 64-bit and an independent 32-bit hash), kept with the line of its first occurrence in an
/// open-addressing table: 16 bytes a distinct row, no strings.
struct DuplicateDetector {
    let columns: [Int]
    /// Whether each of `columns` is a date (compared parsed, not as written).
    private let isDate: [Bool]
    private let table: KeyTable

    /// `expectedRows` sizes the table up front, so a large ledger is not rehashed as it grows.
    init(columns: [Int], dateColumns: Set<Int>, expectedRows: Int = 0) {
        self.columns = columns
        isDate = columns.map { dateColumns.contains($0) }
        var capacity = 1024
        while capacity * 7 < expectedRows * 10 { capacity *= 2 }
        table = KeyTable(capacity: capacity)
    }

    /// The line of the earlier row this one repeats, or nil (then it is remembered).
    /// Rows whose date cannot be read take no part.
    mutating func check(_ values: RowValues, source: RowSource) -> Int? {
        guard let (k1, k2) = key(values, source: source) else { return nil }
        lastKey = (k1, k2)
        return table.insertOrFind(k1, k2, line: Int32(values.line)).map(Int.init)
    }

    /// The key of the last row checked (to follow a duplicate across chunks of a file).
    private(set) var lastKey: (UInt64, UInt32) = (0, 0)

    /// The distinct rows seen, as (key, first line).
    var entries: KeyTable { table }

    private func key(_ values: RowValues, source: RowSource) -> (UInt64, UInt32)? {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x9e37_79b9_7f4a_7c15
        for (i, col) in columns.enumerated() {
            if isDate[i] {
                let cell = values.cells[col]
                guard cell.hasValue else { return nil }
                Self.mix(&h1, &h2, UInt64(bitPattern: cell.value))
            } else {
                source.withField(col) { b in
                    // Eight bytes at a time, then the tail, then the length (which also
                    // separates this column from the next).
                    var j = 0
                    while j &+ 8 <= b.count {
                        Self.mix(&h1, &h2, b.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                        j &+= 8
                    }
                    var tail: UInt64 = 0
                    var shift: UInt64 = 0
                    while j < b.count {
                        tail |= UInt64(b[j]) << shift
                        shift &+= 8
                        j &+= 1
                    }
                    Self.mix(&h1, &h2, tail)
                    Self.mix(&h1, &h2, UInt64(b.count) | 0x5c00_0000_0000_0000)
                }
            }
        }
        return (Self.finish(h1), UInt32(truncatingIfNeeded: Self.finish(h2)) | 1)
    }

    @inline(__always)
    private static func mix(_ h1: inout UInt64, _ h2: inout UInt64, _ v: UInt64) {
        h1 = (h1 ^ v) &* 0x9e37_79b9_7f4a_7c15
        h1 ^= h1 >> 29
        h2 = (h2 ^ v) &* 0xc2b2_ae3d_27d4_eb4f
        h2 ^= h2 >> 31
    }

    /// MurmurHash3's final mix, so every input bit reaches every output bit.
    @inline(__always)
    private static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        return x ^ (x >> 33)
    }
}

/// An open-addressing set of 96-bit keys with a line each, one 16-byte slot per key so a
/// probe touches one cache line. (A false match of 96-bit hashes among 10^8 rows has a
/// probability below 10^-12.)
final class KeyTable: @unchecked Sendable {
    struct Slot {
        var k1: UInt64
        /// Never zero in a used slot.
        var k2: UInt32
        var line: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(k1: 0, k2: 0, line: 0), count: capacity)
    }

    deinit { slots.deallocate() }

    @inline(__always)
    private func home(_ k1: UInt64) -> Int {
        Int(truncatingIfNeeded: (k1 ^ (k1 >> 31)) &* 0x9e37_79b9_7f4a_7c15) & (capacity - 1)
    }

    /// The stored line of a key, if present.
    func find(_ k1: UInt64, _ k2: UInt32) -> Int32? {
        var i = home(k1)
        while true {
            let s = slots[i]
            if s.k2 == 0 { return nil }
            if s.k2 == k2 && s.k1 == k1 { return s.line }
            i = (i + 1) & (capacity - 1)
        }
    }

    /// Calls `body` with every stored (key, line) whose slot is in `range`.
    func forEach(slots range: Range<Int>, _ body: (UInt64, UInt32, Int32) -> Void) {
        for i in range where slots[i].k2 != 0 { body(slots[i].k1, slots[i].k2, slots[i].line) }
    }

    /// The stored line when the key is present; otherwise stores it and returns nil.
    @inline(__always)
    func insertOrFind(_ k1: UInt64, _ k2: UInt32, line: Int32) -> Int32? {
        if (count + 1) * 10 > capacity * 7 { grow() }
        var i = home(k1)
        while true {
            let s = slots[i]
            if s.k2 == 0 {
                slots[i] = Slot(k1: k1, k2: k2, line: line)
                count += 1
                return nil
            }
            if s.k2 == k2 && s.k1 == k1 { return s.line }
            i = (i + 1) & (capacity - 1)
        }
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(k1: 0, k2: 0, line: 0), count: capacity)
        count = 0
        for i in 0..<oldCapacity where old[i].k2 != 0 {
            _ = insertOrFind(old[i].k1, old[i].k2, line: old[i].line)
        }
        old.deallocate()
    }
}
