/// Counts matching rows per subject and period for one `count` requirement, in one pass.
///
/// Memory is one counter (and the first evidence line) per subject × period, plus a set of
/// (cell, value) pairs for `distinct` counts. Counters are plain memory: the per-row path
/// does no reference counting.
final class CountAggregator: @unchecked Sendable {
    let rule: Rule
    let requirement: CountRequirement
    let table: Int
    let binding: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let distinct: Int?
    let dateColumn: Int?
    let periods: [Period]
    private let ranges: UnsafeMutablePointer<DayRange>
    let slots: SubjectSlots
    private let counts: UnsafeMutablePointer<Int32>
    private let evidence: UnsafeMutablePointer<Int32>
    private let cellCount: Int
    private var seen = Set<Int64>()

    init(rule: Rule, requirement: CountRequirement, table: Int, binding: Int, filter: Predicate, subjectCells: UnsafePointer<Cell>,
         subjectWidth: Int, distinct: Int?, dateColumn: Int?, periods: [Period], slots: SubjectSlots) {
        self.rule = rule
        self.requirement = requirement
        self.table = table
        self.binding = binding
        self.filter = filter
        self.subjectCells = subjectCells
        self.subjectWidth = subjectWidth
        self.distinct = distinct
        self.dateColumn = dateColumn
        self.periods = periods
        self.slots = slots
        ranges = .allocate(capacity: max(periods.count, 1))
        for (i, p) in periods.enumerated() { (ranges + i).initialize(to: p.range) }
        cellCount = slots.count * periods.count
        counts = .allocate(capacity: max(cellCount, 1))
        counts.initialize(repeating: 0, count: max(cellCount, 1))
        evidence = .allocate(capacity: max(cellCount, 1))
        evidence.initialize(repeating: 0, count: max(cellCount, 1))
    }

    deinit {
        ranges.deallocate()
        counts.deallocate()
        evidence.deallocate()
    }

    /// Feeds one valid row; `active` is the row's active interval for tables without a date.
    func feed(_ row: UnsafePointer<Cell>, line: Int, active: DayRange?) {
        kernel.feed(row, line: line, active: active)
    }

    /// The per-row part as a plain value, for loops that must not touch reference counts.
    var kernel: CountKernel {
        CountKernel(binding: binding, filter: filter, subjectCells: subjectCells, subjectWidth: subjectWidth,
                    dateColumn: dateColumn ?? -1, ranges: UnsafePointer(ranges), periodCount: periods.count, slots: slots.lookup,
                    counts: counts, evidence: evidence, distinct: distinct ?? -1, owner: Unmanaged.passUnretained(self))
    }

    /// Counts a distinct (cell, value) pair once; true when it is new.
    fileprivate func firstSight(_ key: Int64) -> Bool { seen.insert(key).inserted }

    /// A fresh aggregator for the same requirement (one per chunk of a parallel scan).
    func emptyCopy() -> CountAggregator {
        CountAggregator(rule: rule, requirement: requirement, table: table, binding: binding, filter: filter,
                        subjectCells: subjectCells, subjectWidth: subjectWidth, distinct: distinct, dateColumn: dateColumn,
                        periods: periods, slots: slots)
    }

    /// Adds the counts of a later chunk of the same table (file order is kept for evidence).
    func merge(_ other: CountAggregator) {
        if distinct != nil {
            for key in other.seen where seen.insert(key).inserted {
                let i = Int(key >> 32)
                if counts[i] == 0 { evidence[i] = other.evidence[i] }
                counts[i] += 1
            }
            return
        }
        for i in 0..<cellCount where other.counts[i] > 0 {
            if counts[i] == 0 { evidence[i] = other.evidence[i] }
            counts[i] += other.counts[i]
        }
    }

    func count(slot: Int, period: Int) -> (count: Int, firstLine: Int) {
        let i = slot * periods.count + period
        return (Int(counts[i]), Int(evidence[i]))
    }
}

/// The per-row part of a `CountAggregator`: plain pointers and numbers only.
struct CountKernel {
    let binding: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let dateColumn: Int
    let ranges: UnsafePointer<DayRange>
    let periodCount: Int
    let slots: SlotLookup
    let counts: UnsafeMutablePointer<Int32>
    let evidence: UnsafeMutablePointer<Int32>
    let distinct: Int
    let owner: Unmanaged<CountAggregator>

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
            guard v.hasValue, owner.takeUnretainedValue().firstSight(Int64(i) << 32 | (v.value & 0xffff_ffff)) else { return }
        }
        if counts[i] == 0 { evidence[i] = Int32(line) }
        counts[i] += 1
    }
}
