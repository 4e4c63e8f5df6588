import Testing
@testable import DudaoCore

/// Work spread over cores must give exactly what one loop gives.
struct ConcurrentTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 20_000], [1, 2, 3])
    func mapKeepsIndexOrder(_ count: Int, threads: Int) {
        #expect(Concurrent.map(count: count, threads: threads) { $0 * 3 + 1 } == (0..<count).map { $0 * 3 + 1 })
        #expect(Concurrent.map(count: count, threads: threads, block: 7) { $0 * 3 + 1 } == (0..<count).map { $0 * 3 + 1 })
    }

    /// Keys with many ties, the ties broken by index: the two-halves sort and merge must give
    /// the one-thread order, below and above the size where it splits.
    @Test(arguments: [0, 1, 100, 8192, 8193, 50_001], [1, 2])
    func sortedIndicesAreTheOneThreadOrder(_ count: Int, threads: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let keys = (0..<count).map { _ in Int(rng.next() % 97) }
        let less: (Int, Int) -> Bool = { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        #expect(Concurrent.sortedIndices(count: count, threads: threads, by: less) == (0..<count).sorted(by: less))
    }
}
