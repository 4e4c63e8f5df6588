import DudaoXLSX
import Foundation
import Testing

/// `dudao init` (INTAKE section 7): a template that reads back cleanly, in either format, and
/// never a file written over.
struct InitTests {
    /// The built-in pack's tables: file, title and columns, in order.
    static let tables: [(file: String, title: String, columns: [String])] = [
        ("offices.csv", "法律服务所名册", ["所编号", "所名称", "所属街道"]),
        ("practitioners.csv", "法律服务工作者名册", ["工作者编号", "姓名", "所编号", "执业起始", "执业终止"]),
        ("streets.csv", "街道名册", ["街道编号", "名称", "类型"]),
        ("communities.csv", "村(居)名册", ["村居编号", "名称", "类型", "所属街道"]),
        ("enterprises.csv", "属地企业名册", ["企业编号", "企业名称", "所编号"]),
        ("contacts.csv", "联系点及顾问单位（“1+N”）", ["工作者编号", "对象编号", "关系", "起始日期", "终止日期"]),
        ("activities.csv", "活动台账", ["记录编号", "日期", "所编号", "工作者编号", "活动类型", "对象编号", "事项", "涉及民生", "收费", "处理结果", "备注"]),
        ("fee_schedule.csv", "收费标准", ["事项", "最低标准"]),
        ("reports.csv", "阶段书面报告", ["所编号", "阶段", "报送日期"]),
    ]

    private func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aWorkbookTemplateAuditsCleanly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.path("台账")
        let r = try DudaoBinary.run(["init", folder])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("台账.xlsx") && r.stdout.contains("dataset.yaml") && r.stdout.contains("dudao audit --data \(folder)"))
        #expect(try listing(folder) == ["dataset.yaml", "台账.xlsx"])
        let workbook = try XLSXWorkbook(path: folder + "/台账.xlsx")
        #expect(workbook.sheets.map(\.name) == ["填写说明"] + Self.tables.map(\.title))
        for t in Self.tables {
            var rows: [[String]] = []
            try workbook.forEachRow(sheet: workbook.sheet(named: t.title)) { rows.append($0.texts) }
            #expect(rows == [t.columns], "\(t.title)")
        }
        var guide: [[String]] = []
        try workbook.forEachRow(sheet: workbook.sheet(named: "填写说明")) { guide.append($0.texts) }
        let typeRow = try #require(guide.first { $0.count > 6 && $0[0] == "活动台账" && $0[2] == "活动类型" })
        #expect(typeRow[5] == "必填" && typeRow[6].hasPrefix("法律体检、赶大集"))
        let audit = try DudaoBinary.run(["audit", "--data", folder, "--as-of", "2023-04-30"])
        #expect(audit.code == 0, "\(audit.stdout)\(audit.stderr)")
        let lint = try DudaoBinary.run(["lint", "rules", folder + "/dataset.yaml"])
        #expect(lint.code == 0, "\(lint.stdout)\(lint.stderr)")
    }

    @Test func aCSVTemplateAuditsCleanlyAndReadsWhatIsFilledIn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.path("data")
        let r = try DudaoBinary.run(["init", folder, "--format", "csv", "--lang", "en"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Fill it in, then: dudao audit --data \(folder)"))
        #expect(try listing(folder) == (Self.tables.map(\.file) + ["dataset.yaml", "填写说明.csv"]).sorted())
        for t in Self.tables {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + t.file))
            #expect(bytes == Data([0xEF, 0xBB, 0xBF] + Array((t.columns.joined(separator: ",") + "\r\n").utf8)), "\(t.file)")
        }
        let guide = try #require(scratch.read("data/填写说明.csv"))
        #expect(guide.contains("activities.csv,活动类型,one of the listed values"))
        #expect(try DudaoBinary.run(["audit", "--data", folder, "--as-of", "2023-04-30"]).code == 0)
        // The demo district has every column of the template (and a few more of its own).
        let demo = DudaoBinary.repository.appendingPathComponent("fixtures/demo").path
        for t in Self.tables {
            let text = try String(contentsOfFile: demo + "/" + t.file, encoding: .utf8)
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let header = line.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
            #expect(Set(t.columns).isSubset(of: header), "\(t.file): \(header)")
        }
        // A row filled in is read: an office on a street the rosters do not have is reported.
        let offices = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/offices.csv"))
        try offices.seekToEnd()
        try offices.write(contentsOf: Data("SO01,城关法律服务所,JD99\r\n".utf8))
        try offices.close()
        let filled = try DudaoBinary.run(["audit", "--data", folder, "--as-of", "2023-04-30", "--format", "json"])
        #expect(filled.code == 1)
        #expect(filled.stdout.contains("JD99") && filled.stdout.contains(#""file": "offices.csv""#))
    }

    @Test func aFolderThatHoldsAnythingIsRefusedAndLeftAsItWas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("full"), withIntermediateDirectories: false)
        try scratch.write("mine", to: "full/activities.csv")
        let r = try DudaoBinary.run(["init", scratch.path("full"), "--format", "csv"])
        #expect(r.code == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(scratch.path("full")) && r.stderr.contains("不会覆盖") && r.stderr.contains("activities.csv"))
        #expect(try listing(scratch.path("full")) == ["activities.csv"])
        #expect(scratch.read("full/activities.csv") == "mine")
        try scratch.write("a file", to: "file")
        let onFile = try DudaoBinary.run(["init", scratch.path("file"), "--lang", "en"])
        #expect(onFile.code == 2 && onFile.stderr.contains("is a file, not a folder"))
        #expect(scratch.read("file") == "a file")
    }

    @Test func anEmptyFolderIsFilledAndAnUnwritableOneLeavesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: false)
        #expect(try DudaoBinary.run(["init", scratch.path("empty")]).code == 0)
        #expect(try listing(scratch.path("empty")) == ["dataset.yaml", "台账.xlsx"])
        let bad = try DudaoBinary.run(["init", scratch.path("empty/dataset.yaml/x"), "--lang", "en"])
        #expect(bad.code == 2 && bad.stderr.contains("cannot write the template"))
    }
}
