/// A table kept in memory: rosters, assignments and other small tables. Stored in flat
/// arrays, row after row: each cell's state and value apart (no padding between them), and
/// the cell texts in one byte arena, so a roster of hundreds of thousands of rows costs a
/// few allocations, not several per row.
///
/// A value: the loader fills it, later stages read copies. All of it lives in one `Storage`
/// object, so a copy (every row view holds one) costs one reference count; a change first
/// copies the storage unless this value alone holds it (copy on write), so a shared storage
/// is only ever read, from any thread — hence `@unchecked Sendable`.
struct MaterializedTable: @unchecked Sendable {
    private final class Storage {
        let schema: TableSchema
        let width: Int
        let hasActive: Bool
        var states: [Cell.State] = []
        /// The cell values in 4 bytes while every one fits (codes, enums, dates, yes/no mostly
        /// do); from the first that does not, all of them in 8 bytes.
        var narrowValues: [Int32] = []
        var wideValues: [Int64]?
        /// The trimmed cell texts in schema column order (for names, ids and messages).
        var texts = TextArena()
        var lines: [Int32] = []
        var valid: [Bool] = []
        /// Whether the row is the entity for its key (valid, first with the key).
        var isEntity: [Bool] = []
        /// When the row is active (nil: never); kept only for tables that declare `active`.
        var activeRanges: [DayRange?] = []

        init(schema: TableSchema) {
            self.schema = schema
            width = schema.columns.count
            hasActive = schema.active != nil
        }

        func copy() -> Storage {
            let c = Storage(schema: schema)
            (c.states, c.narrowValues, c.wideValues, c.texts) = (states, narrowValues, wideValues, texts)
            (c.lines, c.valid, c.isEntity, c.activeRanges) = (lines, valid, isEntity, activeRanges)
            return c
        }
    }

    private var storage: Storage

    init(schema: TableSchema) { storage = Storage(schema: schema) }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    var schema: TableSchema { storage.schema }
    var width: Int { storage.width }
    var count: Int { storage.lines.count }

    /// Whether each row is valid (set by the data-quality review).
    var valid: [Bool] {
        get { storage.valid }
        set {
            unique()
            storage.valid = newValue
        }
    }

    /// Whether each row is the entity for its key.
    var isEntity: [Bool] {
        get { storage.isEntity }
        set {
            unique()
            storage.isEntity = newValue
        }
    }

    func isValid(_ r: Int) -> Bool { storage.valid[r] }
    func isEntity(_ r: Int) -> Bool { storage.isEntity[r] }
    func line(_ r: Int) -> Int { Int(storage.lines[r]) }

    /// Adds a row: its decoded cells, and as texts the fields of `source` that `fields` names
    /// (one field index per column; an index past the row's fields gives an empty text).
    mutating func append(cells row: [Cell], texts source: borrowing CSVRow, fields: [Int], line: Int) {
        unique()
        let s = storage
        for cell in row {
            s.states.append(cell.state)
            if s.wideValues == nil, let v = Int32(exactly: cell.value) {
                s.narrowValues.append(v)
            } else {
                if s.wideValues == nil {
                    s.wideValues = s.narrowValues.map(Int64.init)
                    s.narrowValues = []
                }
                s.wideValues!.append(cell.value)  // unwrap: set just above when it was nil
            }
        }
        for f in fields { s.texts.append(source.field(f)) }
        s.lines.append(Int32(line))
        s.valid.append(false)
        s.isEntity.append(false)
        if s.hasActive { s.activeRanges.append(nil) }
    }

    /// Gives back the room the arrays kept for growth while rows were added: they grow by
    /// doubling, so a loaded roster could hold up to twice its size for the whole run.
    mutating func shrinkToFit() {
        unique()
        let s = storage
        s.states = s.states.exactlySized()
        s.narrowValues = s.narrowValues.exactlySized()
        s.wideValues = s.wideValues?.exactlySized()
        s.texts.shrinkToFit()
        s.lines = s.lines.exactlySized()
        s.valid = s.valid.exactlySized()
        s.isEntity = s.isEntity.exactlySized()
        s.activeRanges = s.activeRanges.exactlySized()
    }

    /// When row `r` is active (rosters and assignments with `active`); nil: never.
    func active(_ r: Int) -> DayRange? { storage.hasActive ? storage.activeRanges[r] : nil }

    /// Sets when row `r` of a table that declares `active` is active.
    mutating func setActive(_ r: Int, _ range: DayRange) {
        unique()
        storage.activeRanges[r] = range
    }

    @inline(__always)
    func cell(_ r: Int, _ column: Int) -> Cell {
        let s = storage
        let i = r * s.width + column
        return Cell(state: s.states[i], value: s.wideValues?[i] ?? Int64(s.narrowValues[i]))
    }

    /// The row that starts on `line` (rows are kept in file order, so lines ascend).
    func row(atLine line: Int) -> Int? {
        let lines = storage.lines
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
            return body(UnsafePointer(buffer.baseAddress!))  // unwrap: the allocation holds at least one cell
        }
    }

    /// Row `r` as a `RowValues` (a copy, for the paths that report findings).
    func values(_ r: Int) -> RowValues {
        RowValues(cells: (0..<width).map { cell(r, $0) }, line: line(r))
    }

    /// The bytes of the text in row `r`, `column`, valid only inside `body`.
    func withText<R>(_ r: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.texts.withBytes(r * width + column, body)
    }

    func textRow(_ r: Int) -> [String] {
        let s = storage
        return (0..<s.width).map { s.texts[r * s.width + $0] }
    }

    /// The text in row `r`, `column`.
    func text(_ r: Int, _ column: Int) -> String { storage.texts[r * width + column] }

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
        var line: Int { table.line(index) }
        var valid: Bool { table.isValid(index) }
        var isEntity: Bool { table.isEntity(index) }
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
        subscript(column: Int) -> String { table.text(0, base + column) }
    }
}
