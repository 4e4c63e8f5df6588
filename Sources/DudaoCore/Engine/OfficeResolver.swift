/// Works out which offices a finding belongs to, the way `OfficeAttribution` reads PACK-SPEC.
/// Built once the rosters are reviewed; immutable, so the scan's threads share it.
struct OfficeResolver: Sendable {
    let tableIndex: [String: Int]
    let officeTable: Int
    /// Per assignment table: valid rows by the code of their object.
    private let assignmentsByObject: [Int: CodeMultimap<Int>]
    /// The office roster's entities by the code of their street.
    private let officesByStreet: CodeMultimap<Int>
    /// Per table with an `office` column: that column, whether its text is the office id, and
    /// the tables it refers to (worked out once; record findings ask for every row).
    private let officeColumns: [(column: Int, isOffice: Bool, targets: [Int])?]
    /// Each office of the roster as the one-element list a finding carries, made once: the
    /// findings of an office then share one array instead of allocating one each.
    private let officeLists: [String: [String]]

    init(setting: RunSetting, rosters: Rosters) {
        let pack = setting.pack, tableIndex = setting.tableIndex
        self.tableIndex = tableIndex
        officeTable = setting.officeTable ?? 0
        let attribution = OfficeAttribution(pack: pack)
        officeColumns = pack.tables.map { schema in
            switch attribution.way(of: schema.name) {
            case .officeID(let name)?: schema.columnIndex(name).map { ($0, true, []) }
            case .via(let name, let rosters)?: schema.columnIndex(name).map { ($0, false, rosters.compactMap { tableIndex[$0] }) }
            case .assignments?, nil: nil
            }
        }
        var byObject: [Int: CodeMultimap<Int>] = [:]
        for t in pack.tables {
            guard case .assignments(let name, _)? = t.office, let ai = tableIndex[name], byObject[ai] == nil, let at = rosters.tables[ai],
                  let object = at.schema.assignment?.object, let oc = at.schema.columnIndex(object) else { continue }
            var index = CodeMultimap<Int>.Builder()
            for a in at.rows where a.valid && a.cells[oc].hasValue {
                index.append(a.index, for: a.cells[oc].value)
            }
            byObject[ai] = index.build()
        }
        assignmentsByObject = byObject
        var byStreet = CodeMultimap<Int>.Builder()
        if let oi = setting.officeTable, let ot = rosters.tables[oi], let osc = ot.schema.columnIndex(pack.attribution.streetColumn) {
            for o in ot.rows where o.isEntity && o.cells[osc].hasValue {
                byStreet.append(o.index, for: o.cells[osc].value)
            }
        }
        officesByStreet = byStreet.build()
        var lists: [String: [String]] = [:]
        if let oi = setting.officeTable, let ot = rosters.tables[oi], let okc = ot.schema.key.flatMap(ot.schema.columnIndex) {
            for o in ot.rows where o.isEntity { lists[o.texts[okc]] = [o.texts[okc]] }
        }
        officeLists = lists
    }

    /// Offices of a row of a table, from its `office` declaration (record findings).
    func offices(ofRow texts: [String], cells: [Cell], table: Int, rosters: Rosters) -> [String] {
        guard let (col, isOffice, targets) = officeColumns[table] else { return [] }
        let text = texts[col]
        if text.isEmpty { return [] }
        if isOffice { return officeLists[text] ?? [text] }
        for ti in targets {
            guard cells[col].hasValue, let r = rosters.ids.row(of: cells[col].value, in: ti), let t = rosters.tables[ti] else { continue }
            return offices(ofRow: t.textRow(r), cells: t.values(r).cells, table: ti, rosters: rosters)
        }
        return []
    }

    /// Offices of an entity for a finding over a period.
    func offices(ofEntity row: Int, table: Int, period: DayRange?, rosters: Rosters) -> [String] {
        guard let t = rosters.tables[table] else { return [] }
        let r = t.rows[row]
        switch t.schema.office {
        case .column?:
            return offices(ofRow: t.textRow(row), cells: t.values(row).cells, table: table, rosters: rosters)
        case .assignments(let assignmentTable, let street)?:
            var out = Set<String>()
            if let ai = tableIndex[assignmentTable], let at = rosters.tables[ai], let keyCol = t.schema.key.flatMap(t.schema.columnIndex) {
                let key = r.cells[keyCol]
                for i in assignmentsByObject[ai]?[key.value] ?? [] {
                    let a = at.rows[i]
                    guard let active = a.active else { continue }
                    if let p = period, active.end < p.start || active.start > p.end { continue }
                    out.formUnion(offices(ofRow: at.textRow(i), cells: at.values(i).cells, table: ai, rosters: rosters))
                }
            }
            if out.isEmpty, let sc = t.schema.columnIndex(street), let ot = rosters.tables[officeTable],
               let okc = ot.schema.key.flatMap(ot.schema.columnIndex), r.cells[sc].hasValue {
                for i in officesByStreet[r.cells[sc].value] ?? [] { out.insert(ot.rows[i].texts[okc]) }
            }
            return out.sorted()
        case nil:
            return []
        }
    }
}
