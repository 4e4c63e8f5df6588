/// The run's one code space for identifiers and texts, and which roster row each key names.
///
/// PACK-SPEC makes identifiers unique across rosters, so one interner serves all tables;
/// a reference is then an array lookup per target table.
struct IdSpace {
    var interner = ByteInterner(capacity: 1024)
    /// Per table index: global code → first row with that key (-1 for none); codes past the
    /// end (all, for tables without a key) have none.
    var keyRows: [[Int32]] = []
    /// Ids of up to 16 bytes looked up lately, by column, in a small direct-mapped table:
    /// a ledger repeats its office and practitioner row after row, and an office's rows name
    /// the same few hundred objects, so most lookups cost a multiply and two compares in a
    /// table that stays in cache, instead of a probe of the whole id space. Each thread has
    /// its own copy of the id space, so its own cache.
    private var recent: [Recent] = []
    private static let recentBits = 12

    private struct Recent {
        var column: Int32 = -1
        var length: Int32 = -1
        var code: Int32 = -1
        var head: UInt64 = 0
        var tail: UInt64 = 0
    }

    /// The code of `bytes` if it has been interned, remembered for `column`.
    @inline(__always)
    mutating func lookup(_ bytes: UnsafeRawBufferPointer, column: Int) -> Int32? {
        let n = bytes.count
        guard n <= 16, column >= 0 else { return interner.code(of: bytes) }
        let head = bytes.paddedWord(at: 0), tail = bytes.paddedWord(at: 8)
        if recent.isEmpty { recent = Array(repeating: Recent(), count: 1 << Self.recentBits) }
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n) ^ (UInt64(column) << 40)
        let slot = Int(truncatingIfNeeded: (mixed &* 0xBF58_476D_1CE4_E5B9) >> UInt64(64 - Self.recentBits))
        let r = recent[slot]
        if r.column == Int32(column) && r.length == Int32(n) && r.head == head && r.tail == tail {
            return r.code < 0 ? nil : r.code
        }
        let code = interner.code(of: bytes)
        recent[slot] = Recent(column: Int32(column), length: Int32(n), code: code ?? -1, head: head, tail: tail)
        return code
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
