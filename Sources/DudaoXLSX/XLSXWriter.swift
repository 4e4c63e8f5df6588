import DudaoTable
import Foundation
import ZIPFoundation

/// Writes an `.xlsx` workbook: sheets of text, number and date cells, with a bold frozen
/// header row, an auto-filter, column widths sized to the content, merged ranges, drop-down
/// lists (inline or from a lookup sheet), whole columns formatted as dates and either date system.
///
/// Sheets given as rows are built in memory with their texts in one shared-strings table;
/// a sheet too long to hold (a generated ledger) is streamed into an `XLSXRowSpool` first and
/// written with inline strings. Dates are serial numbers in the `yyyy-mm-dd` format, so Excel
/// shows and `XLSXWorkbook` reads them as dates. Text cells that a spreadsheet would run as a
/// formula get a leading `'` (`FormulaGuard`, REPORTS section 5) unless `guardsFormulas` is off.
/// The bytes depend only on the content: every zip entry carries the same fixed time.
public struct XLSXWriter {
    /// One cell's value.
    public enum Cell: Equatable, Sendable {
        case empty
        case text(String)
        case number(Double)
        case date(Day)
    }

    /// A drop-down list on a range of one column: Excel offers the source's values and refuses others.
    public struct ListValidation: Equatable, Sendable {
        /// Where the offered values are.
        public enum Source: Equatable, Sendable {
            /// Written into the validation itself (at most 255 characters in all).
            case values([String])
            /// Cells of one column of a sheet of the same workbook (a lookup sheet), for longer lists.
            case cells(sheet: String, column: Int, rows: ClosedRange<Int>)
        }

        public var column: Int
        public var rows: ClosedRange<Int>
        public var source: Source

        public init(column: Int, rows: ClosedRange<Int>, values: [String]) {
            self.init(column: column, rows: rows, source: .values(values))
        }

        public init(column: Int, rows: ClosedRange<Int>, source: Source) {
            self.column = column
            self.rows = rows
            self.source = source
        }
    }

    /// A sheet: its tab name, rows (row 1 first; a row's cells from column A) and layout.
    public struct Sheet {
        public var name: String
        public var rows: [[Cell]]
        /// Rows already written to a file (a long sheet); when set, `rows` is not used.
        public var spool: XLSXRowSpool?
        /// Rows kept in view while scrolling (1 freezes a header row); they are set in bold.
        public var frozenRows = 0
        /// An auto-filter over the columns, from the last frozen row (or row 1) to the last row.
        public var autoFilter = false
        /// Widths in characters, from column A; columns past the list are sized to their content.
        public var columnWidths: [Double] = []
        /// Whole columns formatted as dates (a template's date columns, from column A = 0): what
        /// is typed into them later is a date cell. Header rows keep their bold style.
        public var dateColumns: [Int] = []
        /// Merged ranges, as `A1:A3`.
        public var merges: [String] = []
        public var validations: [ListValidation] = []

        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }

