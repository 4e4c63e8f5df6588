/// A pack condition resolved against one table's columns and the run's code space.
indirect enum CompiledCondition {
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)
    case constant(Bool)
    case literal(column: Int, op: Condition.Comparison, value: Int64)
    /// Compares with a column of the current subject's roster row (per subject table).
    case subject(column: Int, op: Condition.Comparison, subjectColumns: [Int: Int])
    case lookup(column: Int, op: Condition.Comparison, table: Int, by: Int, value: Int)
    case oneOf(column: Int, values: [Int64], negated: Bool)
    case empty(column: Int, expected: Bool)
    case inTable(column: Int, tables: [Int])

    func evaluate(_ row: RowValues, _ ctx: EvaluationContext) -> Bool {
        switch self {
        case .all(let parts):
            for p in parts where !p.evaluate(row, ctx) { return false }
            return true
        case .any(let parts):
            for p in parts where p.evaluate(row, ctx) { return true }
            return false
        case .not(let p):
            return !p.evaluate(row, ctx)
        case .constant(let b):
            return b
        case .literal(let column, let op, let value):
            return Self.compare(row.cells[column], op, .of(value))
        case .subject(let column, let op, let subjectColumns):
            guard let s = ctx.subject, let sc = subjectColumns[s.table],
                  let other = ctx.tables[s.table]?.rows[s.row].cells[sc] else { return false }
            return Self.compare(row.cells[column], op, other)
        case .lookup(let column, let op, let table, let by, let value):
            // A value looked up in a missing or unusable row cannot be judged: the comparison holds.
            let key = row.cells[by]
            guard key.hasValue, let r = ctx.ids.row(of: key.value, in: table), let t = ctx.tables[table],
                  t.rows[r].valid, t.rows[r].cells[value].hasValue else { return true }
            return Self.compare(row.cells[column], op, t.rows[r].cells[value])
        case .oneOf(let column, let values, let negated):
            let cell = row.cells[column]
            guard cell.hasValue else { return negated && cell.state == .empty }
            return values.contains(cell.value) != negated
        case .empty(let column, let expected):
            return (row.cells[column].state == .empty) == expected
        case .inTable(let column, let tables):
            let cell = row.cells[column]
            guard cell.hasValue else { return false }
            return tables.contains { ctx.ids.row(of: cell.value, in: $0) != nil }
        }
    }

    static func compare(_ a: Cell, _ op: Condition.Comparison, _ b: Cell) -> Bool {
        guard a.hasValue, b.hasValue else {
            return op == .ne && a.state != .invalid && a.state != b.state
        }
        switch op {
        case .eq: return a.value == b.value
        case .ne: return a.value != b.value
        case .lt: return a.value < b.value
        case .le: return a.value <= b.value
        case .gt: return a.value > b.value
        case .ge: return a.value >= b.value
        }
    }
}

/// What conditions can see besides the row: the code space, the materialized tables and
/// the subject being judged.
final class EvaluationContext {
    var ids = IdSpace()
    var tables: [MaterializedTable?] = []
    var subject: (table: Int, row: Int)?
}
