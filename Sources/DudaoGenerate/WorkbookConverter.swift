import DudaoTable
import DudaoXLSX
import Foundation

/// Rewrites a generated CSV table as a workbook of one sheet (`dudao generate --format xlsx`),
/// row for row, so that row N of the sheet is line N of the CSV and an audit finds the same.
///
/// It streams: the CSV is mapped and read a row at a time, its pages given back as it goes,
/// and the rows are encoded into an `XLSXRowSpool` (an unlinked file), so memory does not grow
/// with the number of rows. A field of a date column that reads as a date becomes a date cell
/// (as a ledger kept in Excel has them); every other field, malformed dates included, is a
/// text cell with the CSV's text.
enum WorkbookConverter {
    /// Converts `csv` into a new workbook at `workbook` with the sheet `sheet`.
    static func convert(csv: String, to workbook: String, sheet: String, dateColumns: Set<String>) throws(GeneratorError) {
        let file: TableFile
        do { file = try TableFile(path: csv, assumeUTF8: true) } catch { throw .cannotConvert(file: csv, detail: error.message(english: true)) }
        let spool: XLSXRowSpool
        do {
            spool = try XLSXRowSpool(folder: (workbook as NSString).deletingLastPathComponent)
        } catch {
            throw .cannotConvert(file: workbook, detail: "\(error)")
        }
        do throws(CSVError) {
            try file.withBytes { (bytes: UnsafeRawBufferPointer) throws(CSVError) in
                var scanner = CSVScanner(bytes: bytes)
                var row = CSVRow()
                var dated: [Bool] = []
                var released = 0, written = 0
                while try scanner.next(&row) {
                    // A row spanning lines (a quoted line break) keeps the next row on its line.
                    while written + 1 < row.line {
                        spool.append([])
                        written += 1
                    }
                    written += 1
                    if dated.isEmpty {
                        dated = (0..<row.count).map { dateColumns.contains(row.string($0)) }
                        spool.append((0..<row.count).map { .text(row.string($0)) })
                        continue
                    }
                    var cells: [XLSXWriter.Cell] = []
                    cells.reserveCapacity(row.count)
                    for i in 0..<row.count {
                        let field = row.field(i)
                        if i < dated.count, dated[i], let day = ValueParser.day(field) {
                            cells.append(.date(day))
                        } else {
                            cells.append(field.isEmpty ? .empty : .text(String(decoding: field, as: UTF8.self)))
                        }
                    }
                    spool.append(cells)
                    if scanner.position.offset - released >= 64 << 20 {
                        file.releasePages(released..<scanner.position.offset)
                        released = scanner.position.offset
                    }
                }
            }
        } catch {
            throw .cannotConvert(file: csv, detail: "\(error)")
        }
        do {
            try XLSXWriter(sheets: [XLSXWriter.Sheet(name: sheet, spool: spool)]).write(to: workbook)
        } catch {
            throw .cannotConvert(file: workbook, detail: "\(error)")
        }
    }
}
