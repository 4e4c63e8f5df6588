/// A1-style cell references: `B3` is column 1 (A = 0), row 3.
enum XLSXCellReference {
    /// Excel's limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// The column and row of `raw` (`AB12`, or `AB` alone, row 0). Columns past XFD and rows past
    /// 1,048,576 are returned as they are (up to 7 letters and 9 digits) for the caller to refuse.
    static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var i = 0
        let n = raw.count
        var column = 0
        while i < n, i < 7 {
            let b = raw[i] | 0x20
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(b - UInt8(ascii: "a")) + 1
            i += 1
        }
        guard i > 0 else { return nil }
        var row = 0
        let digits = i
        while i < n, i - digits < 10 {
            let d = raw[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            row = row * 10 + Int(d)
            i += 1
        }
        guard i == n else { return nil }
        return (column - 1, row)
    }

    /// The A1-style name of a cell: row 3, column 1 → `B3`.
    static func name(row: Int, column: Int) -> String {
        var letters: [Character] = []
        var c = column + 1
        while c > 0 {
            let r = (c - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(r))), at: 0)
            c = (c - 1) / 26
        }
        return String(letters) + String(row)
    }
}
