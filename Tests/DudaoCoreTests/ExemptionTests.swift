import Testing
@testable import DudaoCore

/// Exemptions waive findings without dropping them, and every exemption gets an outcome.
@Suite struct ExemptionTests {
    static let pack = TestPack(rules: CountRuleTests.marketFairQuarterly, CountRuleTests.enterpriseCheckup, CountRuleTests.checkDateRules,
                               RecordRuleTests.freeConsultation)

    static let file = """
    exemptions:
      - rule: market-fair-quarterly
        subject: O1
        period: 2022-06-01
        reason: 疫情期间暂停集市
        approver: 区司法局
        expires: 2023-12-31
      - rule: enterprise-checkup
        subject: E1
        reason: 企业停产
        approver: 区司法局
        expires: 2023-03-14
      - rule: street-adviser
        subject: S9
        reason: 街道撤并
        approver: 区司法局
      - rule: market-fair-quarterly
        subject: O2
        reason: 无集市
        approver: 区司法局
      - rule: free-livelihood-consultation
        subject: activities.csv:3
        reason: 已退费
        approver: 所主任
    """

    func run(asOf: String = "2023-03-15") throws -> AuditResult {
        let exemptions = try Exemption.load(Array(Self.file.utf8), file: "exemptions.yaml")
        return try Fixture(["activities.csv": [
            "A1,2022-07-01,O1,P1,法律咨询,,,是,50,,",
            "A2,2022-07-02,O1,P1,法律咨询,,,是,80,,",   // matched by file:line
        ]]).audit(Self.pack, asOf: asOf, exemptions: exemptions)
    }

    @Test func loadsEveryField() throws {
        let e = try Exemption.load(Array(Self.file.utf8), file: "exemptions.yaml")
        #expect(e.count == 5)
        #expect(e[0] == Exemption(rule: "market-fair-quarterly", subject: "O1", period: day("2022-06-01"),
                                  reason: "疫情期间暂停集市", approver: "区司法局", expires: day("2023-12-31"),
                                  file: "exemptions.yaml", line: 2))
        #expect(e[2].expires == nil && e[2].period == nil && e[2].line == 13)
    }

    @Test func waivedFindingsStayWithTheirWaiver() throws {
        let r = try run()
        let fairs = r.findings("market-fair-quarterly").filter { $0.subject.id == "O1" }
        #expect(fairs.map(\.status) == [.waived, .open, .open])    // only the exempted quarter
        #expect(fairs[0].waiver == Waiver(reason: "疫情期间暂停集市", approver: "区司法局", expires: day("2023-12-31")))
        #expect(fairs[1].waiver == nil)
        // Without a period the exemption covers every period.
        #expect(r.findings("market-fair-quarterly").filter { $0.subject.id == "O2" }.map(\.status) == [.waived, .waived, .waived])
        let fees = r.findings("free-livelihood-consultation").sorted { ($0.subject.line ?? 0) < ($1.subject.line ?? 0) }
        #expect(fees.map { "\($0.subject.line ?? 0) \($0.status)" } == ["2 open", "3 waived"])
    }

    @Test func outcomesSayAppliedExpiredOrUnused() throws {
        let r = try run()
        #expect(r.exemptions.map { "\($0.rule) \($0.state) \($0.matched)" } == [
            "market-fair-quarterly applied 1",
            "enterprise-checkup expired 0",
            "street-adviser unused 0",
            "market-fair-quarterly applied 3",
            "free-livelihood-consultation applied 1",
        ])
        #expect(r.findings("enterprise-checkup").map(\.status) == [.open])
        #expect(r.exemptions[0].period == range("2022-06-01", "2022-06-01"))
        #expect(r.exemptions[1].file == "exemptions.yaml" && r.exemptions[1].line == 8)
    }

    @Test func anExemptionIsInForceOnItsExpiryDate() throws {
        let r = try run(asOf: "2023-03-14")
        #expect(r.exemptions[1].state == .applied)
        #expect(r.findings("enterprise-checkup").map(\.status) == [.waived])
    }

    @Test func waivedFindingsDoNotCountAsOpen() throws {
        let with = try run()
        let without = try Fixture(["activities.csv": [
            "A1,2022-07-01,O1,P1,法律咨询,,,是,50,,",
            "A2,2022-07-02,O1,P1,法律咨询,,,是,80,,",
        ]]).audit(Self.pack, asOf: "2023-03-15")
        #expect(with.findings.count == without.findings.count)
        let waivedErrors = with.findings.filter { $0.status == .waived && $0.severity >= .error }.count
        #expect(waivedErrors == 5)
        #expect(with.openFindings(atLeast: .error) == without.openFindings(atLeast: .error) - 5)
        #expect(with.openFindings(atLeast: .warning) == without.openFindings(atLeast: .warning) - 5)
    }

    @Test(arguments: [
        ("exemptions:\n  - rule: x\n    subject: O1\n    reason: r\n    ↓approvr: a\n", "unknown key"),
        ("exemptions:\n  - rule: x\n    subject: O1\n    reason: r\n    approver: a\n    expires: ↓2023-02-30\n", "bad date"),
        ("exemptions:\n  - ↓rule: x\n    reason: r\n    approver: a\n", "missing subject"),
    ])
    func badExemptionFilesAreRunErrorsWithAPlace(marked: String, _ what: String) {
        let m = MarkedText(marked)
        #expect(throws: RunError.self) { try Exemption.load(Array(m.text.utf8), file: "x.yaml") }
        do {
            _ = try Exemption.load(Array(m.text.utf8), file: "x.yaml")
        } catch {
            guard case .badExemptions(let file, let line, let column, _) = error else {
                Issue.record("\(what): \(error)")
                return
            }
            #expect(file == "x.yaml")
            #expect(line == m.line, "\(what)")
            #expect(column == m.column, "\(what)")
        }
    }
}

/// `--office` with an id the roster does not know is an error with a suggestion, not an
/// office that seems to have no problems.
struct OfficeFilterTests {
    @Test func anUnknownOfficeIsAnError() {
        let fixture = Fixture()
        #expect(throws: RunError.unknownOffice(id: "O3", suggestion: "O1")) {
            try Audit.run(pack: ExemptionTests.pack.load(), dataset: fixture.dataset(), options: AuditOptions(asOf: day("2023-04-30"), offices: ["O3"]))
        }
    }

    @Test func aKnownOfficeFiltersTheFindings() throws {
        let result = try Audit.run(pack: ExemptionTests.pack.load(), dataset: Fixture().dataset(), options: AuditOptions(asOf: day("2023-04-30"), offices: ["O2"]))
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.offices.contains("O2") })
    }
}
