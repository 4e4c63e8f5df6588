import DudaoTable

/// The XML of one worksheet: rows as `<row>` elements, and the layout around them (frozen
/// pane, column widths, auto-filter, merged ranges, drop-down lists), in the element order
/// the SpreadsheetML schema requires.
///
/// Styles (see `WorkbookPackage.styles`): 0 general, 1 a `yyyy-mm-dd` date, 2 bold (header rows).
struct WorksheetEncoder {
    let sheet: XLSXWriter.Sheet
    let date1904: Bool
    let guardsFormulas: Bool

    init(sheet: XLSXWriter.Sheet, date1904: Bool, guardsFormulas: Bool) {
        self.sheet = sheet
        self.date1904 = date1904
        self.guardsFormulas = guardsFormulas
    }

    /// Rows the in-memory sheet writes: its rows, and empty date-formatted rows below them.
    var rowCount: Int {
        max(sheet.rows.count, sheet.dateColumns.map(\.rows.upperBound).max() ?? 0)
    }

    /// The `<row>` elements of the in-memory sheet, and each column's content width.
    func rows(strings: SharedStringTable) -> (xml: String, widths: [Int]) {
        var out = ""
        var widths: [Int] = []
        let rowCount = rowCount
        guard rowCount > 0 else { return ("", []) }
        for r in 1...rowCount {
            let cells = r <= sheet.rows.count ? sheet.rows[r - 1] : []
            let dated = sheet.dateColumns.filter { $0.rows.contains(r) }.map(\.column)
            out += Self.row(number: r, cells: cells, header: r <= sheet.frozenRows, datedColumns: dated,
                            date1904: date1904, guardsFormulas: guardsFormulas, strings: strings, widths: &widths)
        }
        return (out, widths)
    }

    /// The XML before the rows (through `<sheetData>`) and after them.
    func layout(widths: [Int], rowCount: Int) -> (head: String, tail: String) {
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if rowCount > 0, !widths.isEmpty {
            head += #"<dimension ref="A1:\#(XLSXCellReference.name(row: rowCount, column: widths.count - 1))"/>"#
        }
        if sheet.frozenRows > 0 {
            let top = XLSXCellReference.name(row: sheet.frozenRows + 1, column: 0)
            head += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        let columns = max(widths.count, sheet.columnWidths.count)
        if columns > 0 {
            head += "<cols>"
            for c in 0..<columns {
                let width = c < sheet.columnWidths.count ? sheet.columnWidths[c] : Self.columnWidth(content: widths[c])
                head += #"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(Self.number(width))" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        var tail = "</sheetData>"
        if let range = filterRange(columns: widths.count, rowCount: rowCount) {
            tail += #"<autoFilter ref="\#(range)"/>"#
        }
        if !sheet.merges.isEmpty {
            tail += #"<mergeCells count="\#(sheet.merges.count)">"#
            for m in sheet.merges { tail += #"<mergeCell ref="\#(m.xmlEscaped)"/>"# }
            tail += "</mergeCells>"
        }
        if !sheet.validations.isEmpty {
            tail += #"<dataValidations count="\#(sheet.validations.count)">"#
            for v in sheet.validations {
                let range = XLSXCellReference.name(row: v.rows.lowerBound, column: v.column) + ":"
                    + XLSXCellReference.name(row: v.rows.upperBound, column: v.column)
                tail += #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="\#(range)">"#
                tail += "<formula1>\(Self.listFormula(v.values).xmlEscaped)</formula1></dataValidation>"
            }
            tail += "</dataValidations>"
        }
        return (head, tail + "</worksheet>")
    }

    /// The auto-filter's range (`A1:M40`): the header row through the last row, every column.
    func filterRange(columns: Int, rowCount: Int) -> String? {
        guard sheet.autoFilter, columns > 0 else { return nil }
        let header = max(sheet.frozenRows, 1)
        return XLSXCellReference.name(row: header, column: 0) + ":"
            + XLSXCellReference.name(row: max(rowCount, header), column: columns - 1)
    }

    /// One `<row>`; texts go into `strings`, or inline into the row when `strings` is nil.
    /// `widths` grows to each column's widest content.
    static func row(number: Int, cells: [XLSXWriter.Cell], header: Bool, datedColumns: [Int], date1904: Bool,
                    guardsFormulas: Bool, strings: SharedStringTable?, widths: inout [Int]) -> String {
        let count = max(cells.count, (datedColumns.max() ?? -1) + 1)
        guard count > 0 else { return "" }
        if widths.count < count { widths += repeatElement(0, count: count - widths.count) }
        var out = #"<row r="\#(number)">"#
        for c in 0..<count {
            let cell = c < cells.count ? cells[c] : .empty
            let ref = XLSXCellReference.name(row: number, column: c)
            let style = header ? #" s="2""# : datedColumns.contains(c) ? #" s="1""# : ""
            switch cell {
            case .empty:
                if !style.isEmpty { out += #"<c r="\#(ref)"\#(style)/>"# }
            case .text(let raw):
                let text = guardsFormulas ? FormulaGuard.neutralised(raw) : raw
                widths[c] = max(widths[c], text.split(separator: "\n").map { String($0).displayWidth }.max() ?? 0)
                if let i = strings?.reference(text) {
                    out += #"<c r="\#(ref)"\#(style) t="s"><v>\#(i)</v></c>"#
                } else {
                    out += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(text.excelEscaped.xmlEscaped)</t></is></c>"#
                }
            case .number(let n):
                let written = Self.number(n)
                widths[c] = max(widths[c], written.count)
                out += #"<c r="\#(ref)"\#(style)><v>\#(written)</v></c>"#
            case .date(let day):
                widths[c] = max(widths[c], 10)
                out += #"<c r="\#(ref)" s="\#(header ? 2 : 1)"><v>\#(serial(day, date1904: date1904))</v></c>"#
            }
        }
        return out + "</row>"
    }

    /// Excel's serial number of `day`: days since 1899-12-30 (1900 system, right from March
    /// 1900 on) or since 1904-01-01.
    static func serial(_ day: Day, date1904: Bool) -> Int {
        Int(day.rawValue) + (date1904 ? 24_107 : 25_569)
    }

    /// A column's width in characters for content `content` characters wide: room for the
    /// filter button and a margin, between 6 and 60.
    static func columnWidth(content: Int) -> Double {
        Double(min(max(content + 3, 6), 60))
    }

    static func number(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A list's values as Excel writes them in a validation: `"a,b,c"`.
    static func listFormula(_ values: [String]) -> String {
        "\"" + values.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
    }
}
