import DudaoXLSX
import Foundation
import Testing

/// `--format xlsx` through the binary: a workbook needs `--output`, and the file written is one
/// the project's reader opens with the sheets REPORTS section 4 lists.
struct ExcelOutputTests {
    private let demo = ["--as-of", "2023-04-30"]

    static func sheets(_ path: String) throws -> [String: [[String]]] {
        let workbook = try XLSXWorkbook(path: path)
        var sheets: [String: [[String]]] = [:]
        for sheet in workbook.sheets {
            var rows: [[String]] = []
            try workbook.forEachRow(sheet: sheet) { rows.append($0.texts) }
            sheets[sheet.name] = rows
        }
        return sheets
    }

    @Test func auditWritesTheWorkbook() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["audit", "--format", "xlsx", "--output", scratch.path("报告.xlsx")] + demo)
        #expect(r.code == 1)
        let sheets = try Self.sheets(scratch.path("报告.xlsx"))
        #expect(Set(sheets.keys) == ["汇总", "问题清单", "待办", "统计"])
        let json = try DudaoBinary.run(["audit", "--format", "json"] + demo)
        let findings = json.stdout.components(separatedBy: "\"fingerprint\"").count - 1
        #expect((sheets["问题清单"]?.count ?? 0) - 1 == findings)
        #expect(sheets["汇总"]?.contains { $0.first == "合计" } == true)
    }

    @Test func checkAndStatsWriteWorkbooksToo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let check = try DudaoBinary.run(["check", "--office", "SO01", "--format", "xlsx", "--output", scratch.path("c.xlsx"), "--lang", "en"] + demo)
        #expect(check.code == 1)
        #expect(Set(try Self.sheets(scratch.path("c.xlsx")).keys) == ["Summary", "Findings", "Due", "Statistics"])
        let stats = try DudaoBinary.run(["stats", "--format", "xlsx", "--output", scratch.path("s.xlsx")] + demo)
        #expect(stats.code == 0)
        let rows = try #require(try Self.sheets(scratch.path("s.xlsx"))["统计"])
        #expect(rows.contains { $0.last == "activity-counts" })
    }

    @Test func withoutOutputAWorkbookIsRefused() throws {
        let r = try DudaoBinary.run(["audit", "--format", "xlsx", "--lang", "en"] + demo)
        #expect(r.code == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("needs --output"))
        let piped = try DudaoBinary.run(["stats", "--format", "xlsx", "--output", "-"] + demo)
        #expect(piped.code == 0)
        #expect(piped.stdout.hasPrefix("PK"))
    }
}
