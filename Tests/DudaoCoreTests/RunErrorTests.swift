import Foundation
import Testing
@testable import DudaoCore

/// Inputs that stop the run (exit 2 in the CLI), each naming the file and where it breaks.
@Suite struct RunErrorTests {
    @Test func missingFileNamesTheExpectedColumns() throws {
        var files = Fixture().files()
        files["reports.csv"] = nil
        #expect(try runError(files, pack: .everyRule) == .missingFile(path: "fixture/reports.csv", table: "阶段书面报告", columns: ["所编号", "阶段", "报送日期"]))
    }

    @Test func missingColumn() throws {
        var files = Fixture().files()
        files["contacts.csv"] = Array("工作者编号,对象编号,关系,起始日期,备注\nP1,C1,联系点,2022-01-01,\n".utf8)
        #expect(try runError(files, pack: .everyRule) == .missingColumns(
            file: "fixture/contacts.csv", missing: ["终止日期"],
            expected: ["工作者编号", "对象编号", "关系", "起始日期", "终止日期"]))
    }

    @Test func headerCellsAreTrimmedAndExtraColumnsIgnored() throws {
        var files = Fixture().files()
        files["reports.csv"] = Array("\u{FEFF} 阶段 ,备注,\u{3000}所编号,报送日期\r\n动员学习,x,O1,2022-06-01\r\n".utf8)
        let r = try Audit.run(pack: DeadlineRuleTests.pack.load(), dataset: .memory(name: "fixture", files: files),
                              options: AuditOptions(asOf: day("2022-07-01")))
        #expect(r.keyed("phase-report-missing") == ["O2@2022-05-01"])
    }

    @Test func anUnwritableReportSaysWriteNotRead() {
        let e = RunError.unwritableFile(file: "out/报告.json")
        #expect(e.message(english: false) == "out/报告.json：无法写入报告")
        #expect(e.message(english: true) == "out/报告.json: cannot write the report there")
    }

    @Test func neitherUTF8NorGB18030() throws {
        var files = Fixture().files()
        files["streets.csv"] = Array("街道编号,名称,类型\n".utf8) + [0x53, 0x31, 0x2C, 0x80, 0xFF, 0xFE, 0x2C, 0x0A]
        #expect(try runError(files, pack: .everyRule) == .undecodable(file: "fixture/streets.csv"))
    }

    @Test func unterminatedQuoteGivesLineAndColumnOfTheQuote() throws {
        let header = Fixture.headers["activities.csv"]!
        let marked = MarkedText(header + "\nA1,2022-07-01,O1,P1,法律咨询,,,,,,\nA2,2022-07-02,O1,P1,法律咨询,,,,,↓\"未结束,\nA3,2022-07-03,O1,P1,赶大集,,,,,,\n")
        var files = Fixture().files()
        files["activities.csv"] = Array(marked.text.utf8)
        guard case .malformedCSV(let file, let line, let column, _)? = try runError(files, pack: .everyRule) else {
            Issue.record("expected malformedCSV, got \(String(describing: try runError(files, pack: .everyRule)))")
            return
        }
        #expect(file == "fixture/activities.csv")
        #expect(line == marked.line && column == marked.column)
        #expect((line, column) == (3, 30))
    }

    @Test(arguments: [
        (["min_contact_point": "2"], RunError.unknownParameter(name: "min_contact_point", known: [
            "mobilisation_start", "mobilisation_end", "implementation_start", "implementation_end",
            "inspection_start", "inspection_end", "report_grace_days", "min_contact_points", "quarters"])),
        (["min_contact_points": "two"], .badParameter(name: "min_contact_points", value: "two", expected: "整数")),
        (["report_grace_days": "2147483648"], .badParameter(name: "report_grace_days", value: "2147483648", expected: "整数")),
        (["min_contact_points": "-1"], .badParameter(name: "min_contact_points", value: "-1", expected: "整数")),
        (["implementation_end": "9999-12-31"], .badParameter(name: "implementation_end", value: "9999-12-31", expected: "YYYY-MM-DD")),
        (["quarters": "fiscal"], .badParameter(name: "quarters", value: "fiscal", expected: "aligned | calendar")),
        (["implementation_end": "2023-02-30"], .badParameter(name: "implementation_end", value: "2023-02-30", expected: "YYYY-MM-DD")),
        (["implementation_end": "2023/02/28"], .badParameter(name: "implementation_end", value: "2023/02/28", expected: "YYYY-MM-DD")),
    ])
    func badParameters(parameters: [String: String], expected: RunError) throws {
        #expect(try runError(Fixture().files(), pack: .everyRule, parameters: parameters) == expected)
    }

    @Test func unknownParameterSuggestsTheNearestName() throws {
        let e = RunError.unknownParameter(name: "min_contact_point", known: try TestPack.everyRule.load().parameters.map(\.name))
        #expect(e.message(english: true).contains("did you mean 'min_contact_points'"))
    }

    @Test func phaseThatEndsBeforeItStarts() throws {
        let e = try runError(Fixture().files(), pack: .everyRule, parameters: ["inspection_start": "2023-04-15"])
        guard case .invalidPeriod(let name, _)? = e else {
            Issue.record("expected invalidPeriod, got \(String(describing: e))")
            return
        }
        #expect(name == "inspection")
    }
}
