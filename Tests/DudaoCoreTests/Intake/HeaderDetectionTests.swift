import DudaoXLSX
import Foundation
import Testing
@testable import DudaoCore

/// The header row (INTAKE section 2): the first of a part's first 20 non-empty rows naming
/// every column, after NFKC, the pack's aliases and `dataset.yaml`'s local names.
@Suite struct HeaderDetectionTests {
    static let local = "序号,台账编号,活动日期,所编号,工作人员编号,服务类型,对象编号,事项,涉及民生,收费(元),处理结果,备注"

    @Test func rowsAboveTheHeaderAreNotDataAndFindingsKeepTheFilesLines() throws {
        let folder = try IntakeFolder()
        try folder.write("activities.csv", "城关法律服务所2022年活动台账\n单位：元\n\n" + Fixture.headers["activities.csv"]! + "\nA1,2022-07-01,O1,P9,赶大集,,,,,,\n")
        let result = try folder.audit()
        #expect(result.findings("data.unknown-reference").compactMap(\.subject.place) == ["activities.csv:5"])
    }

    @Test func localHeadersAnswerThroughAliasesAndTheManifestAfterNFKC() throws {
        let tables = TestPack.tables
            .replacingOccurrences(of: "记录编号: {type: id}", with: "记录编号: {type: id, aliases: [台账编号]}")
            .replacingOccurrences(of: "收费: {type: amount, optional: true, default: \"0\"}",
                                  with: "收费: {type: amount, optional: true, default: \"0\", aliases: [收费（元）]}")
        let pack = TestPack(rules: [], tables: tables)
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.write("activities.csv", Self.local + "\n1,A1,2022-07-01,O1,P9,赶大集,,,,300,,\n")
        try folder.write("dataset.yaml", "tables:\n  activities:\n    columns: {活动日期: 日期, 工作人员编号: 工作者编号, 服务类型: 活动类型}\n")
        let csv = try #require(try folder.assembled("activities", pack: pack))
        #expect(csv == Fixture.headers["activities.csv"]! + "\nA1,2022-07-01,O1,P9,赶大集,,,,300,,\n")
        let result = try folder.audit(pack)
        #expect(result.findings("data.unknown-reference").compactMap(\.subject.place) == ["activities.csv:2"])
    }

    @Test func noHeaderAmongTheFirstTwentyRowsNamesTheClosestRow() throws {
        let folder = try IntakeFolder(without: ["reports.csv"])
        let filler = (1...25).map { "说明第\($0)行" }.joined(separator: "\n")
        try folder.write("reports.csv", "所编号,阶段,日期\n" + filler + "\n所编号,阶段,报送日期\n")
        let error = try folder.runError()
        guard case .intake(.noHeader(let place, _, let row, let missing, _))? = error else {
            Issue.record("expected no header, got \(String(describing: error))")
            return
        }
        #expect(place.hasSuffix("/reports.csv"))
        #expect(row == 1)
        #expect(missing == ["报送日期"])
    }

    @Test func twoCellsNamingOneColumnAreAnError() throws {
        let folder = try IntakeFolder(without: ["reports.csv"])
        try folder.write("reports.csv", "所编号,阶段,报送日期,上报日期\n")
        try folder.write("dataset.yaml", "tables:\n  reports:\n    columns: {上报日期: 报送日期}\n")
        let error = try folder.runError()
        guard case .intake(.repeatedColumn(_, let row, let column, let first, let second))? = error else {
            Issue.record("expected a repeated column, got \(String(describing: error))")
            return
        }
        #expect(row == 1 && column == "报送日期" && first == 3 && second == 4)
    }

    @Test func headerMatchReportsMissingColumnsInSchemaOrder() throws {
        let pack = try TestPack(rules: []).load()
        let schema = try #require(pack.table(named: "reports"))
        let names = ColumnNames(schema: schema, manifest: nil)
        let match = names.match(["报送日期", "其他", "所编号"])
        #expect(match.missing == ["阶段"])
        #expect(match.cells == [2, nil, 0])
        #expect(HeaderText.key(" 村（居）ＡＢ１ ") == "村(居)AB1")
    }
}
