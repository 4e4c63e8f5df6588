/// Where a row's cell texts come from: the scanner's current row, or a row kept in memory.
enum RowSource {
    case scanned(ScannedRow)
    case stored(MaterializedTable, row: Int)

    func withField<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .scanned(let s): body(s.row.pointee.field(s.decoder.columns[column].header))
        case .stored(let table, let row): table.withText(row, column, body)
        }
    }

    /// The trimmed texts of the declared columns, in schema order.
    var texts: [String] {
        switch self {
        case .scanned(let s): s.decoder.columns.map { s.row.pointee.string($0.header) }
        case .stored(let table, let row): table.textRow(row)
        }
    }
}
