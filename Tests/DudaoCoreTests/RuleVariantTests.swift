import Testing
@testable import DudaoCore

/// Rule shapes checked by contrast: the same data under two rules that differ in one key
/// (a threshold, `distinct`, `cover`, the grace days, the severity), so each key is seen to
/// change exactly what it should.
@Suite struct RuleVariantTests {
    static func variant(_ rule: String, _ edits: [(String, String)]) -> TestPack {
        var text = rule
        for (old, new) in edits {
            precondition(text.contains(old), "the rule has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return TestPack(rules: text)
    }

    @Test func aThresholdAboveOneCountsEveryMatchingRow() throws {
        let pack = Self.variant(CountRuleTests.marketFairQuarterly, [("    at_least: 1\n", "    at_least: 2\n")])
        let r = try Fixture(["activities.csv": [
            "A1,2022-06-10,O1,P1,赶大集,,,,,,",
            "A2,2022-08-01,O1,P1,赶大集,,,,,,",
            "A3,2022-10-01,O1,P1,赶大集,,,,,,",
        ]]).audit(pack, asOf: "2023-03-15")
        #expect(r.keyed("market-fair-quarterly") == ["O1@2022-09-01", "O1@2022-12-01", "O2@2022-06-01", "O2@2022-09-01", "O2@2022-12-01"])
        #expect(r.findings("market-fair-quarterly").map(\.actual) == [.count(1), .count(0), .count(0), .count(0), .count(0)])
        #expect(r.findings("market-fair-quarterly").allSatisfy { $0.expected == .count(2) })
        // In a running quarter the due item says how many are still needed.
        let running = try Fixture(["activities.csv": ["A1,2022-06-10,O1,P1,赶大集,,,,,,"]]).audit(pack, asOf: "2022-07-01")
        #expect(running.due("market-fair-quarterly").map { "\($0.subject.id ?? "") \($0.actual)/\($0.expected)" } == ["O1 1/2", "O2 0/2"])
    }

    /// `distinct` counts each value of a column once; without it every row counts.
    @Test(arguments: [(true, ["P2"]), (false, [String]())])
    func distinctCountsEachValueOnce(distinct: Bool, expected: [String]) throws {
        let edits = [("    at_least: {param: min_contact_points}\n", "    at_least: 2\n")]
            + (distinct ? [] : [("      distinct: 对象编号\n", "")])
        let pack = Self.variant(CountRuleTests.practitionerContacts, edits)
        let r = try Fixture(["contacts.csv": [
            "P1,C1,联系点,2022-01-01,", "P1,C2,联系点,2022-01-01,",
            "P2,C1,联系点,2022-01-01,", "P2,C1,联系点,2022-03-01,",
        ]]).audit(pack, asOf: "2022-10-15")
        #expect(r.subjects("practitioner-contacts") == expected)
        if distinct { #expect(r.findings("practitioner-contacts").first?.actual == .count(1)) }
    }

    /// `every_day` needs an assignment on each day of the period; `some_day` on any one day.
    @Test(arguments: [("every_day", [String]()), ("some_day", ["C1@2022-06-01"])])
    func coverDecidesWhichAssignmentsMakeASubject(cover: String, expected: [String]) throws {
        let pack = Self.variant(CountRuleTests.lectureQuarterly, [("cover: every_day", "cover: \(cover)")])
        let r = try Fixture(["contacts.csv": ["P1,C1,联系点,2022-07-01,2022-07-15"]]).audit(pack, asOf: "2023-03-15")
        #expect(r.keyed("lecture-quarterly") == expected)
    }

    @Test(arguments: [("0", "2023-02-28", 1), ("3", "2023-03-03", nil as Int?)])
    func graceDaysWrittenInTheRule(grace: String, due: String, daysLate: Int?) throws {
        let pack = Self.variant(DeadlineRuleTests.phaseReportLate, [("grace_days: {param: report_grace_days}", "grace_days: \(grace)")])
        let r = try Fixture(["reports.csv": ["O1,组织实施,2023-03-01"]]).audit(pack, asOf: "2023-04-30")
        #expect(r.findings("phase-report-late").map { $0.detail("daysLate") } == (daysLate.map { [.int($0)] } ?? []))
        if daysLate != nil { #expect(r.findings("phase-report-late").first?.expected == .day(day(due))) }
    }

    @Test(arguments: [("error", Severity.error), ("warning", .warning), ("info", .info)])
    func severityIsTheRules(written: String, severity: Severity) throws {
        let pack = Self.variant(RecordRuleTests.outcomeRecorded, [("severity: warning", "severity: \(written)")])
        let r = try Fixture(["activities.csv": ["A1,2022-07-01,O1,P1,接访,,,,,,"]]).audit(pack, asOf: "2023-04-30")
        #expect(r.findings("outcome-recorded").map(\.severity) == [severity])
    }
}
