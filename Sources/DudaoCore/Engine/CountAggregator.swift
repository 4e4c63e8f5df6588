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
        guard let slot = slots.slot(of: row[binding]) else { return }
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

/// Tracks the earliest matching dated row per subject and period for one `deadline` requirement.
final class DeadlineAggregator: @unchecked Sendable {
    let rule: Rule
    let requirement: DeadlineRequirement
    let table: Int
    let binding: Int
    let periodColumn: Int
    let filter: Predicate
    let subjectCells: UnsafePointer<Cell>
    let subjectWidth: Int
    let dateColumn: Int
    let periods: [Period]
    /// Code of each period's label in the period column's code space.
    let labelCodes: [Int64?]
    let slots: SubjectSlots
    private(set) var earliest: [Int32]
    private(set) var lines: [Int32]

    init(rule: Rule, requirement: DeadlineRequirement, table: Int, binding: Int, periodColumn: Int, filter: Predicate,
         subjectCells: UnsafePointer<Cell>, subjectWidth: Int, dateColumn: Int, periods: [Period], labelCodes: [Int64?],
         slots: SubjectSlots) {
        self.rule = rule
        self.requirement = requirement
        self.table = table
        self.binding = binding
        self.periodColumn = periodColumn
        self.filter = filter
        self.subjectCells = subjectCells
        self.subjectWidth = subjectWidth
        self.dateColumn = dateColumn
        self.periods = periods
        self.labelCodes = labelCodes
        self.slots = slots
        earliest = Array(repeating: .max, count: slots.count * periods.count)
        lines = Array(repeating: 0, count: slots.count * periods.count)
    }

    func feed(_ row: UnsafePointer<Cell>, line: Int) {
        guard let slot = slots.slot(of: row[binding]) else { return }
        let label = row[periodColumn], date = row[dateColumn]
        guard label.hasValue, date.hasValue else { return }
        guard filter.evaluate(row, subject: subjectWidth > 0 ? subjectCells + slot * subjectWidth : nil) else { return }
        for (p, code) in labelCodes.enumerated() where code == label.value {
            let i = slot * periods.count + p
            if Int32(date.value) < earliest[i] {
                earliest[i] = Int32(date.value)
                lines[i] = Int32(line)
            }
        }
    }

    func emptyCopy() -> DeadlineAggregator {
        DeadlineAggregator(rule: rule, requirement: requirement, table: table, binding: binding, periodColumn: periodColumn,
                           filter: filter, subjectCells: subjectCells, subjectWidth: subjectWidth, dateColumn: dateColumn,
                           periods: periods, labelCodes: labelCodes, slots: slots)
    }

    /// Takes the earlier dates of a later chunk of the same table (ties keep the earlier line).
    func merge(_ other: DeadlineAggregator) {
        for i in earliest.indices where other.earliest[i] < earliest[i] {
            earliest[i] = other.earliest[i]
            lines[i] = other.lines[i]
        }
    }

    func earliest(slot: Int, period: Int) -> (day: Day, line: Int)? {
        let i = slot * periods.count + period
        return earliest[i] == .max ? nil : (Day(rawValue: earliest[i]), Int(lines[i]))
    }
}

/// Judges every matching valid row of one `each_record` requirement.
final class RecordJudge: @unchecked Sendable {
    let rule: Rule
    let table: Int
    let filter: Predicate?
    let require: Predicate

    init(rule: Rule, table: Int, filter: Predicate?, require: Predicate) {
        self.rule = rule
        self.table = table
        self.filter = filter
        self.require = require
    }

    @inline(__always)
    func violates(_ row: UnsafePointer<Cell>) -> Bool {
        if let f = filter, !f.evaluate(row) { return false }
        return !require.evaluate(row)
    }

    /// For a requirement that compares one field: the field, what it should be, what it is.
    func comparison(_ row: UnsafePointer<Cell>) -> (column: Int, expected: Cell?, actual: Cell)? {
        let node = require.root
        switch node.kind {
        case .literal: return (Int(node.column), .of(node.value), row[Int(node.column)])
        case .lookup: return (Int(node.column), require.lookedUp(node, row), row[Int(node.column)])
        case .empty: return (Int(node.column), nil, row[Int(node.column)])
        default: return nil
        }
    }
}
