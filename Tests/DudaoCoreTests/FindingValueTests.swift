import Testing
import DudaoTable
@testable import DudaoCore

/// A finding keeps its fields in a shared box, but behaves as a value: a change to one copy
/// never shows in another, and equality looks at the fields, not at the box.
struct FindingValueTests {
    private func sample(message: String = "未按期开展") -> Finding {
        Finding(rule: "lecture-quarterly", title: "每季度开展法制课", severity: .error,
                subject: Subject(kind: "office", id: "SO01", name: "城关司法所"), offices: ["SO01"], period: nil,
                expected: .count(1), actual: .count(0), message: message,
                evidence: [Evidence(file: "activities.csv", line: 7)], details: [("daysLate", .int(3))],
                fingerprint: "0123456789abcdef")
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = sample()
        var copy = original
        copy.status = .waived
        copy.waiver = Waiver(reason: "已整改", approver: "督导组", expires: nil)
        copy.fingerprint = "fedcba9876543210"
        copy.subject.line = 12
        copy.details.append(("date", .text("2023-03-01")))
        #expect(original.status == .open && original.waiver == nil)
        #expect(original.fingerprint == "0123456789abcdef" && original.subject.line == nil)
        #expect(original.details.count == 1)
        #expect(copy.status == .waived && copy.fingerprint == "fedcba9876543210" && copy.subject.line == 12)
        #expect(copy.details.count == 2)
        #expect(copy != original)
    }

    @Test func findingsInAnArrayChangeOneByOne() {
        var list = Array(repeating: sample(), count: 3)
        list[1].change = .new
        #expect(list.map(\.change) == [nil, .new, nil])
    }

    @Test func equalityComparesFieldsNotBoxes() {
        #expect(sample() == sample())
        #expect(sample() != sample(message: "另一条"))
        #expect(Set([sample(), sample()]).count == 1)
    }

    /// A waiver and an amount given at the start read back as given.
    @Test func aWaiverAndAnAmountGivenAtTheStartReadBack() {
        let waiver = Waiver(reason: "病假，经所主任报备", approver: "李明", expires: Day(rawValue: 19_000))
        let f = Finding(rule: "livelihood-fee-cap", title: "收费不超过标准", severity: .error, status: .waived,
                        subject: Subject(kind: "record", id: "A1"), offices: [], period: nil,
                        expected: .amount(Amount(micros: 50_000_000)), actual: .amount(Amount(micros: 80_000_000)),
                        message: "收费超过标准", waiver: waiver, fingerprint: "fee:A1")
        #expect(f.waiver == waiver)
        #expect(f.expected == .amount(Amount(micros: 50_000_000)) && f.actual == .amount(Amount(micros: 80_000_000)))
    }
}
