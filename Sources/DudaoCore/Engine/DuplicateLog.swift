import Dispatch

/// Collects, for every row that takes part in duplicate detection, a compact key: a 72-bit
/// hash of its parsed date and the trimmed bytes of the other declared columns (or, where a
/// cell has one, the code that stands for exactly those bytes: an id's or an enum value's),
/// and the row's line: about 10 bytes a row, no strings. Keys go to one of 256 partitions by
/// the hash's top 8 bits, so an entry keeps the other 64 and its line as the difference from
/// the partition's line before (`LineStream`); resolving them later works on cache-sized
/// pieces, in parallel. The row itself is found again by its line (`LedgerCheckpoints` for a
/// streamed ledger, the row index for a table in memory).
///
/// A false match of 72-bit hashes among 10^7 rows has a probability of about 10^-8 (10^-6
/// among 10^8 rows).
final class DuplicateLog {
    /// One partition's entries in plain memory, so that adding one costs no uniqueness check:
    /// the keys (the 64 bits of a row's hash below the partition's 8), and their lines.
    private struct Partition {
        var keys: UnsafeMutablePointer<UInt64>?
        var count = 0
        var capacity = 0
        var lines = LineStream()

        mutating func append(key: UInt64, line: Int32) {
            if count == capacity { grow(to: max(16, capacity * 2)) }
            keys![count] = key  // unwrap: grow() above allocated it
            count &+= 1
            lines.append(line)
        }

        mutating func grow(to size: Int) {
            keys = .regrow(keys, count: count, to: size)
            capacity = size
        }

        mutating func free() {
            keys?.deallocate()
            lines.free()
            self = Partition()
        }
    }

    static let partitions = 256
    let columns: [Int]
    /// Whether each of `columns` is a date (compared parsed, not as written).
    private let isDate: [Bool]
    /// Whether each of `columns` holds codes that stand for the cell's bytes one to one.
    private let isCoded: [Bool]
    private let parts: UnsafeMutablePointer<Partition>

    /// `expectedRows` reserves the partitions' memory up front (no growth by doubling).
    init(columns: [Int], dateColumns: Set<Int>, codedColumns: Set<Int>, expectedRows: Int = 0) {
        self.columns = columns
        isDate = columns.map { dateColumns.contains($0) }
        isCoded = columns.map { codedColumns.contains($0) }
        parts = .allocate(capacity: Self.partitions)
        parts.initialize(repeating: Partition(), count: Self.partitions)
        let each = expectedRows / Self.partitions
        if each > 0 {
            for p in 0..<Self.partitions {
                parts[p].grow(to: each + each / 16 + 16)
                parts[p].lines.reserve(lines: each + each / 16)
            }
        }
    }

    deinit {
        for p in 0..<Self.partitions { parts[p].free() }
        parts.deallocate()
    }

    /// Gives back partition `p`'s memory.
    private func free(_ p: Int) {
        parts[p].free()
    }

    /// Records the row; rows whose date cannot be read take no part.
    func add(_ values: borrowing RowValues, source: RowSource) {
        guard let (k1, k2) = key(values, source: source) else { return }
        // The partition takes k1's top 8 bits; k2's low 8 take their place in the entry.
        let key = k1 & 0x00ff_ffff_ffff_ffff | UInt64(truncatingIfNeeded: k2) << 56
        parts[Int(k1 >> 56)].append(key: key, line: Int32(values.line))
    }

    private func key(_ values: borrowing RowValues, source: RowSource) -> (UInt64, UInt64)? {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x9e37_79b9_7f4a_7c15
        for (i, col) in columns.enumerated() {
            if isDate[i] {
                let cell = values.cells[col]
                guard cell.hasValue else { return nil }
                Self.mix(&h1, &h2, UInt64(bitPattern: cell.value))
            } else if isCoded[i], values.cells[col].hasValue, values.cells[col].value >= 0 {
                // The same bytes always get the same code; the marker keeps codes and bytes apart.
                Self.mix(&h1, &h2, UInt64(bitPattern: values.cells[col].value))
                Self.mix(&h1, &h2, 0x7a00_0000_0000_0000)
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
        return (Self.finish(h1), Self.finish(h2))
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

    /// The rows that repeat an earlier row, by line, with the line of the first row of their
    /// kind, sorted by line. `logs` are in file order (the chunks of one file, first to last);
    /// their entries are given back as they are read, so the logs are empty afterwards.
    static func duplicates(in logs: [DuplicateLog]) -> [(line: Int32, first: Int32)] {
        var found = [[(line: Int32, first: Int32)]](repeating: [], count: partitions)
        found.withUnsafeMutableBufferPointer { out in
            let sink = UnsafeSendable(out)
            // Thread p reads and frees partition p of every log, and writes `found[p]` only.
            let shared = UnsafeSendable(logs)
            DispatchQueue.concurrentPerform(iterations: partitions) { p in
                let logs = shared.value
                defer { for log in logs { log.free(p) } }
                let size = logs.reduce(0) { $0 + $1.parts[p].count }
                guard size > 1 else { return }
                let table = KeyTable(capacity: size)
                for log in logs {
                    let part = log.parts[p]
                    guard let keys = part.keys else { continue }
                    var lines = part.lines.reader
                    for i in 0..<part.count {
                        let line = lines.next()
                        if let first = table.insertOrFind(keys[i], line: line) {
                            sink.value[p].append((line, first))
                        }
                    }
                }
            }
        }
        return found.flatMap { $0 }.sorted { $0.line < $1.line }
    }
}
