import DudaoYAML
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
                                  file: "exemptions.yaml", line: 2, column: 5))
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
        ("exemptions:\n  - rule: x\n    subject: O1\n    reason: r\n    approver: a\n    ↓approvr: a\n", ExemptionProblem.Reason.unknownKey(key: "approvr", suggestion: "approver")),
        ("exemptions:\n  - rule: x\n    subject: O1\n    reason: r\n    approver: a\n    expires: ↓2023-02-30\n", .invalidDate(key: "expires", value: "2023-02-30")),
        ("exemptions:\n  - ↓rule: x\n    reason: r\n    approver: a\n", .missingKey(key: "subject")),
        ("exemptions:\n  - rule: x\n    subject: ↓[O1]\n    reason: r\n    approver: a\n", .notText(key: "subject")),
        ("exemptions:\n  - ↓just a line\n", .notAMapping),
        ("↓rule: x\n", .notAList),
    ])
    func badExemptionFilesAreRunErrorsWithAPlace(marked: String, _ reason: ExemptionProblem.Reason) {
        let m = MarkedText(marked)
        #expect(throws: RunError.badExemptions([ExemptionProblem(file: "x.yaml", line: m.line, column: m.column, reason: reason)])) {
            try Exemption.load(Array(m.text.utf8), file: "x.yaml")
        }
    }

    /// A file with several mistakes reports each of them, in file order, and loads nothing.
    @Test func everyMistakeInTheFileIsReported() throws {
        let text = """
            exemptions:
              - rule: market-fair-quarterly
                subject: O1
                reason: r
                approvr: a
                expires: 2023-02-30
              - rule: enterprise-checkup
                reason: r
                approver: a
              - rule: street-adviser
                subject: S1
                subject: S2
                reason: r
                approver: a
            """
        do {
            _ = try Exemption.load(Array(text.utf8), file: "x.yaml")
            Issue.record("the file should not load")
        } catch {
            guard case .badExemptions(let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:5", "5:5", "6:14", "7:5", "12:5"])
            #expect(problems.map(\.reason) == [
                .missingKey(key: "approver"),
                .unknownKey(key: "approvr", suggestion: "approver"),
                .invalidDate(key: "expires", value: "2023-02-30"),
                .missingKey(key: "subject"),
                .yaml(YAMLError(mark: Mark(file: "x.yaml", line: 12, column: 5),
                                reason: .duplicateKey(key: "subject", first: Mark(file: "x.yaml", line: 11, column: 5)))),
            ])
            #expect(error.message(english: true).split(separator: "\n").count == 5)
            #expect(error.message(english: true).hasPrefix("x.yaml:2:5: the exemption has no 'approver'"))
        }
    }

    func outcomes(_ text: String, asOf: String = "2023-03-15") throws -> AuditResult {
        let exemptions = try Exemption.load(Array(text.utf8), file: "e.yaml")
        return try Fixture().audit(Self.pack, asOf: asOf, exemptions: exemptions)
    }

    @Test func anUnknownRuleWaivesNothingAndSuggestsTheNearestRule() throws {
        let r = try outcomes("""
            exemptions:
              - {rule: market-fair-quartely, subject: O1, reason: r, approver: a}
              - {rule: data.duplicate-records, subject: A1, reason: r, approver: a}
              - {rule: no-such-thing, subject: O1, reason: r, approver: a}
              - {rule: data.duplicate-record, subject: A1, reason: r, approver: a}
              - {rule: market-fair, subject: O1, reason: r, approver: a}
            """)
        #expect(r.exemptions.map(\.issue) == [
            .unknownRule(suggestion: "market-fair-quarterly"), .unknownRule(suggestion: "data.duplicate-record"),
            .unknownRule(suggestion: nil), nil, .unknownRule(suggestion: "market-fair-quarterly"),
        ])
        #expect(r.exemptions.map(\.state) == [.unused, .unused, .unused, .unused, .unused])
        #expect(r.findings("market-fair-quarterly").allSatisfy { $0.status == .open })
    }

    @Test func aRepeatedExemptionIsReportedAndOnlyTheFirstApplies() throws {
        let r = try outcomes("""
            exemptions:
              - {rule: market-fair-quarterly, subject: O1, reason: 第一条, approver: a}
              - {rule: market-fair-quarterly, subject: O1, period: 2022-06-01, reason: 只管一季, approver: a}
              - {rule: market-fair-quarterly, subject: O1, reason: 第二条, approver: b}
              - {rule: enterprise-checkup, subject: E1, reason: 过期, approver: a, expires: 2023-01-01}
              - {rule: enterprise-checkup, subject: E1, reason: 续期, approver: a, expires: 2023-12-31}
              - {rule: enterprise-checkup, subject: E1, reason: 又一条, approver: a}
            """)
        #expect(r.exemptions.map { "\($0.line) \($0.state) \($0.matched)" } == [
            "2 applied 3", "3 applied 1", "4 unused 0", "5 expired 0", "6 applied 1", "7 unused 0",
        ])
        #expect(r.exemptions.map(\.issue) == [nil, nil, .duplicate(firstLine: 2), nil, nil, .duplicate(firstLine: 6)])
        // The waiver is the first exemption's, not the repeat's.
        #expect(r.findings("market-fair-quarterly").filter { $0.subject.id == "O1" }.map(\.waiver?.reason) == ["只管一季", "第一条", "第一条"])
        #expect(r.findings("enterprise-checkup").map(\.waiver?.reason) == ["续期"])
    }

    @Test func aMissingFileADirectoryOrAFIFOIsAClearErrorAtOnce() throws {
        let folder = try ScratchFolder()
        let fifo = try folder.fifo("exemptions.yaml")
        for (path, problem) in [(fifo, FileProblem.notAFile(kind: .fifo)), (folder.path, .notAFile(kind: .directory)),
                                (folder.path + "/none.yaml", .missing)] {
            #expect(throws: RunError.badExemptions([ExemptionProblem(file: path, reason: .file(problem))])) {
                try Exemption.load(contentsOf: path)
            }
        }
        let message = RunError.badExemptions([ExemptionProblem(file: fifo, reason: .file(.notAFile(kind: .fifo)))])
        #expect(message.message(english: true) == "\(fifo): exemptions file: is a named pipe (FIFO), not a regular file")
        #expect(message.message(english: false) == "\(fifo): 豁免清单：是命名管道（FIFO），不是普通文件")
    }

    @Test func aRegularFileIsReadFromDisk() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("e.yaml", Self.file)
        let loaded = try Exemption.load(contentsOf: path)
        #expect(loaded.count == 5)
        #expect(loaded.allSatisfy { $0.file == path })
    }
}

/// `--office` with an id the roster does not know is an error with a suggestion, not an
/// office that seems to have no problems.
struct OfficeFilterTests {
    @Test func anUnknownOfficeIsAnError() {
        let fixture = Fixture()
        #expect(throws: RunError.unknownOffice(id: "O3", hint: IDSuggestion(close: ["O1", "O2"], total: 2))) {
            try Audit.run(pack: ExemptionTests.pack.load(), dataset: fixture.dataset(), options: AuditOptions(asOf: day("2023-04-30"), offices: ["O3"]))
        }
    }

    @Test func aKnownOfficeFiltersTheFindings() throws {
        let result = try Audit.run(pack: ExemptionTests.pack.load(), dataset: Fixture().dataset(), options: AuditOptions(asOf: day("2023-04-30"), offices: ["O2"]))
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.offices.contains("O2") })
    }
}
