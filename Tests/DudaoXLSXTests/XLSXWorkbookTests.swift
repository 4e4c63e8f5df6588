import Foundation
import Testing
@testable import DudaoXLSX

@Suite struct XLSXWorkbookTests {
    @Test func sheetsAreListedInTabOrderWithTheirParts() throws {
        let workbook = try Workbooks.open("handmade.xlsx")
        #expect(workbook.sheets == [
            XLSXSheet(name: "R&D", part: "xl/worksheets/a.xml", isHidden: false),
            XLSXSheet(name: "Hidden", part: "xl/worksheets/b.xml", isHidden: true),
        ])
        #expect(!workbook.date1904)
        #expect(try Workbooks.open("date1904.xlsx").date1904)
        #expect(try Workbooks.open("shared.xlsx").sheets.map(\.name) == ["活动台账", "填写说明"])
    }

    @Test func sharedStringsNumbersFormulasAndMergesAsExcelShowsThem() throws {
        typealias R = Workbooks.Row
        let rows = try Workbooks.rows("shared.xlsx", sheet: "活动台账")
        #expect(rows == [
            R(number: 1, texts: ["城关法律服务所2022年活动台账"], kinds: [.text]),
            R(number: 3, texts: ["所编号", "日期", "金额", "备注", "完成"], kinds: [.text, .text, .text, .text, .text]),
            R(number: 4, texts: ["SO01", "2022-06-01", "200", "法治宣传课", "TRUE"], kinds: [.text, .date, .number, .text, .boolean]),
            R(number: 5, texts: ["SO02", "2022-06-01", "0.3", "#N/A", "FALSE"], kinds: [.text, .date, .number, .error, .boolean]),
            R(number: 6, texts: ["", "2022-07-02", "0.0000001", "2", "ab"], kinds: [.empty, .date, .number, .number, .text]),
            R(number: 7, texts: ["", "1900-02-29", "123456789012346000", "3.5", "2"], kinds: [.empty, .date, .number, .number, .number]),
            R(number: 8, texts: ["", "1900-03-01", "-1234.5", "a,b \"c\"\nd"], kinds: [.empty, .date, .number, .text]),
            R(number: 10, texts: ["SO03", "跨列", "跨列"], kinds: [.text, .text, .text]),
            R(number: 11, texts: ["SO03", "", "", "x"], kinds: [.text, .empty, .empty, .text]),
            R(number: 12, texts: ["SO03"], kinds: [.text]),
        ])
    }

    @Test func inlineStringsEntitiesHiddenRowsAndAMergeOverMissingCells() throws {
        let rows = try Workbooks.rows("inline.xlsx", sheet: "Sheet1")
        #expect(rows.map(\.number) == [1, 2, 3, 4, 6, 7, 8])
        #expect(rows.map(\.texts) == [
            ["编号", "说明", "公式"],
            ["S1", "A&B <c> \"q\" 'a'"],
            ["S2", "  前后空格  "],
            ["S3"],
            ["merged", "merged"],
            ["merged", "merged", "beside"],
            ["merged", "merged"],
        ])
    }

    @Test func the1904DateSystemAndAPlainNumberThatIsNoDate() throws {
        let rows = try Workbooks.rows("date1904.xlsx", sheet: "1904")
        #expect(rows.map(\.texts) == [["2022-07-05"], ["1904-01-01"], ["44713"]])
        #expect(rows.map(\.kinds) == [[.date], [.date], [.number]])
        #expect(rows[2].kinds[0].isNumber && rows[0].kinds[0].isNumber)
    }

    @Test func prefixedXMLRichAndPhoneticRunsEscapesAndCellsWithoutReferences() throws {
        let rows = try Workbooks.rows("handmade.xlsx", sheet: "R&D")
        #expect(rows.count == 3)
        #expect(rows[0] == Workbooks.Row(number: 2, texts: [" 东京 ", "line\r\nnext", "", "a<b&c"], kinds: [.text, .text, .empty, .text]))
        #expect(rows[1] == Workbooks.Row(number: 3, texts: ["1.5", "#DIV/0!", "2022-07-05", "你好", "0.3"],
                                         kinds: [.number, .error, .date, .text, .number]))
        #expect(rows[2].number == 5 && rows[2].texts.count == 27 && rows[2].texts[26] == "7")
        #expect(try Workbooks.rows("handmade.xlsx", sheet: "Hidden").isEmpty)
    }

    @Test func mergedRangesAreReadBeforeTheRows() throws {
        let workbook = try Workbooks.open("shared.xlsx")
        #expect(try workbook.mergedRanges(of: workbook.sheet(named: "活动台账")) == [
            XLSXMergedRange(firstRow: 10, firstColumn: 0, lastRow: 12, lastColumn: 0),
            XLSXMergedRange(firstRow: 10, firstColumn: 1, lastRow: 10, lastColumn: 2),
        ])
        #expect(try workbook.mergedRanges(of: workbook.sheet(named: "填写说明")).isEmpty)
    }

    @Test func onePassRewindsOnlyWhenTheSheetTurnsOutToHaveMergedRanges() throws {
        let workbook = try Workbooks.open("shared.xlsx")
        let sheet = try workbook.sheet(named: "活动台账")
        var rewinds = 0
        var texts: [[String]] = []
        try workbook.forEachRow(sheet: sheet, rewind: {
            rewinds += 1
            texts.removeAll()
        }) { texts.append($0.texts) }
        // The first pass gave row 11 without the merged 所编号; the second fills it.
        #expect(rewinds == 1)
        #expect(texts == (try Workbooks.rows("shared.xlsx", sheet: "活动台账").map(\.texts)))
        #expect(texts.contains(["SO03", "", "", "x"]))

        // Once the ranges are known the sheet is read once, filled, without a rewind.
        var again = 0
        try workbook.forEachRow(sheet: sheet, rewind: { rewinds += 1 }) { _ in again += 1 }
        #expect(rewinds == 1 && again == texts.count)

        let plain = try workbook.sheet(named: "填写说明")
        var plainRows = 0
        try workbook.forEachRow(sheet: plain, rewind: { rewinds += 1 }) { _ in plainRows += 1 }
        #expect(rewinds == 1 && plainRows > 0)
    }

    @Test func theCallersErrorsComeOutUnchanged() throws {
        struct Enough: Error, Equatable {}
        let workbook = try Workbooks.open("shared.xlsx")
        var seen = 0
        #expect(throws: Enough()) {
            try workbook.forEachRow(sheet: workbook.sheet(named: "活动台账")) { _ in
                seen += 1
                if seen == 2 { throw Enough() }
            }
        }
        #expect(seen == 2)
    }
}
