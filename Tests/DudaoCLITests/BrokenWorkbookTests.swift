import Foundation
import Testing

/// INTAKE section 6 through the binary: a damaged workbook standing as the activity ledger
/// stops `dudao audit` with exit 2 and one message naming the file and what to do, in either
/// language. The workbooks are `fixtures/xlsx/broken/` (made by its `make_broken.py`) and the
/// refusals of `fixtures/xlsx/` that the reader's own tests use.
struct BrokenWorkbookTests {
    static let broken = DudaoBinary.repository.appendingPathComponent("fixtures/xlsx/broken").path

    /// Each fixture, and words of the message that say what is wrong (Chinese, then English).
    static let cases: [(file: String, zh: String, en: String)] = [
        ("empty.xlsx", "不是 .xlsx 工作簿", "not an .xlsx workbook"),
        ("encrypted.xlsx", "加密的工作簿", "encrypted workbook"),
        ("truncated.xlsx", "不是 .xlsx 工作簿", "not an .xlsx workbook"),
        ("missing-sheet.xlsx", "xl/worksheets/sheet1.xml 不在压缩包中", "xl/worksheets/sheet1.xml, which is not in the archive"),
        ("bad-workbook-xml.xlsx", "xl/workbook.xml 已损坏", "xl/workbook.xml is damaged"),
        ("bad-sheet-xml.xlsx", "xl/worksheets/sheet1.xml 已损坏", "xl/worksheets/sheet1.xml is damaged"),
        ("cut-deflate.xlsx", "xl/worksheets/sheet1.xml 已损坏（the deflate stream does not end within the entry）",
         "xl/worksheets/sheet1.xml is damaged (the deflate stream does not end within the entry)"),
        ("dotdot-entry.xlsx", "压缩包中没有工作簿", "the archive holds no workbook"),
        ("dotdot-target.xlsx", "不在压缩包中", "which is not in the archive"),
        ("huge-ratio.xlsx", "疑似压缩炸弹", "a zip bomb?"),
        ("too-many-rows.xlsx", "超出 Excel 的 1048576 行", "beyond Excel's 1048576 rows"),
    ]

    /// The demo district with `fixture` as its activity ledger.
    static func folder(with fixture: String, in scratch: Scratch) throws -> String {
        let data = try scratch.demoData()
        try FileManager.default.removeItem(atPath: data + "/activities.csv")
        try FileManager.default.copyItem(atPath: broken + "/" + fixture, toPath: data + "/activities.xlsx")
        return data
    }

    @Test(arguments: cases.map(\.file))
    func aDamagedLedgerStopsTheAuditNamingTheFileAndWhatToDo(file: String) throws {
        let expected = try #require(Self.cases.first { $0.file == file })
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try Self.folder(with: file, in: scratch)
        for english in [false, true] {
            let r = try DudaoBinary.run(["audit", "--data", data, "--as-of", "2023-04-30"] + (english ? ["--lang", "en"] : []))
            #expect(r.code == 2, "\(file): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(file)")
            #expect(r.stderr.contains("activities.xlsx"), "\(file): \(r.stderr)")
            #expect(r.stderr.contains(english ? expected.en : expected.zh), "\(file): \(r.stderr)")
            let remedy = english ? ["save it", "split the"] : ["另存为", "拆分"]
            #expect(remedy.contains { r.stderr.contains($0) }, "\(file) says nothing to do: \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && r.stderr.split(separator: "\n").count <= 3, "\(file): \(r.stderr)")
        }
    }

    @Test func everyFixtureOfTheFolderIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.broken).filter { $0.hasSuffix(".xlsx") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }
}
