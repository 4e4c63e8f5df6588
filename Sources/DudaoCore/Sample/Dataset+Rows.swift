/// Reading a table's rows outside an audit run (the spot-check list and its rosters).
extension Dataset {
    /// Opens table `t`, reads its header (the `required` columns must head one) and hands the
    /// file, the header and the scanner, placed at the first row, to `body`. A file that cannot
    /// be split into rows or lacks a required column becomes the `RunError` that names it.
    func withRows(of t: TableSchema, required: [String], english: Bool,
                  _ body: (TableFile, HeaderIndex, inout CSVScanner, inout CSVRow) throws -> Void) throws(RunError) {
        let shown = location + "/" + t.file
        let file = try open(t)
        try file.withBytes { (bytes) throws(RunError) in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            do {
                guard try scanner.next(&row) else { return }
                let header = try HeaderIndex(row: row)
                let missing = header.missing(required)
                if !missing.isEmpty { throw RunError.missingColumns(file: shown, missing: missing, expected: t.columns.map(\.name)) }
                try body(file, header, &scanner, &row)
                try checkUnchanged(file)
            } catch let e as CSVError {
                try checkUnchanged(file)
                throw .malformedCSV(e, file: shown, english: english)
            } catch let e as RunError {
                throw e
            } catch {
                throw .unreadableFile(file: shown, detail: "\(error)")
            }
        }
    }
}
