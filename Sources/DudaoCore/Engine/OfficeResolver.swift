/// Works out which offices a finding belongs to (PACK-SPEC section 4, "The offices of a finding").
final class OfficeResolver: @unchecked Sendable {
    let pack: Pack
    let tableIndex: [String: Int]
    let officeTable: Int
    /// Per assignment table: rows by the code of their object; per office table: offices by street code.
    private var assignmentsByObject: [Int: [Int64: [Int]]] = [:]
    private var officesByStreet: [Int64: [Int]]?
    /// Per table with an `office` column: that column, whether its text is the office id, and
    /// the tables it refers to (worked out once; record findings ask for every row).
    private let officeColumns: [(column: Int, isOffice: Bool, targets: [Int])?]

    init(pack: Pack, tableIndex: [String: Int], officeTable: Int) {
        self.pack = pack
        self.tableIndex = tableIndex
        self.officeTable = officeTable
        officeColumns = pack.tables.map { schema in
            guard case .column(let name)? = schema.office, let col = schema.columnIndex(name) else { return nil }
            let references = schema.columns[col].references?.tables ?? []
            return (col, schema.key == name || references.contains(pack.attribution.officeTable), references.compactMap { tableIndex[$0] })
        }
    }

    /// Builds the indexes that office lookups use, so lookups can then run concurrently.
    func prepare(ctx: EvaluationContext) {
        for t in pack.tables {
            guard case .assignments(let name, _)? = t.office, let ai = tableIndex[name], let at = ctx.tables[ai],
                  let object = at.schema.assignment?.object, let oc = at.schema.columnIndex(object) else { continue }
            _ = assignments(ai, objectColumn: oc, ctx: ctx)
        }
        _ = offices(onStreet: -1, ctx: ctx)
    }

    private func assignments(_ table: Int, objectColumn: Int, ctx: EvaluationContext) -> [Int64: [Int]] {
        if let index = assignmentsByObject[table] { return index }
        var index: [Int64: [Int]] = [:]
        if let t = ctx.tables[table] {
            for a in t.rows where a.valid && a.cells[objectColumn].hasValue {
                index[a.cells[objectColumn].value, default: []].append(a.index)
            }
        }
        assignmentsByObject[table] = index
        return index
    }

    private func offices(onStreet code: Int64, ctx: EvaluationContext) -> [Int] {
        if officesByStreet == nil {
            var index: [Int64: [Int]] = [:]
            if let ot = ctx.tables[officeTable], let osc = ot.schema.columnIndex(pack.attribution.streetColumn) {
                for o in ot.rows where o.isEntity && o.cells[osc].hasValue {
                    index[o.cells[osc].value, default: []].append(o.index)
                }
            }
            officesByStreet = index
        }
        return officesByStreet?[code] ?? []
    }

    /// Offices of a row of a table, from its `office` declaration (record findings).
    func offices(ofRow texts: [String], cells: [Cell], table: Int, ctx: EvaluationContext) -> [String] {
        guard let (col, isOffice, targets) = officeColumns[table] else { return [] }
        let text = texts[col]
        if text.isEmpty { return [] }
        if isOffice { return [text] }
        for ti in targets {
            guard cells[col].hasValue, let r = ctx.ids.row(of: cells[col].value, in: ti), let t = ctx.tables[ti] else { continue }
            return offices(ofRow: t.textRow(r), cells: t.values(r).cells, table: ti, ctx: ctx)
        }
        return []
    }

    /// Offices of an entity for a finding over a period.
    func offices(ofEntity row: Int, table: Int, period: DayRange?, ctx: EvaluationContext) -> [String] {
        guard let t = ctx.tables[table] else { return [] }
        let r = t.rows[row]
        switch t.schema.office {
        case .column?:
            return offices(ofRow: t.textRow(row), cells: t.values(row).cells, table: table, ctx: ctx)
        case .assignments(let assignmentTable, let street)?:
            var out = Set<String>()
            if let ai = tableIndex[assignmentTable], let at = ctx.tables[ai], let cols = at.schema.assignment,
               let objectCol = at.schema.columnIndex(cols.object), let keyCol = t.schema.key.flatMap(t.schema.columnIndex) {
                let key = r.cells[keyCol]
                for i in assignments(ai, objectColumn: objectCol, ctx: ctx)[key.value] ?? [] {
                    let a = at.rows[i]
                    guard let active = a.active else { continue }
                    if let p = period, active.end < p.start || active.start > p.end { continue }
                    out.formUnion(offices(ofRow: at.textRow(i), cells: at.values(i).cells, table: ai, ctx: ctx))
                }
            }
            if out.isEmpty, let sc = t.schema.columnIndex(street), let ot = ctx.tables[officeTable],
               let okc = ot.schema.key.flatMap(ot.schema.columnIndex), r.cells[sc].hasValue {
                for i in offices(onStreet: r.cells[sc].value, ctx: ctx) { out.insert(ot.rows[i].texts[okc]) }
            }
            return out.sorted()
        case nil:
            return []
        }
    }
}
