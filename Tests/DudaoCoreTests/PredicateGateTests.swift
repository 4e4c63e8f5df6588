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

    /// The gate stands in for the node it comes from, so that node is not evaluated again; any
    /// other node still is.
    @Test func theNodeTheGateComesFromIsNotEvaluatedAgain() {
        let store = PlanMemory()
        // all(col1 == 100, col0 == 3): the first kid cannot gate (100 is not a bit), the second does.
        let second = predicate([Node(kind: .all, op: .eq, column: 0, a: 0, b: 2, value: 0), literal(1, .eq, 100), literal(0, .eq, 3)],
                               kids: [1, 2], store: store)
        #expect(second.gateColumn == 0 && second.gateKid == 1)
        #expect(holds(second, [.of(3), .of(100)]))
        #expect(!holds(second, [.of(3), .of(99)]) && !holds(second, [.of(2), .of(100)]))
        // A root that is the gate's node is the gate alone.
        let alone = predicate([literal(0, .eq, 5)], store: store)
        #expect(alone.gateKid == Predicate.wholeTree)
        #expect(holds(alone, [.of(5)]) && !holds(alone, [.of(6)]) && !holds(alone, [.empty]))
        // A gate from inside a nested all stands for part of that kid only: every node is evaluated.
        let nested = predicate([Node(kind: .all, op: .eq, column: 0, a: 0, b: 2, value: 0),
                                Node(kind: .all, op: .eq, column: 0, a: 2, b: 2, value: 0), literal(2, .eq, 7),
                                literal(0, .eq, 3), literal(1, .eq, 100)],
                               kids: [1, 2, 3, 4], store: store)
        #expect(nested.gateColumn == 0 && nested.gateKid == Predicate.noKid)
        #expect(holds(nested, [.of(3), .of(100), .of(7)]))
        #expect(!holds(nested, [.of(3), .of(99), .of(7)]) && !holds(nested, [.of(3), .of(100), .of(8)]))
    }
}
