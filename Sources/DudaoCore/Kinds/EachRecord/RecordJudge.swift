/// Judges every matching valid row of one `each_record` requirement.
final class RecordJudge: @unchecked Sendable {  // immutable; its predicates point into `PlanMemory`
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
