import Foundation
import Testing
@testable import DudaoCore

/// A dataset with something for most rules, used by the encoding and determinism tests.
let busyFixture = Fixture([
    "practitioners.csv": ["P1,张一,O1,,", "P2,李二,O2,2022-07-15,", "P3,王三,O1,2022-13-01,"],
    "contacts.csv": ["P1,C1,联系点,2022-01-01,", "P2,C2,联系点,2022-07-15,", "P1,S1,法律顾问,2022-01-01,", "P2,S2,联系点,2022-01-01,"],
    "activities.csv": [
        "A1,2022-07-01,O1,P1,赶大集,,,,,,",
        "A2,2022年7月1日,O1,P1,赶大集,,,,,,",
        "A3,2022-07-02,O2,P1,法律咨询,,,是,30,,\"两行\n备注\"",
        "A4,2022-08-01,O1,P1,法律事务,,合同审查,是,250,,",
        "A5,2022-08-02,O1,P1,接访,,,,,,",
        "A6,2022-04-01,O1,P1,法律建议,S1,,,,,",
        "A7,2022-09-01,O9,P1,法制课,X1,,,,,",
        "A8,2022/9/31,O1,P1,法制课,C1,,,,,",
        "A9,2022-10-01,O1,P1,法律建议,C1,,,,,",
    ],
    "reports.csv": ["O1,动员学习,2022-06-15", "O2,组织实施,2023-03-01"],
])

@Suite struct EncodingAndDeterminismTests {
    func summary(_ r: AuditResult) -> [String] {
        r.findings.map { "\($0.fingerprint) \($0.rule) \($0.subject.id ?? "-") \($0.subject.line ?? 0) \($0.status) \($0.message)" }
            + r.due.map { "due \($0.rule) \($0.subject.id ?? "-") \($0.period.start.iso) \($0.message)" }
    }

    @Test func gb18030GivesTheSameFindingsAsUTF8() throws {
        let utf8 = try busyFixture.audit(.everyRule, asOf: "2023-04-30")
        let gb = try busyFixture.audit(.everyRule, asOf: "2023-04-30", encoding: gb18030)
        // The encoding really differs.
        #expect(busyFixture.files(encoding: gb18030)["activities.csv"] != busyFixture.files()["activities.csv"])
        #expect(utf8.findings.count > 20)
        #expect(summary(gb) == summary(utf8))
        #expect(utf8.findings == gb.findings)
    }

    @Test func utf8WithBOMAndCRLF() throws {
        var files = busyFixture.files()
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
            files[name] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        }
        let r = try Audit.run(pack: TestPack.everyRule.load(), dataset: .memory(name: "fixture", files: files),
                              options: AuditOptions(asOf: day("2023-04-30")))
        #expect(summary(r) == summary(try busyFixture.audit(.everyRule, asOf: "2023-04-30")))
    }

    @Test func loneCRLineEndingsInGB18030() throws {
        var files: [String: [UInt8]] = [:]
        for name in Fixture.headers.keys {
            let text = busyFixture.text(name).replacingOccurrences(of: "\n", with: "\r")
            files[name] = [UInt8](text.data(using: gb18030)!)
        }
        let r = try Audit.run(pack: TestPack.everyRule.load(), dataset: .memory(name: "fixture", files: files),
                              options: AuditOptions(asOf: day("2023-04-30")))
        #expect(summary(r) == summary(try busyFixture.audit(.everyRule, asOf: "2023-04-30")))
    }

    @Test(arguments: ["2022-07-20", "2022-10-15", "2023-04-30"])
    func sameInputSameFindingsInTheSameOrder(asOf: String) throws {
        let a = try busyFixture.audit(.everyRule, asOf: asOf)
        let b = try busyFixture.audit(.everyRule, asOf: asOf)
        #expect(a.findings.map(\.fingerprint) == b.findings.map(\.fingerprint))
        #expect(a.findings == b.findings)
        #expect(a.due == b.due)
        #expect(summary(a) == summary(b))
    }

    @Test func fingerprintsAreUniqueWithinARun() throws {
        let r = try busyFixture.audit(.everyRule, asOf: "2023-04-30")
        #expect(Set(r.findings.map(\.fingerprint)).count == r.findings.count)
    }

    @Test func rowsSharingARecordIdGetDistinctFingerprints() throws {
        let rows = ["A1,2022-07-05,O1,P1,接访,,,,,,", "A1,2022-07-05,O1,P1,接访,,,,,,", "A1,2022-07-05,O1,P1,接访,,,,,,"]
        let r = try Fixture(["activities.csv": rows]).audit(.everyRule, asOf: "2023-04-30")
        #expect(r.findings("outcome-recorded").count == 3)
        #expect(r.findings("data.duplicate-record").count == 2)
        #expect(Set(r.findings.map(\.fingerprint)).count == r.findings.count)
        // The first row keeps the fingerprint it has when its id is unique.
        let single = try Fixture(["activities.csv": [rows[0]]]).audit(.everyRule, asOf: "2023-04-30")
        #expect(r.byLine("outcome-recorded").first?.fingerprint == single.findings("outcome-recorded").first?.fingerprint)
    }
}
