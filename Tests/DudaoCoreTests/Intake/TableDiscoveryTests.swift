import DudaoXLSX
import Foundation
import Testing
@testable import DudaoCore

/// Where the intake finds each table (INTAKE section 1): the pack's file, the same stem as a
/// workbook, a folder of parts, sheets of top-level workbooks, `dataset.yaml`'s files; and
/// the errors for a table in two places, missing tables and legacy workbooks.
@Suite struct TableDiscoveryTests {
    static let header = textRow("记录编号", "日期", "所编号", "工作者编号", "活动类型", "对象编号", "事项", "涉及民生", "收费", "处理结果", "备注")
    /// A row naming a practitioner no roster has: one `data.unknown-reference` finding.
    static func unknownPractitioner(_ id: String) -> [XLSXWriter.Cell] {
        textRow(id, "2022-07-01", "O1", "P9", "赶大集", "", "", "", "", "", "")
    }

    @Test func aCanonicalFolderIsReadInPlaceWithTheSameFindings() throws {
        let fixture = Fixture(["activities.csv": ["A1,2022-07-01,O1,P9,赶大集,,,,,,"]])
        let folder = try IntakeFolder(fixture)
        let tables = try IntakeTables.read(folder: folder.path, pack: TestPack(rules: []).load(), english: false)
        #expect(tables.sources.values.allSatisfy { if case .canonical = $0 { true } else { false } })
        let fromFolder = try folder.audit()
        let fromMemory = try fixture.audit(TestPack(rules: []), asOf: "2022-10-15")
        #expect(fromFolder.findings.map(\.fingerprint) == fromMemory.findings.map(\.fingerprint))
        #expect(fromFolder.lines("data.unknown-reference") == ["activities.csv:2"])
    }

    @Test func aFolderOfPartsIsOneTableInNameOrder() throws {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.write("activities/2-b.csv", Fixture.headers["activities.csv"]! + "\nB1,2022-07-01,O1,P1,赶大集,,,,,,\n")
        try folder.workbook("activities/1-a.xlsx", [.init(name: "活动台账", rows: [Self.header, Self.unknownPractitioner("A1")])])
        try folder.workbook("activities/3-c.xlsx", [.init(name: "Sheet1", rows: [
            textRow("台账"), Self.header, textRow("C1", "2022-07-01", "O1", "P1", "赶大集", "", "", "", "", "", ""),
        ])])
        let result = try folder.audit()
        let unknown = try #require(result.findings("data.unknown-reference").first)
        #expect(unknown.subject.file == "activities/1-a.xlsx")
        #expect(unknown.subject.sheet == "活动台账")
        #expect(unknown.subject.line == 2)
        // C1 repeats B1 (same date, practitioner, type, object): the later part's row is the duplicate.
        let duplicate = try #require(result.findings("data.duplicate-record").first)
        #expect(duplicate.subject.file == "activities/3-c.xlsx")
        #expect(duplicate.subject.sheet == "Sheet1")
        #expect(duplicate.subject.line == 3)
        #expect(duplicate.detail("duplicateOf") == .int(2))
        #expect(duplicate.message.contains("activities/2-b.csv"))
    }

    @Test func aTableInTwoPlacesNamesBoth() throws {
        let folder = try IntakeFolder()
        try folder.write("activities/extra.csv", Fixture.headers["activities.csv"]! + "\n")
        #expect(try folder.runError() == .intake(.twoPlaces(table: "活动台账", first: "activities.csv", second: "activities/")))
    }

    @Test func aWorkbookNamedAfterTheStemAndTheCSVAreTwoPlaces() throws {
        let folder = try IntakeFolder()
        try folder.workbook("activities.xlsx", [.init(name: "活动台账", rows: [Self.header])])
        #expect(try folder.runError() == .intake(.twoPlaces(table: "活动台账", first: "activities.csv", second: "activities.xlsx")))
    }

    @Test func everyMissingTableIsNamedInOneError() throws {
        let folder = try IntakeFolder(without: ["reports.csv", "contacts.csv"])
        guard case .intake(.missingTables(_, let tables))? = try folder.runError() else {
            Issue.record("expected the missing tables")
            return
        }
        #expect(tables.map(\.table) == ["contacts", "reports"])
        #expect(tables[1].columns == ["所编号", "阶段", "报送日期"])
        let message = RunError.intake(.missingTables(folder: "台账", tables: tables)).message(english: false)
        #expect(message.contains("台账：找不到 2 张表") && message.contains("应有列：所编号、阶段、报送日期"))
    }

