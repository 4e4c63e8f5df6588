import DudaoCore
import Foundation
import Testing
@testable import DudaoReport

/// The spot-check list in each format: the seed to reproduce it, each office with what was
/// drawn of how many, and each record's place, id, date and cells.
struct SpotCheckReporterTests {
    static let check = SpotCheck(
        seed: 42, asOf: Day(iso: "2023-04-30")!, perOffice: 2, tables: ["activities"],
        offices: [
            .init(id: "SO01", name: "城关所", population: 9, records: [
                .init(table: "activities", file: "activities.csv", line: 12, id: "A-11", date: Day(iso: "2022-07-05")!,
                      columns: ["所编号", "事项", "备注"], values: ["SO01", "代写|文书, \"急\"", ""]),
            ]),
            .init(id: nil, name: nil, population: 1, records: []),
        ])

    @Test func textNamesTheSeedTheOfficeAndTheRecord() {
        let text = SpotCheckReporter.render(Self.check, options: ReportOptions(format: .text, language: .zh))
        #expect(text.contains("随机种子 42（用 --seed 42 可得到同一份清单）"))
        #expect(text.contains("■ SO01 城关所：共 9 条，抽 1 条"))
        #expect(text.contains("    - activities.csv 第12行 A-11 · 2022年7月5日 · 所编号 SO01；事项 代写|文书, \"急\"\n"))
        #expect(text.contains("■ 未归属：共 1 条，抽 0 条"))
        let english = SpotCheckReporter.render(Self.check, options: ReportOptions(format: .text, language: .en))
        #expect(english.contains("Seed 42 (--seed 42 gives the same list)"))
        #expect(english.contains("activities.csv line 12 A-11 · 5 Jul 2022"))
    }

    @Test func markdownEscapesCells() {
        let md = SpotCheckReporter.render(Self.check, options: ReportOptions(format: .markdown, language: .zh))
        #expect(md.contains("| activities.csv 第12行 | A-11 | 2022年7月5日 | 所编号 SO01；事项 代写\\|文书, \"急\" |"))
    }

    @Test func csvHasOneRowPerRecordForExcel() {
        let csv = SpotCheckReporter.render(Self.check, options: ReportOptions(format: .csv, language: .zh))
        #expect(csv.hasPrefix("\u{FEFF}所编号,所名称,文件,行,编号,日期,台账：所编号,台账：事项,台账：备注\r\n"))
        #expect(csv.contains("SO01,城关所,activities.csv,12,A-11,2022-07-05,SO01,\"代写|文书, \"\"急\"\"\",\r\n"))
    }

    @Test func jsonParsesAndKeepsEveryField() throws {
        let json = SpotCheckReporter.render(Self.check, options: ReportOptions(format: .json, language: .zh))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["seed"] as? Int == 42 && object["asOf"] as? String == "2023-04-30" && object["perOffice"] as? Int == 2)
        let offices = try #require(object["offices"] as? [[String: Any]])
        #expect(offices.count == 2 && offices[1]["id"] is NSNull)
        let record = try #require((offices[0]["records"] as? [[String: Any]])?.first)
        #expect(record["line"] as? Int == 12 && record["id"] as? String == "A-11" && record["date"] as? String == "2022-07-05")
        #expect((record["values"] as? [String: String])?["事项"] == "代写|文书, \"急\"")
    }
}
