import DudaoCore
import DudaoXLSX
import Foundation
import Testing
@testable import DudaoReport

/// `dudao init`'s template for a pack whose names Excel refuses as sheet names and whose list
/// is longer than a drop-down holds: the workbook still reads back as the pack's dataset.
struct DatasetTemplateTests {
    static let yaml = """
        pack:
          id: awkward
          title: 走访督导
          attribution: {offices: offices, street: 街道}
        periods:
          year: {title: 全年, start: "2022-01-01", end: "2022-12-31"}
        tables:
          offices:
            title: "所名册: 2022"
            file: offices.csv
            entity: office
            key: 所编号
            name: 所名称
            office: 所编号
            columns:
              所编号: {type: id}
              所名称: {type: text}
              街道: {type: text}
          visits_to_every_street_of_the_district:
            title: 走访台账[各所]
            file: visits.csv
            date: 日期
            id: 记录编号
            office: 所编号
            columns:
              记录编号: {type: id}
              日期: {type: date}
              所编号: {type: id, references: offices}
              方式: {type: enum, values: [\(Self.ways.joined(separator: ", "))]}
              收费: {type: amount, optional: true, default: "0"}
              上门: {type: yes_no, optional: true}
        """
    static let ways = (1...40).map { "第\($0)种走访方式" }

    static func pack() throws -> Pack {
        let (pack, diagnostics) = PackLoader.load(PackSource(files: [("awkward.yaml", Array(yaml.utf8))], location: "awkward"))
        return try #require(pack, "\(diagnostics)")
    }

    @Test func sheetsAreNamedByTitleElseNameElseNumberAndLongListsGoToALookupSheet() throws {
        let template = DatasetTemplate(pack: try Self.pack(), format: .xlsx, language: .zh)
        let names = template.sheetNames
        #expect(names == ["offices": "offices", "visits_to_every_street_of_the_district": "表2"])
        let workbook = template.workbook(sheetNames: names)
        #expect(workbook.sheets.map(\.name) == ["填写说明", "offices", "表2", "选项"])
        let visits = workbook.sheets[2]
        #expect(visits.frozenRows == 1 && visits.autoFilter && visits.dateColumns == [1])
        #expect(visits.validations == [
            .init(column: 3, rows: 2...1_048_576, source: .cells(sheet: "选项", column: 0, rows: 2...41)),
            .init(column: 5, rows: 2...1_048_576, values: ["是", "否"]),
        ])
        #expect(workbook.sheets[3].rows.map { $0.first } == [.text("走访台账[各所].方式")] + Self.ways.map { .text($0) })
        let guide = workbook.sheets[0].rows
        #expect(guide.contains([.text("走访台账[各所]"), .text("表2"), .text("收费"), .text("金额（元）"), .text("金额（如 200 或 200.50）"),
                                .text("可空（空为 0）"), .text(""), .text(""), .text("")]))
    }

    @Test func theWrittenWorkbookIsFoundAndReadAsTheEmptyDataset() throws {
        let pack = try Self.pack()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-template-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try DatasetTemplate(pack: pack, format: .xlsx, language: .en).write(to: folder)
        #expect(files.map(\.name) == ["台账.xlsx", "dataset.yaml"])
        let yaml = try String(contentsOfFile: folder + "/dataset.yaml", encoding: .utf8)
        // In English the fallback sheet is "Table 2" (表2 in Chinese, as above).
        #expect(yaml.hasSuffix("tables:\n  visits_to_every_street_of_the_district:\n    sheet: Table 2\n"))
        #expect(DatasetManifest.check(path: folder + "/dataset.yaml", pack: pack).isEmpty)
        let result = try Audit.run(pack: pack, dataset: .directory(folder),
                                   options: AuditOptions(asOf: try #require(Day(iso: "2022-12-31")), threads: 1))
        #expect(result.findings.isEmpty)
        #expect(throws: TemplateError.notEmpty(path: folder, entries: ["dataset.yaml", "台账.xlsx"], count: 2)) {
            try DatasetTemplate(pack: pack, format: .csv, language: .en).write(to: folder)
        }
    }

    @Test func everyCommentedLineOfTheManifestIsValidOnceUncommented() throws {
        let pack = PackLoader.load(try PackSource.directory(DatasetTemplateTests.rules)).pack
        let builtIn = try #require(pack)
        let text = ManifestTemplate(pack: builtIn, words: Wording(language: .zh), renamedSheets: []).text
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("#") })
        // The example, uncommented, is a valid dataset.yaml for the pack.
        let example = text.split(separator: "\n").drop { !$0.hasPrefix("# tables:") }.prefix { $0 != "#" }
            .map { String($0.dropFirst(2)) }.joined(separator: "\n")
        #expect(example.hasPrefix("tables:\n  streets:"))
        let (manifest, diagnostics) = DatasetManifest.load(Array(example.utf8), path: "dataset.yaml", pack: builtIn)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(manifest?.tables.count == 1)
    }

    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules").path
}
