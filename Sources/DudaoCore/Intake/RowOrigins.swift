/// Where each row of an assembled table came from: for every row written to the table's
/// canonical CSV, the line it starts on there, the part (file and sheet) and the row number in
/// that part (the CSV line, or the row Excel shows).
///
/// Rows are added in the order they are written, so the CSV lines ascend and a lookup is a
/// binary search.
public struct RowOrigins: Sendable {
    /// A part of the table: its file relative to the data folder and, for a workbook, the sheet.
    public struct Part: Sendable, Equatable {
        public var file: String
        public var sheet: String?
    }

    /// Where one row is: its part's file and sheet and its row number there.
    public struct Place: Sendable, Equatable {
        public var file: String
        public var sheet: String?
        public var line: Int
    }

    public private(set) var parts: [Part] = []
    private var lines: [Int32] = []
    private var rows: [Int32] = []
    private var partOfRow: [UInt32] = []

    public init() {}

    /// Starts a new part; rows added after belong to it.
    mutating func begin(_ part: Part) { parts.append(part) }

    /// Records that the CSV row starting on `line` is row `row` of the current part.
    mutating func add(line: Int, row: Int) {
        lines.append(Int32(clamping: line))
        rows.append(Int32(clamping: row))
        partOfRow.append(UInt32(max(parts.count - 1, 0)))
    }

    /// How many rows have been added: a point `rewind(to:)` goes back to.
    var count: Int { lines.count }

    /// Forgets the rows added after the first `count` (the current part is kept).
    mutating func rewind(to count: Int) {
        lines.removeSubrange(count...)
        rows.removeSubrange(count...)
        partOfRow.removeSubrange(count...)
    }

    /// The place of the row that starts on CSV line `line`; nil for a line no row starts on.
    public func place(ofLine line: Int) -> Place? {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if Int(lines[mid]) < line { low = mid + 1 } else { high = mid }
        }
        guard low < lines.count, Int(lines[low]) == line else { return nil }
        let part = parts[Int(partOfRow[low])]
        return Place(file: part.file, sheet: part.sheet, line: Int(rows[low]))
    }
}
