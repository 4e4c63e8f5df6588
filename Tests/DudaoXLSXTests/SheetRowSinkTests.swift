import Testing
@testable import DudaoXLSX

/// Sheet XML no spreadsheet writes, as the fuzzer (`.ci/fuzz`, target sheet XML) made it.
@Suite struct SheetRowSinkTests {
    /// The rows `SheetRowSink` hands on for `xml`, read in one chunk.
    static func rows(_ xml: String) throws -> [[String]] {
        var sharedStrings = XLSXSharedStrings.Sink()
        var scanner = XMLScanner()
        try Array("<sst><si><t>共享</t></si></sst>".utf8).withUnsafeBytes { try scanner.feed($0, into: &sharedStrings) }
        var rows: [[String]] = []
        var sink = SheetRowSink(file: "fuzz.xlsx", sheet: "活动台账", sharedStrings: sharedStrings.table, styles: XLSXStyles(),
                                date1904: false, merges: []) { rows.append($0.texts) }
        var sheet = XMLScanner()
        do {
            try Array(xml.utf8).withUnsafeBytes { try sheet.feed($0, into: &sink) }
        } catch is XLSXPackage.Stop {
            // `</sheetData>` ends the pass, as it does in a workbook.
        }
        return rows
    }

    /// crash-e0065a21895490864b65e3163b61890a8d1bd3de: a `</c>` with no `<c>` in its row set
    /// the cell of column -1 (an index out of range, so a trap, not exit 2).
    @Test func aCellEndWithoutACellIsIgnored() throws {
        let fuzzed = #"<worksheet><sheetData><row r="1"sheet="A1" t="s"><v>9</v></c>:/row><sheetData></worksheet>"#
        #expect(try Self.rows(fuzzed) == [])
        let stray = #"<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c><v>7</v></c></row></sheetData></worksheet>"#
        #expect(try Self.rows(stray) == [["", "共享"]])
    }
}
