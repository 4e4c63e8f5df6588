import Testing
@testable import DudaoTable

@Suite struct ByteInternerTests {
    @Test func codesAreDenseAndStable() {
        var interner = ByteInterner()
        #expect(interner.intern("P0001") == 0)
        #expect(interner.intern("") == 1)
        #expect(interner.intern("法律体检") == 2)
        #expect(interner.intern("P0001") == 0)
        #expect(interner.count == 3)
        #expect(interner.string(2) == "法律体检" && interner.string(1) == "")
        #expect(Array("法律体检".utf8).withUnsafeBytes { interner.code(of: $0) } == 2)
        #expect(Array("法律".utf8).withUnsafeBytes { interner.code(of: $0) } == nil)
    }

    @Test(arguments: [1, 16, 100_000])
    func manyKeysSurviveGrowthAndCollisions(capacity: Int) {
        var interner = ByteInterner(capacity: capacity)
        // Keys of every length 0...24 that differ in one byte, at the start, the end or a word edge,
        // so probe chains and equal-length comparisons are exercised.
        var keys: [[UInt8]] = []
        for length in 0...24 {
            for position in Set([0, length / 2, 7, 8, length - 1]) where position >= 0 && position < length {
                for value in [0, 1, 0x80, 0xFF] as [UInt8] {
                    var key = [UInt8](repeating: 0x41, count: length)
                    key[position] = value
                    keys.append(key)
                }
            }
            keys.append([UInt8](repeating: 0x41, count: length))
        }
        for i in 0..<50_000 { keys.append(Array("A-2022-\(i)".utf8)) }
        var unique: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        for (i, key) in unique.enumerated() {
            #expect(key.withUnsafeBytes { interner.intern($0) } == Int32(i))
        }
        #expect(interner.count == unique.count)
        var mismatches = 0
        for (i, key) in unique.enumerated() {
            if key.withUnsafeBytes({ interner.code(of: $0) }) != Int32(i) { mismatches += 1 }
            if Array(interner.string(Int32(i)).utf8) != key && String(validating: key, as: UTF8.self) != nil {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(Array("A-2022-50000".utf8).withUnsafeBytes { interner.code(of: $0) } == nil)
    }

    @Test func hashesSpreadOverLowBits() {
        // The table masks the low bits; sequential ids must not pile into few buckets.
        var buckets = [Int](repeating: 0, count: 1024)
        for i in 0..<102_400 {
            let hash = Array("P\(i)".utf8).withUnsafeBytes { ByteInterner.hash($0) }
            buckets[Int(hash & 1023)] += 1
        }
        #expect(buckets.max()! < 200 && buckets.min()! > 40)
    }

    /// Keys of one length that differ only past the first word, or only in the last byte, are
    /// told apart by the byte comparison the fingerprint lets through (checked against a
    /// dictionary of the same keys); absent keys of every length are not found.
    @Test func agreesWithADictionaryOnSameLengthKeys() {
        var interner = ByteInterner()
        var reference: [[UInt8]: Int32] = [:]
        var rng = SplitMix64(seed: 14)
        for length in 1...40 {
            for _ in 0..<200 {
                var key = [UInt8](repeating: 0x30, count: length)
                key[rng.below(length)] = UInt8(0x30 + rng.below(4))
                key[length - 1] = UInt8(0x30 + rng.below(10))
                let code = key.withUnsafeBytes { interner.intern($0) }
                if let known = reference[key] {
                    #expect(code == known)
                } else {
                    #expect(code == Int32(reference.count))
                    reference[key] = code
                }
            }
        }
        var wrong = 0
        for (key, code) in reference where key.withUnsafeBytes({ interner.code(of: $0) }) != code { wrong += 1 }
        for length in 1...40 {
            let absent = [UInt8](repeating: 0x39, count: length) + [0x2D]
            if absent.withUnsafeBytes({ interner.code(of: $0) }) != nil { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(interner.count == reference.count)
    }

    @Test func comparesEveryByteOfShortAndLongKeys() {
        for length in 1...24 {
            let base = (0..<length).map { UInt8(0x41 + $0) }
            for position in 0..<length {
                var other = base
                other[position] ^= 0x20
                let same = base.withUnsafeBytes { a in other.withUnsafeBytes { b in ByteInterner.same(a, b, at: 0) } }
                #expect(!same, "length \(length), byte \(position)")
            }
            #expect(base.withUnsafeBytes { a in base.withUnsafeBytes { b in ByteInterner.same(a, b, at: 0) } })
        }
    }
}
