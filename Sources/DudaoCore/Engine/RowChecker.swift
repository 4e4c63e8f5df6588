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

    /// In plain memory this checker owns: reading them on every row costs no reference counting.
    private let columns: UnsafeMutableBufferPointer<Column>
    private let checks: UnsafeMutableBufferPointer<(when: Predicate?, require: Predicate, field: Int)>

    init(columns: [Column], checks: [(when: Predicate?, require: Predicate, field: Int)]) {
        self.columns = .allocate(capacity: columns.count)
        _ = self.columns.initialize(from: columns)
        self.checks = .allocate(capacity: checks.count)
        _ = self.checks.initialize(from: checks)
    }

    deinit {
        columns.deallocate()
        checks.deallocate()
    }

    /// Fills `values.invalid` and `values.unknown`, in column order.
    func check(_ values: inout RowValues) {
        // The lists are moved out and back (no copy), so the cells can be read in place meanwhile.
        var invalid: [Int] = [], unknown: [Int] = []
        swap(&invalid, &values.invalid)
        swap(&unknown, &values.unknown)
        let invalidates = values.withCellsInPlace { cells -> Bool in
            for i in columns.indices {
                let cell = cells[i]
                switch cell.state {
                case .invalid:
                    invalid.append(i)
                case .empty:
                    if !columns[i].optional { invalid.append(i) }
                    else if let rw = columns[i].requiredWhen, rw.evaluate(cells) { invalid.append(i) }
                case .value:
                    break
                }
            }
            var invalidates = false
            for i in columns.indices where columns[i].hasReference {
                let cell = cells[i]
                guard cell.state == .value else { continue }
                if let w = columns[i].referenceWhen, !w.evaluate(cells) { continue }
                let known = cell.value >= 0 && cell.value < Int64(columns[i].knownCount) && columns[i].known[Int(cell.value)] != 0
                if !known {
                    unknown.append(i)
                    if columns[i].referenceInvalidates { invalidates = true }
                }
            }
            for check in checks {
                if invalid.contains(check.field) || unknown.contains(check.field) { continue }
                if let w = check.when, !w.evaluate(cells) { continue }
                if !check.require.evaluate(cells) { invalid.append(check.field) }
            }
            return invalidates
        }
        if invalid.count > 1 { invalid.sort() }
        swap(&invalid, &values.invalid)
        swap(&unknown, &values.unknown)
        if invalidates { values.unknownInvalidates = true }
    }
}
