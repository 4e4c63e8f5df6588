/// The entities of a requirement's subject tables, numbered densely, and the map from a
/// key's code to its slot, so a row finds its subject with one array lookup.
struct SubjectSlots {
    var entities: [(table: Int, row: Int)] = []
    private var slotOfCode: [Int32] = []

    init(tables: [Int], ctx: EvaluationContext) {
        slotOfCode = Array(repeating: -1, count: ctx.ids.interner.count)
        for t in tables {
            guard t < ctx.ids.keyRows.count else { continue }
            let rows = ctx.ids.keyRows[t]
            for (code, row) in rows.enumerated() where row >= 0 && slotOfCode[code] < 0 {
                slotOfCode[code] = Int32(entities.count)
                entities.append((t, Int(row)))
            }
        }
        // Slots in table then row order, so iteration follows the rosters.
        let order = entities.indices.sorted { (entities[$0].table, entities[$0].row) < (entities[$1].table, entities[$1].row) }
        var renumber = Array(repeating: Int32(0), count: entities.count)
        for (new, old) in order.enumerated() { renumber[old] = Int32(new) }
        entities = order.map { entities[$0] }
        for i in slotOfCode.indices where slotOfCode[i] >= 0 { slotOfCode[i] = renumber[Int(slotOfCode[i])] }
    }

    var count: Int { entities.count }

    func slot(of cell: Cell) -> Int? {
        guard cell.hasValue, cell.value >= 0, Int(cell.value) < slotOfCode.count else { return nil }
        let s = slotOfCode[Int(cell.value)]
        return s >= 0 ? Int(s) : nil
    }
}

/// Decides which entities are subjects of a requirement in a period.
struct SubjectFilter {
    let selection: SubjectSelection
    let filters: [Int: CompiledCondition]
    /// Active intervals of matching assignments by the object's key code.
    let assignmentIntervals: [Int64: [DayRange]]

    func includes(_ entity: (table: Int, row: Int), in period: DayRange, ctx: EvaluationContext) -> Bool {
        guard let t = ctx.tables[entity.table] else { return false }
        let row = t.rows[entity.row]
        guard row.isEntity else { return false }
        if let f = filters[entity.table] {
            let values = RowValues(cells: row.cells, line: row.line)
            if !f.evaluate(values, ctx) { return false }
        }
        if selection.activeEveryDay {
            guard let a = row.active, a.start <= period.start, a.end >= period.end else { return false }
        }
        if let cover = selection.assignments {
            guard let keyCol = t.schema.key.flatMap(t.schema.columnIndex) else { return false }
            let intervals = assignmentIntervals[row.cells[keyCol].value] ?? []
            switch cover.cover {
            case .someDay:
                return intervals.contains { $0.start <= period.end && $0.end >= period.start }
            case .everyDay:
                return Self.covers(intervals, period)
            }
        }
        return true
    }

    /// Whether the union of the intervals contains every day of the period.
    static func covers(_ intervals: [DayRange], _ period: DayRange) -> Bool {
        var reached = period.start
        for i in intervals.sorted(by: { $0.start < $1.start }) {
            if i.start > reached { return false }
            if i.end >= reached {
                if i.end >= period.end { return true }
                reached = i.end.adding(days: 1)
            }
        }
        return false
    }
}

extension RowValues {
    init(cells: [Cell], line: Int) {
        self.init(columns: 0)
        self.cells = cells
        self.line = line
    }
}
