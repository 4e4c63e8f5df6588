import Testing
@testable import DudaoCore

/// `dataset.yaml` is checked like a rule file: every problem at its line and column, with a
/// did-you-mean (INTAKE section 4).
@Suite struct DatasetManifestTests {
    func problems(_ text: String) throws -> [String] {
        let pack = try TestPack(rules: []).load()
        let (manifest, diagnostics) = DatasetManifest.load(Array(text.utf8), path: "dataset.yaml", pack: pack)
        if !diagnostics.isEmpty { #expect(manifest == nil) }
        return diagnostics.map { "\($0.mark.line):\($0.mark.column) \($0.problem.code) \($0.problem.message(english: true))" }
    }

    @Test func aValidManifestIsRead() throws {
        let pack = try TestPack(rules: []).load()
        let text = """
            tables:
              activities:
                files: [各所/*.xlsx, 补录.csv]
                sheet: 登记
                columns: {工作人员编号: 工作者编号}
                values:
                  活动类型: {法治课: 法制课}
                  涉及民生: {"√": 是}
            """
        let (manifest, diagnostics) = DatasetManifest.load(Array(text.utf8), path: "dataset.yaml", pack: pack)
        #expect(diagnostics.isEmpty)
        let table = try #require(manifest?.table("activities"))
        #expect(table.files == ["各所/*.xlsx", "补录.csv"])
        #expect(table.sheet == "登记")
        #expect(table.columns.map(\.local) == ["工作人员编号"] && table.columns.map(\.column) == ["工作者编号"])
        #expect(table.values["活动类型"] == ["法治课": "法制课"])
    }

    @Test func unknownKeysTablesAndColumnsAreFoundWithADidYouMean() throws {
        let found = try problems("""
            tables:
              activites:
                sheet: x
              reports:
                shete: 报告
                columns: {上报日期: 报送日起}
            """)
        #expect(found == [
            "2:3 undeclared-table undeclared table 'activites'; did you mean 'activities'?",
            "5:5 unknown-key unknown key 'shete' in dataset.yaml 中的表; did you mean 'sheet'?",
            "6:21 undeclared-column undeclared column '报送日起'; did you mean '报送日期'?",
        ])
    }

    @Test func wrongTypesAndValuesOutsideAColumnsSetAreErrors() throws {
        let found = try problems("""
            tables:
              activities:
                columns: [工作者编号]
                values:
                  活动类型: {法治课: 法制客}
                files: [../别处/*.csv]
            """)
        #expect(found.count == 3, "\(found)")
        #expect(found[0].hasPrefix("3:14 wrong-type"))
        #expect(found[1].hasPrefix("5:19 enum-value") && found[1].contains("'法制课'"), "\(found)")
        #expect(found[2].hasPrefix("6:13 invalid-value"))
    }

    @Test func aManifestWithoutTablesIsAnError() throws {
        let found = try problems("table: {}\n")
        #expect(found.map { String($0.prefix(15)) } == ["1:1 missing-key", "1:1 unknown-key"], "\(found)")
    }
}
