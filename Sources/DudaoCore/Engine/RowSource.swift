/// Where a row's cell texts come from: the scanner's current row, or a row kept in memory.
enum RowSource {
    case scanned(ScannedRow)
    case stored([String])

    func withField<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .scanned(let s):
            return body(s.row.field(s.decoder.columns[column].header))
        case .stored(let texts):
            var bytes = Array(texts[column].utf8)
            return bytes.withUnsafeMutableBytes { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The trimmed texts of the declared columns, in schema order.
    var texts: [String] {
        switch self {
        case .scanned(let s): s.decoder.columns.map { s.row.string($0.header) }
        case .stored(let texts): texts
        }
    }
}
