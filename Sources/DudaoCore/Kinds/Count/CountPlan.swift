/// A `count` requirement compiled for one run: which rows count for which subject in which
/// period, and who the subjects are.
struct CountPlan {
    let rule: Rule
    let table: Int
    /// The row's column holding the subject's key.
    let binding: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let distinct: Int?
    let dateColumn: Int?
    let periods: [Period]
    /// The periods' ranges, in plan memory.
    let ranges: UnsafePointer<DayRange>
    let slots: SubjectSlots
    let subjects: SubjectFilter
    let atLeast: Int

    /// An empty grid for one scan worker.
    func makeGrid() -> PeriodGrid { PeriodGrid(slots: slots.count, periods: periods.count, initial: 0) }

    /// The per-row part, writing into `grid`.
    func kernel(_ grid: PeriodGrid) -> CountKernel {
        CountKernel(binding: binding, filter: filter, subjectCells: subjectCells, subjectWidth: subjectWidth,
                    dateColumn: dateColumn ?? -1, ranges: ranges, periodCount: periods.count, slots: slots.lookup,
                    grid: grid.cells, distinct: distinct ?? -1)
    }
}

/// The per-row part of a `CountPlan`: plain pointers and numbers only.
struct CountKernel {
    let binding: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let dateColumn: Int
    let ranges: UnsafePointer<DayRange>
    let periodCount: Int
    let slots: SlotLookup
    let grid: GridCells
    let distinct: Int

    /// Counts one valid row; `active` is the row's active interval for tables without a date.
    @inline(__always)
    func feed(_ row: UnsafePointer<Cell>, line: Int, active: DayRange?) {
        guard filter.mayHold(row), let slot = slots.slot(of: row[binding]) else { return }
        guard filter.evaluate(row, subject: subjectWidth > 0 ? subjectCells + slot * subjectWidth : nil) else { return }
        let n = periodCount
        if dateColumn >= 0 {
            let cell = row[dateColumn]
            guard cell.hasValue else { return }
            let day = Day(rawValue: Int32(cell.value))
            for p in 0..<n where ranges[p].start <= day && day <= ranges[p].end {
                bump(slot * n + p, row, line)
            }
        } else if let a = active {
            for p in 0..<n where a.start <= ranges[p].start && a.end >= ranges[p].end {
                bump(slot * n + p, row, line)
            }
        }
    }

    @inline(__always)
    private func bump(_ i: Int, _ row: UnsafePointer<Cell>, _ line: Int) {
        if distinct >= 0 {
            let v = row[distinct]
            guard v.hasValue, grid.firstSight(i, value: v.value) else { return }
        }
        grid.count(i, line: line)
    }
}
