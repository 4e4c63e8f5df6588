import Testing
@testable import DudaoCore

/// New, persisting and resolved counted once per finding for the run and once per office it names.
struct ChangeTallyTests {
    private func finding(_ offices: [String], _ change: FindingChange?) -> Finding {
        var f = Finding(rule: "r", title: "r", severity: .error, subject: Subject(kind: "office", id: "x", name: nil),
                        offices: offices, period: nil, message: "m", fingerprint: "f")
        f.change = change
        return f
    }

    @Test func countsTheRunEachOfficeAndTheUnattributed() {
        let tally = ChangeTally(
            findings: [finding(["A"], .new), finding(["A", "B"], .persisting), finding([], .new), finding(["B", "B"], .new),
                       finding(["A"], nil)],
            resolved: [finding(["B"], .resolved), finding([], .resolved)])
        #expect(tally.total == (3, 1, 2))
        #expect(tally.office("A") == (1, 1, 0))
        #expect(tally.office("B") == (1, 1, 1))
        #expect(tally.office(nil) == (1, 0, 1))
        #expect(tally.office("Z") == (0, 0, 0))
    }
}
