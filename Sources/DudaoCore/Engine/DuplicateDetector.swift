/// Finds rows repeating an earlier row's values in the declared duplicate columns.
///
/// Keeps one compact key per distinct row (up to four 64-bit components) and the line of
/// its first occurrence; text values are interned per column so a key holds no strings.
struct DuplicateDetector {
    struct Key: Hashable {
        var a: Int64 = 0, b: Int64 = 0, c: Int64 = 0, d: Int64 = 0
    }

    let columns: [Int]
    let dateColumns: Set<Int>
    private var texts: [ByteInterner]
    private var first: [Key: Int32] = [:]

    init(columns: [Int], dateColumns: Set<Int>) {
        self.columns = columns
        self.dateColumns = dateColumns
        texts = Array(repeating: ByteInterner(capacity: 1024), count: columns.count)
    }

    /// The line of the earlier row this one repeats, or nil (then it is remembered).
    /// Rows whose date cannot be read take no part.
    mutating func check(_ values: RowValues, source: RowSource) -> Int? {
        var key = Key()
        for (i, col) in columns.enumerated() {
            var part: Int64
            if dateColumns.contains(col) {
                let cell = values.cells[col]
                guard cell.hasValue else { return nil }
                part = cell.value
            } else {
                part = source.withField(col) { b in b.isEmpty ? -1 : Int64(texts[i].intern(b)) }
            }
            switch i {
            case 0: key.a = part
            case 1: key.b = part
            case 2: key.c = part
            default: key.d = part
            }
        }
        if let line = first[key] { return Int(line) }
        first[key] = Int32(values.line)
        return nil
    }
}

/// Where a row's cell texts come from: the scanner's current row, or a row kept in memory.
enum RowSource {
    case scanned(CSVRow, RowDecoder)
    case stored([String])

    func withField<R>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .scanned(let row, let decoder):
            return body(row.field(decoder.columns[column].header))
        case .stored(let texts):
            var bytes = Array(texts[column].utf8)
            return bytes.withUnsafeMutableBytes { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The trimmed texts of the declared columns, in schema order.
    var texts: [String] {
        switch self {
        case .scanned(let row, let decoder): decoder.columns.map { row.string($0.header) }
        case .stored(let texts): texts
        }
    }
}
