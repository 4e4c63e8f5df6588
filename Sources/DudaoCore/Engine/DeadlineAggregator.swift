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
