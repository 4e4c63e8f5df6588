import DudaoTable
import Foundation
import ZIPFoundation

/// Writes a small `.xlsx` workbook: sheets of rows of text, number and date cells, with a
/// frozen header row, column widths, merged ranges, drop-down lists and either date system.
///
/// The workbook is built in memory (templates, test workbooks, reports of a few thousand rows),
/// text as inline strings so no shared-strings table is needed; dates are serial numbers in
/// the `yyyy-mm-dd` format, so Excel shows and `XLSXWorkbook` reads them as dates.
public struct XLSXWriter {
    /// One cell's value.
    public enum Cell: Equatable, Sendable {
        case empty
        case text(String)
        case number(Double)
        case date(Day)
    }

    /// A drop-down list on a range of one column: Excel offers `values` and refuses others.
    public struct ListValidation: Equatable, Sendable {
        public var column: Int
        public var rows: ClosedRange<Int>
        public var values: [String]

        public init(column: Int, rows: ClosedRange<Int>, values: [String]) {
            self.column = column
            self.rows = rows
            self.values = values
        }
    }

    /// A sheet: its tab name, rows (row 1 first; a row's cells from column A) and layout.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Rows kept in view while scrolling (1 freezes a header row).
        public var frozenRows = 0
        /// Widths in characters, from column A; columns past the list keep Excel's width.
        public var columnWidths: [Double] = []
        /// Cells formatted as dates although empty (a template's date columns), by column,
        /// over the given rows.
        public var dateColumns: [(column: Int, rows: ClosedRange<Int>)] = []
        /// Merged ranges, as `A1:A3`.
        public var merges: [String] = []
        public var validations: [ListValidation] = []

        public init(name: String, rows: [[Cell]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// Why a workbook could not be written.
    public enum Failure: Error, Equatable {
        /// A sheet name Excel refuses: empty, longer than 31 characters, with one of `[]:*?/\`,
        /// or the same as another (ignoring case).
        case invalidSheetName(String)
        /// A drop-down list longer than Excel's 255 characters.
        case listTooLong(column: Int)
        case unwritable(path: String, detail: String)
    }

    public var sheets: [Sheet]
    /// The 1904 date system rather than the 1900 one.
    public var date1904 = false

    public init(sheets: [Sheet], date1904: Bool = false) {
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// Whether Excel accepts `name` as a sheet's name.
    public static func isValidSheetName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }
            && !name.hasPrefix("'") && !name.hasSuffix("'")
    }

    /// Writes the workbook to `path`, which must not exist yet.
    public func write(to path: String) throws(Failure) {
        var seen = Set<String>()
        for s in sheets {
            guard Self.isValidSheetName(s.name), seen.insert(s.name.lowercased()).inserted else { throw .invalidSheetName(s.name) }
            for v in s.validations where Self.listFormula(v.values).count > 257 { throw .listTooLong(column: v.column) }
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Self.packageRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", Self.styles),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            for (name, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw .unwritable(path: path, detail: "\(error)")
        }
    }

    // MARK: parts

    private var contentTypes: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in sheets.indices {
            out += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return out + "</Types>"
    }

    private static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private var workbook: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>"
        out += "<sheets>"
        for (i, s) in sheets.enumerated() {
            out += #"<sheet name="\#(Self.escaped(s.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return out + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            out += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let styles = sheets.count + 1
        out += #"<Relationship Id="rId\#(styles)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return out + "</Relationships>"
    }

    /// Style 0: general; 1: a date (`yyyy-mm-dd`, custom format 164); 2: bold (headers).
    private static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private func worksheet(_ s: Sheet) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if s.frozenRows > 0 {
            let top = XLSXCellReference.name(row: s.frozenRows + 1, column: 0)
            out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(s.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        if !s.columnWidths.isEmpty {
            out += "<cols>"
            for (i, w) in s.columnWidths.enumerated() {
                out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        let dateRows = s.dateColumns.map(\.rows).reduce(0) { max($0, $1.upperBound) }
        for r in 1...max(s.rows.count, dateRows, 1) {
            let cells = r <= s.rows.count ? s.rows[r - 1] : []
            let width = max(cells.count, (s.dateColumns.filter { $0.rows.contains(r) }.map { $0.column + 1 }.max() ?? 0))
            guard width > 0 else { continue }
            out += #"<row r="\#(r)">"#
            for c in 0..<width {
                let cell = c < cells.count ? cells[c] : .empty
                let dated = s.dateColumns.contains { $0.column == c && $0.rows.contains(r) }
                let header = r <= s.frozenRows
                out += self.cell(cell, ref: XLSXCellReference.name(row: r, column: c), dated: dated, header: header)
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !s.merges.isEmpty {
            out += #"<mergeCells count="\#(s.merges.count)">"#
            for m in s.merges { out += #"<mergeCell ref="\#(m)"/>"# }
            out += "</mergeCells>"
        }
        if !s.validations.isEmpty {
            out += #"<dataValidations count="\#(s.validations.count)">"#
            for v in s.validations {
                let range = XLSXCellReference.name(row: v.rows.lowerBound, column: v.column) + ":"
                    + XLSXCellReference.name(row: v.rows.upperBound, column: v.column)
                out += #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="\#(range)">"#
                out += "<formula1>\(Self.escaped(Self.listFormula(v.values)))</formula1></dataValidation>"
            }
            out += "</dataValidations>"
        }
        return out + "</worksheet>"
    }

    private func cell(_ cell: Cell, ref: String, dated: Bool, header: Bool) -> String {
        let style = header ? #" s="2""# : dated ? #" s="1""# : ""
        switch cell {
        case .empty:
            return style.isEmpty ? "" : #"<c r="\#(ref)"\#(style)/>"#
        case .text(let text):
            return #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(Self.escaped(text))</t></is></c>"#
        case .number(let n):
            return #"<c r="\#(ref)"\#(style)><v>\#(Self.number(n))</v></c>"#
        case .date(let day):
            let serial = Int(day.rawValue) + (date1904 ? 24_107 : 25_569)
            return #"<c r="\#(ref)" s="1"><v>\#(serial)</v></c>"#
        }
    }

    private static func number(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A list's values as Excel writes them in a validation: `"a,b,c"`.
    private static func listFormula(_ values: [String]) -> String {
        "\"" + values.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
    }

    /// Text made safe for XML: markup characters escaped, characters XML cannot hold dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