    @Test func aLegacyWorkbookWhereTheTableWouldBeIsRefused() throws {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.write("activities.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        #expect(try folder.runError() == .intake(.workbook(.legacyFormat(file: "activities.xls"))))
    }

    @Test func aLegacyPartIsRefused() throws {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.write("activities/第1批.csv", Fixture.headers["activities.csv"]! + "\n")
        try folder.write("activities/第2批.et", Data([0xD0, 0xCF, 0x11, 0xE0]))
        #expect(try folder.runError() == .intake(.workbook(.legacyFormat(file: "activities/第2批.et"))))
    }

    @Test func aMissingTableBesideATopLevelLegacyWorkbookIsThatWorkbooksRefusal() throws {
        let folder = try IntakeFolder(without: ["reports.csv"])
        try folder.write("台账.xls", Data([0xD0, 0xCF, 0x11, 0xE0]))
        #expect(try folder.runError() == .intake(.workbook(.legacyFormat(file: "台账.xls"))))
    }

    @Test func aSheetOfATopLevelWorkbookIsFoundByTitleAfterNFKC() throws {
        let folder = try IntakeFolder(without: ["activities.csv", "reports.csv"])
        try folder.workbook("台账.xlsx", [
            .init(name: "填报说明", rows: [textRow("请按列填写")]),
            .init(name: "活动台账", rows: [Self.header, Self.unknownPractitioner("A1")]),
            // Full-width letters are the table's name after NFKC.
            .init(name: "ｒｅｐｏｒｔｓ", rows: [textRow("所编号", "阶段", "报送日期")]),
        ])
        let result = try folder.audit()
        #expect(result.findings("data.unknown-reference").compactMap(\.subject.place) == ["台账.xlsx[活动台账]:2"])
    }

    @Test func aTablesOwnWorkbookWithSeveralUnnamedSheetsIsAnError() throws {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.workbook("activities.xlsx", [.init(name: "一月", rows: [Self.header]), .init(name: "二月", rows: [Self.header])])
        #expect(try folder.runError() == .intake(.ambiguousSheet(file: "activities.xlsx", table: "活动台账", sheets: ["一月", "二月"])))
    }

    @Test func theManifestsFilesAndSheetFindATable() throws {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.workbook("各所/O1.xlsx", [.init(name: "说明", rows: [textRow("x")]), .init(name: "登记", rows: [Self.header, Self.unknownPractitioner("A1")])])
        try folder.workbook("各所/O2.xlsx", [.init(name: "登记", rows: [Self.header, Self.unknownPractitioner("A2")])])
        try folder.write("dataset.yaml", "tables:\n  activities:\n    files: [各所/*.xlsx]\n    sheet: 登记\n")
        let result = try folder.audit()
        #expect(result.findings("data.unknown-reference").compactMap(\.subject.place).sorted() == ["各所/O1.xlsx[登记]:2", "各所/O2.xlsx[登记]:2"])
    }

    @Test func lockFilesAndHiddenFilesAreIgnored() throws {
        let folder = try IntakeFolder()
        try folder.write("~$activities.xlsx", Data("not a workbook".utf8))
        try folder.write(".activities.xlsx", Data("not a workbook".utf8))
        #expect(try folder.runError() == nil)
    }

    @Test func globsMatchOnePathComponentEach() throws {
        let folder = try IntakeFolder()
        try folder.write("a/x1.csv", "")
        try folder.write("a/x2.txt", "")
        try folder.write("a/b/x3.csv", "")
        #expect(IntakePath.glob("a/*.csv", in: folder.path) == ["a/x1.csv"])
        #expect(IntakePath.glob("a/*/x?.csv", in: folder.path) == ["a/b/x3.csv"])
        #expect(!IntakePath.isConfined("../x.csv") && !IntakePath.isConfined("/etc/x.csv") && !IntakePath.isConfined("a/../../x"))
        #expect(IntakePath.isConfined("a/*.csv"))
    }
}
