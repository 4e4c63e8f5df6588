/// What the per-row data checks of one table need, resolved once before its rows are read
/// (column indexes, the activity window, the consistency targets), so the hot path does no
/// name lookups.
final class TablePlan {
    struct Target {
        var table: Int
        /// (column here, column there) pairs that must agree.
        var same: [(mine: Int, theirs: Int)]
    }

    let index: Int
    let schema: TableSchema
    let dateColumn: Int?
    let window: Period?
    let consistencyColumn: Int?
    let consistencyTargets: [Target]
    let dateWithinActive: Bool

    init(index: Int, pack: Pack, tableIndex: [String: Int], calendar: ProgramCalendar) {
        let t = pack.tables[index]
        self.index = index
        schema = t
        dateColumn = t.dateColumn.flatMap(t.columnIndex)
        window = t.window.flatMap { calendar.periods[$0]?.first }
        var column: Int?, targets: [Target] = []
        if let c = t.consistency, let col = t.columnIndex(c.reference) {
            column = col
            for name in t.column(c.reference)?.references?.tables ?? [] {
                guard let ti = tableIndex[name] else { continue }
                let rt = pack.tables[ti]
                let same = c.same.compactMap { s in t.columnIndex(s).flatMap { m in rt.columnIndex(s).map { (m, $0) } } }
                targets.append(Target(table: ti, same: same))
            }
        }
        consistencyColumn = column
        consistencyTargets = targets
        dateWithinActive = t.consistency?.dateWithinActive ?? false
    }
}
