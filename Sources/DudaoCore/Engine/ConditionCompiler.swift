/// Compiles pack conditions into `Predicate`s: column names to indexes, literals to cells of
/// the column's type, references to other tables to arrays indexed by code. The pack was
/// validated, so names resolve. Compile after the rosters are loaded (their keys are needed).
struct ConditionCompiler {
    let pack: Pack
    let parameters: ParameterValues
    let tableIndex: [String: Int]
    let memory: PlanMemory

    /// What a compiled condition compares with on the subject's side: per subject table, the
    /// column of each subject slot the predicate reads (`subject[j]`).
    struct SubjectColumns {
        var columns: [[Int: Int]] = []
    }

    /// A predicate for rows of `t`; `{subject: …}` values are numbered into `subjects`.
    func compile(_ c: Condition, row t: TableSchema, subjectTables: [Int] = [], subjects: inout SubjectColumns,
                 rosters: inout Rosters) -> Predicate {
        var b = Builder()
        _ = build(c, t, subjectTables, &subjects, &rosters, &b)
        return Predicate(nodes: memory.copy(b.nodes), kids: memory.copy(b.kids), values: memory.copy(b.values),
                         cells: memory.copy(b.cells), bytes: memory.copy(b.bytes))
    }

    /// A predicate that compares with no subject.
    func compile(_ c: Condition, row t: TableSchema, rosters: inout Rosters) -> Predicate {
        var none = SubjectColumns()
        return compile(c, row: t, subjects: &none, rosters: &rosters)
    }

    private struct Builder {
        var nodes: [Predicate.Node] = []
        var kids: [Int32] = []
        var values: [Int64] = []
        var cells: [Cell] = []
        var bytes: [UInt8] = []

        mutating func add(_ kind: Predicate.Kind, op: Condition.Comparison = .eq, column: Int = 0, a: Int = 0, b: Int = 0,
                          first: Int = 0, value: Int64 = 0) -> Int {
            nodes.append(.init(kind: kind, op: op, column: Int32(column), a: Int32(a), b: Int32(b), first: Int32(first), value: value))
            return nodes.count - 1
        }
    }

    private func build(_ c: Condition, _ t: TableSchema, _ subjectTables: [Int], _ subjects: inout SubjectColumns,
                       _ rosters: inout Rosters, _ b: inout Builder) -> Int {
        switch c {
        case .all(let parts), .any(let parts):
            let me = b.add(c.isAll ? .all : .any)
            let children = parts.map { build($0, t, subjectTables, &subjects, &rosters, &b) }
            b.nodes[me].a = Int32(b.kids.count)
            b.nodes[me].b = Int32(children.count)
            b.kids += children.map(Int32.init)
            return me
        case .not(let p):
            let me = b.add(.not)
            b.nodes[me].a = Int32(build(p, t, subjectTables, &subjects, &rosters, &b))
            return me
        case .compare(let field, let op, let value, _):
            guard let col = t.columnIndex(field) else { return b.add(.constant, value: 0) }
            switch value {
            case .subject(let name, _):
                var map: [Int: Int] = [:]
                for s in subjectTables {
                    let st = pack.tables[s]
                    if let i = st.columnIndex(name == "key" ? (st.key ?? "") : name) { map[s] = i }
                }
                subjects.columns.append(map)
                return b.add(.subject, op: op, column: col, a: subjects.columns.count - 1)
            case .lookup(let table, let by, let column, _):
                guard let ti = tableIndex[table], let byCol = t.columnIndex(by),
                      let vc = pack.tables[ti].columnIndex(column) else { return b.add(.constant, value: 0) }
                let (first, dense) = lookupCells(table: ti, column: vc, rosters: rosters)
                let offset = b.cells.count
                b.cells += dense
                return b.add(.lookup, op: op, column: col, a: offset, b: dense.count, first: first, value: Int64(byCol))
            default:
                guard let v = literal(value, column: t.columns[col], ids: &rosters.ids) else { return b.add(.constant, value: op == .ne ? 1 : 0) }
                return b.add(.literal, op: op, column: col, value: v)
            }
        case .oneOf(let field, let list, let negated, _):
            guard let col = t.columnIndex(field) else { return b.add(.constant, value: 0) }
            let vs = list.compactMap { literal($0, column: t.columns[col], ids: &rosters.ids) }
            let offset = b.values.count
            b.values += vs
            return b.add(.oneOf, column: col, a: offset, b: vs.count, value: negated ? 1 : 0)
        case .isEmpty(let field, let expected, _):
            guard let col = t.columnIndex(field) else { return b.add(.constant, value: 0) }
            return b.add(.empty, column: col, value: expected ? 1 : 0)
        case .inTable(let field, let tables, _):
            guard let col = t.columnIndex(field) else { return b.add(.constant, value: 0) }
            let dense = membership(tables.compactMap { tableIndex[$0] }, rosters: rosters)
            let offset = b.bytes.count
            b.bytes += dense
            return b.add(.member, column: col, a: offset, b: dense.count)
        }
    }

    /// 1 for every code that is a key of one of the tables (valid row or not: a key exists);
    /// it ends with the last such code, as codes past it are no keys.
    func membership(_ tables: [Int], rosters: Rosters) -> [UInt8] {
        let keyRows = rosters.ids.keyRows
        let known = tables.filter { $0 < keyRows.count }
        var out = [UInt8](repeating: 0, count: known.map { keyRows[$0].count }.max() ?? 0)
        for t in known {
            for (code, row) in keyRows[t].enumerated() where row >= 0 { out[code] = 1 }
        }
        return out
    }

    /// The column's cell in the row each code names, for usable (valid) rows; invalid elsewhere.
    /// The cells run from the table's first key code to its last, as other codes name no row
    /// (a small table loaded after large ones has only high codes).
    private func lookupCells(table: Int, column: Int, rosters: Rosters) -> (first: Int, cells: [Cell]) {
        guard table < rosters.ids.keyRows.count, let rows = rosters.tables[table]?.rows else { return (0, []) }
        let keyRows = rosters.ids.keyRows[table]
        let first = keyRows.firstIndex { $0 >= 0 } ?? keyRows.count
        var out = [Cell](repeating: .invalid, count: keyRows.count - first)
        for code in first..<keyRows.count where keyRows[code] >= 0 && rows[Int(keyRows[code])].valid {
            out[code - first] = rows[Int(keyRows[code])].cells[column]
        }
        return (first, out)
    }

    /// The text of a literal or parameter value.
    func text(_ v: ValueExpression) -> String? {
        switch v {
        case .literal(let s, _): s
        case .parameter(let p, _): parameters[p]
        default: nil
        }
    }

    /// A literal as a cell value of the column's type.
    func literal(_ v: ValueExpression, column: ColumnSchema, ids: inout IdSpace) -> Int64? {
        guard let s = text(v) else { return nil }
        switch column.type {
        case .id, .text:
            return ids.intern(s)
        case .enumeration:
            return column.values.firstIndex(of: s).map(Int64.init)
        case .yesNo:
            return s == "是" ? 1 : s == "否" ? 0 : nil
        case .date:
            return Day(iso: s).map { Int64($0.rawValue) }
        case .amount:
            return ValueParser.amount(s)?.cell
        case .integer:
            return Int64(s)
        }
    }

    /// An integer from a literal or parameter (thresholds, grace days).
    func integer(_ v: ValueExpression) -> Int {
        text(v).flatMap { Int($0) } ?? 0
    }
}

extension Condition {
    var isAll: Bool {
        if case .all = self { return true }
        return false
    }
}
