/// The run's one code space for identifiers and texts, and which roster row each key names.
///
/// PACK-SPEC makes identifiers unique across rosters, so one interner serves all tables;
/// a reference is then an array lookup per target table.
struct IdSpace {
    var interner = ByteInterner(capacity: 1024)
    /// Per table index: global code → first row with that key (-1 for none); codes past the
    /// end (all, for tables without a key) have none.
    var keyRows: [[Int32]] = []
    /// The last id looked up in each column, for ids of up to 16 bytes: a ledger repeats its
    /// office and practitioner row after row, and a repeat costs two integer compares instead
    /// of a hash probe. Each thread has its own copy of the id space, so its own cache.
    private var recent: [Recent] = []

    private struct Recent {
        var length = -1
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var code: Int32 = -1
    }

    /// The code of `bytes` if it has been interned, remembered for `column`.
    @inline(__always)
    mutating func lookup(_ bytes: UnsafeRawBufferPointer, column: Int) -> Int32? {
        let n = bytes.count
        guard n <= 16, column >= 0 else { return interner.code(of: bytes) }
        let head = bytes.paddedWord(at: 0), tail = bytes.paddedWord(at: 8)
        if column < recent.count {
            let r = recent[column]
            if r.length == n && r.head == head && r.tail == tail { return r.code < 0 ? nil : r.code }
        } else {
            recent += Array(repeating: Recent(), count: column + 1 - recent.count)
        }
        let code = interner.code(of: bytes)
        recent[column] = Recent(length: n, head: head, tail: tail, code: code ?? -1)
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
