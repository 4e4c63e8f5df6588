/// The load stage: every table that is not streamed (rosters, assignments) read into memory,
/// with each key's first row, into one code space.
struct TableLoader {
    let reader: TableReader

    /// The tables in memory, the decoder each was read with, and each one's account of rows
    /// read and long quoted fields (the review adds what became of the rows).
    func load() throws(RunError) -> (rosters: Rosters, decoders: [Int: RowDecoder], accounts: [Int: TableAccount]) {
        let pack = reader.pack
        var rosters = Rosters(ids: IdSpace(), tables: Array(repeating: nil, count: pack.tables.count))
        rosters.ids.keyRows = Array(repeating: [], count: pack.tables.count)
        var decoders: [Int: RowDecoder] = [:]
        var accounts: [Int: TableAccount] = [:]
        for (i, t) in pack.tables.enumerated() where !t.isStreamed {
            var account = TableAccount(table: t.name, file: t.file)
            decoders[i] = try load(i, into: &rosters, account: &account)
            accounts[i] = account
        }
        return (rosters, decoders, accounts)
    }

    /// Loads a table into memory and, for a table with a key, the first row of each key.
    private func load(_ ti: Int, into rosters: inout Rosters, account: inout TableAccount) throws(RunError) -> RowDecoder {
        let t = reader.pack.tables[ti]
        var table = MaterializedTable(schema: t)
        let keyCol = t.key.flatMap(t.columnIndex)
        // By key code; the codes of a table's keys are given as it loads, so this grows at its end.
        var firsts: [Int32] = []
        let decoder = try reader.withRows(ti, intern: true, ids: &rosters.ids) { (scanner, row, decoder, ids) throws(CSVError) in
            var values = RowValues(columns: t.columns.count)
            let fields = decoder.columns.map(\.header)
            let watch = LongFieldWatch(decoder: decoder)
            while try scanner.next(&row) {
                if row.isBlank { continue }
                account.read += 1
                if let note = watch.check(row, nextLine: scanner.position.line) { account.note(note) }
                decoder.decode(row, into: &values, ids: &ids)
                if let k = keyCol, values.cells[k].hasValue {
                    let code = Int(values.cells[k].value)
                    if code >= firsts.count { firsts.append(contentsOf: repeatElement(-1, count: code + 1 - firsts.count)) }
                    if firsts[code] < 0 { firsts[code] = Int32(table.count) }
                }
                table.append(cells: values.cells, texts: row, fields: fields, line: row.line)
            }
        }
        table.shrinkToFit()
        rosters.ids.keyRows[ti] = firsts.exactlySized()
        rosters.tables[ti] = table
        return decoder
    }
}
