/// Decides which entities are subjects of a requirement in a period.
struct SubjectFilter {
    let selection: SubjectSelection
    let filters: [Int: Predicate]
    /// Active intervals of matching assignments by the object's key code.
    let assignmentIntervals: [Int64: [DayRange]]
    /// The key column of each subject table.
    let keyColumns: [Int: Int]

    func includes(_ entity: (table: Int, row: Int), in period: DayRange, ctx: EvaluationContext) -> Bool {
        guard let t = ctx.tables[entity.table] else { return false }
        let row = t.rows[entity.row]
        guard row.isEntity else { return false }
        if let f = filters[entity.table] {
            if !t.withCells(entity.row, { f.evaluate($0) }) { return false }
        }
        if selection.activeEveryDay {
            guard let a = row.active, a.start <= period.start, a.end >= period.end else { return false }
        }
        if let cover = selection.assignments {
            guard let keyCol = keyColumns[entity.table] else { return false }
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
