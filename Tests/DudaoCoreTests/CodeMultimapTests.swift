import Testing
@testable import DudaoCore

/// Values grouped by code come back per code, in the order they were added, and a code
/// never added has none.
struct CodeMultimapTests {
    @Test func eachCodeGivesItsValuesInOrder() {
        var b = CodeMultimap<String>.Builder()
        for (code, v) in [(5, "a"), (-3, "b"), (5, "c"), (900_000_000_000, "d"), (-3, "e"), (5, "f")] {
            b.append(v, for: Int64(code))
        }
        let map = b.build()
        #expect(map[5].map(Array.init) == ["a", "c", "f"])
        #expect(map[-3].map(Array.init) == ["b", "e"])
        #expect(map[900_000_000_000].map(Array.init) == ["d"])
        #expect(map[6] == nil)
        #expect(Set(map.codes) == [5, -3, 900_000_000_000])
    }

    @Test func anEmptyMapHasNoCodes() {
        let map = CodeMultimap<Int>.Builder().build()
        #expect(map[0] == nil && map.codes.isEmpty)
    }

    /// Small codes from 0 (as ids' codes are) are kept in an array by code, and read the same.
    @Test func denseCodesReadTheSame() {
        var b = CodeMultimap<Int>.Builder()
        for i in 0..<100 where i % 3 != 1 { b.append(i, for: Int64(i / 2)) }
        let map = b.build()
        for code in 0..<50 {
            let added = [2 * code, 2 * code + 1].filter { $0 % 3 != 1 }
            #expect(map[Int64(code)].map(Array.init) == (added.isEmpty ? nil : added))
        }
        #expect(map[50] == nil && map[-1] == nil)
        #expect(map.codes.count == Set((0..<100).filter { $0 % 3 != 1 }.map { $0 / 2 }).count)
    }
}
