/// Reading the tables: rosters and assignments into memory, ledgers streamed once.
extension AuditRun {
    func loadTables() throws(RunError) {
        let layouts = inspectLedgers()
        var decoders: [Int: RowDecoder] = [:]
        ctx.ids.keyRows = Array(repeating: [], count: pack.tables.count)
        for (i, t) in pack.tables.enumerated() where !t.isStreamed {
            decoders[i] = try loadMaterialized(i)
        }
        for (i, t) in pack.tables.enumerated() where !t.isStreamed {
            if let decoder = decoders[i] { checkMaterialized(i, decoder: decoder, checker: makeChecker(i)) }
        }
        markEntitiesAndIntervals()
        buildAggregators()
        for (i, t) in pack.tables.enumerated() where t.isStreamed {
            try stream(i, layout: layouts[i]!.wait())
        }
        feedMaterialized()
    }

    // MARK: opening

    func withRows(_ ti: Int, intern: Bool,
                  _ body: (inout CSVScanner, inout CSVRow, RowDecoder) throws(CSVError) -> Void) throws(RunError) -> RowDecoder {
        let t = pack.tables[ti]
        let file = try dataset.open(t)
        let shown = dataset.location + "/" + t.file
        return try file.withBytes { (bytes) throws(RunError) -> RowDecoder in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            let header = try readHeader(&scanner, &row, file: shown)
            try checkColumns(header, ti, file: shown)
            let decoder = makeDecoder(ti, header: header, intern: intern)
            do throws(CSVError) {
                try body(&scanner, &row, decoder)
            } catch {
                try dataset.checkUnchanged(file)
                throw csvError(error, file: shown)
            }
            try dataset.checkUnchanged(file)
            return decoder
        }
    }

    /// The header row (an empty file has an empty header).
    func readHeader(_ scanner: inout CSVScanner, _ row: inout CSVRow, file: String) throws(RunError) -> HeaderIndex {
        do throws(CSVError) {
            return try scanner.next(&row) ? HeaderIndex(row: row) : HeaderIndex(names: [])
        } catch {
            throw csvError(error, file: file)
        }
    }

    /// A column the pack declares and the file lacks stops the run, naming all it expects.
    func checkColumns(_ header: HeaderIndex, _ ti: Int, file: String) throws(RunError) {
        let expected = pack.tables[ti].columns.map(\.name)
        let missing = header.missing(expected)
        if !missing.isEmpty { throw .missingColumns(file: file, missing: missing, expected: expected) }
    }

    func csvError(_ e: CSVError, file: String) -> RunError { .malformedCSV(e, file: file, english: english) }

    func makeDecoder(_ ti: Int, header: HeaderIndex, intern: Bool) -> RowDecoder {
        let t = pack.tables[ti]
        var columns: [RowDecoder.Column] = []
        let compared = comparedColumns(ti)
        for c in t.columns {
            // Keys, references and compared values need codes, and so do a roster's ids (others
            // may reference them); other texts (names, notes, a ledger's 记录编号) only need to be
            // known empty or not.
            let coded = c.references != nil || compared.contains(c.name) || c.name == t.key || (intern && c.type == .id)
            var col = RowDecoder.Column(
                header: header.column(c.name) ?? -1, type: c.type, defaultCell: nil,
                codes: !coded ? .presence : intern ? .intern : .lookup)
            if let d = c.defaultValue { col.defaultCell = RowDecoder.parse(text: d, col, enumValues: c.values, ids: &ctx.ids) }
            columns.append(col)
        }
        return RowDecoder(table: t, tableIndex: ti, columns: columns, enumBytes: t.columns.map { $0.values.map { Array($0.utf8) } })
    }

