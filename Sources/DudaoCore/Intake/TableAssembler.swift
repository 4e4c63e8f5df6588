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
            let mark = (spool: spool.mark, origins: origins.count)
            var rows = Rows(assembler: self, part: part)
            try reader.forEachRow(part, rewind: { () throws(RunError) in
                try spool.rewind(to: mark.spool)
                origins.rewind(to: mark.origins)
                rows = Rows(assembler: self, part: part)
            }, { (row, date1904) throws(RunError) in
                try rows.take(row, date1904: date1904, spool: spool, origins: &origins)
            })
            if rows.header == nil { throw rows.noHeader() }
        }
        return (try spool.finish(name: reader.folder + "/" + schema.file), origins)
    }

    /// The reading of one part: its header found, then each row written in the pack's order.
    private struct Rows {
        let assembler: TableAssembler
        let part: TablePart
        /// For each column of the schema, the cell that holds it, once the header is found.
        var header: [Int?]?
        private var searched = 0
        private var closest: (row: Int, missing: [String])?
        private let isDate: [Bool]
        private var fields: [UInt8] = []
        private var ends: [Int] = []

        init(assembler: TableAssembler, part: TablePart) {
            self.assembler = assembler
            self.part = part
            isDate = assembler.schema.columns.map { $0.type == .date }
        }

        mutating func take(_ row: PartRow, date1904: Bool, spool: CSVSpool, origins: inout RowOrigins) throws(RunError) {
            guard let cells = header else { return try findHeader(row) }
            fields.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            for (c, cell) in cells.enumerated() {
                let mapped = assembler.values[c].isEmpty ? nil : assembler.values[c][row.text(cell)]
                if let mapped {
                    append(mapped, isDate: isDate[c], numeric: row.isNumeric(cell), date1904: date1904)
                } else {
                    row.withBytes(cell) { append($0, isDate: isDate[c], numeric: row.isNumeric(cell), date1904: date1904) }
                }
                ends.append(fields.count)
            }
            guard !fields.isEmpty else { return }
            origins.add(line: spool.line, row: row.number)
            try spool.writeRow(bytes: fields, ends: ends)
        }

        private mutating func append(_ text: String, isDate: Bool, numeric: Bool, date1904: Bool) {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0), isDate: isDate, numeric: numeric, date1904: date1904) }
        }

        /// Appends a cell's text; in a date column an Excel serial becomes its day and a time
        /// of day after a date is dropped.
        private mutating func append(_ text: UnsafeRawBufferPointer, isDate: Bool, numeric: Bool, date1904: Bool) {
            guard isDate else { return fields.append(contentsOf: text) }
            if numeric, let serial = Double(String(decoding: text, as: UTF8.self)),
               let iso = XLSXDate.iso(serial: serial, date1904: date1904) {
                fields.append(contentsOf: iso.utf8)
            } else if let length = DateText.dateLength(text) {
                fields.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[..<length]))
            } else {
                fields.append(contentsOf: text)
            }
        }

        private mutating func findHeader(_ row: PartRow) throws(RunError) {
            let match = assembler.names.match(row.texts)
            if match.isComplete {
                if let r = match.repeated {
                    throw .intake(.repeatedColumn(place: assembler.reader.folder + "/" + part.shown, row: row.number,
                                                  column: r.column, first: r.first, second: r.second))
                }
                header = match.cells
                return
            }
            if match.missing.count < (closest?.missing.count ?? Int.max) { closest = (row.number, match.missing) }
            searched += 1
            if searched >= IntakeError.headerSearchRows { throw noHeader() }
        }

        func noHeader() -> RunError {
            let expected = assembler.schema.columns.map(\.name)
            return .intake(.noHeader(place: assembler.reader.folder + "/" + part.shown, table: assembler.schema.title,
                                     closestRow: closest?.row, missing: closest?.missing ?? expected, expected: expected))
        }
    }
}
