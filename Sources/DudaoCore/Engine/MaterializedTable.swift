/// A table kept in memory: rosters, assignments and other small tables. Stored by column
/// kind in flat arrays (cells and texts row after row), so a roster of hundreds of thousands
/// of rows costs a few allocations, not several per row. A class, so lookups share it.
final class MaterializedTable: @unchecked Sendable {
    let schema: TableSchema
    let width: Int
    private(set) var cells: [Cell] = []
    /// The trimmed cell texts in schema column order (for names, ids and messages).
    private(set) var texts: [String] = []
    private(set) var lines: [Int32] = []
    var valid: [Bool] = []
    /// Whether the row is the entity for its key (valid, first with the key).
    var isEntity: [Bool] = []
    /// When the row is active (rosters and assignments with `active`); nil: never.
    var active: [DayRange?] = []

    init(schema: TableSchema) {
        self.schema = schema
        width = schema.columns.count
    }

    var count: Int { lines.count }

    func append(cells row: [Cell], texts rowTexts: [String], line: Int) {
        cells.append(contentsOf: row)
        texts.append(contentsOf: rowTexts)
        lines.append(Int32(line))
        valid.append(false)
        isEntity.append(false)
        active.append(nil)
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
        cells.withUnsafeBufferPointer { body($0.baseAddress! + r * width) }
    }

    /// Row `r` as a `RowValues` (a copy, for the paths that report findings).
    func values(_ r: Int) -> RowValues {
        RowValues(cells: Array(cells[r * width..<(r + 1) * width]), line: Int(lines[r]))
    }

    func textRow(_ r: Int) -> [String] { Array(texts[r * width..<(r + 1) * width]) }

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
        var cells: CellRow { CellRow(table: table, base: index * table.width) }
        var texts: TextRow { TextRow(table: table, base: index * table.width) }
        var line: Int { Int(table.lines[index]) }
        var valid: Bool { table.valid[index] }
        var isEntity: Bool { table.isEntity[index] }
        var active: DayRange? { table.active[index] }
    }

    struct CellRow {
        let table: MaterializedTable
        let base: Int
        subscript(column: Int) -> Cell { table.cells[base + column] }
    }

    struct TextRow {
        let table: MaterializedTable
        let base: Int
        subscript(column: Int) -> String { table.texts[base + column] }
    }
}