    /// The row checks of a table; needs the rosters' keys, so it is made after they load.
    func makeChecker(_ ti: Int) -> RowChecker {
        let t = pack.tables[ti]
        var columns: [RowChecker.Column] = []
        for c in t.columns {
            let targets = c.references?.tables.compactMap { tableIndex[$0] } ?? []
            let known = compiler.membership(targets, ctx: ctx)
            columns.append(RowChecker.Column(
                optional: c.optional, requiredWhen: c.requiredWhen.map { compiler.compile($0, row: t, ctx: ctx) },
                known: compiler.store.copy(known), knownCount: known.count,
                referenceWhen: c.references?.when.map { compiler.compile($0, row: t, ctx: ctx) },
                referenceInvalidates: c.references?.invalidatesRow ?? true, hasReference: c.references != nil))
        }
        var checks: [(when: Predicate?, require: Predicate, field: Int)] = []
        for check in t.checks {
            guard let field = Self.fields(of: check.require).first.flatMap(t.columnIndex) else { continue }
            checks.append((check.when.map { compiler.compile($0, row: t, ctx: ctx) }, compiler.compile(check.require, row: t, ctx: ctx), field))
        }
        return RowChecker(columns: columns, checks: checks)
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

    static func fields(of c: Condition) -> [String] {
        switch c {
        case .all(let parts), .any(let parts): parts.flatMap(fields(of:))
        case .not(let p): fields(of: p)
        case .compare(let f, _, .lookup(_, let by, _, _), _): [f, by]
        case .compare(let f, _, _, _), .oneOf(let f, _, _, _), .isEmpty(let f, _, _), .inTable(let f, _, _): [f]
        }
    }

    /// Columns of a streamed table whose values some condition or check compares, so their
    /// cells need codes; other text cells only need to be known empty or not.
    private func comparedColumns(_ ti: Int) -> Set<String> {
        let t = pack.tables[ti]
        var conditions: [Condition] = t.checks.flatMap { [$0.when, $0.require].compactMap { $0 } }
        conditions += t.columns.flatMap { [$0.requiredWhen, $0.references?.when].compactMap { $0 } }
        var out = Set<String>()
        for r in pack.rules {
            var selection: SubjectSelection?
            switch r.kind {
            case .count(let c):
                if c.table == t.name { conditions.append(c.filter) }
                selection = c.subjects
                if c.subjects.tables.contains(t.name) { out.formUnion(Self.subjectColumns(in: c.filter)) }
            case .deadline(let d):
                if d.table == t.name { conditions.append(d.filter) }
                selection = d.subjects
                if d.subjects.tables.contains(t.name) { out.formUnion(Self.subjectColumns(in: d.filter)) }
            case .eachRecord(let e):
                if e.table == t.name { conditions += [e.filter, e.require].compactMap { $0 } }
            }
            if let s = selection, s.tables.contains(t.name), let f = s.filter { conditions.append(f) }
            if let a = selection?.assignments, a.table == t.name, let f = a.filter { conditions.append(f) }
        }
        out.formUnion(conditions.flatMap(Self.fields(of:)))
        out.formUnion(t.consistency?.same ?? [])
        if let d = t.dateColumn { out.insert(d) }
        return out
    }

    // MARK: materialized tables

    /// Loads a table into memory and, for a table with a key, the first row of each key.
    private func loadMaterialized(_ ti: Int) throws(RunError) -> RowDecoder {
        let t = pack.tables[ti]
        let table = MaterializedTable(schema: t)
        let keyCol = t.key.flatMap(t.columnIndex)
        // By key code; the codes of a table's keys are given as it loads, so this grows at its end.
        var firsts: [Int32] = []
        let decoder = try withRows(ti, intern: true) { (scanner, row, decoder) throws(CSVError) in
            var values = RowValues(columns: t.columns.count)
            let fields = decoder.columns.map(\.header)
            while try scanner.next(&row) {
                if row.isBlank { continue }
                decoder.decode(row, into: &values, ids: &ctx.ids)
                if let k = keyCol, values.cells[k].hasValue {
                    let code = Int(values.cells[k].value)
                    if code >= firsts.count { firsts.append(contentsOf: repeatElement(-1, count: code + 1 - firsts.count)) }
                    if firsts[code] < 0 { firsts[code] = Int32(table.count) }
                }
                table.append(cells: values.cells, texts: row, fields: fields, line: row.line)
            }
        }
        ctx.ids.keyRows[ti] = firsts
        ctx.tables[ti] = table
        return decoder
    }

    private func checkMaterialized(_ ti: Int, decoder: RowDecoder, checker: RowChecker) {
        guard let table = ctx.tables[ti] else { return }
        let t = table.schema
        let plan = TablePlan(index: ti, pack: pack, tableIndex: tableIndex, calendar: calendar, ctx: ctx, store: compiler.store)
        let dateCol = t.dateColumn.flatMap(t.columnIndex)
        let duplicates = plan.duplicateLog(decoder: decoder)
        for r in 0..<table.count {
            let row = table.rows[r]
            if let dc = dateCol, row.cells[dc].hasValue, row.cells[dc].value > Int64(asOf.rawValue) { continue }
            var values = table.values(r)
            checker.check(&values)
            table.valid[r] = qualityChecks(plan, &values, source: .stored(table, row: r), duplicates: duplicates, into: &findings)
        }
        for d in DuplicateLog.duplicates(in: [duplicates].compactMap { $0 }) {
            guard let r = table.row(atLine: Int(d.line)) else { continue }
            addDuplicateFinding(plan, table.values(r), texts: table.textRow(r), first: Int(d.first), into: &findings)
        }
    }

    private func markEntitiesAndIntervals() {
        for (ti, t) in pack.tables.enumerated() {
            guard let table = ctx.tables[ti], let kc = t.key.flatMap(t.columnIndex) else { continue }
            for r in 0..<table.count where table.valid[r] {
                let key = table.rows[r].cells[kc]
                table.isEntity[r] = key.hasValue && ctx.ids.row(of: key.value, in: ti) == r
            }
        }
        // Intervals of tables that depend on no other table's interval first.
        let order = pack.tables.indices.sorted { (pack.tables[$0].active?.within != nil ? 1 : 0) < (pack.tables[$1].active?.within != nil ? 1 : 0) }
        for ti in order {
            let t = pack.tables[ti]
            guard let table = ctx.tables[ti], let a = t.active,
                  let fc = t.columnIndex(a.from), let tc = t.columnIndex(a.to) else { continue }
            let within = a.within.flatMap { w in t.columnIndex(w).map { ($0, t.column(w)?.references?.tables.compactMap { tableIndex[$0] } ?? []) } }
            for r in 0..<table.count {
                let row = table.rows[r]
                guard row.valid, t.key == nil || row.isEntity else { continue }
                var range = DayRange(start: row.cells[fc].hasValue ? Day(rawValue: Int32(row.cells[fc].value)) : Day(rawValue: Int32.min),
                                     end: row.cells[tc].hasValue ? Day(rawValue: Int32(row.cells[tc].value)) : Day(rawValue: Int32.max))
                if let (col, targets) = within {
                    var outer: DayRange?
                    for target in targets {
                        guard let rr = ctx.ids.row(of: row.cells[col].value, in: target), let other = ctx.tables[target]?.rows[rr] else { continue }
                        outer = other.isEntity ? other.active : nil
                    }
                    guard let o = outer else { continue }
                    range = DayRange(start: max(range.start, o.start), end: min(range.end, o.end))
                }
                if !range.isEmpty { table.setActive(r, range) }
            }
        }
    }

    /// Rules over materialized tables (assignments) and record rules on them.
    private func feedMaterialized() {
        for (ti, t) in pack.tables.enumerated() where !t.isStreamed {
            guard let table = ctx.tables[ti] else { continue }
            let myCounts = counts.filter { $0.table == ti }
            let myDeadlines = deadlines.filter { $0.table == ti }
            let myJudges = judges.filter { $0.table == ti }
            if myCounts.isEmpty && myDeadlines.isEmpty && myJudges.isEmpty { continue }
            for row in table.rows where row.valid {
                let values = table.values(row.index)
                values.withCells { cells in
                    for c in myCounts where t.dateColumn != nil || row.active != nil {
                        c.feed(cells, line: row.line, active: row.active)
                    }
                    for d in myDeadlines { d.feed(cells, line: row.line) }
                    for j in myJudges where j.violates(cells) {
                        recordRuleFinding(j, values, table: ti, texts: table.textRow(row.index), into: &findings)
                    }
                }
            }
        }
    }
}
