import DudaoCore
import DudaoXLSX
import Foundation
import Testing
@testable import DudaoReport

/// `--format xlsx` (REPORTS section 4), read back with the project's own workbook reader.
struct ExcelReporterTests {
    struct Row: Equatable, CustomStringConvertible {
        var texts: [String]
        var kinds: [XLSXCellKind]
        var description: String { "\(texts) \(kinds)" }
    }

    /// Every sheet's non-blank rows, by sheet name, and the sheet names in tab order.
    static func read(_ writer: XLSXWriter) throws -> (names: [String], sheets: [String: [Row]]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-excel-\(UUID().uuidString).xlsx")
        try writer.data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try XLSXWorkbook(path: url.path, file: "report.xlsx")
        var sheets: [String: [Row]] = [:]
        for sheet in workbook.sheets {
            var rows: [Row] = []
            try workbook.forEachRow(sheet: sheet) { row in
                rows.append(Row(texts: row.texts, kinds: (0..<row.count).map(row.kind(at:))))
            }
            sheets[sheet.name] = rows
        }
        return (workbook.sheets.map(\.name), sheets)
    }

    static func withStatistics() -> AuditResult {
        var result = SampleResult.result
        result.statistics = [StatisticTable(id: "livelihood-services", title: "涉及民生的服务", columns: ["所编号", "条数", "收费合计"],
                                            keyCount: 1, rows: [[.text("SO01"), .count(3), .amount(Amount(micros: 1_250_500_000))]])]
        return result
    }

