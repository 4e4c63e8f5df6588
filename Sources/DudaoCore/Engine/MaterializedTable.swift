/// A table kept in memory: rosters, assignments and other small tables. Stored in flat
/// arrays, row after row: each cell's state and value apart (no padding between them), and
/// the cell texts in one byte arena, so a roster of hundreds of thousands of rows costs a
/// few allocations, not several per row. A value: the loader fills it, then every later
/// stage reads its own copy (the arrays are shared, not copied).
struct MaterializedTable: Sendable {
    let schema: TableSchema
    let width: Int
    private var states: [Cell.State] = []
    /// The cell values in 4 bytes while every one fits (codes, enums, dates, yes/no mostly
    /// do); from the first that does not, all of them in 8 bytes.
    private var narrowValues: [Int32] = []
    private var wideValues: [Int64]?
    /// The trimmed cell texts in schema column order (for names, ids and messages).
    private var texts = TextArena()
    private(set) var lines: [Int32] = []
    var valid: [Bool] = []
    /// Whether the row is the entity for its key (valid, first with the key).
    var isEntity: [Bool] = []
    /// When the row is active (nil: never); kept only for tables that declare `active`.
    private var activeRanges: [DayRange?] = []
    private let hasActive: Bool

    init(schema: TableSchema) {
        self.schema = schema
        width = schema.columns.count
        hasActive = schema.active != nil
    }

    var count: Int { lines.count }

    /// Adds a row: its decoded cells, and as texts the fields of `source` that `fields` names
    /// (one field index per column; an index past the row's fields gives an empty text).
    mutating func append(cells row: [Cell], texts source: borrowing CSVRow, fields: [Int], line: Int) {
        for cell in row {
            states.append(cell.state)
            if wideValues == nil, let v = Int32(exactly: cell.value) {
                narrowValues.append(v)
            } else {
                if wideValues == nil {
                    wideValues = narrowValues.map(Int64.init)
                    narrowValues = []
                }
                wideValues!.append(cell.value)
            }
        }
        for f in fields { texts.append(source.field(f)) }
        lines.append(Int32(line))
        valid.append(false)
        isEntity.append(false)
        if hasActive { activeRanges.append(nil) }
    }

    /// When row `r` is active (rosters and assignments with `active`); nil: never.
    func active(_ r: Int) -> DayRange? { hasActive ? activeRanges[r] : nil }

    /// Sets when row `r` of a table that declares `active` is active.
    mutating func setActive(_ r: Int, _ range: DayRange) { activeRanges[r] = range }

    @inline(__always)
    func cell(_ r: Int, _ column: Int) -> Cell {
        let i = r * width + column
        return Cell(state: states[i], value: wideValues?[i] ?? Int64(narrowValues[i]))
    }

    /// The row that starts on `line` (rows are kept in file order, so lines ascend).
    func row(atLine line: Int) -> Int? {
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(lines[mid]) < line { lo = mid + 1 } else { hi = mid }
        }
        return lo < lines.count && Int(lines[lo]) == line ? lo : nil
    }

    /// The rows as views, for reading.
    var rows: Rows { Rows(table: self) }

    /// The cells of row `r` as a pointer, for predicates.
    func withCells<R>(_ r: Int, _ body: (UnsafePointer<Cell>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Cell.self, capacity: max(width, 1)) { buffer in
            for c in 0..<width { buffer.initializeElement(at: c, to: cell(r, c)) }
            return body(UnsafePointer(buffer.baseAddress!))
        }
    }

    /// Row `r` as a `RowValues` (a copy, for the paths that report findings).
    func values(_ r: Int) -> RowValues {
        RowValues(cells: (0..<width).map { cell(r, $0) }, line: Int(lines[r]))
    }

    /// The bytes of the text in row `r`, `column`, valid only inside `body`.
    func withText<R>(_ r: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        texts.withBytes(r * width + column, body)
    }

    func textRow(_ r: Int) -> [String] { (0..<width).map { texts[r * width + $0] } }

    /// The rows of a table, as a collection of views.
    struct Rows: RandomAccessCollection {
        let table: MaterializedTable
        var startIndex: Int { 0 }
        var endIndex: Int { table.count }
        subscript(r: Int) -> Row { Row(table: table, index: r) }
    }

    /// One row, read through its table.
    struct Row {
        let table: MaterializedTable
        let index: Int
        var cells: CellRow { CellRow(table: table, row: index) }
        var texts: TextRow { TextRow(table: table, base: index * table.width) }
        var line: Int { Int(table.lines[index]) }
        var valid: Bool { table.valid[index] }
        var isEntity: Bool { table.isEntity[index] }
        var active: DayRange? { table.active(index) }
    }

    /// The cells of one row.
    struct CellRow {
        let table: MaterializedTable
        let row: Int
        subscript(column: Int) -> Cell { table.cell(row, column) }
    }

    /// The texts of one row, made into Strings as they are read.
    struct TextRow {
        let table: MaterializedTable
        let base: Int
        subscript(column: Int) -> String { table.texts[base + column] }
    }
}
