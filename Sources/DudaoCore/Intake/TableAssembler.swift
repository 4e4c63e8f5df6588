import DudaoTable
import DudaoXLSX

/// Reads the parts of one table, in order, into one canonical CSV: the pack's columns in the
/// pack's order under their own names, each part's header found among its first rows
/// (`ColumnNames`), local values mapped (`dataset.yaml` `values:`), Excel serial dates and
/// dates with a time of day written as days. `RowOrigins` keeps where each row came from.
struct TableAssembler {
    let schema: TableSchema
    let names: ColumnNames
    /// Per column of the schema, local value → the pack's value.
    let values: [[String: String]]
    let reader: PartReader

    init(schema: TableSchema, manifest: DatasetManifest.Table?, reader: PartReader) {
        self.schema = schema
        names = ColumnNames(schema: schema, manifest: manifest)
        values = schema.columns.map { manifest?.values[$0.name] ?? [:] }
        self.reader = reader
    }

    /// The table as one CSV file, and where its rows came from.
    func assemble(_ parts: [TablePart]) throws(RunError) -> (file: TableFile, origins: RowOrigins) {
        let spool = try CSVSpool()
        try spool.writeRow(schema.columns.map(\.name))
        var origins = RowOrigins()
        for part in parts {
            origins.begin(.init(file: part.file, sheet: part.sheet))
            try read(part, into: spool, origins: &origins)
        }
        return (try spool.finish(name: reader.folder + "/" + schema.file), origins)
    }

    private func read(_ part: TablePart, into spool: CSVSpool, origins: inout RowOrigins) throws(RunError) {
        var header: [Int?]?
        var searched = 0
        var closest: (row: Int, missing: [String])?
        let isDate = schema.columns.map { $0.type == .date }
        try reader.forEachRow(part) { (row, date1904) throws(RunError) in
            guard let cells = header else {
                let match = names.match(row.texts)
                if match.isComplete {
                    if let r = match.repeated {
                        throw .intake(.repeatedColumn(place: reader.folder + "/" + part.shown, row: row.number,
                                                      column: r.column, first: r.first, second: r.second))
                    }
                    header = match.cells
                    return
                }
                if match.missing.count < (closest?.missing.count ?? Int.max) { closest = (row.number, match.missing) }
                searched += 1
                if searched >= IntakeError.headerSearchRows { throw noHeader(part, closest) }
                return
            }
            var fields: [String] = []
            fields.reserveCapacity(cells.count)
            for (c, cell) in cells.enumerated() {
                var text = row.text(cell)
                if let mapped = values[c][text] { text = mapped }
                if isDate[c] {
                    if row.isNumeric(cell), let serial = Double(text), let iso = XLSXDate.iso(serial: serial, date1904: date1904) {
                        text = iso
                    } else {
                        text = DateText.droppingTime(text)
                    }
                }
                fields.append(text)
            }
            guard fields.contains(where: { !$0.isEmpty }) else { return }
            origins.add(line: spool.line, row: row.number)
            try spool.writeRow(fields)
        }
        if header == nil { throw noHeader(part, closest) }
    }

    private func noHeader(_ part: TablePart, _ closest: (row: Int, missing: [String])?) -> RunError {
        let expected = schema.columns.map(\.name)
        return .intake(.noHeader(place: reader.folder + "/" + part.shown, table: schema.title, closestRow: closest?.row,
                                 missing: closest?.missing ?? expected, expected: expected))
    }
}
