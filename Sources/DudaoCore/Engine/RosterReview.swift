/// The review of the tables in memory: every row's data-quality checks (which rows are valid),
/// then which valid rows are the entities of their keys and when each is active.
struct RosterReview {
    let setting: RunSetting
    let compiler: PlanCompiler

    private var pack: Pack { setting.pack }

    /// Reviews the rosters in place; returns the data-quality findings of their rows, and
    /// adds to each table's account what became of its rows.
    func review(_ rosters: inout Rosters, decoders: [Int: RowDecoder], accounts: inout [Int: TableAccount]) -> [Finding] {
        var findings: [Finding] = []
        var checkers: [Int: RowChecker] = [:]
        for (i, t) in pack.tables.enumerated() where !t.isStreamed && decoders[i] != nil {
            checkers[i] = compiler.checker(i, rosters: &rosters)
        }
        for (i, t) in pack.tables.enumerated() where !t.isStreamed {
            guard let decoder = decoders[i], let checker = checkers[i] else { continue }
            check(i, decoder: decoder, checker: checker, rosters: &rosters, account: &accounts[i, default: TableAccount(table: t.name, file: t.file)],
                  into: &findings)
        }
        markEntities(&rosters)
        markIntervals(&rosters)
        return findings
    }

    private func check(_ ti: Int, decoder: RowDecoder, checker: RowChecker, rosters: inout Rosters, account: inout TableAccount,
                       into findings: inout [Finding]) {
        guard let table = rosters.tables[ti] else { return }
        let t = table.schema
        let plan = TablePlan(index: ti, setting: setting, rosters: rosters, memory: compiler.memory)
        let quality = RowQuality(plan: plan, builder: FindingBuilder(setting: setting, rosters: rosters))
        let dateCol = t.dateColumn.flatMap(t.columnIndex)
        let duplicates = plan.duplicateLog(decoder: decoder)
        var valid = [Bool](repeating: false, count: table.count)
        for r in 0..<table.count {
            let row = table.rows[r]
            if let dc = dateCol, row.cells[dc].hasValue, row.cells[dc].value > Int64(setting.asOf.rawValue) {
                account.afterAsOf += 1
                continue
            }
            var values = table.values(r)
            checker.check(&values)
            valid[r] = quality.check(&values, source: .stored(table, row: r), duplicates: duplicates, into: &findings)
            if valid[r] { account.counted += 1 } else { account.setAside += 1 }
        }
        for d in DuplicateLog.duplicates(in: [duplicates].compactMap { $0 }) {
            guard let r = table.row(atLine: Int(d.line)) else { continue }
            quality.addDuplicateFinding(table.values(r), texts: table.textRow(r), first: Int(d.first), into: &findings)
        }
        rosters.tables[ti]?.valid = valid
    }

    private func markEntities(_ rosters: inout Rosters) {
        for (ti, t) in pack.tables.enumerated() {
            guard let table = rosters.tables[ti], let kc = t.key.flatMap(t.columnIndex) else { continue }
            var isEntity = table.isEntity
            for r in 0..<table.count where table.isValid(r) {
                let key = table.rows[r].cells[kc]
                isEntity[r] = key.hasValue && rosters.ids.row(of: key.value, in: ti) == r
            }
            rosters.tables[ti]?.isEntity = isEntity
        }
    }

    /// Active intervals, of tables that depend on no other table's interval first.
    private func markIntervals(_ rosters: inout Rosters) {
        let order = pack.tables.indices.sorted { (pack.tables[$0].active?.within != nil ? 1 : 0) < (pack.tables[$1].active?.within != nil ? 1 : 0) }
        for ti in order {
            let t = pack.tables[ti]
            guard var table = rosters.tables[ti], let a = t.active,
                  let fc = t.columnIndex(a.from), let tc = t.columnIndex(a.to) else { continue }
            // Taken out while it changes, so its arrays have one owner and change in place.
            rosters.tables[ti] = nil
            let within = a.within.flatMap { w in t.columnIndex(w).map { ($0, t.column(w)?.references?.tables.compactMap { setting.tableIndex[$0] } ?? []) } }
            for r in 0..<table.count {
                guard table.isValid(r), t.key == nil || table.isEntity(r) else { continue }
                // Cells are read one by one (no row view holds the table while it changes).
                let from = table.cell(r, fc), to = table.cell(r, tc)
                var range = DayRange(start: from.hasValue ? Day(rawValue: Int32(from.value)) : Day(rawValue: Int32.min),
                                     end: to.hasValue ? Day(rawValue: Int32(to.value)) : Day(rawValue: Int32.max))
                if let (col, targets) = within {
                    let key = table.cell(r, col)
                    var outer: DayRange?
                    for target in targets {
                        guard let rr = rosters.ids.row(of: key.value, in: target), let other = rosters.tables[target] else { continue }
                        outer = other.isEntity(rr) ? other.active(rr) : nil
                    }
                    guard let o = outer else { continue }
                    range = DayRange(start: max(range.start, o.start), end: min(range.end, o.end))
                }
                if !range.isEmpty { table.setActive(r, range) }
            }
            rosters.tables[ti] = table
        }
    }
}
