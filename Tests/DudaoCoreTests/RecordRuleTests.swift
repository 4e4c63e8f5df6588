import Testing
@testable import DudaoCore

/// `each_record` requirements: every valid matching record is judged on its own.
@Suite struct RecordRuleTests {
    /// A requirement on one column of the matched records.
    static let freeConsultation = """
          - id: free-livelihood-consultation
            title: 民生咨询免费
            severity: error
            kind: each_record
            records:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法律咨询}
                  - {field: 涉及民生, eq: 是}
            require: {field: 收费, eq: "0"}
            message: "{record}涉及民生的法律咨询收费{actual}元"

        """

    /// A requirement against a value looked up in another table, by the record's own column.
    static let feeCap = """
          - id: livelihood-fee-cap
            title: 民生事务按最低标准收费
            severity: error
            kind: each_record
            records:
              table: activities
              where:
                all:
                  - {field: 活动类型, eq: 法律事务}
                  - {field: 涉及民生, eq: 是}
                  - {field: 事项, in_table: fee_schedule}
            require:
              field: 收费
              le: {lookup: {table: fee_schedule, by: 事项, column: 最低标准}}
            message: "{record}“{record.事项}”收费{actual}元，超过{expected}元"

        """

    /// A requirement that a text is not empty, for records of a set of types.
    static let outcomeRecorded = """
          - id: outcome-recorded
            title: 登记处理结果
            severity: warning
            kind: each_record
            records:
              table: activities
              where: {field: 活动类型, in: [接访, 纠纷调处]}
            require: {field: 处理结果, empty: false}
            message: "{record}{record.活动类型}未登记处理结果"

        """

    static let pack = TestPack(rules: freeConsultation, feeCap, outcomeRecorded)

    @Test(arguments: [
        ("A1,2022-07-01,O1,P1,法律咨询,,,是,50,,", true),
        ("A1,2022-07-01,O1,P1,法律咨询,,,是,0.5,,", true),
        ("A1,2022-05-10,O1,P1,法律咨询,,,是,50,,", true),     // 动员学习 is in the program window too
        ("A1,2022-07-01,O1,P1,法律咨询,,,是,0,,", false),
        ("A1,2022-07-01,O1,P1,法律咨询,,,是,0.00,,", false),
        ("A1,2022-07-01,O1,P1,法律咨询,,,是,,,", false),       // empty 收费 = 0
        ("A1,2022-07-01,O1,P1,法律咨询,,,否,50,,", false),
        ("A1,2022-07-01,O1,P1,法律咨询,,,,50,,", false),       // empty 涉及民生 = 否
        ("A1,2022-07-01,O1,P1,法律事务,,,是,50,,", false),     // another type
        ("A1,2022-07-01,O9,P1,法律咨询,,,是,50,,", false),     // invalid record (unknown office) is not judged
    ])
    func freeLivelihoodConsultation(row: String, finding: Bool) throws {
        let r = try Fixture(["activities.csv": [row]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.subjects("free-livelihood-consultation") == (finding ? ["A1"] : []))
        if finding {
            let f = r.findings("free-livelihood-consultation")[0]
            #expect(f.subject.file == "activities.csv" && f.subject.line == 2)
            #expect(f.offices == ["O1"])
            #expect(f.period == nil)
        }
    }

    @Test(arguments: [
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,是,200.00,,", nil as Int?),   // at the cap
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,是,200,,", nil),
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,是,199.99,,", nil),
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,是,200.01,,", 20_001),
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,是,1000,,", 100_000),
        ("A1,2022-07-01,O1,P1,法律事务,,合同审查,否,1000,,", nil),          // not livelihood
        ("A1,2022-07-01,O1,P1,法律事务,,遗嘱见证,是,1000,,", nil),          // unknown 事项: check skipped
        ("A1,2022-07-01,O1,P1,法律事务,,,是,1000,,", nil),                // no 事项
        ("A1,2022-07-01,O1,P1,法律咨询,,合同审查,否,1000,,", nil),          // another type
    ])
    func livelihoodFeeCap(row: String, chargedCents: Int?) throws {
        let r = try Fixture(["activities.csv": [row]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.subjects("livelihood-fee-cap") == (chargedCents == nil ? [] : ["A1"]))
        if let cents = chargedCents {
            let f = r.findings("livelihood-fee-cap")[0]
            #expect(f.expected == .amount(Amount(yuan: 200)))
            #expect(f.actual == .amount(Amount(micros: Int64(cents) * 10_000)))
        }
    }

    /// A cap of 5000 yuan (5e9 micro-yuan) does not fit in 4 bytes: the schedule's values
    /// widen after its first row, and the caps read before and after stay exact.
    @Test func capsBeyondFourBytesKeepEveryCap() throws {
        let r = try Fixture([
            "fee_schedule.csv": ["合同审查,200", "房产过户,5000", "遗嘱见证,300"],
            "activities.csv": [
                "A1,2022-07-01,O1,P1,法律事务,,合同审查,是,200.01,,",
                "A2,2022-07-01,O1,P1,法律事务,,房产过户,是,5000.01,,",
                "A3,2022-07-01,O1,P1,法律事务,,房产过户,是,5000,,",
                "A4,2022-07-01,O1,P1,法律事务,,遗嘱见证,是,300.01,,",
            ],
        ]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.subjects("livelihood-fee-cap") == ["A1", "A2", "A4"])
        #expect(r.findings("livelihood-fee-cap").map(\.expected) == [200, 5000, 300].map { .amount(Amount(yuan: $0)) })
    }

    @Test func unknownMatterIsAReferenceProblemButSkipsOnlyTheFeeCheck() throws {
        let r = try Fixture(["activities.csv": [
            "A1,2022-07-01,O1,P1,法律事务,,遗嘱见证,是,1000,,",
            "A2,2022-07-01,O1,P1,法律咨询,,遗嘱见证,是,0,,",   // 事项 of other types is free text
        ]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.unknown-reference") == ["activities.csv:2"])
        #expect(r.findings("data.unknown-reference")[0].detail("fields") == .texts(["事项"]))
        #expect(r.findings("data.invalid-value").isEmpty)
        #expect(r.findings("livelihood-fee-cap").isEmpty)
    }

    @Test(arguments: [
        ("A1,2022-07-01,O1,P1,接访,,,,,,", true),
        ("A1,2022-07-01,O1,P1,纠纷调处,,,,,  ,", true),        // blank after trimming
        ("A1,2023-03-20,O1,P1,纠纷调处,,,,,,", true),          // 检查验收 is in the program window
        ("A1,2022-07-01,O1,P1,纠纷调处,,,,,已调解,", false),
        ("A1,2022-07-01,O1,P1,接访,,,,,已答复,", false),
        ("A1,2022-07-01,O1,P1,法律援助,,,,,,", false),          // not judged
        ("A1,2023-04-02,O1,P1,接访,,,,,,", false),             // out of window: invalid, not judged
    ])
    func outcomeRecorded(row: String, finding: Bool) throws {
        let r = try Fixture(["activities.csv": [row]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.subjects("outcome-recorded") == (finding ? ["A1"] : []))
        if finding { #expect(r.findings("outcome-recorded")[0].severity == .warning) }
    }
}
