import Testing
@testable import DudaoCore

/// Moving findings into sorted order must give exactly what copying them would.
@Suite struct PermuteTests {
    @Test func everyPermutationOfSixAndRandomLargeOnes() {
        var rng = SplitMix64(seed: 7)
        var orders: [[Int]] = [[], [0], [1, 0], [2, 0, 1], [0, 1, 2]]
        for n in [6, 50, 1000] {
            var order = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            orders.append(order)
        }
        for order in orders {
            let items = order.indices.map { "item \($0)" }
            var moved = items
            FindingOrder.permute(&moved, by: order)
            #expect(moved == order.map { items[$0] })
        }
    }
}
