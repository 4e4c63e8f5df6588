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
        #expect(rows.count == 7)
        #expect(Set(rows.map(\.count)) == [21])
        let header = rows[0]
        let message = try #require(header.firstIndex(of: "说明"))
        #expect(rows[4][message] == SampleResult.trickyMessage)
        #expect(rows[4][try #require(header.firstIndex(of: "对象编号"))] == "")
        #expect(rows[5][try #require(header.firstIndex(of: "实际"))] == "812.5")
    }

    @Test func englishHeader() {
        let csv = Reporters.render(SampleResult.result, options: ReportOptions(format: .csv, language: .en))
        #expect(csv.hasPrefix("\u{FEFF}rule,title,severity,status,offices,"))
    }
}