        /// A sheet whose rows were streamed into `spool`; its frozen rows are the spool's header rows.
        public init(name: String, spool: XLSXRowSpool) {
            self.name = name
            rows = []
            self.spool = spool
            frozenRows = spool.headerRows
        }
    }

    /// Why a workbook could not be written.
    public enum Failure: Error, Equatable {
        /// A sheet name Excel refuses: empty, longer than 31 characters, with one of `[]:*?/\`,
        /// or the same as another (ignoring case).
        case invalidSheetName(String)
        /// A drop-down list longer than Excel's 255 characters.
        case listTooLong(column: Int)
        /// A drop-down list or its range outside Excel's rows and columns, or on a sheet the
        /// workbook does not have.
        case invalidList(sheet: String, column: Int)
        /// A spooled sheet was written with the other date system than the workbook's.
        case dateSystemMismatch(sheet: String)
        /// Something is already at the path; it was left as it was.
        case exists(path: String)
        case unwritable(path: String, detail: String)
    }

    public var sheets: [Sheet]
    /// The 1904 date system rather than the 1900 one.
    public var date1904 = false
    /// Text cells that begin like a formula get a leading `'`.
    public var guardsFormulas = true

    public init(sheets: [Sheet], date1904: Bool = false, guardsFormulas: Bool = true) {
        self.sheets = sheets
        self.date1904 = date1904
        self.guardsFormulas = guardsFormulas
    }

    /// Whether Excel accepts `name` as a sheet's name.
    public static func isValidSheetName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }
            && !name.hasPrefix("'") && !name.hasSuffix("'")
    }

    /// Whether `values` fit in a drop-down list written inline (Excel's 255 characters).
    public static func fitsInline(_ values: [String]) -> Bool {
        WorksheetEncoder.listFormula(values).count <= 257
    }

    /// Writes the workbook to `path`, which must not exist yet (not even as a dangling link).
    /// On failure nothing is left at `path`.
    public func write(to path: String) throws(Failure) {
        try validate()
        var st = stat()
        guard lstat(path, &st) != 0 else { throw .exists(path: path) }
        let archive: Archive
        do {
            // ZIPFoundation creates the file without overwriting (O_EXCL): a file that appeared
            // since the check above stays as it is.
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        } catch {
            throw lstat(path, &st) == 0 ? .exists(path: path) : .unwritable(path: path, detail: "\(error)")
        }
        do {
            try fill(archive)
        } catch {
            unlink(path)
            throw .unwritable(path: path, detail: "\(error)")
        }
    }

    /// The workbook's bytes (for a report that goes through an output target).
    public func data() throws(Failure) -> Data {
        try validate()
        do {
            let archive = try Archive(accessMode: .create)
            try fill(archive)
            guard let data = archive.data else { throw Failure.unwritable(path: "-", detail: "no archive data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unwritable(path: "-", detail: "\(error)")
        }
    }

    private func validate() throws(Failure) {
        var seen = Set<String>()
        for s in sheets {
            guard Self.isValidSheetName(s.name), seen.insert(s.name.lowercased()).inserted else { throw .invalidSheetName(s.name) }
            for v in s.validations {
                guard Self.fits(rows: v.rows, column: v.column) else { throw .invalidList(sheet: s.name, column: v.column) }
                switch v.source {
                case .values(let values):
                    if !Self.fitsInline(values) { throw .listTooLong(column: v.column) }
                case .cells(let sheet, let column, let rows):
                    guard Self.fits(rows: rows, column: column), sheets.contains(where: { $0.name == sheet }) else {
                        throw .invalidList(sheet: s.name, column: v.column)
                    }
                }
            }
            if let spool = s.spool, spool.date1904 != date1904 { throw .dateSystemMismatch(sheet: s.name) }
        }
    }

    /// Whether the cells of `column` over `rows` are within Excel's sheet.
    private static func fits(rows: ClosedRange<Int>, column: Int) -> Bool {
        rows.lowerBound >= 1 && rows.upperBound <= XLSXCellReference.maxRows && column >= 0 && column < XLSXCellReference.maxColumns
    }

    /// Every part, in a fixed order, into `archive`.
    private func fill(_ archive: Archive) throws {
        let strings = SharedStringTable()
        var sheetParts: [(name: String, head: Data, body: XLSXRowSpool?, tail: Data)] = []
        var filters: [String?] = []
        for (i, s) in sheets.enumerated() {
            let encoder = WorksheetEncoder(sheet: s, date1904: date1904, guardsFormulas: guardsFormulas)
            let name = "xl/worksheets/sheet\(i + 1).xml"
            if let spool = s.spool {
                try spool.finish()
                let layout = encoder.layout(widths: spool.widths, rowCount: spool.rowCount)
                sheetParts.append((name, Data(layout.head.utf8), spool, Data(layout.tail.utf8)))
                filters.append(encoder.filterRange(columns: spool.widths.count, rowCount: spool.rowCount))
            } else {
                let (body, widths) = encoder.rows(strings: strings)
                let layout = encoder.layout(widths: widths, rowCount: encoder.rowCount)
                sheetParts.append((name, Data((layout.head + body).utf8), nil, Data(layout.tail.utf8)))
                filters.append(encoder.filterRange(columns: widths.count, rowCount: encoder.rowCount))
            }
        }
        let package = WorkbookPackage(sheets: sheets, date1904: date1904, hasSharedStrings: !strings.isEmpty, filters: filters)
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(package.contentTypes.utf8)),
            ("_rels/.rels", Data(WorkbookPackage.packageRelationships.utf8)),
            ("xl/workbook.xml", Data(package.workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(package.workbookRelationships.utf8)),
            ("xl/styles.xml", Data(WorkbookPackage.styles.utf8)),
        ]
        if !strings.isEmpty { parts.append(("xl/sharedStrings.xml", Data(strings.xml.utf8))) }
        for (name, data) in parts { try Self.add(name, data, to: archive) }
        for part in sheetParts {
            guard let spool = part.body else {
                try Self.add(part.name, part.head + part.tail, to: archive)
                continue
            }
            let total = Int64(part.head.count) + spool.byteCount + Int64(part.tail.count)
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: total, modificationDate: Self.fixedTime,
                                 compressionMethod: .deflate, bufferSize: 1 << 20) { position, size in
                try Self.chunk(at: position, size: size, head: part.head, spool: spool, tail: part.tail)
            }
        }
    }

    /// 1980-01-01 00:00 UTC, the earliest time a zip entry holds, on every entry.
    private static let fixedTime = Date(timeIntervalSince1970: 315_532_800)

    private static func add(_ name: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedTime,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// `size` bytes from `position` of head, then the spooled rows, then tail.
    private static func chunk(at position: Int64, size: Int, head: Data, spool: XLSXRowSpool, tail: Data) throws -> Data {
        var out = Data()
        var at = position
        let headEnd = Int64(head.count), bodyEnd = headEnd + spool.byteCount
        while out.count < size {
            let want = size - out.count
            if at < headEnd {
                let n = min(want, Int(headEnd - at))
                out.append(head.subdata(in: Int(at)..<Int(at) + n))
                at += Int64(n)
            } else if at < bodyEnd {
                let piece = try spool.read(at: at - headEnd, count: min(want, Int(bodyEnd - at)))
                guard !piece.isEmpty else { throw Failure.unwritable(path: spool.path, detail: "the spool ended early") }
                out.append(piece)
                at += Int64(piece.count)
            } else {
                let start = Int(at - bodyEnd), n = min(want, tail.count - start)
                guard n > 0 else { break }
                out.append(tail.subdata(in: start..<start + n))
                at += Int64(n)
            }
        }
        return out
    }
}
