/// Counts matching rows per subject and period for one `count` requirement, in one pass.
///
/// Memory is one counter (and the first evidence line) per subject × period, plus a set of
/// (cell, value) pairs for `distinct` counts.
final class CountAggregator {
    let rule: Rule
    let requirement: CountRequirement
    let table: Int
    let binding: Int
    let filter: CompiledCondition
    let distinct: Int?
    let dateColumn: Int?
    let periods: [Period]
    let slots: SubjectSlots
    private(set) var counts: [Int32]
    private(set) var evidence: [Int32]
    private var seen = Set<Int64>()

    init(rule: Rule, requirement: CountRequirement, table: Int, binding: Int, filter: CompiledCondition,
         distinct: Int?, dateColumn: Int?, periods: [Period], slots: SubjectSlots) {
        self.rule = rule
        self.requirement = requirement
        self.table = table
        self.binding = binding
        self.filter = filter
        self.distinct = distinct
        self.dateColumn = dateColumn
        self.periods = periods
        self.slots = slots
        counts = Array(repeating: 0, count: slots.count * periods.count)
        evidence = Array(repeating: 0, count: slots.count * periods.count)
    }

    /// Feeds one valid row; `active` is the row's active interval for tables without a date.
    func feed(_ row: RowValues, active: DayRange?, ctx: EvaluationContext) {
        guard let slot = slots.slot(of: row.cells[binding]) else { return }
        ctx.subject = slots.entities[slot]
        defer { ctx.subject = nil }
        guard filter.evaluate(row, ctx) else { return }
        if let dc = dateColumn {
            let cell = row.cells[dc]
            guard cell.hasValue else { return }
            let day = Day(rawValue: Int32(cell.value))
            for (p, period) in periods.enumerated() where period.range.contains(day) {
                bump(slot, p, row)
            }
        } else if let a = active {
            for (p, period) in periods.enumerated() where a.start <= period.start && a.end >= period.end {
                bump(slot, p, row)
            }
        }
    }

    private func bump(_ slot: Int, _ p: Int, _ row: RowValues) {
        let i = slot * periods.count + p
        if let d = distinct {
            let v = row.cells[d]
            guard v.hasValue, seen.insert(Int64(i) << 32 | (v.value & 0xffff_ffff)).inserted else { return }
        }
        if counts[i] == 0 { evidence[i] = Int32(row.line) }
        counts[i] += 1
    }

    /// A fresh aggregator for the same requirement (one per chunk of a parallel scan).
    func emptyCopy() -> CountAggregator {
        CountAggregator(rule: rule, requirement: requirement, table: table, binding: binding, filter: filter,
                        distinct: distinct, dateColumn: dateColumn, periods: periods, slots: slots)
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
        for i in counts.indices where other.counts[i] > 0 {
            if counts[i] == 0 { evidence[i] = other.evidence[i] }
            counts[i] += other.counts[i]
        }
    }

    func count(slot: Int, period: Int) -> (count: Int, firstLine: Int) {
        let i = slot * periods.count + period
        return (Int(counts[i]), Int(evidence[i]))
    }
}

/// Tracks the earliest matching dated row per subject and period for one `deadline` requirement.
final class DeadlineAggregator {
    let rule: Rule
    let requirement: DeadlineRequirement
    let table: Int
    let binding: Int
    let periodColumn: Int
    let filter: CompiledCondition
    let dateColumn: Int
    let periods: [Period]
    /// Code of each period's label in the period column's code space.
    let labelCodes: [Int64?]
    let slots: SubjectSlots
    private(set) var earliest: [Int32]
    private(set) var lines: [Int32]

    init(rule: Rule, requirement: DeadlineRequirement, table: Int, binding: Int, periodColumn: Int,
         filter: CompiledCondition, dateColumn: Int, periods: [Period], labelCodes: [Int64?], slots: SubjectSlots) {
        self.rule = rule
        self.requirement = requirement
        self.table = table
        self.binding = binding
        self.periodColumn = periodColumn
        self.filter = filter
        self.dateColumn = dateColumn
        self.periods = periods
        self.labelCodes = labelCodes
        self.slots = slots
        earliest = Array(repeating: .max, count: slots.count * periods.count)
        lines = Array(repeating: 0, count: slots.count * periods.count)
    }

    func feed(_ row: RowValues, ctx: EvaluationContext) {
        guard let slot = slots.slot(of: row.cells[binding]) else { return }
        let label = row.cells[periodColumn], date = row.cells[dateColumn]
        guard label.hasValue, date.hasValue else { return }
        ctx.subject = slots.entities[slot]
        defer { ctx.subject = nil }
        guard filter.evaluate(row, ctx) else { return }
        for (p, code) in labelCodes.enumerated() where code == label.value {
            let i = slot * periods.count + p
            if Int32(date.value) < earliest[i] {
                earliest[i] = Int32(date.value)
                lines[i] = Int32(row.line)
            }
        }
    }

    func emptyCopy() -> DeadlineAggregator {
        DeadlineAggregator(rule: rule, requirement: requirement, table: table, binding: binding, periodColumn: periodColumn,
                           filter: filter, dateColumn: dateColumn, periods: periods, labelCodes: labelCodes, slots: slots)
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
final class RecordJudge {
    let rule: Rule
    let table: Int
    let filter: CompiledCondition?
    let require: CompiledCondition

    init(rule: Rule, table: Int, filter: CompiledCondition?, require: CompiledCondition) {
        self.rule = rule
        self.table = table
        self.filter = filter
        self.require = require
    }

    func violates(_ row: RowValues, ctx: EvaluationContext) -> Bool {
        if let f = filter, !f.evaluate(row, ctx) { return false }
        return !require.evaluate(row, ctx)
    }

    /// For a requirement that compares one field, the field, its value and what it should be.
    func comparison(_ row: RowValues, ctx: EvaluationContext) -> (column: Int, expected: Cell?, actual: Cell)? {
        switch require {
        case .literal(let column, _, let value):
            return (column, .of(value), row.cells[column])
        case .lookup(let column, _, let table, let by, let value):
            let key = row.cells[by]
            let other = key.hasValue ? ctx.ids.row(of: key.value, in: table).flatMap { ctx.tables[table]?.rows[$0].cells[value] } : nil
            return (column, other, row.cells[column])
        case .empty(let column, _):
            return (column, nil, row.cells[column])
        default:
            return nil
        }
    }
}
