/// Resolves pack conditions into `CompiledCondition`s: column names to indexes, literals to
/// cells of the column's type, table names to indexes. The pack was validated, so names resolve.
struct ConditionCompiler {
    let pack: Pack
    let parameters: ParameterValues
    let tableIndex: [String: Int]

    func compile(_ c: Condition, row t: TableSchema, subjects: [Int] = [], ids: inout IdSpace) -> CompiledCondition {
        switch c {
        case .all(let parts):
            return .all(parts.map { compile($0, row: t, subjects: subjects, ids: &ids) })
        case .any(let parts):
            return .any(parts.map { compile($0, row: t, subjects: subjects, ids: &ids) })
        case .not(let p):
            return .not(compile(p, row: t, subjects: subjects, ids: &ids))
        case .compare(let field, let op, let value, _):
            guard let col = t.columnIndex(field) else { return .constant(false) }
            switch value {
            case .subject(let name, _):
                var map: [Int: Int] = [:]
                for s in subjects {
                    let st = pack.tables[s]
                    if let i = st.columnIndex(name == "key" ? (st.key ?? "") : name) { map[s] = i }
                }
                return .subject(column: col, op: op, subjectColumns: map)
            case .period:
                return .constant(true)
            case .lookup(let table, let by, let column, _):
                guard let ti = tableIndex[table], let byCol = t.columnIndex(by),
                      let vc = pack.tables[ti].columnIndex(column) else { return .constant(false) }
                return .lookup(column: col, op: op, table: ti, by: byCol, value: vc)
            default:
                guard let v = literal(value, column: t.columns[col], ids: &ids) else { return .constant(op == .ne) }
                return .literal(column: col, op: op, value: v)
            }
        case .oneOf(let field, let values, let negated, _):
            guard let col = t.columnIndex(field) else { return .constant(false) }
            return .oneOf(column: col, values: values.compactMap { literal($0, column: t.columns[col], ids: &ids) }, negated: negated)
        case .isEmpty(let field, let expected, _):
            guard let col = t.columnIndex(field) else { return .constant(false) }
            return .empty(column: col, expected: expected)
        case .inTable(let field, let tables, _):
            guard let col = t.columnIndex(field) else { return .constant(false) }
            return .inTable(column: col, tables: tables.compactMap { tableIndex[$0] })
        }
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
            return ValueParser.amount(s)?.micros
        case .integer:
            return Int64(s)
        }
    }

    /// An integer from a literal or parameter (thresholds, grace days).
    func integer(_ v: ValueExpression) -> Int {
        text(v).flatMap { Int($0) } ?? 0
    }
}
