import Testing
import DudaoTable

/// Dense group numbers for fixed-width keys: first seen first, the same key the same group
/// however the table has grown, and every key read back as it was given.
struct GroupIndexTests {
    @Test func numbersKeysInTheOrderFirstSeenAcrossGrowth() {
        var index = GroupIndex(width: 3)
        var expected: [[Int64]] = []
        // Enough keys to grow the key store and the table several times; keys that differ in one word only.
        for round in 0..<2 {
            for i in 0..<5_000 {
                let key: [Int64] = [Int64(i % 7), Int64(i / 7) - 300, i % 2 == 0 ? Int64.min : Int64.min + 1]
                let (group, added) = key.withUnsafeBufferPointer { index.group(of: $0.baseAddress!) }
                if round == 0 {
                    #expect(group == expected.count && added)
                    expected.append(key)
                } else {
                    #expect(group == i && !added)
                }
            }
        }
        #expect(index.count == 5_000)
        #expect((0..<index.count).allSatisfy { Array(index.key($0)) == expected[$0] })
    }

    @Test func noKeyColumnsMeansOneGroup() {
        var index = GroupIndex(width: 0)
        let key: [Int64] = [42]
        let first = key.withUnsafeBufferPointer { index.group(of: $0.baseAddress!) }
        let second = key.withUnsafeBufferPointer { index.group(of: $0.baseAddress!) }
        #expect(first == (0, true) && second == (0, false) && index.count == 1)
    }
}
