import Testing
@testable import DudaoCore

/// One reading of PACK-SPEC's "offices of a finding", shared by the engine and the sampler.
@Suite struct OfficeAttributionTests {
    static let tables = """
          people:
            title: 人员
            file: people.csv
            entity: person
            key: 人员编号
            office: 所编号
            columns:
              人员编号: {type: id}
              所编号: {type: id, references: offices}
          links:
            title: 联系
            file: links.csv
            office: 人员编号
            columns:
              人员编号: {type: id, references: people}
          teams:
            title: 团队
            file: teams.csv
            entity: team
            key: 团队编号
            office: 团队编号
            columns:
              团队编号: {type: id}
        rules:
        """

    func attribution() throws -> OfficeAttribution {
        let source = SmallPack.source(replacing: "rules:\n", with: Self.tables + "\n")
        let (pack, diagnostics) = PackLoader.load(source)
        let loaded = try #require(pack, "\(diagnostics)")
        return OfficeAttribution(pack: loaded)
    }

    @Test func aColumnReferringToTheOfficeRosterHoldsTheOfficeID() throws {
        let a = try attribution()
        #expect(a.way(of: "visits") == .officeID(column: "所编号"))
        #expect(a.way(of: "people") == .officeID(column: "所编号"))
    }

    @Test func theOfficeRostersOwnKeyIsItsOffice() throws {
        #expect(try attribution().way(of: "offices") == .officeID(column: "所编号"))
    }

    @Test func aColumnReferringToAnotherRosterGoesThroughItsRow() throws {
        #expect(try attribution().way(of: "links") == .via(column: "人员编号", rosters: ["people"]))
    }

    /// The engine used to take any table's key as an office id when it was the office column;
    /// the sampler did not. A key is an office id only in the office roster.
    @Test func anotherTablesKeyIsNoOfficeID() throws {
        #expect(try attribution().way(of: "teams") == nil)
    }

    @Test func theResolverAndTheDirectoryAgreeOnALinkedRow() throws {
        let source = SmallPack.source(replacing: "rules:\n", with: Self.tables + "\n")
        let pack = try #require(PackLoader.load(source).pack)
        let dataset = Dataset.memory(name: "t", files: [
            "offices.csv": Array("所编号,所名称,街道\nO1,一所,S1\nO2,二所,S1\n".utf8),
            "people.csv": Array("人员编号,所编号\nP1,O2\n".utf8),
            "links.csv": Array("人员编号\nP1\n".utf8),
            "teams.csv": Array("团队编号\nT1\n".utf8),
            "visits.csv": Array("记录编号,日期,所编号,方式\n".utf8),
        ])
        var directory = OfficeDirectory(pack: pack, dataset: dataset, english: false)
        let links = try #require(pack.table(named: "links")), teams = try #require(pack.table(named: "teams"))
        #expect(try directory.office(of: links, text: "P1") == "O2")
        #expect(try directory.office(of: teams, text: "T1") == nil)
    }
}
