import Foundation
import Testing

/// `dudao stats` on the built-in demo: every format, the contract's statistics, `--office`,
/// and `explain` of a statistic.
@Suite struct StatsCommandTests {
    @Test func theJSONHasTheContractsShape() throws {
        let r = try DudaoBinary.run(["stats", "--format", "json"])
        #expect(r.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["asOf"] as? String == "2023-04-30")
        let statistics = try #require(object["statistics"] as? [[String: Any]])
        #expect(statistics.map { $0["id"] as? String } == ["activity-counts", "practitioner-activity", "livelihood-services"])
        let livelihood = try #require(statistics.last)
        #expect(livelihood["columns"] as? [String] == ["所编号", "活动类型", "条数", "收费合计"])
        let rows = try #require(livelihood["rows"] as? [[Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row[2] is Int)
            // A sum is a decimal string with two places, never a float.
            let sum = try #require(row[3] as? String)
            #expect(sum.range(of: #"^\d+\.\d{2,}$"#, options: .regularExpression) != nil)
        }
        let counts = try #require(statistics.first?["rows"] as? [[Any]])
        #expect(counts.allSatisfy { ($0[1] as? String)?.range(of: #"^\d{4}-\d{2}$"#, options: .regularExpression) != nil })
    }

    @Test func everyFormatAndAnOffice() throws {
        let text = try DudaoBinary.run(["stats", "--office", "SO02"])
        #expect(text.code == 0)
        #expect(text.stdout.contains("■ 各所各月活动条数 (activity-counts)"))
        #expect(text.stdout.contains("SO02"))
        #expect(!text.stdout.contains("SO01 "))
        let md = try DudaoBinary.run(["stats", "--format", "markdown", "--lang", "en"])
        #expect(md.stdout.contains("| 所编号 | 月份 | 活动类型 | 条数 |"))
        #expect(md.stdout.contains("statistics up to"))
        let csv = try DudaoBinary.run(["stats", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}统计,activity-counts,各所各月活动条数\r\n所编号,月份,活动类型,条数\r\n"))
        let html = try DudaoBinary.run(["stats", "--format", "html"])
        #expect(html.stdout.contains("<section id=\"livelihood-services\">"))
        #expect(!html.stdout.contains("http"))
        let unknown = try DudaoBinary.run(["stats", "--office", "SO99"])
        #expect(unknown.code == 2)
    }

    @Test func explainSaysWhatAStatisticCounts() throws {
        let r = try DudaoBinary.run(["explain", "livelihood-services"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("只计：活动类型 属于 {法律咨询、法律事务}，且 涉及民生 = 是"))
        #expect(try DudaoBinary.run(["explain"]).stdout.contains("activity-counts"))
    }

    @Test func theAuditDocumentCarriesTheStatistics() throws {
        let r = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["statistics"] as? [[String: Any]])?.count == 3)
    }
}
