/// The run's one code space for identifiers and texts, and which roster row each key names.
///
/// PACK-SPEC makes identifiers unique across rosters, so one interner serves all tables;
/// a reference is then an array lookup per target table.
struct IdSpace {
    var interner = ByteInterner(capacity: 1024)
    /// Per table index: global code → first row with that key (-1 for none); empty for
    /// tables without a key.
    var keyRows: [[Int32]] = []

    @inline(__always)
    func row(of code: Int64, in table: Int) -> Int? {
        guard code >= 0, table < keyRows.count, Int(code) < keyRows[table].count else { return nil }
        let r = keyRows[table][Int(code)]
        return r >= 0 ? Int(r) : nil
    }

    mutating func intern(_ text: String) -> Int64 { Int64(interner.intern(text)) }

    func text(_ code: Int64) -> String { code >= 0 ? interner.string(Int32(code)) : "" }
}
