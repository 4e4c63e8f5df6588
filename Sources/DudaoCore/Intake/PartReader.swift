import DudaoTable
import DudaoXLSX
import Foundation

/// Reads the rows of one part, a CSV file (UTF-8 or GB18030) or a workbook's sheet, one at a
/// time, blank rows left out; every error names the part.
struct PartReader {
    let folder: String
    let workbooks: WorkbookCache
    let english: Bool

    /// Calls `body` with each non-blank row of `part`; `date1904` is the workbook's date
    /// system (false for a CSV). A sheet is read in one pass; if it turns out to have merged
    /// ranges (listed after its rows), `rewind` is called and the rows come again, filled.
    func forEachRow(_ part: TablePart, rewind: () throws(RunError) -> Void,
                    _ body: (PartRow, _ date1904: Bool) throws(RunError) -> Void) throws(RunError) {
        switch part.format {
        case .csv: try csvRows(part, body)
        case .xlsx: try sheetRows(part, rewind: rewind, body)
        case .legacy: throw .intake(.workbook(.legacyFormat(file: part.file)))
        }
    }

    private func csvRows(_ part: TablePart, _ body: (PartRow, Bool) throws(RunError) -> Void) throws(RunError) {
        let shown = folder + "/" + part.file
        let file: TableFile
        do {
            file = try TableFile(path: shown, within: folder)
        } catch {
            throw .tableFile(error)
        }
        try file.withBytes { (bytes) throws(RunError) in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            var part = PartRow()
            while true {
                do throws(CSVError) {
                    guard try scanner.next(&row) else { break }
                } catch {
                    throw .malformedCSV(error, file: shown, english: english)
                }
                if row.isBlank { continue }
                part.reset(number: row.line)
                for i in 0..<row.count { part.append(row.field(i), isNumber: false) }
                try body(part, false)
            }
            do throws(TableFileError) { try file.checkUnchanged() } catch { throw .tableFile(error) }
        }
    }

    private func sheetRows(_ part: TablePart, rewind: () throws(RunError) -> Void,
                           _ body: (PartRow, Bool) throws(RunError) -> Void) throws(RunError) {
        do {
            let workbook = try workbooks.workbook(part.file)
            let sheet = try workbook.sheet(named: part.sheet ?? "")
            let date1904 = workbook.date1904
            var cells = PartRow()
            try workbook.forEachRow(sheet: sheet, rewind: { try rewind() }) { row in
                cells.reset(number: row.number)
                row.forEachCell { text, kind in cells.append(text, isNumber: kind == .number) }
                try body(cells, date1904)
            }
        } catch let e as RunError {
            throw e
        } catch let e as IntakeError {
            throw .intake(e)
        } catch let e as XLSXError {
            throw .intake(.workbook(e))
        } catch {
            throw .unreadableFile(file: folder + "/" + part.file, detail: "\(error)")
        }
    }
}
