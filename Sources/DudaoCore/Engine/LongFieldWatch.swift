import DudaoTable

/// Spots rows whose quoted field runs over more than `LongField.lines` lines, or holds a line
/// with as many fields as the pack declares for the table: the trace of a stray quote that
/// swallowed the rows after it, which would otherwise pass as one odd cell.
///
/// Only rows that span two lines or more are looked into (a row's span is known from the
/// scanner's line count), so the usual one-line row costs one comparison.
struct LongFieldWatch {
    /// The pack's column read from each field of the file (by field index), if any.
    let names: [Int: String]
    /// A line inside a field with at least this many commas looks like a row.
    let rowCommas: Int

    init(decoder: RowDecoder) {
        var names: [Int: String] = [:]
        for (c, column) in decoder.columns.enumerated() where column.header >= 0 {
            names[column.header] = decoder.table.columns[c].name
        }
        self.names = names
        rowCommas = max(decoder.table.columns.count - 1, 1)
    }

    /// The note for `row`, which the scanner left on `nextLine` (the line after the row, or the
    /// row's last line at the end of a file without a final line break).
    func check(_ row: borrowing CSVRow, nextLine: Int) -> LongField? {
        let span = nextLine - row.line
        guard span >= 2 || span == 0 else { return nil }
        var breaks = 0, rowLike = 0, first: Int?
        for i in 0..<row.count {
            let (b, r) = Self.lines(in: row.field(i), rowCommas: rowCommas)
            if b > 0, first == nil { first = i }
            breaks += b
            rowLike += r
        }
        guard let field = first, breaks + 1 > LongField.lines || rowLike > 0 else { return nil }
        return LongField(line: row.line, field: field + 1, column: names[field], lines: breaks + 1, rowLikeLines: rowLike)
    }

    /// The line breaks in a field (LF, CRLF or a lone CR), and how many of the lines after a
    /// break have at least `rowCommas` commas.
    static func lines(in bytes: UnsafeRawBufferPointer, rowCommas: Int) -> (breaks: Int, rowLike: Int) {
        var breaks = 0, rowLike = 0, commas = 0
        var i = 0
        let n = bytes.count
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: ","):
                commas += 1
            case 0x0A, 0x0D:
                if bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                if breaks > 0, commas >= rowCommas { rowLike += 1 }
                breaks += 1
                commas = 0
            default:
                break
            }
            i += 1
        }
        if breaks > 0, commas >= rowCommas { rowLike += 1 }
        return (breaks, rowLike)
    }
}
