/// What the per-row data checks of one table need, resolved once before its rows are read
/// (column indexes, the activity window, and for the consistency check the referenced rows'
/// facts in arrays indexed by code), so the hot path does no lookups by name or reference.
final class TablePlan: @unchecked Sendable {  // immutable; its pointers are into `PlanMemory`
    let index: Int
    let schema: TableSchema
    let dateColumn: Int?
    let window: Period?
    let consistencyColumn: Int?
    let dateWithinActive: Bool
    /// Columns here that must agree with the referenced row, and their count.
    let sameMine: UnsafePointer<Int>
    let sameCount: Int
    /// By the reference's code: the referenced entity (table, row), or table -1.
    let entityTable: UnsafePointer<Int32>
    let entityRow: UnsafePointer<Int32>
    /// By code: the referenced row's active interval (start > end: never active).
    let activeStart: UnsafePointer<Int32>
    let activeEnd: UnsafePointer<Int32>
    /// By code × same column: the referenced row's cell.
    let sameCells: UnsafePointer<Cell>
    let codes: Int

    /// The log for the table's duplicate check, when it declares one; `decoder` says which
    /// columns have codes standing for their bytes.
    func duplicateLog(decoder: RowDecoder, expectedRows: Int = 0) -> DuplicateLog? {
        let t = schema
        guard !t.duplicates.isEmpty else { return nil }
        return DuplicateLog(columns: t.duplicates.compactMap(t.columnIndex),
                            dateColumns: Set(t.duplicates.compactMap { d in t.column(d)?.type == .date ? t.columnIndex(d) : nil }),
                            codedColumns: Set(decoder.columns.indices.filter(decoder.codesStandForBytes)),
                            expectedRows: expectedRows)
    }

    init(index: Int, setting: RunSetting, rosters: Rosters, memory: PlanMemory) {
        let pack = setting.pack, tableIndex = setting.tableIndex, calendar = setting.calendar
        let t = pack.tables[index]
        self.index = index
        schema = t
        dateColumn = t.dateColumn.flatMap(t.columnIndex)
        window = t.window.flatMap { calendar.periods[$0]?.first }
        dateWithinActive = t.consistency?.dateWithinActive ?? false
        let column = t.consistency.flatMap { t.columnIndex($0.reference) }
        consistencyColumn = column
        let same = t.consistency?.same ?? []
        let mine = same.compactMap(t.columnIndex)
        sameMine = memory.copy(mine)
        sameCount = mine.count
        // The arrays by code exist only for a table that checks consistency, and end with the
        // last key of the tables it references (other codes name no row).
        let targets = t.consistency.flatMap { t.column($0.reference)?.references?.tables.compactMap { tableIndex[$0] } } ?? []
        codes = column == nil ? 0 : targets.map { $0 < rosters.ids.keyRows.count ? rosters.ids.keyRows[$0].count : 0 }.max() ?? 0
        var tables = [Int32](repeating: -1, count: codes), rows = [Int32](repeating: -1, count: codes)
        var starts = [Int32](repeating: 1, count: codes), ends = [Int32](repeating: 0, count: codes)
        var cells = [Cell](repeating: .empty, count: codes * mine.count)
        if column != nil {
            for ti in targets {
                guard ti < rosters.ids.keyRows.count, let target = rosters.tables[ti] else { continue }
                let theirs = same.map { target.schema.columnIndex($0) }
                for (code, r) in rosters.ids.keyRows[ti].enumerated() where r >= 0 && tables[code] < 0 {
                    let row = target.rows[Int(r)]
                    guard row.isEntity else { continue }
                    tables[code] = Int32(ti)
                    rows[code] = r
                    if let a = row.active { (starts[code], ends[code]) = (a.start.rawValue, a.end.rawValue) }
                    for (k, col) in theirs.enumerated() { cells[code * mine.count + k] = col.map { row.cells[$0] } ?? .invalid }
                }
            }
        }
        entityTable = memory.copy(tables)
        entityRow = memory.copy(rows)
        activeStart = memory.copy(starts)
        activeEnd = memory.copy(ends)
        sameCells = memory.copy(cells)
    }
}
