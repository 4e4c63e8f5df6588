import Testing
@testable import DudaoCore

/// `deadline` requirements: the phase reports, missing versus late.
@Suite struct DeadlineRuleTests {
    /// One report per office and phase, matched to the phase by its label, due after grace days.
    static let phaseReportMissing = """
          - id: phase-report-missing
            title: 阶段报告未报送
            severity: error
            kind: deadline
            subjects: {table: offices}
            period: phases
            records:
              table: reports
              where:
                all:
                  - {field: 所编号, eq: {subject: key}}
                  - {field: 阶段, eq: {period: label}}
            grace_days: {param: report_grace_days}
            judge: missing
            message: "{subject}未报送{period}书面报告（应于{due}前报送）"

        """

    /// The same report judged for lateness: the earliest report dated on or before as-of decides.
    static let phaseReportLate = """
          - id: phase-report-late
            title: 阶段报告逾期
            severity: warning
            kind: deadline
            subjects: {table: offices}
            period: phases
            records:
              table: reports
              where:
                all:
                  - {field: 所编号, eq: {subject: key}}
                  - {field: 阶段, eq: {period: label}}
            grace_days: {param: report_grace_days}
            judge: late
            message: "{subject}{period}书面报告于{actual}报送，逾期{days_late}天"

        """

    static let phaseReports = phaseReportMissing + phaseReportLate

    static let pack = TestPack(rules: phaseReports)

    static let reports = [
        "O1,动员学习,2022-06-05",
        "O1,组织实施,2023-03-15",   // due 2023-03-10: five days late
        "O1,组织实施,2023-03-25",   // a later copy changes nothing
        "O2,动员学习,2022/6/10",    // exactly on the due date
        "O2,组织实施,2023-03-20",
        "O2,组织实施,2023-03-01",   // the earliest report decides
        "O2,检查验收,2023-05-01",   // after as-of: does not exist yet
    ]

    @Test func missingAndLateExcludeEachOther() throws {
        let r = try Fixture(["reports.csv": Self.reports]).audit(Self.pack, asOf: "2023-04-30")
        #expect(r.keyed("phase-report-missing") == ["O1@2023-03-01", "O2@2023-03-01"])
        #expect(r.keyed("phase-report-late") == ["O1@2022-06-01"])
        let late = r.findings("phase-report-late")[0]
        #expect(late.detail("daysLate") == .int(5))
        #expect(late.expected == .day(day("2023-03-10")))
        #expect(late.actual == .day(day("2023-03-15")))
        #expect(late.evidence == [Evidence(file: "reports.csv", line: 3)])
        #expect(late.severity == .warning)
        let missing = r.findings("phase-report-missing")[0]
        #expect(missing.period == range("2023-03-01", "2023-03-31"))
        #expect(missing.severity == .error)
        #expect(r.due.isEmpty)
    }

    @Test func aReportCountsOnlyOnceItIsDatedOnOrBeforeAsOf() throws {
        let reports = ["O1,动员学习,2022-06-01", "O2,动员学习,2022-06-01", "O1,组织实施,2023-03-15", "O2,组织实施,2023-03-01"]
        let before = try Fixture(["reports.csv": reports]).audit(Self.pack, asOf: "2023-03-12")
        #expect(before.keyed("phase-report-missing") == ["O1@2022-06-01"])
        #expect(before.keyed("phase-report-late") == [])
        let after = try Fixture(["reports.csv": reports]).audit(Self.pack, asOf: "2023-03-15")
        #expect(after.keyed("phase-report-missing") == [])
        #expect(after.keyed("phase-report-late") == ["O1@2022-06-01"])
        #expect(after.findings("phase-report-late")[0].detail("daysLate") == .int(5))
    }

    @Test(arguments: [
        ([:], ["O1@2022-06-01"]),
        (["report_grace_days": "5"], ["O1@2022-06-01"]),       // due 03-05; O2's 03-01 still on time
        (["report_grace_days": "4"], ["O1@2022-06-01"]),
        (["report_grace_days": "15"], []),                     // due 03-15: on the day
        (["report_grace_days": "0"], ["O1@2022-06-01", "O2@2022-06-01"]), // due 02-28
    ])
    func graceDaysMoveTheDueDate(parameters: [String: String], late: [String]) throws {
        let reports = ["O1,组织实施,2023-03-15", "O2,组织实施,2023-03-01"]
        let r = try Fixture(["reports.csv": reports]).audit(Self.pack, asOf: "2023-04-30", parameters)
        #expect(r.keyed("phase-report-late") == late)
        let grace = Int(parameters["report_grace_days"] ?? "10")!
        if let f = r.findings("phase-report-late").first {
            let due = day("2023-02-28").adding(days: grace)
            #expect(f.expected == .day(due))
            #expect(f.detail("daysLate") == .int(Int(day("2023-03-15").rawValue - due.rawValue)))
        }
    }

    @Test func missingReportIsDueUntilTheGraceDaysEnd() throws {
        let dueNow = try Fixture().audit(Self.pack, asOf: "2023-03-09")
        #expect(dueNow.dueKeyed("phase-report-missing") == ["O1@2022-06-01", "O1@2023-03-01", "O2@2022-06-01", "O2@2023-03-01"])
        #expect(dueNow.due("phase-report-missing").map(\.dueDate) == [day("2023-03-10"), day("2023-04-10"), day("2023-03-10"), day("2023-04-10")])
        #expect(dueNow.keyed("phase-report-missing") == ["O1@2022-05-01", "O2@2022-05-01"])
        // On the due date itself the requirement is judged.
        let judged = try Fixture().audit(Self.pack, asOf: "2023-03-10")
        #expect(judged.keyed("phase-report-missing") == ["O1@2022-05-01", "O1@2022-06-01", "O2@2022-05-01", "O2@2022-06-01"])
        #expect(judged.dueKeyed("phase-report-missing") == ["O1@2023-03-01", "O2@2023-03-01"])
        #expect(judged.due("phase-report-late").isEmpty && dueNow.due("phase-report-late").isEmpty)
    }

    @Test func invalidReportRowsDoNotCount() throws {
        let r = try Fixture(["reports.csv": [
            "O1,动员学习,2022-06-31",   // impossible date
            "O2,动员学习阶段,2022-06-01", // not a declared phase
            "O9,动员学习,2022-06-01",   // unknown office
        ]]).audit(Self.pack, asOf: "2022-07-01")
        #expect(r.keyed("phase-report-missing") == ["O1@2022-05-01", "O2@2022-05-01"])
        #expect(r.lines("data.invalid-value") == ["reports.csv:2", "reports.csv:3"])
        #expect(r.lines("data.unknown-reference") == ["reports.csv:4"])
        #expect(r.findings("data.unknown-reference")[0].offices == ["O9"])
    }
}
