/// Finds rows repeating an earlier row's values in the declared duplicate columns.
///
/// Each row is reduced to a 128-bit hash of its parsed date and the trimmed bytes of the
/// other columns (two independent 64-bit hashes; a false match among 10^8 rows has a
/// probability below 10^-20), kept with the line of its first occurrence in an
/// open-addressing table: 20 bytes a distinct row, no strings.
struct DuplicateDetector {
    let columns: [Int]
    let dateColumns: Set<Int>
    private let table: KeyTable

    /// `expectedRows` sizes the table up front, so a large ledger is not rehashed as it grows.
    init(columns: [Int], dateColumns: Set<Int>, expectedRows: Int = 0) {
        self.columns = columns
        self.dateColumns = dateColumns
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
    private(set) var lastKey: (UInt64, UInt64) = (0, 0)

    /// The distinct rows seen, as (key, first line).
    var entries: KeyTable { table }

    private func key(_ values: RowValues, source: RowSource) -> (UInt64, UInt64)? {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x9e37_79b9_7f4a_7c15
        for col in columns {
            if dateColumns.contains(col) {
                let cell = values.cells[col]
                guard cell.hasValue else { return nil }
                Self.mix(&h1, &h2, UInt64(bitPattern: cell.value))
            } else {
                source.withField(col) { b in
                    for byte in b { Self.mix(&h1, &h2, UInt64(byte)) }
                }
            }
            Self.mix(&h1, &h2, 0x1f_0000)  // column separator, outside the byte range
        }
        return (h1, h2 | 1)
    }

    @inline(__always)
    private static func mix(_ h1: inout UInt64, _ h2: inout UInt64, _ v: UInt64) {
        h1 = (h1 ^ v) &* 0x0000_0100_0000_01b3
        h2 = (h2 ^ v) &* 0xff51_afd7_ed55_8ccd
        h2 ^= h2 >> 29
    }
}

/// An open-addressing set of 128-bit keys (the second half never zero) with a line each,
/// in plain memory (20 bytes a slot).
final class KeyTable: @unchecked Sendable {
    private var keys1: UnsafeMutablePointer<UInt64>
    private var keys2: UnsafeMutablePointer<UInt64>
    private var lines: UnsafeMutablePointer<Int32>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        keys1 = .allocate(capacity: capacity)
        keys2 = .allocate(capacity: capacity)
        keys2.initialize(repeating: 0, count: capacity)
        lines = .allocate(capacity: capacity)
    }

    deinit {
        keys1.deallocate()
        keys2.deallocate()
        lines.deallocate()
    }

    @inline(__always)
    private func home(_ k1: UInt64) -> Int {
        Int(truncatingIfNeeded: (k1 ^ (k1 >> 31)) &* 0x9e37_79b9_7f4a_7c15) & (capacity - 1)
    }

    /// The stored line of a key, if present.
    func find(_ k1: UInt64, _ k2: UInt64) -> Int32? {
        var i = home(k1)
        while true {
            let k = keys2[i]
            if k == 0 { return nil }
            if k == k2 && keys1[i] == k1 { return lines[i] }
            i = (i + 1) & (capacity - 1)
        }
    }

    /// Calls `body` with every stored (key, line) whose slot is in `slots`.
    func forEach(slots: Range<Int>, _ body: (UInt64, UInt64, Int32) -> Void) {
        for i in slots where keys2[i] != 0 { body(keys1[i], keys2[i], lines[i]) }
    }

    /// The stored line when the key is present; otherwise stores it and returns nil.
    func insertOrFind(_ k1: UInt64, _ k2: UInt64, line: Int32) -> Int32? {
        if (count + 1) * 10 > capacity * 7 { grow() }
        var i = home(k1)
        while true {
            let k = keys2[i]
            if k == 0 {
                keys1[i] = k1
                keys2[i] = k2
                lines[i] = line
                count += 1
                return nil
            }
            if k == k2 && keys1[i] == k1 { return lines[i] }
            i = (i + 1) & (capacity - 1)
        }
    }

    private func grow() {
        let old1 = keys1, old2 = keys2, oldLines = lines, oldCapacity = capacity
        capacity *= 2
        keys1 = .allocate(capacity: capacity)
        keys2 = .allocate(capacity: capacity)
        keys2.initialize(repeating: 0, count: capacity)
        lines = .allocate(capacity: capacity)
        count = 0
        for i in 0..<oldCapacity where old2[i] != 0 {
            _ = insertOrFind(old1[i], old2[i], line: oldLines[i])
        }
        old1.deallocate()
        old2.deallocate()
        oldLines.deallocate()
    }
}
