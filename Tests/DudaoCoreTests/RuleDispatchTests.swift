import Testing
@testable import DudaoCore

/// A row visits exactly the rules whose gate lets it through, in the rules' order.
@Suite struct RuleDispatchTests {
    private func visited(_ d: RuleDispatch, _ row: [Cell]) -> [Int32] {
        row.withUnsafeBufferPointer { Array(d.rules(for: $0.baseAddress!)) }
    }

    @Test func listsByTheMostTestedColumn() {
        // Rules 0, 2, 3 gate on column 1 (the majority); rule 1 has no gate; rule 4 gates on column 0.
        let d = RuleDispatch(gates: [(1, 1 << 2), nil, (1, 1 << 2 | 1 << 5), (1, 1 << 63), (0, 1)])
        #expect(d.column == 1)
        #expect(visited(d, [.of(0), .of(2)]) == [0, 1, 2, 4])
        #expect(visited(d, [.of(0), .of(5)]) == [1, 2, 4])
        #expect(visited(d, [.of(0), .of(63)]) == [1, 3, 4])
        #expect(visited(d, [.of(0), .of(7)]) == [1, 4])
        // No value below 64: only the rules not gated on the column.
        for cell in [Cell.empty, .invalid, .of(64), .of(-1)] { #expect(visited(d, [.of(0), cell]) == [1, 4]) }
    }

    @Test func withoutGatesEveryRowVisitsEveryRule() {
        let d = RuleDispatch(gates: [nil, nil, nil])
        #expect(d.column == -1)
        #expect(visited(d, [.of(3)]) == [0, 1, 2])
        #expect(visited(RuleDispatch(gates: []), [.of(3)]) == [])
    }
}
