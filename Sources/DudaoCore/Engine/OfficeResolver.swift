/// Works out which offices a finding belongs to (PACK-SPEC section 4, "The offices of a finding").
struct OfficeResolver {
    let pack: Pack
    let tableIndex: [String: Int]
    let officeTable: Int

    /// Offices of a row of a table, from its `office` declaration (record findings).
    func offices(ofRow texts: [String], cells: [Cell], table: Int, ctx: EvaluationContext) -> [String] {
        let schema = pack.tables[table]
        guard case .column(let name)? = schema.office, let col = schema.columnIndex(name) else { return [] }
        let text = texts[col]
        if text.isEmpty { return [] }
        let column = schema.columns[col]
        if schema.key == name || column.references?.tables.contains(pack.attribution.officeTable) == true {
            return [text]
        }
        for target in column.references?.tables ?? [] {
            guard let ti = tableIndex[target], cells[col].hasValue,
                  let r = ctx.ids.row(of: cells[col].value, in: ti), let t = ctx.tables[ti] else { continue }
            return offices(ofRow: t.rows[r].texts, cells: t.rows[r].cells, table: ti, ctx: ctx)
        }
        return []
    }

    /// Offices of an entity for a finding over a period.
    func offices(ofEntity row: Int, table: Int, period: DayRange?, ctx: EvaluationContext) -> [String] {
        guard let t = ctx.tables[table] else { return [] }
        let r = t.rows[row]
        switch t.schema.office {
        case .column?:
            return offices(ofRow: r.texts, cells: r.cells, table: table, ctx: ctx)
        case .assignments(let assignmentTable, let street)?:
            var out = Set<String>()
            if let ai = tableIndex[assignmentTable], let at = ctx.tables[ai], let cols = at.schema.assignment,
               let objectCol = at.schema.columnIndex(cols.object), let keyCol = t.schema.key.flatMap(t.schema.columnIndex) {
                let key = r.cells[keyCol]
                for a in at.rows where a.valid && a.cells[objectCol] == key {
                    guard let active = a.active else { continue }
                    if let p = period, active.end < p.start || active.start > p.end { continue }
                    out.formUnion(offices(ofRow: a.texts, cells: a.cells, table: ai, ctx: ctx))
                }
            }
            if out.isEmpty, let sc = t.schema.columnIndex(street), let ot = ctx.tables[officeTable],
               let osc = ot.schema.columnIndex(pack.attribution.streetColumn), let okc = ot.schema.key.flatMap(ot.schema.columnIndex) {
                let s = r.cells[sc]
                if s.hasValue {
                    for o in ot.rows where o.isEntity && o.cells[osc] == s { out.insert(o.texts[okc]) }
                }
            }
            return out.sorted()
        case nil:
            return []
        }
    }
}