    @Test func summaryHasOneRowPerOfficeAndATotal() throws {
        let (names, sheets) = try Self.read(ExcelReporter.workbook(SampleResult.result, options: ReportOptions(format: .xlsx)))
        #expect(names == ["汇总", "问题清单", "待办", "统计"])
        let summary = try #require(sheets["汇总"])
        let n = [XLSXCellKind](repeating: .number, count: 5)
        #expect(Array(summary.prefix(6)) == [
            Row(texts: ["所编号", "所名称", "错误", "警告", "提示", "已豁免", "待办"], kinds: .init(repeating: .text, count: 7)),
            Row(texts: ["SO01", "城关法律服务所", "0", "2", "0", "1", "0"], kinds: [.text, .text] + n),
            Row(texts: ["SO02", "河东法律服务所", "1", "0", "0", "0", "2"], kinds: [.text, .text] + n),
            Row(texts: ["SO03", "桥西法律服务所", "1", "0", "0", "0", "0"], kinds: [.text, .text] + n),
            Row(texts: ["未归属", "", "1", "0", "0", "0", "0"], kinds: [.text, .empty] + n),
            Row(texts: ["合计", "", "3", "2", "0", "1", "2"], kinds: [.text, .empty] + n),
        ])
        #expect(summary.contains(Row(texts: ["截至", "2022-10-15"], kinds: [.text, .date])))
    }

    @Test func findingsAreOneRowEachWithNumbersAndDatesAsSuch() throws {
        let (_, sheets) = try Self.read(ExcelReporter.workbook(SampleResult.result, options: ReportOptions(format: .xlsx)))
        let findings = try #require(sheets["问题清单"])
        #expect(findings.count == 1 + SampleResult.result.findings.count)
        #expect(findings[0].texts == ["规则", "规则名称", "严重程度", "状态", "所", "对象类型", "对象编号", "对象名称", "期间起", "期间止",
                                      "要求", "实际", "说明", "文件", "工作表", "行", "整改办法", "豁免理由"])
        let fee = try #require(findings.first { $0.texts.first == "livelihood-fee-cap" })
        #expect(fee.texts[10...15] == ["800", "812.5", "涉及民生的法律事务收费 812.5 元，高于最低标准 800 元", "activities.csv", "", "382"])
        #expect(fee.kinds[10] == .number && fee.kinds[11] == .number && fee.kinds[15] == .number)
        #expect(fee.texts[16] == "退还超出最低标准的部分，在备注中写明退费日期")
        let late = try #require(findings.first { $0.texts.first == "phase-report-late" })
        #expect(late.texts[8...11] == ["2022-05-01", "2022-05-31", "2022-06-10", "2022-06-18"])
        #expect(late.kinds[8...11].allSatisfy { $0 == .date })
        let waived = try #require(findings.first { $0.texts.count > 17 && $0.texts[17] == "病假，经所主任报备" })
        #expect(waived.texts[3] == "已豁免")
    }

    @Test func dueItemsHaveDaysLeftAndRemedy() throws {
        let (_, sheets) = try Self.read(ExcelReporter.workbook(SampleResult.result, options: ReportOptions(format: .xlsx)))
        let due = try #require(sheets["待办"])
        #expect(due.count == 3)
        let lecture = try #require(due.first { $0.texts.first == "lecture-quarterly" })
        #expect(lecture.texts[9...] == ["1", "0", "1", "2022-11-30", "46", "法制课", "讲一次法制课，在活动台账登记"])
        #expect(lecture.kinds[12] == .date && lecture.kinds[13] == .number)
    }

    @Test func statisticsAreBlocksWithNumberCells() throws {
        let (_, sheets) = try Self.read(ExcelReporter.workbook(Self.withStatistics(), options: ReportOptions(format: .xlsx)))
        #expect(sheets["统计"] == [
            Row(texts: ["涉及民生的服务", "livelihood-services"], kinds: [.text, .text]),
            Row(texts: ["所编号", "条数", "收费合计"], kinds: [.text, .text, .text]),
            Row(texts: ["SO01", "3", "1250.5"], kinds: [.text, .number, .number]),
        ])
        let (names, stats) = try Self.read(ExcelReporter.statisticsWorkbook(Self.withStatistics(), options: ReportOptions(format: .xlsx, language: .en)))
        #expect(names == ["Statistics"])
        #expect(stats["Statistics"]?.count == 3)
    }

    @Test func englishNamesSheetsAndColumnsInEnglish() throws {
        let (names, sheets) = try Self.read(ExcelReporter.workbook(SampleResult.result, options: ReportOptions(format: .xlsx, language: .en)))
        #expect(names == ["Summary", "Findings", "Due", "Statistics"])
        #expect(sheets["Findings"]?.first?.texts.prefix(4) == ["Rule", "Title", "Severity", "Status"])
        #expect(sheets["Summary"]?.last(where: { $0.texts.first == "Total" }) != nil)
    }

    @Test func aFormulaInARosterNameIsWrittenAsText() throws {
        var result = SampleResult.result
        result.findings[0].subject.name = "=HYPERLINK(\"http://x.example\",\"点我\")"
        let (_, sheets) = try Self.read(ExcelReporter.workbook(result, options: ReportOptions(format: .xlsx)))
        let row = try #require(sheets["问题清单"]?.first { $0.texts[6] == "P0012" })
        #expect(row.texts[7] == "'=HYPERLINK(\"http://x.example\",\"点我\")")
    }

    @Test func aBaselineAddsChangesAndTheResolvedFindings() throws {
        var result = SampleResult.result
        for i in result.findings.indices { result.findings[i].change = i == 0 ? .new : .persisting }
        var gone = result.findings[0]
        gone.fingerprint = "gone"
        gone.change = .resolved
        result.baseline = BaselineComparison(file: "上次.json", asOf: SampleResult.day("2022-07-15"), resolved: [gone])
        let (_, sheets) = try Self.read(ExcelReporter.workbook(result, options: ReportOptions(format: .xlsx)))
        let summary = try #require(sheets["汇总"])
        #expect(summary[0].texts.suffix(3) == ["新增", "仍存在", "已整改"])
        #expect(summary.first { $0.texts.first == "SO03" }?.texts.suffix(3) == ["1", "0", "1"])
        let findings = try #require(sheets["问题清单"])
        #expect(findings.count == 1 + result.findings.count + 1)
        #expect(findings.last?.texts[16] == "已整改")
    }

    @Test func theSameResultGivesTheSameBytes() throws {
        let options = ReportOptions(format: .xlsx, run: SampleResult.run)
        #expect(try ExcelReporter.workbook(SampleResult.result, options: options).data()
            == ExcelReporter.workbook(SampleResult.result, options: options).data())
    }
}
