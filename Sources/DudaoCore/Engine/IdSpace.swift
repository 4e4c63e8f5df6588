/// The run's one code space for identifiers and texts, and which roster row each key names.
///
/// PACK-SPEC makes identifiers unique across rosters, so one interner serves all tables;
/// a reference is then an array lookup per target table.
struct IdSpace {
    var interner = ByteInterner(capacity: 1024)
    /// Per table index: global code → first row with that key (-1 for none); codes past the
    /// end (all, for tables without a key) have none.
    var keyRows: [[Int32]] = []
    /// Ids and dates of up to 16 bytes read lately, by column, in a small direct-mapped table:
    /// a ledger repeats its office, practitioner and day row after row, and an office's rows
    /// name the same few hundred objects, so most reads cost a multiply and two compares in a
    /// table that stays in cache, instead of a probe of the whole id space or a parse. Each
    /// thread has its own copy of the id space, so its own cache.
    private var recent: [Recent] = []
    private static let recentBits = 12

    private struct Recent {
        var key: Int32 = -1
        var length: Int32 = -1
        var value = Int32.min
        var head: UInt64 = 0
        var tail: UInt64 = 0
    }

    /// The code of `bytes` if it has been interned, remembered for `column`.
    @inline(__always)
    mutating func lookup(_ bytes: UnsafeRawBufferPointer, column: Int) -> Int32? {
        remembered(bytes, column: column, .code)
    }

    /// The day a date cell of `column` spells, remembered like ids: ledgers list many rows
    /// of the same day in a row.
    @inline(__always)
    mutating func day(_ bytes: UnsafeRawBufferPointer, column: Int) -> Int32? {
        remembered(bytes, column: column, .day)
    }

    /// What a cell's bytes are read as.
    private enum Reading { case code, day }

    @inline(__always)
    private func read(_ bytes: UnsafeRawBufferPointer, as reading: Reading) -> Int32? {
        switch reading {
        case .code: interner.code(of: bytes)
        case .day: ValueParser.day(bytes)?.rawValue
        }
    }

    /// The reading of `bytes`, or what it gave last time for the same bytes in `column` (texts
    /// of up to 16 bytes; nil is remembered as `Int32.min`, which no code or day is).
    @inline(__always)
    private mutating func remembered(_ bytes: UnsafeRawBufferPointer, column: Int, _ reading: Reading) -> Int32? {
        let n = bytes.count
        guard n <= 16, column >= 0 else { return read(bytes, as: reading) }
        let head = bytes.paddedWord(at: 0), tail = bytes.paddedWord(at: 8)
        let key = Int32(column * 2 + (reading == .day ? 1 : 0))  // a column's ids and days never meet
        if recent.isEmpty { recent = Array(repeating: Recent(), count: 1 << Self.recentBits) }
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n) ^ (UInt64(key) << 40)
        let slot = Int(truncatingIfNeeded: (mixed &* 0xBF58_476D_1CE4_E5B9) >> UInt64(64 - Self.recentBits))
        let r = recent[slot]
        if r.key == key && r.length == Int32(n) && r.head == head && r.tail == tail {
            return r.value == Int32.min ? nil : r.value
        }
        let value = read(bytes, as: reading)
        recent[slot] = Recent(key: key, length: Int32(n), value: value ?? Int32.min, head: head, tail: tail)
        return value
    }

    @inline(__always)
    func row(of code: Int64, in table: Int) -> Int? {
        guard code >= 0, table < keyRows.count, Int(code) < keyRows[table].count else { return nil }
        let r = keyRows[table][Int(code)]
        return r >= 0 ? Int(r) : nil
    }

    mutating func intern(_ text: String) -> Int64 { Int64(interner.intern(text)) }

    func text(_ code: Int64) -> String { code >= 0 ? interner.string(Int32(code)) : "" }
}
