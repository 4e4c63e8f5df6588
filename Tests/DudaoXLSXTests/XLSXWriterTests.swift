import DudaoTable
import Foundation
import Testing
@testable import DudaoXLSX

/// The writer, checked by reading what it wrote back with the project's own reader.
@Suite struct XLSXWriterTests {
    typealias R = Workbooks.Row

    /// A fresh folder for one test, removed afterwards by the caller's `defer`.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url.path
    }

    static func written(_ writer: XLSXWriter) throws -> (workbook: XLSXWorkbook, folder: String) {
        let folder = try folder()
        let path = folder + "/book.xlsx"
        try writer.write(to: path)
        return (try XLSXWorkbook(path: path, file: "book.xlsx"), folder)
    }

    static func rows(_ workbook: XLSXWorkbook, _ sheet: String) throws -> [R] {
        var rows: [R] = []
        try workbook.forEachRow(sheet: workbook.sheet(named: sheet)) { row in
            rows.append(R(number: row.number, texts: row.texts, kinds: (0..<row.count).map(row.kind(at:))))
        }
        return rows
    }

    /// A part's XML as written.
    static func part(at path: String, _ name: String) throws -> String {
        let package = try XLSXPackage(path: path, file: "book.xlsx", limits: .standard)
        var bytes: [UInt8] = []
        try package.stream(name, isSheet: false) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let day = Day(year: 2022, month: 6, day: 15) ?? Day(rawValue: 0)

    static func sample() -> XLSXWriter {
        var findings = XLSXWriter.Sheet(name: "问题清单", rows: [
            [.text("规则"), .text("行"), .text("期间起")],
            [.text("free-consultation"), .number(3), .date(day)],
            [.text("free-consultation"), .number(-2.5), .empty, .text("城关法律服务所")],
        ])
        findings.frozenRows = 1
        findings.autoFilter = true
        let summary = XLSXWriter.Sheet(name: "汇总", rows: [[.text("所"), .text("错误")], [.text("SO01"), .number(2)]])
        return XLSXWriter(sheets: [findings, summary])
    }

    @Test func sheetsTextsNumbersAndDatesReadBack() throws {
        let (workbook, folder) = try Self.written(Self.sample())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(workbook.sheets.map(\.name) == ["问题清单", "汇总"])
        #expect(try Self.rows(workbook, "问题清单") == [
            R(number: 1, texts: ["规则", "行", "期间起"], kinds: [.text, .text, .text]),
            R(number: 2, texts: ["free-consultation", "3", "2022-06-15"], kinds: [.text, .number, .date]),
            R(number: 3, texts: ["free-consultation", "-2.5", "", "城关法律服务所"], kinds: [.text, .number, .empty, .text]),
        ])
        #expect(try Self.rows(workbook, "汇总") == [
            R(number: 1, texts: ["所", "错误"], kinds: [.text, .text]),
            R(number: 2, texts: ["SO01", "2"], kinds: [.text, .number]),
        ])
    }

    @Test func textsAreSharedOnceEach() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.sample().write(to: folder + "/book.xlsx")
        let strings = try Self.part(at: folder + "/book.xlsx", "xl/sharedStrings.xml")
        #expect(strings.contains(#"count="9" uniqueCount="8""#))
        #expect(strings.components(separatedBy: "free-consultation").count == 2)
        let sheet = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"t="s""#) && !sheet.contains("inlineStr"))
    }

    @Test func datesAreSerialsInADateFormatInEitherSystem() throws {
        for system1904 in [false, true] {
            let writer = XLSXWriter(sheets: [XLSXWriter.Sheet(name: "S", rows: [[.date(Self.day)]])], date1904: system1904)
            let (workbook, folder) = try Self.written(writer)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(workbook.date1904 == system1904)
            #expect(try Self.rows(workbook, "S") == [R(number: 1, texts: ["2022-06-15"], kinds: [.date])])
            let sheet = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
            // Excel's serial of 2022-06-15: 44727 in the 1900 system, 1462 days fewer in 1904's.
            #expect(sheet.contains(#"s="1"><v>\#(system1904 ? 43265 : 44727)</v>"#))
        }
    }

    @Test func headerIsFrozenBoldAndFilteredAndColumnsFitTheirContent() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.sample().write(to: folder + "/book.xlsx")
        let sheet = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A1:D3"/>"#))
        #expect(sheet.contains(#"<c r="A1" s="2" t="s">"#))
        // 17 ASCII characters; 4 digits of "-2.5"; a date; 7 CJK characters count double.
        #expect(sheet.contains(#"<col min="1" max="1" width="20" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="2" max="2" width="7" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="3" max="3" width="13" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="4" max="4" width="17" customWidth="1"/>"#))
        let book = try Self.part(at: folder + "/book.xlsx", "xl/workbook.xml")
        #expect(book.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'问题清单'!$A$1:$D$3</definedName>"#))
        let summary = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet2.xml")
        #expect(!summary.contains("autoFilter") && !summary.contains("pane"))
    }

    @Test func formulaTextsGetALeadingQuoteAndNumbersStayNumbers() throws {
        let cells: [XLSXWriter.Cell] = [.text("=HYPERLINK(\"http://x.example\",\"点我\")"), .text("@SUM(A1)"), .text("-12"), .number(-12)]
        for guarded in [true, false] {
            let writer = XLSXWriter(sheets: [XLSXWriter.Sheet(name: "S", rows: [cells])], guardsFormulas: guarded)
            let (workbook, folder) = try Self.written(writer)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let texts = guarded ? ["'=HYPERLINK(\"http://x.example\",\"点我\")", "'@SUM(A1)", "-12", "-12"]
                : ["=HYPERLINK(\"http://x.example\",\"点我\")", "@SUM(A1)", "-12", "-12"]
            #expect(try Self.rows(workbook, "S") == [R(number: 1, texts: texts, kinds: [.text, .text, .text, .number])])
        }
    }

    @Test func markupControlCharactersAndExcelEscapesSurvive() throws {
        let writer = XLSXWriter(sheets: [XLSXWriter.Sheet(name: "R&D <1>", rows: [[.text("a<b>&\"c\"\n第二行"), .text("_x0041_ stays"), .text("bell\u{7}")]])])
        let (workbook, folder) = try Self.written(writer)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(workbook.sheets.map(\.name) == ["R&D <1>"])
        #expect(try Self.rows(workbook, "R&D <1>").first?.texts == ["a<b>&\"c\"\n第二行", "_x0041_ stays", "bell"])
    }

    @Test func sameContentGivesTheSameBytes() throws {
        let first = try Self.sample().data()
        #expect(first == (try Self.sample().data()))
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.sample().write(to: folder + "/book.xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/book.xlsx")) == first)
    }

    @Test func spooledRowsStreamWithInlineStrings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = try XLSXRowSpool(folder: folder)
        spool.append([.text("记录编号"), .text("日期"), .text("收费")])
        for i in 1...3000 { spool.append([.text("TZ\(i)"), .date(Self.day.adding(days: i % 300)), .number(Double(i % 7))]) }
        // The spool's file is unlinked at once: nothing but the workbook is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        var sheet = XLSXWriter.Sheet(name: "活动", spool: spool)
        sheet.autoFilter = true
        try XLSXWriter(sheets: [sheet, XLSXWriter.Sheet(name: "说明", rows: [[.text("x")]])]).write(to: folder + "/book.xlsx")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["book.xlsx"])
        let workbook = try XLSXWorkbook(path: folder + "/book.xlsx", file: "book.xlsx")
        let rows = try Self.rows(workbook, "活动")
        #expect(rows.count == 3001)
        #expect(rows[0] == R(number: 1, texts: ["记录编号", "日期", "收费"], kinds: [.text, .text, .text]))
        #expect(rows[2999] == R(number: 3000, texts: ["TZ2999", Self.day.adding(days: 2999 % 300).iso, "3"], kinds: [.text, .date, .number]))
        let xml = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
        #expect(xml.contains(#"<autoFilter ref="A1:C3001"/>"#) && xml.contains("inlineStr") && xml.contains(#"ySplit="1""#))
    }

    @Test func neverWritesOverAnything() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let existing = folder + "/book.xlsx"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: XLSXWriter.Failure.exists(path: existing)) { try Self.sample().write(to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine")
        let link = folder + "/link.xlsx"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder + "/elsewhere.xlsx")
        #expect(throws: XLSXWriter.Failure.exists(path: link)) { try Self.sample().write(to: link) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere.xlsx"))
    }

    @Test(arguments: ["", "a[1]", "x/y", String(repeating: "长", count: 32), "'quoted'"])
    func sheetNamesExcelRefusesAreRefused(name: String) {
        #expect(throws: XLSXWriter.Failure.invalidSheetName(name)) {
            try XLSXWriter(sheets: [XLSXWriter.Sheet(name: name, rows: [])]).data()
        }
    }

    @Test func twoSheetsOfOneNameAreRefused() {
        let sheets = [XLSXWriter.Sheet(name: "Data", rows: []), XLSXWriter.Sheet(name: "data", rows: [])]
        #expect(throws: XLSXWriter.Failure.invalidSheetName("data")) { try XLSXWriter(sheets: sheets).data() }
    }

    @Test func dropDownListsInlineOrFromALookupSheetAndDateColumns() throws {
        var sheet = XLSXWriter.Sheet(name: "台账", rows: [[.text("日期"), .text("类型"), .text("是否")]])
        sheet.frozenRows = 1
        sheet.dateColumns = [0]
        sheet.validations = [
            .init(column: 2, rows: 2...1_048_576, values: ["是", "否", #"say "x""#]),
            .init(column: 1, rows: 2...100, source: .cells(sheet: "选项 'a' 表", column: 27, rows: 2...40)),
        ]
        let lookup = XLSXWriter.Sheet(name: "选项 'a' 表", rows: [[.text("类型")]])
        let (workbook, folder) = try Self.written(XLSXWriter(sheets: [sheet, lookup]))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xml = try Self.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
        #expect(xml.contains(#"<col min="1" max="1" width="13" style="1" customWidth="1"/>"#))
        #expect(xml.contains(#"<col min="2" max="2" width="7" customWidth="1"/>"#))
        #expect(xml.contains(#"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C1048576"><formula1>&quot;是,否,say &quot;&quot;x&quot;&quot;&quot;</formula1></dataValidation>"#))
        #expect(xml.contains(#"sqref="B2:B100"><formula1>'选项 ''a'' 表'!$AB$2:$AB$40</formula1>"#))
        #expect(xml.hasSuffix("</dataValidations></worksheet>"))
        // Nothing below the header is written: the format and the lists cover the empty columns.
        #expect(try Self.rows(workbook, "台账").count == 1)
    }

    @Test func listsExcelCannotHoldAreRefused() {
        func refusal(_ v: XLSXWriter.ListValidation, extra: [XLSXWriter.Sheet] = []) -> XLSXWriter.Failure? {
            var sheet = XLSXWriter.Sheet(name: "a", rows: [])
            sheet.validations = [v]
            do throws(XLSXWriter.Failure) {
                _ = try XLSXWriter(sheets: [sheet] + extra).data()
                return nil
            } catch {
                return error
            }
        }
        let long = (0..<60).map { "选项\($0)" }
        #expect(!XLSXWriter.fitsInline(long) && XLSXWriter.fitsInline(Array(long.prefix(10))))
        #expect(refusal(.init(column: 3, rows: 2...9, values: long)) == .listTooLong(column: 3))
        #expect(refusal(.init(column: 0, rows: 0...9, values: ["x"])) == .invalidList(sheet: "a", column: 0))
        #expect(refusal(.init(column: 0, rows: 2...1_048_577, values: ["x"])) == .invalidList(sheet: "a", column: 0))
        #expect(refusal(.init(column: 1, rows: 2...9, source: .cells(sheet: "none", column: 0, rows: 1...3))) == .invalidList(sheet: "a", column: 1))
        #expect(refusal(.init(column: 1, rows: 2...9, source: .cells(sheet: "b", column: 0, rows: 1...3)),
                        extra: [XLSXWriter.Sheet(name: "b", rows: [])]) == nil)
    }
}
