import Testing
@testable import DudaoCore

/// The as-of date: what is judged, what is still due, what does not exist yet.
@Suite struct AsOfTests {
    static let pack = TestPack(rules: CountRuleTests.marketFairQuarterly, CountRuleTests.adviceMonthly, CountRuleTests.enterpriseCheckup,
                               CountRuleTests.lectureQuarterly, DeadlineRuleTests.phaseReports)

    @Test func runningPeriodGivesDueItemsAndLaterPeriodsNothing() throws {
        let r = try Fixture(["activities.csv": ["A1,2022-07-01,O2,P2,赶大集,,,,,,"]]).audit(Self.pack, asOf: "2022-07-15")
        #expect(r.findings("market-fair-quarterly").isEmpty)
        #expect(r.dueKeyed("market-fair-quarterly") == ["O1@2022-06-01"])   // O2 has met it already
        let item = r.due("market-fair-quarterly")[0]
        #expect(item.dueDate == day("2022-08-31") && item.expected == 1 && item.actual == 0)
        #expect(item.period == range("2022-06-01", "2022-08-31"))
        #expect(item.offices == ["O1"])
        #expect(r.dueKeyed("advice-monthly-street") == ["P1@2022-07-01", "P2@2022-07-01"])
        #expect(r.keyed("advice-monthly-street") == ["P1@2022-06-01", "P2@2022-06-01"])
        #expect(r.dueKeyed("enterprise-checkup") == ["E1@2022-06-01"])
    }

    @Test func onTheLastDayOfThePeriodItIsJudged() throws {
        let r = try Fixture().audit(Self.pack, asOf: "2022-08-31")
        #expect(r.keyed("market-fair-quarterly") == ["O1@2022-06-01", "O2@2022-06-01"])
        #expect(r.dueKeyed("market-fair-quarterly") == [])
    }

    @Test func recordsAfterAsOfDoNotExist() throws {
        let rows = [
            "A1,2022-10-20,O9,P1,赶大集,X9,,可能,abc,,",   // invalid and unknown, but in the future
            "A2,2022-10-20,O1,P1,赶大集,,,,,,",
            "A3,2022-10-20,O1,P1,赶大集,,,,,,",            // would be a duplicate
            "A4,2022-10-20,O2,P1,赶大集,,,,,,",            // would be an office mismatch and a duplicate
        ]
        let before = try Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2022-10-19")
        #expect(before.dataFindings().isEmpty)
        #expect(before.dueKeyed("market-fair-quarterly") == ["O1@2022-09-01", "O2@2022-09-01"])
        let after = try Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2022-10-20")
        #expect(after.lines("data.invalid-value") == ["activities.csv:2"])
        #expect(after.lines("data.unknown-reference") == ["activities.csv:2"])
        #expect(after.lines("data.duplicate-record") == ["activities.csv:4", "activities.csv:5"])
        #expect(after.lines("data.office-mismatch") == ["activities.csv:5"])
        #expect(after.dueKeyed("market-fair-quarterly") == [])
    }

    @Test(arguments: ["2022-05-02", "2022-10-15", "2023-04-30"])
    func rowWithUnreadableDateAlwaysExists(asOf: String) throws {
        let r = try Fixture(["activities.csv": ["A1,2099/13/45,O1,P1,赶大集,,,,,,"]]).audit(Self.pack, asOf: asOf)
        #expect(r.lines("data.invalid-value") == ["activities.csv:2"])
        #expect(r.findings("data.invalid-value")[0].detail("fields") == .texts(["日期"]))
    }

    @Test func beforeImplementationOnlyTheMobilisationReportCanBeDue() throws {
        let r = try Fixture(["contacts.csv": ["P1,C1,联系点,2022-01-01,"]]).audit(Self.pack, asOf: "2022-05-20")
        #expect(r.findings.isEmpty)
        #expect(r.due.map { "\($0.rule) \($0.subject.id ?? "")@\($0.period.start.iso)" } == [
            "phase-report-missing O1@2022-05-01", "phase-report-missing O2@2022-05-01",
        ])
        #expect(r.checkDate == nil)
    }

    @Test func beforeTheProgramNothingAtAll() throws {
        let r = try Fixture().audit(Self.pack, asOf: "2022-04-30")
        #expect(r.findings.isEmpty && r.due.isEmpty)
    }

    @Test func rostersAreNotCutAtAsOf() throws {
        // P3 leaves on 2022-10-20: a planned end decides the subjects of the running month.
        let r = try Fixture(["practitioners.csv": ["P1,张一,O1,,", "P3,王三,O1,,2022-10-20"]]).audit(Self.pack, asOf: "2022-10-15")
        #expect(r.dueKeyed("advice-monthly-street") == ["P1@2022-10-01"])
        // A contact point planned to end before the quarter ends: C1 is no subject of the running quarter.
        let c = try Fixture(["contacts.csv": ["P1,C1,联系点,2022-01-01,2022-11-29", "P2,C2,联系点,2022-01-01,"]]).audit(Self.pack, asOf: "2022-10-15")
        #expect(c.dueKeyed("lecture-quarterly") == ["C2@2022-09-01"])
        #expect(c.keyed("lecture-quarterly") == ["C1@2022-06-01", "C2@2022-06-01"])
    }
}
