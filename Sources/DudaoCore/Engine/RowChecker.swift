/// Finds the data-quality problems a row carries on its own: unreadable or missing values,
/// values required by a condition, unknown references, failed row checks. Built once the
/// rosters are loaded, since references and checks ask which keys exist.
final class RowChecker: @unchecked Sendable {  // immutable; its pointers are into `PlanMemory`
    struct Column {
        var optional: Bool
        var requiredWhen: Predicate?
        /// 1 for codes that are keys of a referenced table; count 0 when no reference.
        var known: UnsafePointer<UInt8>
        var knownCount: Int
        var referenceWhen: Predicate?
        var referenceInvalidates: Bool
        var hasReference: Bool
    }

    let columns: [Column]
    let checks: [(when: Predicate?, require: Predicate, field: Int)]

    init(columns: [Column], checks: [(when: Predicate?, require: Predicate, field: Int)]) {
        self.columns = columns
        self.checks = checks
    }

    /// Fills `values.invalid` and `values.unknown`, in column order.
    func check(_ values: inout RowValues) {
        let invalid = values.withCells { cells -> [Int] in
            var out: [Int] = []
            for i in columns.indices {
                let cell = cells[i]
                switch cell.state {
                case .invalid:
                    out.append(i)
                case .empty:
                    if !columns[i].optional { out.append(i) }
                    else if let rw = columns[i].requiredWhen, rw.evaluate(cells) { out.append(i) }
                case .value:
                    break
                }
            }
            return out
        }
        values.invalid.append(contentsOf: invalid)
        for i in columns.indices where columns[i].hasReference {
            let cell = values.cells[i]
            guard cell.state == .value else { continue }
            if let w = columns[i].referenceWhen, !values.withCells({ w.evaluate($0) }) { continue }
            let known = cell.value >= 0 && cell.value < Int64(columns[i].knownCount) && columns[i].known[Int(cell.value)] != 0
            if !known {
                values.unknown.append(i)
                if columns[i].referenceInvalidates { values.unknownInvalidates = true }
            }
        }
        for check in checks {
            if values.invalid.contains(check.field) || values.unknown.contains(check.field) { continue }
            let failed = values.withCells { cells in
                if let w = check.when, !w.evaluate(cells) { return false }
                return !check.require.evaluate(cells)
            }
            if failed { values.invalid.append(check.field) }
        }
        if values.invalid.count > 1 { values.invalid.sort() }
    }
}
