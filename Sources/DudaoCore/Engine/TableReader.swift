
/// Opening a table file: its header, the columns the pack expects of it, and a decoder for its
/// rows. Shared by the load stage (tables kept in memory) and the scan stage (ledgers).
struct TableReader: Sendable {
    let setting: RunSetting
    let dataset: Dataset

    var pack: Pack { setting.pack }

    /// How the file of table `ti` is named in messages.
    func shown(_ ti: Int) -> String { dataset.location + "/" + pack.tables[ti].file }

    /// Opens table `ti`, checks its header and hands its rows to `body`.
    func withRows(_ ti: Int, intern: Bool, ids: inout IdSpace,
                  _ body: (inout CSVScanner, inout CSVRow, RowDecoder, inout IdSpace) throws(CSVError) -> Void) throws(RunError) -> RowDecoder {
        let file = try dataset.open(pack.tables[ti])
        let shown = shown(ti)
        return try file.withBytes { (bytes) throws(RunError) -> RowDecoder in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            let header = try readHeader(&scanner, &row, file: shown)
            try checkColumns(header, ti, file: shown)
            let decoder = makeDecoder(ti, header: header, intern: intern, ids: &ids)
            do throws(CSVError) {
                try body(&scanner, &row, decoder, &ids)
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

    func csvError(_ e: CSVError, file: String) -> RunError { .malformedCSV(e, file: file, english: setting.english) }

    func makeDecoder(_ ti: Int, header: HeaderIndex, intern: Bool, ids: inout IdSpace) -> RowDecoder {
        let t = pack.tables[ti]
        var columns: [RowDecoder.Column] = []
        let compared = Self.comparedColumns(ti, pack: pack)
        for c in t.columns {
            // Keys, references and compared values need codes, and so do a roster's ids (others
            // may reference them); other texts (names, notes, a ledger's 记录编号) only need to be
            // known empty or not.
            let coded = c.references != nil || compared.contains(c.name) || c.name == t.key || (intern && c.type == .id)
            var col = RowDecoder.Column(
                header: header.column(c.name) ?? -1, type: c.type, defaultCell: nil,
                codes: !coded ? .presence : intern ? .intern : .lookup)
            if let d = c.defaultValue { col.defaultCell = RowDecoder.parse(text: d, col, enumValues: c.values, ids: &ids) }
            columns.append(col)
        }
        return RowDecoder(table: t, tableIndex: ti, columns: columns, enumBytes: t.columns.map { $0.values.map { Array($0.utf8) } })
    }

    /// The columns a condition names.
    static func fields(of c: Condition) -> [String] {
        switch c {
        case .all(let parts), .any(let parts): parts.flatMap(fields(of:))
        case .not(let p): fields(of: p)
        case .compare(let f, _, .lookup(_, let by, _, _), _): [f, by]
        case .compare(let f, _, _, _), .oneOf(let f, _, _, _), .isEmpty(let f, _, _), .inTable(let f, _, _): [f]
        }
    }

    /// Columns of table `ti` whose values some condition or check compares, so their cells
    /// need codes; other text cells only need to be known empty or not.
    static func comparedColumns(_ ti: Int, pack: Pack) -> Set<String> {
        let t = pack.tables[ti]
        var conditions: [Condition] = t.checks.flatMap { [$0.when, $0.require].compactMap { $0 } }
        conditions += t.columns.flatMap { [$0.requiredWhen, $0.references?.when].compactMap { $0 } }
        var out = Set<String>()
        for r in pack.rules {
            let uses = r.kind.requirement.uses(table: t.name)
            conditions += uses.conditions
            out.formUnion(uses.columns)
        }
        out.formUnion(conditions.flatMap(Self.fields(of:)))
        out.formUnion(t.consistency?.same ?? [])
        // Statistics group by, count distinct and sum values, and filter on them.
        for s in pack.statistics where s.table == t.name {
            out.formUnion(s.groups.map(\.column))
            out.formUnion(s.measures.compactMap(\.column))
            if let f = s.filter { out.formUnion(Self.fields(of: f)) }
        }
        if let d = t.dateColumn { out.insert(d) }
        return out
    }
}
