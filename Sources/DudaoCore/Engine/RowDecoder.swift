/// Decodes the cells of one table's rows from bytes into `RowValues`.
final class RowDecoder {
    /// The per-row facts of one column, plain values only, so reading one costs no reference
    /// counting on the hot path.
    struct Column {
        var header: Int
        var type: ColumnSchema.ValueType
        var defaultCell: Cell?
        var codes: CodeMode
    }

    /// How an id or text cell gets its code.
    enum CodeMode {
        /// Added to the id space (rows kept in memory, whose keys others reference).
        case intern
        /// Looked up in the id space (streamed rows: unknown values get -1).
        case lookup
        /// Nothing compares the value: only whether it is empty matters.
        case presence
    }

    let table: TableSchema
    let tableIndex: Int
    let columns: [Column]
    /// Declared values of each column (empty but for enums).
    let enumValues: [ValueSet]

    init(table: TableSchema, tableIndex: Int, columns: [Column], enumBytes: [[[UInt8]]]) {
        self.table = table
        self.tableIndex = tableIndex
        self.columns = columns
        enumValues = enumBytes.map(ValueSet.init)
    }

    /// 否 and 是, at the positions of their cell values 0 and 1.
    static let yesNo = ValueSet([Array("否".utf8), Array("是".utf8)])

    /// Whether a value of column `i` (not -1) stands for exactly one text: a declared value's
    /// position, or an id space code.
    func codesStandForBytes(_ i: Int) -> Bool {
        columns[i].type == .enumeration || ((columns[i].type == .id || columns[i].type == .text) && columns[i].codes != .presence)
    }

    /// Decodes the row's cells (no checks yet).
    func decode(_ row: borrowing CSVRow, into values: inout RowValues, ids: inout IdSpace) {
        values.reset(line: row.line)
        // Through pointers: writing `values.cells[i]` checked the array's uniqueness per cell.
        columns.withUnsafeBufferPointer { cols in
            values.cells.withUnsafeMutableBufferPointer { cells in
                for i in cols.indices {
                    let bytes = row.field(cols[i].header)
                    cells[i] = bytes.isEmpty ? (cols[i].defaultCell ?? .empty)
                        : cols[i].type == .enumeration ? enumCell(bytes, i) : Self.parse(bytes, cols[i], column: i, ids: &ids)
                }
            }
        }
    }

    /// The cell of `bytes` in column `c` (number `column`, which keys its lookup cache).
    static func parse(_ bytes: UnsafeRawBufferPointer, _ c: Column, column: Int, ids: inout IdSpace) -> Cell {
        switch c.type {
        case .id, .text:
            switch c.codes {
            case .intern: return .of(Int64(ids.interner.intern(bytes)))
            case .lookup: return .of(ids.lookup(bytes, column: column).map(Int64.init) ?? -1)
            case .presence: return .of(-1)
            }
        case .date:
            return ids.day(bytes, column: column).map { .of(Int64($0)) } ?? .invalid
        case .amount:
            return ValueParser.amount(bytes).map { .of($0.cell) } ?? .invalid
        case .integer:
            guard bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .invalid }
            return .of(bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) })
        case .yesNo:
            return yesNo.index(of: bytes).map { .of(Int64($0)) } ?? .invalid
        case .enumeration:
            return .invalid  // enum cells are decoded by `enumCell`, which knows the declared values
        }
    }

    private func enumCell(_ bytes: UnsafeRawBufferPointer, _ column: Int) -> Cell {
        enumValues[column].index(of: bytes).map { .of(Int64($0)) } ?? .invalid
    }

    /// Decodes a default value written in the pack.
    static func parse(text: String, _ c: Column, enumValues: [String], ids: inout IdSpace) -> Cell {
        if c.type == .enumeration { return enumValues.firstIndex(of: text).map { .of(Int64($0)) } ?? .invalid }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { p in parse(UnsafeRawBufferPointer(p), c, column: -1, ids: &ids) }
    }
}
