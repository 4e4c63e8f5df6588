/// What one kind of requirement (count, each record, deadline) tells the engine about itself.
protocol RequirementKind: Sendable {
    /// What the requirement reads of the rows of `table`.
    func uses(table: String) -> RequirementUses
}

/// The conditions a requirement evaluates on a table's rows, and the columns whose values it
/// compares (so their cells need codes).
struct RequirementUses {
    var conditions: [Condition] = []
    var columns: Set<String> = []

    /// What a selection of subjects reads of `table`: its filter when `table` is a subject
    /// table, the assignments' filter when it is the assignment table.
    mutating func add(_ s: SubjectSelection, table: String) {
        if s.tables.contains(table), let f = s.filter { conditions.append(f) }
        if let a = s.assignments, a.table == table, let f = a.filter { conditions.append(f) }
    }

    /// The subject columns a condition compares with (`{subject: COL}`).
    static func subjectColumns(in c: Condition) -> [String] {
        switch c {
        case .all(let parts), .any(let parts): parts.flatMap(subjectColumns(in:))
        case .not(let p): subjectColumns(in: p)
        case .compare(_, _, .subject(let name, _), _): name == "key" ? [] : [name]
        default: []
        }
    }
}

extension Rule.Kind {
    /// The requirement, as its kind.
    var requirement: any RequirementKind {
        switch self {
        case .count(let c): c
        case .eachRecord(let e): e
        case .deadline(let d): d
        }
    }
}
