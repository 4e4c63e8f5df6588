import Testing
@testable import DudaoCore

/// A predicate's gate (the necessary condition checked before its nodes) must turn away only
/// rows the nodes would turn away too.
@Suite struct PredicateGateTests {
    typealias Node = Predicate.Node

    /// A predicate over hand-made nodes (node 0 is the root).
    private func predicate(_ nodes: [Node], kids: [Int32] = [], values: [Int64] = [], store: PlanMemory) -> Predicate {
        Predicate(nodes: store.copy(nodes), kids: store.copy(kids), values: store.copy(values), cells: store.copy([Cell]()),
                  bytes: store.copy([UInt8]()))
    }

    private func literal(_ column: Int32, _ op: Condition.Comparison = .eq, _ value: Int64) -> Node {
        Node(kind: .literal, op: op, column: column, a: 0, b: 0, value: value)
    }

    private func holds(_ p: Predicate, _ row: [Cell]) -> Bool {
        row.withUnsafeBufferPointer { p.evaluate($0.baseAddress!) }
    }

    @Test func equalityInsideAllIsTheGate() {
        let store = PlanMemory()
        // all(col0 == 3, col1 == 100)
        let p = predicate([Node(kind: .all, op: .eq, column: 0, a: 0, b: 2, value: 0), literal(0, .eq, 3), literal(1, .eq, 100)],
                          kids: [1, 2], store: store)
        #expect(p.gateColumn == 0 && p.gateMask == 1 << 3)
        #expect(holds(p, [.of(3), .of(100)]))
        #expect(!holds(p, [.of(3), .of(99)]))
        #expect(!holds(p, [.of(4), .of(100)]))
        #expect(!holds(p, [.empty, .of(100)]))
        #expect(!holds(p, [.invalid, .of(100)]))
        #expect(!holds(p, [.of(-1), .of(100)]))
        #expect(!holds(p, [.of(3 + 64), .of(100)]))
    }

    @Test func oneOfSmallValuesIsTheGate() {
        let store = PlanMemory()
        let p = predicate([Node(kind: .oneOf, op: .eq, column: 1, a: 0, b: 2, value: 0)], values: [0, 63], store: store)
        #expect(p.gateColumn == 1 && p.gateMask == (1 << 63 | 1))
        #expect(holds(p, [.empty, .of(0)]) && holds(p, [.empty, .of(63)]))
        #expect(!holds(p, [.empty, .of(1)]) && !holds(p, [.empty, .empty]))
    }

    @Test func noGateWhereTheNodesDecideOtherwise() {
        let store = PlanMemory()
        // any(col0 == 3, col1 == 100): either may hold.
        let any = predicate([Node(kind: .any, op: .eq, column: 0, a: 0, b: 2, value: 0), literal(0, .eq, 3), literal(1, .eq, 100)],
                            kids: [1, 2], store: store)
        #expect(any.gateColumn == -1)
        #expect(holds(any, [.of(4), .of(100)]))
        // Negated one-of: empty and other values hold.
        let notIn = predicate([Node(kind: .oneOf, op: .eq, column: 0, a: 0, b: 1, value: 1)], values: [3], store: store)
        #expect(notIn.gateColumn == -1)
        #expect(holds(notIn, [.empty]) && holds(notIn, [.of(4)]) && !holds(notIn, [.of(3)]))
        // A value outside 0..<64 (an id code, an amount) cannot be a bit.
        let large = predicate([literal(0, .eq, 200_000)], store: store)
        #expect(large.gateColumn == -1)
        #expect(holds(large, [.of(200_000)]))
        // Only equality gates; col0 != 3 holds for 4.
        let ne = predicate([literal(0, .ne, 3)], store: store)
        #expect(ne.gateColumn == -1 && holds(ne, [.of(4)]))
    }
}
