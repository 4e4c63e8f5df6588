import Testing
@testable import DudaoCore

/// The data.* findings derived from the table declarations, with their file and line.
@Suite struct DataQualityTests {
    static let pack = TestPack(rules: CountRuleTests.adviceMonthly, CountRuleTests.checkDateRules, CountRuleTests.marketFairQuarterly,
                               RecordRuleTests.freeConsultation, RecordRuleTests.feeCap)

    func fields(_ f: Finding) -> [String] {
        guard case .texts(let names)? = f.detail("fields") else { return [] }
        return names
    }

    // MARK: data.invalid-value

    /// A data-quality finding says where the record is, then what is wrong with it, in the
    /// report's language: no Chinese punctuation in an English message.
    @Test func recordMessagesAreInTheReportLanguage() throws {
        let fixture = Fixture(["activities.csv": ["A1,2022/2/30,O1,P1,法律咨询,,合同审查,是,,,", "A2,2022-07-01,O1,P9,法律咨询,,合同审查,是,,,"]])
        var options = AuditOptions(asOf: day("2023-04-30"), english: true)
        options.threads = 1
        let english = try Audit.run(pack: Self.pack.load(), dataset: fixture.dataset(), options: options)
        let finding = try #require(english.findings("data.invalid-value").first)
        #expect(finding.message == "activities.csv line 2 (A1): invalid or missing value: 日期 '2022/2/30'")
        let chinese = try fixture.audit(Self.pack, asOf: "2023-04-30")
        #expect(chinese.findings("data.invalid-value").first?.message == "activities.csv 第2行（A1）：取值无效或缺失：日期“2022/2/30”")
        // Rosters are named by their table names in English, by their titles in Chinese.
        #expect(english.findings("data.unknown-reference").first?.message
                == "activities.csv line 3 (A2): 工作者编号 'P9' is in none of: practitioners")
        #expect(chinese.findings("data.unknown-reference").first?.message.hasSuffix("工作者编号“P9”不在工作者名册中") == true)
    }

    @Test(arguments: [
        ("A1,2022-07-01,O1,P1,法制客,C1,,可能,-50,,", ["活动类型", "涉及民生", "收费"]),
        ("A1,2022/2/30,O1,P1,法律咨询,,,是,50元,,", ["日期", "收费"]),
        ("A1,2022-07-01,O1,P1,法律咨询,,,,\"1,000\",,", ["收费"]),
        ("A1,2022-07-01,O1,P1,法律咨询,,,,面议,,", ["收费"]),
        (",2022-07-01,,P1,法制课,,,,,,", ["记录编号", "所编号", "对象编号"]),  // empty required cells
        ("A1,2022-07-01,O1,,法律体检,,,,,,", ["工作者编号", "对象编号"]),
        ("A1,2022-07-01,O1,P1,法律咨询,,,,,,", []),                    // 对象编号 optional for a consultation
        ("A1,2022-07-01,O1,P1,联系卡发放,C1,,否,12.50,,", []),
        ("A1,2022年7月1日,O1,P1,法律建议,S1,,,,,", []),
        ("A1,2022-07-01,O1,P1,法制客,,,,,,", ["活动类型"]),          // an invalid type requires no 对象编号
        ("A1,2022-7/1,O1,P1,法律咨询,,,,.5,,", ["日期", "收费"]),      // mixed separators; no leading digit
        ("A1,2022年7月1,O1,P1,法律咨询,,,,5.,,", ["日期", "收费"]),
        ("A1,22-07-01,O1,P1,法律咨询,,,,+5,,", ["日期", "收费"]),
        ("A1,2022-07-01,O1,P1,法律咨询,,,,５,,", ["收费"]),            // full-width digit
        ("A1,2022-07-01 09:00,O1,P1,法律咨询,,,,,,", ["日期"]),        // no time of day
    ])
    func invalidValueNamesEveryBadFieldInColumnOrder(row: String, expected: [String]) throws {
        let r = try Fixture(["activities.csv": [row]]).audit(Self.pack, asOf: "2023-04-30")
        let found = r.findings("data.invalid-value")
        if expected.isEmpty {
            #expect(found.isEmpty)
        } else {
            #expect(found.count == 1)
            #expect(found.first.map(fields) == expected)
            #expect(found.first?.subject.file == "activities.csv" && found.first?.subject.line == 2)
            #expect(found.first?.severity == .error)
        }
        // An empty reference cell is invalid, never an unknown reference.
        #expect(r.findings("data.unknown-reference").isEmpty)
    }

    @Test func invalidRosterRowsAreNoSubjectsButTheirKeysExist() throws {
        let r = try Fixture([
            "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,2022/2/30,", "P3,王三,O1,2022-01-01,"],
            "communities.csv": ["C1,东村,乡,S1", "C2,西居,居,S2"],
            "activities.csv": ["A1,2022-07-01,O1,P2,法律建议,C1,,,,,"],   // P2 and C1 exist as keys
        ]).audit(Self.pack, asOf: "2022-07-31")
        #expect(r.lines("data.invalid-value") == ["communities.csv:2", "practitioners.csv:3"])
        #expect(r.byLine("data.invalid-value").map(fields) == [["类型"], ["执业起始"]])
        #expect(r.findings("data.unknown-reference").isEmpty)
        #expect(r.findings("data.office-mismatch").isEmpty)     // P2 is on an invalid row
        #expect(r.keyed("advice-monthly-street") == ["P1@2022-06-01", "P1@2022-07-01", "P3@2022-06-01", "P3@2022-07-01"])
        #expect(r.subjects("contact-coverage") == ["C2"])
    }

    @Test func duplicateRosterKeyTheFirstRowWins() throws {
        let r = try Fixture([
            "practitioners.csv": ["P1,张一,O1,2022/2/30,", "P1,张一,O1,,", "P2,李二,O2,,", "P2,李二,O1,,"],
            "activities.csv": ["A1,2022-06-10,O2,P2,赶大集,,,,,,", "A2,2022-06-10,O1,P2,法律咨询,,,,,,"],
        ]).audit(Self.pack, asOf: "2022-06-30")
        // P1's first row is invalid: no entity, even though a later row is valid. P2's office is O2.
        #expect(r.keyed("advice-monthly-street") == ["P2@2022-06-01"])
        #expect(r.lines("data.invalid-value") == ["practitioners.csv:2"])
        #expect(r.lines("data.office-mismatch") == ["activities.csv:3"])
        #expect(r.lines("data.unknown-reference") == [])
    }

    @Test func feeScheduleRowWithABadRateGivesNoCap() throws {
        let r = try Fixture([
            "fee_schedule.csv": ["合同审查,200", "代写文书,面议"],
            "activities.csv": ["A1,2022-07-01,O1,P1,法律事务,,代写文书,是,5000,,"],
        ]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.invalid-value") == ["fee_schedule.csv:3"])
        #expect(r.findings("data.invalid-value")[0].subject.id == "代写文书")
        #expect(r.findings("data.invalid-value")[0].detail("fields") == .texts(["最低标准"]))
        #expect(r.findings("data.unknown-reference").isEmpty)
        #expect(r.findings("livelihood-fee-cap").isEmpty)
    }

    @Test func contactPointAtAStreetIsInvalidOnTheObject() throws {
        let r = try Fixture(["contacts.csv": [
            "P1,S1,联系点,2022-01-01,",
            "P1,E1,联系点,2022-01-01,",
            "P1,S1,法律顾问,2022-01-01,",   // an adviser may serve a street
            "P1,X9,联系点,2022-01-01,",     // unknown object: only an unknown reference
            "P9,C1,联系点,2022-01-01,",     // unknown practitioner
        ]]).audit(Self.pack, asOf: "2022-10-15")
        #expect(r.lines("data.invalid-value") == ["contacts.csv:2", "contacts.csv:3"])
        #expect(r.byLine("data.invalid-value").map(fields) == [["对象编号"], ["对象编号"]])
        #expect(r.byLine("data.invalid-value").map(\.offices) == [["O1"], ["O1"]])
        #expect(r.lines("data.unknown-reference") == ["contacts.csv:5", "contacts.csv:6"])
        #expect(r.byLine("data.unknown-reference").map(fields) == [["对象编号"], ["工作者编号"]])
        #expect(r.subjects("street-adviser") == ["S2"])
        #expect(r.subjects("practitioner-contacts") == ["P1", "P2"])   // no valid contact point for either
    }

    // MARK: data.unknown-reference

    @Test func unknownReferencesOneFindingPerRow() throws {
        let r = try Fixture(["activities.csv": [
            "A1,2022-07-01,O9,P9,法律咨询,X9,,,,,",
            "A2,2022-07-01,O1,P1,法制课,X9,,,abc,,",   // both an invalid value and an unknown reference
            "A3,2022-07-01,O1,P1,法制课,C1,,,,,",
        ]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.unknown-reference") == ["activities.csv:2", "activities.csv:3"])
        #expect(r.byLine("data.unknown-reference").map(fields) == [["所编号", "工作者编号", "对象编号"], ["对象编号"]])
        #expect(r.byLine("data.unknown-reference").map(\.offices) == [["O9"], ["O1"]])
        #expect(r.lines("data.invalid-value") == ["activities.csv:3"])
    }

    // MARK: data.date-out-of-window

    @Test(arguments: [
        ("2022-04-30", true), ("2022-05-01", false), ("2023-03-31", false), ("2023-04-01", true), ("2021-12-31", true),
    ])
    func dateOutOfWindow(date: String, finding: Bool) throws {
        let r = try Fixture(["activities.csv": ["A1,\(date),O1,P1,法律咨询,,,是,5,,"]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.date-out-of-window") == (finding ? ["activities.csv:2"] : []))
        if finding {
            #expect(r.findings("data.date-out-of-window")[0].detail("date") == .text(date))
            #expect(r.findings("data.date-out-of-window")[0].severity == .warning)
        }
        // An out-of-window record is not valid, so it is not judged.
        #expect(r.subjects("free-livelihood-consultation") == (finding ? [] : ["A1"]))
    }

    @Test func windowConcernsActivitiesOnly() throws {
        let r = try Fixture(["reports.csv": ["O1,动员学习,2023-04-20"]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.findings("data.date-out-of-window").isEmpty)
    }

    // MARK: data.office-mismatch

    @Test func officeMismatch() throws {
        let r = try Fixture([
            "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,2022-07-01,2022-09-30", "P4,赵四,O1,2022-13-01,"],
            "activities.csv": [
                "A1,2022-07-01,O2,P1,赶大集,,,,,,",    // wrong office
                "A2,2022-10-01,O2,P2,赶大集,,,,,,",    // right office, after P2's end
                "A3,2022-06-30,O1,P2,赶大集,,,,,,",    // wrong office and before P2's start
                "A4,2022-07-01,O2,P4,赶大集,,,,,,",    // P4's roster row is invalid: no mismatch
                "A5,2022-07-01,O9,P1,赶大集,,,,,,",    // unknown office: only an unknown reference
                "A6,2022-07-01,O1,P1,赶大集,,,,,,",    // fine
                "A7,2022-13-01,O2,P1,赶大集,,,,,,",    // unreadable date: the office part is still judged
                "A8,2023-04-10,O2,P1,赶大集,X9,,,,,",  // invalid (out of window, unknown object) still checked
            ],
        ]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.office-mismatch") == ["activities.csv:2", "activities.csv:3", "activities.csv:4", "activities.csv:8", "activities.csv:9"])
        let f = r.byLine("data.office-mismatch")
        #expect(f.map { $0.detail("outsideActiveInterval") } == [.bool(false), .bool(true), .bool(true), .bool(false), .bool(false)])
        #expect(f.map(\.expected) == [.text("O1"), .text("O2"), .text("O2"), .text("O1"), .text("O1")])
        #expect(f.map(\.actual) == [.text("O2"), .text("O2"), .text("O1"), .text("O2"), .text("O2")])
        #expect(f.allSatisfy { $0.severity == .warning && $0.offices == [$0.actual == .text("O1") ? "O1" : "O2"] })
        // Still counts: O2's first quarter is met by A1 (logged under O2).
        #expect(!r.keyed("market-fair-quarterly").contains("O2@2022-06-01"))
    }

    // MARK: data.duplicate-record

    @Test func duplicatesWithExactLinesAcrossAQuotedNewline() throws {
        let r = try Fixture(["activities.csv": [
            "A1,2022-07-05,O1,P1,法制课,C1,,,,,",                 // 2
            "A2,2022年7月5日,O1,P1,法制课,C1,,,,,",               // 3: same date after parsing
            "A3,2022/7/5,O2, P1 ,法制课,C1,,,,,",                 // 4: third copy → line 2; trimmed; 所编号 ignored
            "A4,2022-07-06,O1,P1,法制课,C1,,,abc,,",              // 5: invalid, takes part
            "A5,2022.7.6,O1,P1,法制课,C1,,,,,",                   // 6: duplicate of the invalid row
            "A6,2022-13-01,O1,P1,赶大集,,,,,,",                   // 7: unreadable date: no part
            "A7,2022-13-01,O1,P1,赶大集,,,,,,",                   // 8
            "A8,2022-07-07,O1,P1,赶大集,,,,,\"第一行\n第二行\",",   // 9-10: a quoted newline
            "A9,2022-07-07,O1,P1,赶大集,,,,,,备注不同",             // 11: empty object equals empty
            "A10,2022-07-05,O1,P1,法制课,C2,,,,,",                // 12: another object
            "A11,2022-07-05,O1,P1,法律建议,C1,,,,,",              // 13: another type
            "A12,2022-07-05,O1,P2,法制课,C1,,,,,",               // 14: another practitioner
            "A13,2022-07-08,O1,P1,赶大集,,,,x,,",                 // 15: invalid 收费 after the quoted newline
        ]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.duplicate-record") == [
            "activities.csv:3", "activities.csv:4", "activities.csv:6", "activities.csv:11",
        ])
        #expect(r.byLine("data.duplicate-record").map { $0.detail("duplicateOf") } == [.int(2), .int(2), .int(5), .int(9)])
        #expect(r.lines("data.invalid-value") == ["activities.csv:5", "activities.csv:7", "activities.csv:8", "activities.csv:15"])
        #expect(r.findings("data.duplicate-record").allSatisfy { $0.severity == .warning })
        #expect(r.byLine("data.duplicate-record").first?.evidence == [Evidence(file: "activities.csv", line: 3)])
    }

    /// Known ids and declared values are compared by their codes, unknown ones by their text:
    /// the two ways must agree on what is the same.
    @Test func duplicatesWithUnknownIdsAndUndeclaredValues() throws {
        let r = try Fixture(["activities.csv": [
            "A1,2022-07-05,O1,P9,法制课,X1,,,,,",                 // 2: unknown practitioner and object
            "A2,2022-07-05,O1,P9,法制课,X1,,,,,",                 // 3: same texts → duplicate of 2
            "A3,2022-07-05,O1,P9,法制课,X2,,,,,",                 // 4: another unknown object
            "A4,2022-07-05,O1,P1,法制课,X1,,,,,",                 // 5: known practitioner now
            "A5,2022-07-05,O1,P1,开大会,C1,,,,,",                 // 6: an undeclared type
            "A6,2022-07-05,O1,P1,开大会,C1,,,,,",                 // 7: → duplicate of 6
            "A7,2022-07-05,O1,P1,开小会,C1,,,,,",                 // 8: another undeclared type
            "A8,2022-07-05,O1,P1,法制课,C1,,,,,",                 // 9: the declared type
            "A9,2022-07-05,O1,P1,法制课, C1 ,,,,,",               // 10: → duplicate of 9 (trimmed)
        ]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.duplicate-record") == ["activities.csv:3", "activities.csv:7", "activities.csv:10"])
        #expect(r.byLine("data.duplicate-record").map { $0.detail("duplicateOf") } == [.int(2), .int(6), .int(9)])
    }

    @Test func blankRowsAreSkippedButKeepTheirLines() throws {
        let r = try Fixture(["activities.csv": [
            ",,,,,,,,,,",
            "",
            "A1,2022-07-01,O1,P1,法律咨询,,,是,x,,",
        ]]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.lines("data.invalid-value") == ["activities.csv:4"])
    }
}
