import DudaoCore
import Testing
@testable import DudaoReport

struct CSVReporterTests {
    /// A plain RFC 4180 reader, enough to read back what the reporter wrote.
    private func records(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        return rows
    }

    @Test func startsWithBOMAndUsesCRLF() {
        let csv = Reporters.render(SampleResult.result, options: ReportOptions(format: .csv))
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func messageWithCommaQuoteAndNewlineIsQuotedAndReadsBack() throws {
        let csv = Reporters.render(SampleResult.result, options: ReportOptions(format: .csv))
        #expect(csv.contains("\"第 119 行\"\"关系\"\"值无效, 应为 联系点/法律顾问\n<备注> & 'x'\u{07}\""))
        let rows = records(String(csv.dropFirst()))
        #expect(rows.count == 9)
        #expect(Set(rows.map(\.count)) == [25])
        let header = rows[0]
        let message = try #require(header.firstIndex(of: "说明"))
        #expect(rows[4][message] == SampleResult.trickyMessage)
        #expect(rows[4][try #require(header.firstIndex(of: "对象编号"))] == "")
        #expect(rows[5][try #require(header.firstIndex(of: "实际"))] == "812.5")
    }

    /// The due items follow the findings, one row each, with their due date, days left and the
    /// rule's remedy; findings say whether they can still be put right.
    @Test func dueItemsAreRowsWithDueDateDaysLeftAndRemedy() throws {
        let rows = records(String(Reporters.render(SampleResult.result, options: ReportOptions(format: .csv)).dropFirst()))
        let header = rows[0]
        let status = try #require(header.firstIndex(of: "状态")), rule = try #require(header.firstIndex(of: "规则"))
        let due = rows.filter { $0[status] == "待办" }
        #expect(due.map { $0[rule] } == ["enterprise-checkup", "lecture-quarterly"])
        let lecture = try #require(due.last)
        #expect(lecture[try #require(header.firstIndex(of: "截止日期"))] == "2022-11-30")
        #expect(lecture[try #require(header.firstIndex(of: "还剩天数"))] == "46")
        #expect(lecture[try #require(header.firstIndex(of: "整改办法"))] == "讲一次法制课，在活动台账登记")
        let standing = try #require(header.firstIndex(of: "可否整改"))
        let fee = try #require(rows.first { $0[rule] == "livelihood-fee-cap" })
        let late = try #require(rows.first { $0[rule] == "phase-report-late" })
        #expect((fee[standing], late[standing]) == ("可整改", "仅记录"))
    }

    @Test func englishHeader() {
        let csv = Reporters.render(SampleResult.result, options: ReportOptions(format: .csv, language: .en))
        #expect(csv.hasPrefix("\u{FEFF}rule,title,severity,status,offices,"))
    }
}
