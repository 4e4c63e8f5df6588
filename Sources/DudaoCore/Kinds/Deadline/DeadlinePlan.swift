/// A `deadline` requirement compiled for one run: which dated rows answer for which subject
/// and period, and who the subjects are.
struct DeadlinePlan {
    let rule: Rule
    let requirement: DeadlineRequirement
    let table: Int
    /// The row's column holding the subject's key.
    let binding: Int
    /// The row's column naming the period (by its label).
    let periodColumn: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let dateColumn: Int
    let periods: [Period]
    /// Code of each period's label in the period column's code space (`Int64.min`: none, which no
    /// cell holds), in plan memory.
    let labelCodes: UnsafePointer<Int64>
    let slots: SubjectSlots
    let subjects: SubjectFilter
    let graceDays: Int

    /// An empty grid for one scan worker (no day yet: `Int32.max`).
    func makeGrid() -> PeriodGrid { PeriodGrid(slots: slots.count, periods: periods.count, initial: .max) }

    /// The per-row part, writing into `grid`.
    func kernel(_ grid: PeriodGrid) -> DeadlineKernel {
        DeadlineKernel(binding: binding, periodColumn: periodColumn, filter: filter, subjectCells: subjectCells,
                       subjectWidth: subjectWidth, dateColumn: dateColumn, labelCodes: labelCodes,
                       periodCount: periods.count, slots: slots.lookup, grid: grid.cells)
    }
}

/// The per-row part of a `DeadlinePlan`: plain pointers and numbers only.
struct DeadlineKernel {
    let binding: Int
    let periodColumn: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let dateColumn: Int
    let labelCodes: UnsafePointer<Int64>
    let periodCount: Int
    let slots: SlotLookup
    let grid: GridCells

    /// Keeps the row's day for its subject and period when it is the earliest so far.
    @inline(__always)
    func feed(_ row: UnsafePointer<Cell>, line: Int) {
        guard let slot = slots.slot(of: row[binding]) else { return }
        let label = row[periodColumn], date = row[dateColumn]
        guard label.hasValue, date.hasValue else { return }
        guard filter.evaluate(row, subject: subjectWidth > 0 ? subjectCells + slot * subjectWidth : nil) else { return }
        for p in 0..<periodCount where labelCodes[p] == label.value {
            grid.keepEarlier(slot * periodCount + p, day: Int32(date.value), line: line)
        }
    }
}
