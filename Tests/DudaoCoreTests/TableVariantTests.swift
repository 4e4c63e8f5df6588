import Testing
@testable import DudaoCore

/// The data.* findings come from the table declarations: the same rows under tables that
/// differ in one key (the duplicate key columns, the window, the consistency check, an
/// optional column) give exactly the findings that key asks for.
@Suite struct TableVariantTests {
    static func tables(_ edits: [(String, String)]) -> TestPack {
        var text = TestPack.tables
        for (old, new) in edits {
            precondition(text.contains(old), "the tables have no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return TestPack(tables: text)
    }

    static let declared = TestPack()

    @Test func theDuplicateKeyColumnsDecideWhatIsACopy() throws {
        let rows = ["A1,2022-07-05,O1,P1,法制课,C1,,,,,", "A2,2022-07-05,O1,P1,法制课,C2,,,,,"]
        let withObject = try Fixture(["activities.csv": rows]).audit(Self.declared, asOf: "2023-04-30")
        #expect(withObject.lines("data.duplicate-record") == [])
        let withoutObject = Self.tables([("duplicates: [日期, 工作者编号, 活动类型, 对象编号]", "duplicates: [日期, 工作者编号, 活动类型]")])
        let r = try Fixture(["activities.csv": rows]).audit(withoutObject, asOf: "2023-04-30")
        #expect(r.lines("data.duplicate-record") == ["activities.csv:3"])
        #expect(r.findings("data.duplicate-record").first?.detail("duplicateOf") == .int(2))
    }

    @Test func theWindowIsTheDeclaredPeriod() throws {
        let rows = ["A1,2022-05-10,O1,P1,法律咨询,,,,,,", "A2,2023-03-10,O1,P1,法律咨询,,,,,,", "A3,2022-07-01,O1,P1,法律咨询,,,,,,"]
        let program = try Fixture(["activities.csv": rows]).audit(Self.declared, asOf: "2023-04-30")
        #expect(program.lines("data.date-out-of-window") == [])
        let implementation = Self.tables([("window: program", "window: implementation")])
        let r = try Fixture(["activities.csv": rows]).audit(implementation, asOf: "2023-04-30")
        #expect(r.lines("data.date-out-of-window") == ["activities.csv:2", "activities.csv:3"])
    }

    @Test func theActiveIntervalIsCheckedOnlyWhenDeclared() throws {
        let fixture = Fixture([
            "practitioners.csv": ["P1,张一,O1,2022-08-01,", "P2,李二,O2,,"],
            "activities.csv": ["A1,2022-07-01,O1,P1,赶大集,,,,,,", "A2,2022-07-01,O1,P2,赶大集,,,,,,"],
        ])
        let checked = try fixture.audit(Self.declared, asOf: "2023-04-30")
        #expect(checked.lines("data.office-mismatch") == ["activities.csv:2", "activities.csv:3"])
        let unchecked = Self.tables([("date_within_active: true", "date_within_active: false")])
        let r = try fixture.audit(unchecked, asOf: "2023-04-30")
        #expect(r.lines("data.office-mismatch") == ["activities.csv:3"])
        #expect(r.findings("data.office-mismatch").first?.detail("outsideActiveInterval") == .bool(false))
    }

    @Test func anEmptyCellIsInvalidOnlyInARequiredColumn() throws {
        let rows = ["A1,2022-07-01,O1,P1,法律咨询,,,,,,"]
        let optional = try Fixture(["activities.csv": rows]).audit(Self.declared, asOf: "2023-04-30")
        #expect(optional.findings("data.invalid-value").isEmpty)
        let required = Self.tables([("处理结果: {type: text, optional: true}", "处理结果: {type: text}")])
        let r = try Fixture(["activities.csv": rows]).audit(required, asOf: "2023-04-30")
        #expect(r.lines("data.invalid-value") == ["activities.csv:2"])
        #expect(r.findings("data.invalid-value").first?.detail("fields") == .texts(["处理结果"]))
    }

    @Test func aDeclaredEnumValueIsValidAndAnotherIsNot() throws {
        let rows = ["A1,2022-07-01,O1,P1,普法讲座,,,,,,"]
        let r = try Fixture(["activities.csv": rows]).audit(Self.declared, asOf: "2023-04-30")
        #expect(r.findings("data.invalid-value").first?.detail("fields") == .texts(["活动类型"]))
        let widened = Self.tables([("法律援助, 接访, 纠纷调处, 联系卡发放]", "法律援助, 接访, 纠纷调处, 联系卡发放, 普法讲座]")])
        #expect(try Fixture(["activities.csv": rows]).audit(widened, asOf: "2023-04-30").findings("data.invalid-value").isEmpty)
    }
}
