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

    /// Rows the in-memory sheet writes.
    var rowCount: Int { sheet.rows.count }

    /// The `<row>` elements of the in-memory sheet, and each column's content width.
    func rows(strings: SharedStringTable) -> (xml: String, widths: [Int]) {
        var out = ""
        var widths: [Int] = []
        for (i, cells) in sheet.rows.enumerated() {
            out += Self.row(number: i + 1, cells: cells, header: i < sheet.frozenRows, date1904: date1904,
                            guardsFormulas: guardsFormulas, strings: strings, widths: &widths)
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
        let columns = max(widths.count, sheet.columnWidths.count, (sheet.dateColumns.max() ?? -1) + 1)
        if columns > 0 {
            head += "<cols>"
            for c in 0..<columns {
                let content = c < widths.count ? widths[c] : 0
                let width = c < sheet.columnWidths.count ? sheet.columnWidths[c]
                    : Self.columnWidth(content: sheet.dateColumns.contains(c) ? max(content, 10) : content)
                let style = sheet.dateColumns.contains(c) ? #" style="1""# : ""
                head += #"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(Self.number(width))"\#(style) customWidth="1"/>"#
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
                tail += "<formula1>\(Self.formula(v.source).xmlEscaped)</formula1></dataValidation>"
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
    static func row(number: Int, cells: [XLSXWriter.Cell], header: Bool, date1904: Bool,
                    guardsFormulas: Bool, strings: SharedStringTable?, widths: inout [Int]) -> String {
        let count = cells.count
        guard count > 0 else { return "" }
        if widths.count < count { widths += repeatElement(0, count: count - widths.count) }
        var out = #"<row r="\#(number)">"#
        for c in 0..<count {
            let cell = cells[c]
            let ref = XLSXCellReference.name(row: number, column: c)
            let style = header ? #" s="2""# : ""
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

    /// A validation's `<formula1>`: the values themselves, or an absolute reference to the
    /// cells holding them (`'选项'!$A$2:$A$30`).
    static func formula(_ source: XLSXWriter.ListValidation.Source) -> String {
        switch source {
        case .values(let values):
            return listFormula(values)
        case .cells(let sheet, let column, let rows):
            let letters = XLSXCellReference.name(row: 1, column: column).dropLast()
            return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!$\(letters)$\(rows.lowerBound):$\(letters)$\(rows.upperBound)"
        }
    }

    /// A list's values as Excel writes them in a validation: `"a,b,c"`.
    static func listFormula(_ values: [String]) -> String {
        "\"" + values.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
    }
}
